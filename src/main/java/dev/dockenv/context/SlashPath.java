package dev.dockenv.context;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import dev.dockenv.io.CodePointOrder;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

/** Helpers for '/'-separated paths relative to a build context root. */
final class SlashPath {

    /** Orders paths by their UTF-8 bytes (the same as by code points), so a parent sorts before its children. */
    static final Comparator<String> BYTE_ORDER = CodePointOrder.COMPARATOR;

    private SlashPath() {
    }

    /** Go's {@code path.Clean}: drops empty and "." elements, resolves "..", and returns "." for nothing. */
    static String clean(String path) {
        if (path.isEmpty()) {
            return ".";
        }
        boolean rooted = path.charAt(0) == '/';
        Deque<String> out = new ArrayDeque<>();
        for (String element : path.split("/", -1)) {
            if (element.isEmpty() || element.equals(".")) {
                continue;
            }
            if (element.equals("..")) {
                if (!out.isEmpty() && !out.peekLast().equals("..")) {
                    out.removeLast();
                } else if (!rooted) {
                    out.addLast("..");
                }
                continue;
            }
            out.addLast(element);
        }
        String joined = String.join("/", out);
        if (rooted) {
            return "/" + joined;
        }
        return joined.isEmpty() ? "." : joined;
    }

    /** The proper ancestors of a cleaned relative path, outermost first: "a/b/c" gives "a", "a/b". */
    static List<String> ancestors(String path) {
        List<String> result = new ArrayList<>();
        int slash = path.indexOf('/');
        while (slash >= 0) {
            result.add(path.substring(0, slash));
            slash = path.indexOf('/', slash + 1);
        }
        return result;
    }

    /**
     * Cleans a path that must stay inside the context root.
     *
     * @throws IllegalArgumentException if it is absolute, empty, the root itself or climbs out with ".."
     */
    static String requireEntryPath(String path) {
        String cleaned = clean(path);
        if (cleaned.startsWith("/") || cleaned.equals(".") || cleaned.equals("..") || cleaned.startsWith("../")) {
            throw new IllegalArgumentException("not a path inside the build context: \"" + path + "\"");
        }
        return cleaned;
    }

    /** The '/'-separated path of {@code file} relative to {@code root} ("" for the root itself). */
    static String relative(Path root, Path file) {
        StringBuilder s = new StringBuilder();
        for (Path name : root.relativize(file)) {
            if (s.length() > 0) {
                s.append('/');
            }
            s.append(name);
        }
        return s.toString();
    }
}
