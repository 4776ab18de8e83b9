package dev.dockenv.deps;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** pip's rules for telling paths, archives and URLs apart on a requirement line. */
final class RequirementForms {
    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");
    private static final Set<String> VCS = Set.of("git", "hg", "svn", "bzr");
    private static final Set<String> URL_SCHEMES = Set.of(
            "http", "https", "file", "ftp",
            "git", "git+http", "git+https", "git+ssh", "git+git", "git+file",
            "hg+file", "hg+http", "hg+https", "hg+ssh", "hg+static-http",
            "svn", "svn+ssh", "svn+http", "svn+https", "svn+svn", "svn+file",
            "bzr+http", "bzr+https", "bzr+ssh", "bzr+sftp", "bzr+ftp", "bzr+lp", "bzr+file");
    private static final List<String> ARCHIVE_SUFFIXES = List.of(
            ".whl", ".zip", ".tar.gz", ".tgz", ".tar.bz2", ".tbz", ".tar.xz", ".txz", ".tlz", ".tar.lz",
            ".tar.lzma", ".tar");
    /** {@code name @ ...} or {@code name[extra] @ ...}: a PEP 508 URL requirement, not a path. */
    private static final Pattern NAMED_URL =
            Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]*\\s*(\\[[^\\]]*\\])?\\s*@");

    private RequirementForms() {
    }

    /** The lowercase URL scheme, or "" when {@code text} does not start with one. */
    static String scheme(String text) {
        Matcher m = SCHEME.matcher(text);
        return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : "";
    }

    /** pip's {@code is_url}: a scheme pip knows how to fetch. */
    static boolean isUrl(String text) {
        return URL_SCHEMES.contains(scheme(text));
    }

    static boolean isRemoteUrl(String text) {
        String scheme = scheme(text);
        return scheme.equals("http") || scheme.equals("https");
    }

    static boolean isVcsUrl(String text) {
        String scheme = scheme(text);
        int plus = scheme.indexOf('+');
        return VCS.contains(plus < 0 ? scheme : scheme.substring(0, plus));
    }

    static boolean isArchive(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return ARCHIVE_SUFFIXES.stream().anyMatch(lower::endsWith);
    }

    /** pip's {@code _looks_like_path}: contains a path separator or starts with a dot. */
    static boolean looksLikePath(String text) {
        return text.contains("/") || text.startsWith(".");
    }

    static boolean isNamedUrlRequirement(String text) {
        return NAMED_URL.matcher(text).find();
    }
}
