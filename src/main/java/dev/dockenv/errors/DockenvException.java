package dev.dockenv.errors;

import java.util.Optional;

/** An error reported to the user as one clear line (plus an optional hint), never a stack trace. */
public class DockenvException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ExitCode exitCode;
    private final String hint;

    public DockenvException(ExitCode exitCode, String message, String hint) {
        this(exitCode, message, hint, null);
    }

    public DockenvException(ExitCode exitCode, String message, String hint, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
        this.hint = hint;
    }

    public ExitCode exitCode() {
        return exitCode;
    }

    public Optional<String> hint() {
        return Optional.ofNullable(hint);
    }
}
