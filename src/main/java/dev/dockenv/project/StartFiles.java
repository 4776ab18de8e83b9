package dev.dockenv.project;

import dev.dockenv.errors.SourceLocation;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a folder of the project (the root, or an app's folder) holds that tells how it starts, as
 * read by {@link StartFilesScanner}, for the prod image's command when none is configured (the
 * choice among them is {@code start.StartDetector}'s): the Procfile's {@code web:} line, a Django
 * site, the modules that create a Flask or FastAPI app, and the scripts {@code main.py} /
 * {@code app.py}. Every name here is checked: module paths and attributes are Python identifiers,
 * a Procfile line is one line without control characters.
 *
 * @param folder the folder, '/'-separated relative to the project ("" for the root)
 */
public record StartFiles(String folder, Optional<ProcfileWeb> procfileWeb, Optional<DjangoSite> django,
        List<WebModule> webModules, List<String> scripts) {

    /** A dotted Python name: identifiers joined by dots. */
    public static final Pattern DOTTED_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");
    /** The scripts the last rule runs, first found wins (as Nixpacks and others look for them). */
    public static final List<String> SCRIPTS = List.of("main.py", "app.py");

    public StartFiles {
        webModules = List.copyOf(webModules);
        scripts = List.copyOf(scripts);
    }

    /** Nothing read: a configured command (or a script's run) needs none of it. */
    public static StartFiles none(String folder) {
        return new StartFiles(folder, Optional.empty(), Optional.empty(), List.of(), List.of());
    }

    /** The Procfile's {@code web:} process: its command as written and where. */
    public record ProcfileWeb(String command, String file, SourceLocation location) {
    }

    /**
     * A Django site: {@code manage.py} and its settings module, with the WSGI and ASGI applications
     * the settings name (dotted paths such as {@code shop.wsgi.application}).
     *
     * @param settingsFile '/'-separated relative to the folder
     * @param settingsFrom where the settings module is named ({@code manage.py}, or the env setting)
     */
    public record DjangoSite(String settingsModule, String settingsFile, String settingsFrom,
            Optional<String> wsgiApplication, Optional<String> asgiApplication) {
    }

    /** The web framework of a {@link WebModule}. */
    public enum Framework {
        FLASK("Flask"), FASTAPI("FastAPI");

        private final String label;

        Framework(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * A module that creates a web app at import: {@code app = Flask(__name__)} (attribute {@code app}),
     * a Flask factory {@code def create_app()} (attribute {@code create_app()}), {@code api = FastAPI()}.
     *
     * @param file   '/'-separated relative to the folder
     * @param module the module's dotted name from the folder ({@code app}, {@code shop.app})
     */
    public record WebModule(Framework framework, String file, String module, String attribute) {
        public WebModule {
            if (!DOTTED_NAME.matcher(module).matches()
                    || !attribute.matches("[A-Za-z_][A-Za-z0-9_]*(\\(\\))?")) {
                throw new IllegalArgumentException("not a module and attribute: " + module + ":" + attribute);
            }
        }

        /** {@code module:attribute}, as gunicorn and uvicorn take it. */
        public String target() {
            return module + ":" + attribute;
        }
    }
}
