package dev.dockenv.lock.pipenv;

import dev.dockenv.config.TomlDocument;
import dev.dockenv.errors.DidYouMean;
import dev.dockenv.errors.InputException;
import dev.dockenv.errors.SourceLocation;
import dev.dockenv.lock.PackageSource;
import dev.dockenv.pep.Marker;
import dev.dockenv.pep.Pep503;
import dev.dockenv.pep.PepSyntaxException;
import dev.dockenv.pep.Requirement;
import dev.dockenv.pep.SpecifierSet;
import dev.dockenv.python.DeclaredRequirement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.tomlj.TomlArray;
import org.tomlj.TomlTable;

/**
 * Turns one Pipfile package entry into a {@link PipfileEntry}, the way pipenv reads it:
 * <ul>
 * <li>{@code "*"} is any version; a version without an operator means {@code ==} ({@code "2.31"});
 * <li>{@code markers} and the marker keys pipenv accepts ({@code sys_platform = "== 'linux'"}, written
 *     as operator and quoted value) are joined with {@code and};
 * <li>{@code path}, {@code file} and {@code git}/{@code hg}/{@code svn}/{@code bzr} (with {@code ref},
 *     {@code subdirectory}) become direct references.
 * </ul>
 */
final class PipfileEntryReader {
    /** pipenv (distlib's COMPARE_OP): a version string that starts with none of these means "==". */
    private static final Pattern OPERATOR = Pattern.compile("^(<=?|>=?|={2,3}|[~!]=)");
    private static final Pattern URL_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
    private static final Pattern SCP_LIKE = Pattern.compile("^([A-Za-z0-9._-]+@[A-Za-z0-9.-]+):(?!//)(.+)$");
    private static final Pattern WINDOWS_DRIVE = Pattern.compile("^[A-Za-z]:[\\\\/].*");
    static final List<String> VCS = List.of("git", "hg", "svn", "bzr");
    /** The PEP 508 variables pipenv accepts as keys of an entry (requirementslib's PipenvMarkers). */
    static final List<String> MARKER_KEYS = List.of("os_name", "sys_platform", "platform_machine",
            "platform_python_implementation", "platform_release", "platform_system", "platform_version",
            "python_version", "python_full_version", "implementation_name", "implementation_version");
    private static final Set<String> KEYS = keys();
    private static final String PYPI_NAME = "pypi";
    private static final String PYPI_URL = "https://pypi.org/simple";

    private final TomlDocument doc;
    private final List<PipenvSource> sources;

    PipfileEntryReader(TomlDocument doc, List<PipenvSource> sources) {
        this.doc = doc;
        this.sources = sources;
    }

    private static Set<String> keys() {
        Set<String> keys = new LinkedHashSet<>(List.of("version", "extras", "markers", "index", "editable", "path",
                "file", "uri", "ref", "subdirectory", "hashes", "no_binary"));
        keys.addAll(VCS);
        keys.addAll(MARKER_KEYS);
        return Set.copyOf(keys);
    }

    PipfileEntry read(String table, String group, String name) {
        List<String> path = List.of(table, name);
        SourceLocation at = doc.locationOf(path);
        if (!Pep503.isValidName(name)) {
            throw new InputException(at, "'" + name + "' is not a valid package name",
                    "a name has letters, digits, '-', '_' and '.', and starts and ends with a letter or digit");
        }
        Object value = doc.root().get(path);
        if (value instanceof String version) {
            String text = name + specifier(version, name, at);
            return new PipfileEntry(name, group, validated(text, at), new PackageSource.Registry(Optional.empty()),
                    false, Optional.empty());
        }
        if (value instanceof TomlTable entry) {
            return new Entry(path, name, group, entry, at).read();
        }
        throw new InputException(at, TomlDocument.key(path) + ": expected a version string (such as \"*\" or "
                + "\">=1.0\") or a table (such as {version = \"*\", extras = [\"x\"]})");
    }

    /** One table entry being read. */
    private final class Entry {
        private final List<String> path;
        private final String name;
        private final String group;
        private final TomlTable table;
        private final SourceLocation at;

        Entry(List<String> path, String name, String group, TomlTable table, SourceLocation at) {
            this.path = path;
            this.name = name;
            this.group = group;
            this.table = table;
            this.at = at;
        }

