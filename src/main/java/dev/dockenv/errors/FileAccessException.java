package dev.dockenv.errors;

import java.util.Optional;

/**
 * A file or folder that could not be read or written, a project's or dockenv's own cache: exit
 * code {@link ExitCode#FILE_ACCESS}, reported as {@code cannot read PATH: REASON} with the
 * operating system's reason and a hint that fits it. {@link IoFailures} makes them.
 */
public final class FileAccessException extends DockenvException {
    private static final long serialVersionUID = 1L;

    private final String path;
    private final String reason;
    private final IoFailures.Cause kind;

    FileAccessException(String message, String path, String reason, IoFailures.Cause kind, String hint,
            Throwable cause) {
        super(ExitCode.FILE_ACCESS, message, hint, cause);
        this.path = path;
        this.reason = reason;
        this.kind = kind;
    }

    /** The file or folder concerned, when known. */
    public Optional<String> path() {
        return Optional.ofNullable(path);
    }

    /** The operating system's reason, e.g. "Permission denied" or "No space left on device". */
    public String reason() {
        return reason;
    }

    public IoFailures.Cause kind() {
        return kind;
    }

    /** The same error with more advice after its hint (e.g. "or exclude it in .dockerignore"). */
    public FileAccessException withAdvice(String advice) {
        String hint = hint().map(h -> h + "; " + advice).orElse(advice);
        return new FileAccessException(getMessage(), path, reason, kind, hint, getCause());
    }
}
