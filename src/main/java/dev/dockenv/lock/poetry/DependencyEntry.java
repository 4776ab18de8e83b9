package dev.dockenv.lock.poetry;

import dev.dockenv.errors.DidYouMean;
import dev.dockenv.errors.InputException;
import dev.dockenv.errors.SourceLocation;
import dev.dockenv.pep.Marker;
import dev.dockenv.pep.Pep503;
import dev.dockenv.pep.PepSyntaxException;
import dev.dockenv.pep.Requirement;
import dev.dockenv.python.DeclaredRequirement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tomlj.TomlArray;
import org.tomlj.TomlTable;

/**
 * One entry of a poetry dependency table, as PEP 508 requirements, the way poetry writes them
 * into package metadata:
 * <ul>
 * <li>{@code requests = "^2.31"} gives {@code requests>=2.31,<3.0};</li>
 * <li>{@code {version, extras, python, platform, markers}}: extras in brackets, and the marker
 * {@code markers and python and platform} ({@code python = "^3.8"} becomes
 * {@code python_version >= "3.8" and python_version < "4.0"}, {@code platform = "linux"}
 * {@code sys_platform == "linux"});</li>
 * <li>{@code optional = true} in the main group: the marker {@code extra == "<e>"} for each
 * [tool.poetry.extras] entry that lists it (poetry installs it only with one of those extras); an
 * optional dependency that no extra lists is never installed and gives no requirement;</li>
 * <li>git: {@code name @ git+<url>[@<branch|tag|rev>][#subdirectory=<dir>]}, scp-like
 * {@code git@host:org/repo.git} as {@code git+ssh://git@host/org/repo.git};</li>
 * <li>path and file: {@code name @ file:./<path>} relative to pyproject.toml as written (an
 * absolute path gives {@code file:///...}); {@code develop = true} (editable) has no PEP 508
 * form and is dropped here (poetry.lock keeps it);</li>
 * <li>url: {@code name @ <url>};</li>
 * <li>a list of tables: one requirement per table (each meant for its own markers);</li>
 * <li>{@code allow-prereleases} and {@code source} have no PEP 508 form (a source is checked
 * to exist and counts for the index order).</li>
 * </ul>
 */
final class DependencyEntry {
    private static final List<String> KEYS = List.of("version", "python", "platform", "markers",
            "allow-prereleases", "allows-prereleases", "optional", "extras", "source", "develop",
            "path", "file", "git", "branch", "tag", "rev", "subdirectory", "url");
    private static final List<String> LOCATIONS = List.of("git", "path", "file", "url");
    private static final Set<String> BOOLEANS = Set.of("allow-prereleases", "allows-prereleases", "optional", "develop");

    private final TomlPlace place;
    private final String tablePath;
    private final boolean mainGroup;
    private final Map<String, List<String>> extrasByDependency;
    private final Set<String> sourceNames;
    private final Set<String> referencedSources = new LinkedHashSet<>();

    /**
     * @param tablePath          the dependency table's dotted key, for messages
     * @param extrasByDependency normalized dependency name to the [tool.poetry.extras] that list it
     * @param sourceNames        the declared source names, lower case
     */
    DependencyEntry(TomlPlace place, String tablePath, boolean mainGroup, Map<String, List<String>> extrasByDependency,
            Set<String> sourceNames) {
        this.place = place;
        this.tablePath = tablePath;
        this.mainGroup = mainGroup;
        this.extrasByDependency = extrasByDependency;
        this.sourceNames = sourceNames;
    }

    /** Source names (lower case) that the entries read so far named with {@code source = "..."}. */
    Set<String> referencedSources() {
        return Set.copyOf(referencedSources);
    }

