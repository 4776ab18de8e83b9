package dev.dockenv.lock.pylock;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The file name an artifact URL or path ends with. */
public final class FileNames {
    private FileNames() {
    }

    /**
     * The last path segment, without query or fragment, percent-decoded
     * ({@code .../numpy-2.2.3-cp312-cp312-win_amd64.whl#sha256=...} gives the wheel's name);
     * empty when the URL or path ends with a separator.
     */
    public static Optional<String> of(String urlOrPath) {
        String s = urlOrPath;
        int cut = firstIndexOf(s, '#', '?');
        if (cut >= 0) {
            s = s.substring(0, cut);
        }
        int slash = Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\'));
        String last = s.substring(slash + 1);
        if (last.isEmpty()) {
            return Optional.empty();
        }
        if (!last.contains("%")) {
            return Optional.of(last);
        }
        try {
            return Optional.of(URLDecoder.decode(last.replace("+", "%2B"), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.of(last); // a '%' that starts no escape: the name as written
        }
    }

    private static int firstIndexOf(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }
}