        PipfileEntry read() {
            for (String key : table.keySet()) {
                if (!KEYS.contains(key)) {
                    Optional<String> close = DidYouMean.closest(key, KEYS);
                    throw new InputException(location(key), "unknown key '" + key + "' in the entry for " + name,
                            close.map(c -> "did you mean '" + c + "'?").orElse(
                                    "pipenv knows version, extras, markers, index, editable, path, file, "
                                            + "git/hg/svn/bzr, ref, subdirectory and marker variables"));
                }
            }
            List<String> extras = extras();
            Optional<String> marker = marker();
            boolean editable = bool("editable");
            Optional<String> index = string("index");
            Optional<String> ref = string("ref");
            Optional<String> subdirectory = string("subdirectory");
            String prefix = extras.isEmpty() ? name : name + "[" + String.join(",", extras) + "]";

            List<String> locators = new ArrayList<>();
            for (String key : List.of("path", "file", "uri", "git", "hg", "svn", "bzr")) {
                if (table.contains(List.of(key))) {
                    locators.add(key);
                }
            }
            if (locators.size() > 1) {
                throw new InputException(location(locators.get(1)), "the entry for " + name + " gives both "
                        + locators.get(0) + " and " + locators.get(1), "keep only one of them");
            }
            String locator = locators.isEmpty() ? null : locators.get(0);
            if (ref.isPresent() && (locator == null || !VCS.contains(locator))) {
                throw new InputException(location("ref"), "ref is only meaningful with git, hg, svn or bzr");
            }
            if (subdirectory.isPresent() && (locator == null || locator.equals("path"))) {
                throw new InputException(location("subdirectory"),
                        "subdirectory is only meaningful with git, hg, svn, bzr or a file URL");
            }
            PackageSource source;
            String url;
            if (locator == null) {
                String version = string("version").map(v -> specifier(v, name, location("version"))).orElse("");
                source = new PackageSource.Registry(index.map(this::indexUrl));
                String text = prefix + version + marker.map(m -> "; " + m).orElse("");
                return entry(text, source, editable, index);
            }
            String where = string(locator).orElseThrow(() -> wrong(locator, "a string"));
            if (where.isBlank()) {
                throw new InputException(location(locator), locator + ": expected a path or URL, found an empty string");
            }
            if (VCS.contains(locator)) {
                String repo = vcsUrl(locator, where.strip());
                String fragment = fragment(repo, subdirectory);
                String base = withoutFragment(repo);
                source = new PackageSource.Vcs(base + fragment, ref);
                url = base + ref.map(r -> "@" + r).orElse("") + fragment;
            } else if (!locator.equals("path") && URL_SCHEME.matcher(where).find() && !WINDOWS_DRIVE.matcher(where).matches()) {
                url = withoutFragment(where) + fragment(where, subdirectory);
                source = new PackageSource.DirectUrl(url);
            } else {
                source = new PackageSource.LocalPath(where, editable);
                url = fileUrl(where);
            }
            String text = prefix + " @ " + url + marker.map(m -> " ; " + m).orElse("");
            return entry(text, source, editable, index);
        }

        private PipfileEntry entry(String text, PackageSource source, boolean editable, Optional<String> index) {
            return new PipfileEntry(name, group, validated(text, at), source, editable, index);
        }

        private List<String> extras() {
            List<String> key = append("extras");
            if (!doc.contains(key)) {
                return List.of();
            }
            if (!(doc.root().get(key) instanceof TomlArray array)) {
                throw wrong("extras", "an array of extra names, such as [\"socks\"]");
            }
            List<String> extras = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                if (!(array.get(i) instanceof String extra) || !Pep503.isValidName(extra.strip())) {
                    throw new InputException(doc.locationOf(key, i), TomlDocument.key(key)
                            + ": expected extra names (letters, digits, '-', '_', '.')");
                }
                extras.add(extra.strip());
            }
            return extras;
        }

        /** markers and the marker keys, joined with "and" (a part with "or" in parentheses). */
        private Optional<String> marker() {
            List<String> parts = new ArrayList<>();
            List<Marker> parsed = new ArrayList<>();
            for (String variable : MARKER_KEYS.stream().sorted().toList()) {
                Optional<String> condition = string(variable);
                if (condition.isPresent()) {
                    String part = variable + " " + condition.get().strip();
                    parsed.add(parse(part, variable, "write the operator and a quoted value, such as "
                            + variable + " = \"== '" + example(variable) + "'\""));
                    parts.add(part);
                }
            }
            Optional<String> markers = string("markers");
            if (markers.isPresent() && !markers.get().isBlank()) {
                parsed.add(parse(markers.get().strip(), "markers", null));
                parts.add(markers.get().strip());
            }
            if (parts.size() <= 1) {
                return parts.stream().findFirst();
            }
            List<String> joined = new ArrayList<>();
            for (int i = 0; i < parts.size(); i++) {
                joined.add(parsed.get(i) instanceof Marker.Or ? "(" + parts.get(i) + ")" : parts.get(i));
            }
            return Optional.of(String.join(" and ", joined));
        }

