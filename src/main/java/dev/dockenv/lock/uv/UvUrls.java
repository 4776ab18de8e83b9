package dev.dockenv.lock.uv;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** URL and path spellings made comparable, as uv's {@code normalize_requirement} does. */
final class UvUrls {
    private static final List<String> ARCHIVES = List.of(".whl", ".zip", ".tar.gz", ".tgz", ".tar.bz2", ".tbz",
            ".tar.xz", ".txz", ".tar.zst", ".tar.lz", ".tlz", ".tar.lzma", ".tar");

    private UvUrls() {
    }

    /** The URL without user and password, lower-case scheme and host, no trailing slash. */
    static String withoutCredentials(String url) {
        int scheme = url.indexOf("://");
        if (scheme < 0) {
            return url;
        }
        int hostStart = scheme + 3;
        int pathStart = url.indexOf('/', hostStart);
        String authority = pathStart < 0 ? url.substring(hostStart) : url.substring(hostStart, pathStart);
        String rest = pathStart < 0 ? "" : url.substring(pathStart);
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            authority = authority.substring(at + 1);
        }
        String out = url.substring(0, scheme).toLowerCase(Locale.ROOT) + "://" + authority.toLowerCase(Locale.ROOT)
                + rest;
        return out.endsWith("/") ? out.substring(0, out.length() - 1) : out;
    }

    /** The part before {@code #}. */
    static String withoutFragment(String url) {
        int hash = url.indexOf('#');
        return hash < 0 ? url : url.substring(0, hash);
    }

    /** {@code subdirectory=...} from a URL fragment ({@code #egg=x&subdirectory=sub}). */
    static Optional<String> subdirectoryFragment(String url) {
        int hash = url.indexOf('#');
        if (hash < 0) {
            return Optional.empty();
        }
        for (String part : url.substring(hash + 1).split("&")) {
            if (part.startsWith("subdirectory=")) {
                return Optional.of(normalizePath(part.substring("subdirectory=".length())));
            }
        }
        return Optional.empty();
    }

    /** Whether a path or URL names a distribution file (by its extension) rather than a directory. */
    static boolean isArchive(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return ARCHIVES.stream().anyMatch(lower::endsWith);
    }

    /** A relative path without {@code .} and {@code x/..} steps, with '/' separators; "." for the root. */
    static String normalizePath(String path) {
        String p = Path.of(path.replace('\\', '/')).normalize().toString().replace('\\', '/');
        if (p.endsWith("/") && p.length() > 1) {
            p = p.substring(0, p.length() - 1);
        }
        return p.isEmpty() ? "." : p;
    }

    /** A {@code file:} URL's path, relative to the project root when it is inside or beside it. */
    static String fileUrlPath(String url, Path root) {
        String path = url.replaceFirst("^file:(//)?", "");
        path = path.replace("${PROJECT_ROOT}", root.toString());
        if (path.startsWith("/")) {
            Path absolute = Path.of(path).normalize();
            Path base = root.toAbsolutePath().normalize();
            return normalizePath(base.relativize(absolute).toString());
        }
        return normalizePath(path);
    }
}