    /** The requirements of entry {@code name} of {@code table}. */
    List<DeclaredRequirement> read(TomlTable table, String name) {
        SourceLocation at = place.of(table, name);
        if (!Pep503.isValidName(name)) {
            throw new InputException(at, tablePath + ": '" + name + "' is not a valid package name");
        }
        Object value = table.get(List.of(name));
        if (value instanceof String constraint) {
            return List.of(requirement(name, constraint, at, Optional.empty()));
        }
        if (value instanceof TomlTable spec) {
            return fromTable(name, spec, at).map(List::of).orElse(List.of());
        }
        if (value instanceof TomlArray list && !list.isEmpty()) {
            List<DeclaredRequirement> out = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                SourceLocation itemAt = place.of(list, i);
                Object item = list.get(i);
                if (item instanceof String constraint) {
                    out.add(requirement(name, constraint, itemAt, Optional.empty()));
                } else if (item instanceof TomlTable spec) {
                    fromTable(name, spec, itemAt).ifPresent(out::add);
                } else {
                    throw new InputException(itemAt, "dependency '" + name
                            + "': each element of a multiple-constraints list must be a table such as "
                            + "{version = \"^1.0\", python = \"<3.10\"}");
                }
            }
            return out;
        }
        throw new InputException(at, "dependency '" + name + "': expected a version constraint string (\"^1.2\"), "
                + "a table ({version = \"^1.2\", extras = [...]}) or a list of tables");
    }

    private DeclaredRequirement requirement(String name, String constraint, SourceLocation at,
            Optional<String> marker) {
        String spec = pep440(name, constraint, at);
        return validated(name, name + spec + marker.map(m -> " ; " + m).orElse(""), at);
    }

    private Optional<DeclaredRequirement> fromTable(String name, TomlTable spec, SourceLocation at) {
        for (String key : spec.keySet()) {
            if (!KEYS.contains(key)) {
                throw new InputException(place.of(spec, key), "dependency '" + name + "': unknown key '" + key + "'"
                        + DidYouMean.closest(key, KEYS).map(k -> " (did you mean '" + k + "'?)").orElse(""),
                        "valid keys: " + String.join(", ", KEYS));
            }
            Object v = spec.get(List.of(key));
            boolean ok = key.equals("extras") ? v instanceof TomlArray
                    : BOOLEANS.contains(key) ? v instanceof Boolean : v instanceof String;
            if (!ok) {
                throw new InputException(place.of(spec, key), "dependency '" + name + "': '" + key + "' must be "
                        + (key.equals("extras") ? "an array of extra names"
                                : BOOLEANS.contains(key) ? "true or false" : "a string"));
            }
        }
        List<String> locations = LOCATIONS.stream().filter(spec::contains).toList();
        if (locations.size() > 1) {
            throw new InputException(place.of(spec, locations.get(1)), "dependency '" + name + "': '"
                    + locations.get(0) + "' and '" + locations.get(1) + "' cannot be combined");
        }
        Optional<String> location = locations.stream().findFirst();
        if (location.isPresent() && spec.contains("version")) {
            throw new InputException(place.of(spec, "version"), "dependency '" + name + "': 'version' cannot be "
                    + "combined with '" + location.get() + "'");
        }
        List<String> refs = List.of("branch", "tag", "rev").stream().filter(spec::contains).toList();
        if (!refs.isEmpty() && !location.equals(Optional.of("git"))) {
            throw new InputException(place.of(spec, refs.get(0)), "dependency '" + name + "': '" + refs.get(0)
                    + "' needs a git dependency");
        }
        if (refs.size() > 1) {
            throw new InputException(place.of(spec, refs.get(1)), "dependency '" + name + "': give only one of "
                    + "branch, tag and rev");
        }
        Optional<String> source = Optional.ofNullable(spec.getString(List.of("source")));
        if (source.isPresent()) {
            String lower = source.get().toLowerCase(Locale.ROOT);
            if (!sourceNames.contains(lower) && !lower.equals("pypi")) {
                throw new InputException(place.of(spec, "source"), "dependency '" + name + "': source '"
                        + source.get() + "' is not declared in [[tool.poetry.source]]");
            }
            referencedSources.add(lower);
        }

        List<Marker> markers = new ArrayList<>();
        String userMarker = spec.getString(List.of("markers"));
        if (userMarker != null) {
            markers.add(marker(name, userMarker, place.of(spec, "markers"), "markers"));
        }
        String python = spec.getString(List.of("python"));
        if (python != null) {
            SourceLocation pyAt = place.of(spec, "python");
            try {
                Optional<String> m = PoetryConstraint.parse(python).toPythonMarker();
                if (m.isPresent()) {
                    markers.add(marker(name, m.get(), pyAt, "python"));
                }
            } catch (InvalidConstraintException e) {
                throw new InputException(pyAt, "dependency '" + name + "': python: " + e.getMessage(), e.hint());
            }
        }
        String platform = spec.getString(List.of("platform"));
        if (platform != null) {
            platformMarker(platform).ifPresent(m -> markers.add(marker(name, m, place.of(spec, "platform"),
                    "platform")));
        }
        if (Boolean.TRUE.equals(spec.getBoolean(List.of("optional"))) && mainGroup) {
            List<String> extras = extrasByDependency.getOrDefault(Pep503.normalize(name), List.of());
            if (extras.isEmpty()) {
                return Optional.empty();
            }
            String any = String.join(" or ", extras.stream().map(e -> "extra == \"" + e + "\"").toList());
            markers.add(marker(name, any, at, "optional"));
        }
        Optional<String> marker = markers.stream().reduce(Marker.And::new).map(Marker::toString);

        String extras = extras(name, spec);
        String text;
        if (location.isEmpty()) {
            String constraint = spec.contains("version") ? spec.getString(List.of("version")) : "*";
            SourceLocation versionAt = spec.contains("version") ? place.of(spec, "version") : at;
            text = name + extras + pep440(name, constraint, versionAt);
        } else {
            String where = spec.getString(List.of(location.get()));
            Optional<String> subdirectory = Optional.ofNullable(spec.getString(List.of("subdirectory")));
            String url = switch (location.get()) {
                case "git" -> gitUrl(where, refs.stream().findFirst().map(r -> spec.getString(List.of(r))));
                case "url" -> where;
                default -> fileUrl(where);
            };
            text = name + extras + " @ " + url + subdirectory.map(s -> "#subdirectory=" + s).orElse("");
        }
        return Optional.of(validated(name, text + marker.map(m -> " ; " + m).orElse(""), at));
    }

    private String extras(String name, TomlTable spec) {
        TomlArray array = spec.getArray(List.of("extras"));
        if (array == null || array.isEmpty()) {
            return "";
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (!(array.get(i) instanceof String extra) || !Pep503.isValidName(extra.strip())) {
                throw new InputException(place.of(array, i), "dependency '" + name + "': extras must be extra "
                        + "names such as \"security\"");
            }
            names.add(extra.strip());
        }
        return "[" + String.join(",", names) + "]";
    }

    private String pep440(String name, String constraint, SourceLocation at) {
        try {
            return PoetryConstraint.parse(constraint).toPep440();
        } catch (InvalidConstraintException e) {
            throw new InputException(at, "dependency '" + name + "': " + e.getMessage(), e.hint());
        }
    }

    private static Marker marker(String name, String text, SourceLocation at, String key) {
        try {
            return Marker.parse(text);
        } catch (PepSyntaxException e) {
            throw new InputException(at, "dependency '" + name + "': invalid " + key + " '" + text + "': "
                    + e.getMessage());
        }
    }

    /** poetry's platform constraint ({@code linux}, {@code linux || darwin}, {@code !=win32}) on sys_platform. */
    static Optional<String> platformMarker(String platform) {
        List<String> ors = new ArrayList<>();
        for (String alternative : platform.split("\\s*\\|\\|?\\s*")) {
            List<String> ands = new ArrayList<>();
            for (String term : alternative.strip().split("\\s*,\\s*")) {
                String t = term.strip();
                String op = "==";
                if (t.startsWith("!=")) {
                    op = "!=";
                    t = t.substring(2).strip();
                } else if (t.startsWith("==")) {
                    t = t.substring(2).strip();
                }
                if (!t.equals("*")) {
                    ands.add("sys_platform " + op + " \"" + t + "\"");
                }
            }
            if (ands.isEmpty()) {
                return Optional.empty();
            }
            ors.add(String.join(" and ", ands));
        }
        return Optional.of(ors.size() == 1 ? ors.get(0) : String.join(" or ", ors));
    }

    /** A git repository as a PEP 508 direct reference. */
    static String gitUrl(String git, Optional<String> ref) {
        String url;
        if (git.startsWith("git+")) {
            url = git;
        } else if (!git.contains("://") && git.matches("[^@/:]+@[^:/]+:.+")) {
            int colon = git.indexOf(':');
            url = "git+ssh://" + git.substring(0, colon) + "/" + git.substring(colon + 1);
        } else {
            url = "git+" + git;
        }
        return url + ref.map(r -> "@" + r).orElse("");
    }

    /** A path as written in pyproject.toml as a {@code file:} URL, relative ones kept relative. */
    static String fileUrl(String path) {
        String p = path.replace('\\', '/');
        StringBuilder encoded = new StringBuilder();
        for (char c : p.toCharArray()) {
            switch (c) {
                case ' ' -> encoded.append("%20");
                case '%' -> encoded.append("%25");
                case '#' -> encoded.append("%23");
                case '?' -> encoded.append("%3F");
                default -> encoded.append(c);
            }
        }
        String e = encoded.toString();
        if (e.startsWith("/")) {
            return "file://" + e;
        }
        return "file:" + (e.startsWith("./") || e.startsWith("../") ? e : "./" + e);
    }

    private DeclaredRequirement validated(String name, String text, SourceLocation at) {
        try {
            Requirement.parse(text);
        } catch (PepSyntaxException e) {
            throw new InputException(at, "dependency '" + name + "' gives the invalid requirement '" + text + "': "
                    + e.getMessage());
        }
        return new DeclaredRequirement(text, at);
    }
}
