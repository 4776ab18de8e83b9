package dev.dockenv.lock.poetry;

import dev.dockenv.config.TomlDocument;
import dev.dockenv.errors.InputException;
import dev.dockenv.errors.SourceLocation;
import dev.dockenv.lock.DeclaredDependencies;
import dev.dockenv.lock.DependencyGroups;
import dev.dockenv.pep.Pep503;
import dev.dockenv.python.DeclaredRequirement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tomlj.TomlArray;
import org.tomlj.TomlTable;
import dev.dockenv.python.DeclaredPython;

/**
 * Reads poetry's dependency declarations in pyproject.toml into {@link DeclaredDependencies}
 * (format {@value #FORMAT}), each requirement converted to PEP 508 as {@link DependencyEntry}
 * describes:
 * <ul>
 * <li>{@code [tool.poetry.dependencies]}: group "main"; its {@code python} key is the project's
 * Python range (written as PEP 440, see {@link PoetryConstraint#toPep440ForPython()}), not a
 * requirement;</li>
 * <li>{@code [tool.poetry.dev-dependencies]} (poetry before 1.2): group "dev";</li>
 * <li>{@code [tool.poetry.group.<name>.dependencies]}: group {@code <name>} normalized (so
 * "dev" joins the old dev-dependencies), with the groups it {@code include-groups};
 * {@code optional = true} groups are listed in {@link PoetryManifest#optionalGroups()};</li>
 * <li>{@code [[tool.poetry.source]]}: the index URLs in {@link IndexOrder}'s order.</li>
 * </ul>
 * When [project] declares {@code dependencies} or {@code optional-dependencies} (poetry 2, and
 * "dependencies" not in {@code dynamic}), those are the main group and stay with
 * {@link dev.dockenv.pyproject.PyprojectReader}: [tool.poetry.dependencies] then only adds
 * information to them (it is still checked) and only the groups are read here.
 */
public final class PoetryManifestReader {
    public static final String FORMAT = "pyproject.toml [tool.poetry]";

    private static final List<String> POETRY = List.of("tool", "poetry");
    private static final List<String> GROUP_KEYS = List.of("dependencies", "optional", "include-groups");
    private static final List<String> SOURCE_KEYS = List.of("name", "url", "priority", "default", "secondary", "links",
            "indexed");

    private PoetryManifestReader() {
    }

    /** The declared dependencies; empty when [tool.poetry] declares no dependencies or groups. */
    public static Optional<DeclaredDependencies> read(Path pyproject) {
        return readManifest(TomlDocument.read(pyproject)).map(PoetryManifest::dependencies);
    }

    public static Optional<PoetryManifest> readManifest(Path pyproject) {
        return readManifest(TomlDocument.read(pyproject));
    }

