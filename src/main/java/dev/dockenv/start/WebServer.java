package dev.dockenv.start;

import static dev.dockenv.config.ShellWords.quote;

import dev.dockenv.project.StartFiles;

/**
 * The web servers a detected start command runs, listening on 0.0.0.0:$PORT (8000 when PORT is
 * unset), as the platforms that detect them do: gunicorn for a WSGI app, uvicorn for an ASGI one.
 */
public enum WebServer {
    GUNICORN("gunicorn"), UVICORN("uvicorn");

    /** The port a detected web server listens on when PORT is not set (and the one the image exposes). */
    public static final int DEFAULT_PORT = 8000;
    /** $PORT as the shell expands it, with the default. */
    static final String PORT = "${PORT:-" + DEFAULT_PORT + "}";

    private final String packageName;

    WebServer(String packageName) {
        this.packageName = packageName;
    }

    /** The distribution (and the command) of the server. */
    public String packageName() {
        return packageName;
    }

    /**
     * The shell text that serves {@code target} ({@code module:attribute}, or a module for gunicorn's
     * default {@code application}), checked to be a Python name: nothing else reaches the text.
     */
    String serve(String target) {
        if (!target.matches(StartFiles.DOTTED_NAME.pattern() + "(:[A-Za-z_][A-Za-z0-9_]*(\\(\\))?)?")) {
            throw new IllegalArgumentException("not a module or module:attribute: " + target);
        }
        return switch (this) {
            case GUNICORN -> "gunicorn --bind \"0.0.0.0:" + PORT + "\" " + quote(target);
            case UVICORN -> "uvicorn --host 0.0.0.0 --port \"" + PORT + "\" " + quote(target);
        };
    }
}