        private Marker parse(String marker, String key, String hint) {
            try {
                return Marker.parse(marker);
            } catch (PepSyntaxException e) {
                throw new InputException(location(key), "invalid " + key + " '" + marker + "' for " + name + ": "
                        + e.getMessage(), hint);
            }
        }

        private String indexUrl(String index) {
            if (sources.isEmpty() && index.equals(PYPI_NAME)) {
                return PYPI_URL; // pipenv's implicit source when the Pipfile has none
            }
            for (PipenvSource source : sources) {
                if (source.name().equals(index)) {
                    return source.url();
                }
            }
            List<String> names = sources.isEmpty() ? List.of(PYPI_NAME)
                    : sources.stream().map(PipenvSource::name).toList();
            throw new InputException(location("index"), "index '" + index + "' names no [[source]] of the Pipfile",
                    DidYouMean.closest(index, names).map(n -> "did you mean '" + n + "'?")
                            .orElse("the sources are named " + String.join(", ", names)));
        }

        private boolean bool(String key) {
            Object value = table.get(List.of(key));
            if (value == null) {
                return false;
            }
            if (value instanceof Boolean b) {
                return b;
            }
            throw wrong(key, "true or false");
        }

        private Optional<String> string(String key) {
            Object value = table.get(List.of(key));
            if (value == null) {
                return Optional.empty();
            }
            if (value instanceof String s) {
                return Optional.of(s);
            }
            throw wrong(key, "a string");
        }

        private InputException wrong(String key, String expected) {
            return new InputException(location(key), TomlDocument.key(append(key)) + ": expected " + expected);
        }

        private SourceLocation location(String key) {
            return doc.locationOf(append(key));
        }

        private List<String> append(String key) {
            List<String> out = new ArrayList<>(path);
            out.add(key);
            return out;
        }
    }

    /** A version string as pipenv reads it: "*" (or nothing) is any version, "1.2" means "==1.2". */
    private static String specifier(String written, String name, SourceLocation at) {
        String spec = written.strip();
        if (spec.isEmpty() || spec.equals("*")) {
            return "";
        }
        if (!OPERATOR.matcher(spec).find()) {
            spec = "==" + spec;
        }
        try {
            SpecifierSet.parse(spec);
        } catch (PepSyntaxException e) {
            throw new InputException(at, "invalid version '" + written + "' for " + name + ": " + e.getMessage(),
                    "write a PEP 440 specifier such as \"*\", \"==2.31\" or \">=1,<2\"");
        }
        return spec;
    }

    private static DeclaredRequirement validated(String text, SourceLocation at) {
        try {
            Requirement.parse(text);
        } catch (PepSyntaxException e) {
            throw new InputException(at, "this entry is not a valid requirement ('" + text + "'): " + e.getMessage());
        }
        return new DeclaredRequirement(text, at);
    }

    /** pip's form of a VCS URL: "git+" in front, scp-like "git@host:path" as ssh://git@host/path. */
    private static String vcsUrl(String vcs, String written) {
        String url = written;
        if (url.startsWith(vcs + "+")) {
            return url;
        }
        var scp = SCP_LIKE.matcher(url);
        if (scp.matches()) {
            url = "ssh://" + scp.group(1) + "/" + scp.group(2);
        }
        return vcs + "+" + url;
    }

    private static String withoutFragment(String url) {
        int hash = url.indexOf('#');
        return hash < 0 ? url : url.substring(0, hash);
    }

    /** The URL's fragment (with '#'), with subdirectory= added when the entry gives one. */
    private static String fragment(String url, Optional<String> subdirectory) {
        int hash = url.indexOf('#');
        String fragment = hash < 0 ? "" : url.substring(hash + 1);
        if (subdirectory.isPresent()) {
            String sub = "subdirectory=" + subdirectory.get().strip();
            fragment = fragment.isEmpty() ? sub : fragment + "&" + sub;
        }
        return fragment.isEmpty() ? "" : "#" + fragment;
    }

    /** A file: URL for a local path; relative paths stay relative ("file:./libs/x"). */
    static String fileUrl(String path) {
        String p = path.strip().replace('\\', '/').replace(" ", "%20");
        if (p.startsWith("/")) {
            return "file://" + p;
        }
        if (WINDOWS_DRIVE.matcher(p).matches()) {
            return "file:///" + p;
        }
        return "file:" + p;
    }

    private static String example(String variable) {
        return switch (variable) {
            case "os_name" -> "posix";
            case "sys_platform" -> "linux";
            case "platform_system" -> "Linux";
            case "platform_machine" -> "x86_64";
            case "implementation_name" -> "cpython";
            case "platform_python_implementation" -> "CPython";
            default -> "3.12";
        };
    }
}