    public static Optional<PoetryManifest> readManifest(TomlDocument doc) {
        if (doc.contains(List.of("tool")) && doc.table(List.of("tool")).isEmpty()) {
            throw doc.wrongType(List.of("tool"), "a table");
        }
        if (!doc.contains(POETRY)) {
            return Optional.empty();
        }
        TomlTable poetry = doc.table(POETRY).orElseThrow(() -> doc.wrongType(POETRY, "a table"));
        boolean hasMain = poetry.contains(List.of("dependencies"));
        boolean hasDev = poetry.contains(List.of("dev-dependencies"));
        boolean hasGroups = poetry.contains(List.of("group"));
        if (!hasMain && !hasDev && !hasGroups) {
            return Optional.empty();
        }
        TomlPlace place = new TomlPlace(doc.file());
        List<PoetrySource> sources = sources(doc, place);
        Set<String> sourceNames = new HashSet<>();
        sources.forEach(s -> sourceNames.add(s.name().toLowerCase(Locale.ROOT)));
        boolean projectOwnsMain = projectOwnsMain(doc);
        Map<String, List<String>> extras = projectOwnsMain ? Map.of() : extras(doc, place);
        Map<String, List<String>> extrasByDependency = new LinkedHashMap<>();
        extras.forEach((extra, deps) -> deps.forEach(d -> extrasByDependency
                .computeIfAbsent(d, k -> new ArrayList<>()).add(extra)));

        Map<String, List<DeclaredRequirement>> groups = new LinkedHashMap<>();
        Set<String> referenced = new LinkedHashSet<>();
        Optional<DeclaredPython> python = Optional.empty();
        if (hasMain) {
            List<String> path = List.of("tool", "poetry", "dependencies");
            TomlTable table = table(doc, path);
            DependencyEntry entries = new DependencyEntry(place, TomlDocument.key(path), true, extrasByDependency,
                    sourceNames);
            List<DeclaredRequirement> main = new ArrayList<>();
            for (String name : table.keySet()) {
                if (name.equalsIgnoreCase("python")) {
                    python = python(table, name, place);
                } else {
                    main.addAll(entries.read(table, name));
                }
            }
            referenced.addAll(entries.referencedSources());
            if (!projectOwnsMain) {
                groups.put(DependencyGroups.MAIN, main);
            }
        }
        if (hasDev) {
            List<String> path = List.of("tool", "poetry", "dev-dependencies");
            groups.put(DependencyGroups.DEV, readGroup(doc, place, path, extrasByDependency, sourceNames, referenced));
        }
        Set<String> optionalGroups = new LinkedHashSet<>();
        Map<String, List<String>> includes = new LinkedHashMap<>();
        Map<String, SourceLocation> groupLocations = new LinkedHashMap<>();
        if (hasGroups) {
            TomlTable all = table(doc, List.of("tool", "poetry", "group"));
            Map<String, String> byNormalized = new LinkedHashMap<>();
            for (String group : all.keySet()) {
                List<String> path = List.of("tool", "poetry", "group", group);
                String normalized = Pep503.normalize(group);
                if (byNormalized.put(normalized, group) != null) {
                    throw new InputException(doc.locationOf(path), "dependency group '" + group
                            + "' is defined twice (names are compared normalized)");
                }
                TomlTable config = table(doc, path);
                for (String key : config.keySet()) {
                    if (!GROUP_KEYS.contains(key)) {
                        throw new InputException(place.of(config, key), "group '" + group + "': unknown key '" + key
                                + "'", "a group has dependencies, optional and include-groups");
                    }
                }
                if (config.contains(List.of("optional"))) {
                    Object optional = config.get(List.of("optional"));
                    if (!(optional instanceof Boolean b)) {
                        throw new InputException(place.of(config, "optional"), "group '" + group
                                + "': optional must be true or false");
                    }
                    if (b) {
                        optionalGroups.add(normalized);
                    }
                }
                includes.put(normalized, doc.strings(append(path, "include-groups"),
                        "an array of group names", false));
                groupLocations.put(normalized, doc.locationOf(config.contains(List.of("include-groups"))
                        ? append(path, "include-groups") : path));
                List<DeclaredRequirement> requirements = config.contains(List.of("dependencies"))
                        ? readGroup(doc, place, append(path, "dependencies"), extrasByDependency, sourceNames,
                                referenced)
                        : List.of();
                groups.merge(normalized, requirements, PoetryManifestReader::concat);
            }
        }
        Map<String, List<DeclaredRequirement>> expanded = new LinkedHashMap<>();
        for (String group : groups.keySet()) {
            expanded.put(group, expand(group, groups, includes, groupLocations, new LinkedHashSet<>()));
        }
        DeclaredDependencies declared = new DeclaredDependencies(doc.file(), FORMAT, expanded, python,
                IndexOrder.of(sources, referenced));
        return Optional.of(new PoetryManifest(declared, optionalGroups, extras, sources));
    }

    private static List<DeclaredRequirement> readGroup(TomlDocument doc, TomlPlace place, List<String> path,
            Map<String, List<String>> extrasByDependency, Set<String> sourceNames, Set<String> referenced) {
        TomlTable table = table(doc, path);
        DependencyEntry entries = new DependencyEntry(place, TomlDocument.key(path), false, extrasByDependency,
                sourceNames);
        List<DeclaredRequirement> out = new ArrayList<>();
        for (String name : table.keySet()) {
            if (!name.equalsIgnoreCase("python")) { // poetry ignores python outside the main group
                out.addAll(entries.read(table, name));
            }
        }
        referenced.addAll(entries.referencedSources());
        return out;
    }

    private static List<DeclaredRequirement> expand(String group, Map<String, List<DeclaredRequirement>> groups,
            Map<String, List<String>> includes, Map<String, SourceLocation> locations, Set<String> visiting) {
        if (!visiting.add(group)) {
            throw new InputException(locations.get(group), "dependency group '" + group + "' includes itself ("
                    + String.join(" -> ", visiting) + " -> " + group + ")");
        }
        List<DeclaredRequirement> out = new ArrayList<>(groups.getOrDefault(group, List.of()));
        for (String included : includes.getOrDefault(group, List.of())) {
            String normalized = Pep503.normalize(included);
            if (!groups.containsKey(normalized)) {
                throw new InputException(locations.get(group), "group '" + group + "' includes group '" + included
                        + "', which is not defined");
            }
            out.addAll(expand(normalized, groups, includes, locations, new LinkedHashSet<>(visiting)));
        }
        return out;
    }

