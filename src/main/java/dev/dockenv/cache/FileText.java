package dev.dockenv.cache;

/**
 * A file that must hold a text for a launcher's record to stand: a running container's state as
 * its engine keeps it ({@code "State":{"Running":true,...,"Health":{"Status":"healthy"}), in a file
 * the engine rewrites at each change of state (and Docker 20.10 at each health check), so that its
 * stamp would not do.
 *
 * @param path the file, read whole
 * @param text what it must contain, exactly (no newline, no NUL)
 */
public record FileText(String path, String text) {
    public FileText {
        if (!comparable(path, text)) {
            throw new IllegalArgumentException("a text the launcher cannot compare: " + path);
        }
    }

    /** The text to find in the file, when the launcher can compare it (else it asks the engine). */
    public static java.util.Optional<FileText> of(String path, String text) {
        return comparable(path, text) ? java.util.Optional.of(new FileText(path, text)) : java.util.Optional.empty();
    }

    private static boolean comparable(String path, String text) {
        return !text.isEmpty() && text.indexOf('\n') < 0 && text.indexOf('\0') < 0 && path.indexOf('\0') < 0;
    }
}
