package dev.dockenv.config;

import java.util.Optional;

/**
 * A health check's HTTP path, as dockenv's checks get it ({@code /healthz}): it starts with '/'
 * and has no space, quote, backslash, '$' or control character, so that it is safe in a Python
 * string of the check and in any file it is written to.
 */
public final class HealthPath {
    private HealthPath() {
    }

    /** Why {@code path} is not one, or empty when it is. */
    public static Optional<String> problem(String path) {
        if (!path.startsWith("/") || path.chars().anyMatch(c -> c <= 0x20 || c == 0x7f || c == '\'' || c == '"'
                || c == '\\' || c == '$')) {
            return Optional.of("a health check's path starts with '/' and has no space, quote, backslash, '$' or "
                    + "control character: '" + ImageReference.printable(path) + "'");
        }
        return Optional.empty();
    }
}