    private static Optional<DeclaredPython> python(TomlTable table, String key, TomlPlace place) {
        SourceLocation at = place.of(table, key);
        if (!(table.get(List.of(key)) instanceof String text)) {
            throw new InputException(at, "python: expected a version constraint string such as \"^3.8\"");
        }
        try {
            String pep440 = PoetryConstraint.parse(text).toPep440ForPython();
            return pep440.isEmpty() ? Optional.empty()
                    : Optional.of(new DeclaredPython(pep440, at, "[tool.poetry] python '" + text + "', that is"));
        } catch (InvalidConstraintException e) {
            throw new InputException(at, "python: " + e.getMessage(), e.hint());
        }
    }

    /** [project] declares the main dependencies itself (poetry 2), unless it leaves them dynamic. */
    private static boolean projectOwnsMain(TomlDocument doc) {
        Optional<TomlTable> project = doc.table(List.of("project"));
        if (project.isEmpty()) {
            return false;
        }
        TomlArray dynamic = project.get().getArray(List.of("dynamic"));
        boolean dynamicDependencies = dynamic != null && dynamic.toList().contains("dependencies");
        TomlTable optional = project.get().getTable(List.of("optional-dependencies"));
        boolean declares = project.get().contains(List.of("dependencies")) || optional != null && !optional.isEmpty();
        return declares && !dynamicDependencies;
    }

    private static Map<String, List<String>> extras(TomlDocument doc, TomlPlace place) {
        List<String> path = List.of("tool", "poetry", "extras");
        if (!doc.contains(path)) {
            return Map.of();
        }
        TomlTable table = table(doc, path);
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String extra : table.keySet()) {
            List<String> names = doc.strings(append(path, extra), "an array of dependency names", false);
            out.put(Pep503.normalize(extra), names.stream().map(n -> Pep503.normalize(n.strip())).toList());
        }
        return out;
    }

    private static List<PoetrySource> sources(TomlDocument doc, TomlPlace place) {
        List<String> path = List.of("tool", "poetry", "source");
        if (!doc.contains(path)) {
            return List.of();
        }
        if (!doc.isArray(path)) {
            throw doc.wrongType(path, "an array of tables ([[tool.poetry.source]])");
        }
        TomlArray array = doc.root().getArray(path);
        List<PoetrySource> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            SourceLocation at = place.of(array, i);
            if (!(array.get(i) instanceof TomlTable source)) {
                throw new InputException(at, "tool.poetry.source: each source must be a table with name and url");
            }
            for (String key : source.keySet()) {
                if (!SOURCE_KEYS.contains(key)) {
                    throw new InputException(place.of(source, key), "tool.poetry.source: unknown key '" + key + "'",
                            "a source has name, url and priority");
                }
            }
            String name = string(source, "name", place).orElseThrow(() -> new InputException(at,
                    "tool.poetry.source: a source needs a name"));
            if (!names.add(name.toLowerCase(Locale.ROOT))) {
                throw new InputException(place.of(source, "name"), "tool.poetry.source: source '" + name
                        + "' is declared twice");
            }
            boolean pypi = name.equalsIgnoreCase("pypi");
            String url = string(source, "url", place).orElseGet(() -> {
                if (pypi) {
                    return PoetrySource.PYPI_URL;
                }
                throw new InputException(at, "tool.poetry.source: source '" + name + "' needs a url");
            });
            out.add(new PoetrySource(name, url, priority(source, name, place), at));
        }
        return out;
    }

    private static PoetrySource.Priority priority(TomlTable source, String name, TomlPlace place) {
        Optional<String> priority = string(source, "priority", place);
        if (priority.isPresent()) {
            for (PoetrySource.Priority p : PoetrySource.Priority.values()) {
                if (p.label().equals(priority.get().toLowerCase(Locale.ROOT))) {
                    return p;
                }
            }
            throw new InputException(place.of(source, "priority"), "source '" + name + "': unknown priority '"
                    + priority.get() + "'", "use primary, supplemental or explicit");
        }
        for (String flag : List.of("default", "secondary")) {
            Object value = source.get(List.of(flag));
            if (value != null && !(value instanceof Boolean)) {
                throw new InputException(place.of(source, flag), "source '" + name + "': " + flag
                        + " must be true or false");
            }
            if (Boolean.TRUE.equals(value)) {
                return flag.equals("default") ? PoetrySource.Priority.DEFAULT : PoetrySource.Priority.SECONDARY;
            }
        }
        return PoetrySource.Priority.PRIMARY;
    }

    private static Optional<String> string(TomlTable table, String key, TomlPlace place) {
        Object value = table.get(List.of(key));
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof String s) {
            return Optional.of(s);
        }
        throw new InputException(place.of(table, key), "tool.poetry.source: " + key + " must be a string");
    }

    private static TomlTable table(TomlDocument doc, List<String> path) {
        return doc.table(path).orElseThrow(() -> doc.wrongType(path, "a table"));
    }

    private static List<String> append(List<String> path, String key) {
        List<String> out = new ArrayList<>(path);
        out.add(key);
        return out;
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
