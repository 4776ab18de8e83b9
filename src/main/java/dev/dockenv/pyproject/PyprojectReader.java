package dev.dockenv.pyproject;

import dev.dockenv.config.ConfigReader;
import dev.dockenv.config.TomlDocument;
import dev.dockenv.errors.InputException;
import dev.dockenv.errors.SourceLocation;
import dev.dockenv.pep.PepSyntaxException;
import dev.dockenv.pep.Pep503;
import dev.dockenv.pep.Requirement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tomlj.TomlArray;
import org.tomlj.TomlTable;
import dev.dockenv.python.DeclaredRequirement;
import dev.dockenv.python.DeclaredPython;

/** Reads pyproject.toml: [project], PEP 735 [dependency-groups] and [tool.dockenv]. */
public final class PyprojectReader {
    private static final List<String> PROJECT = List.of("project");
    private static final List<String> GROUPS = List.of("dependency-groups");

    private PyprojectReader() {
    }

    public static PyprojectFile read(Path file) {
        return read(TomlDocument.read(file));
    }

    public static PyprojectFile read(TomlDocument doc) {
        Optional<String> name = doc.string(List.of("project", "name"), "a string");
        Optional<DeclaredPython> requiresPython = doc
                .string(List.of("project", "requires-python"), "a version specifier string")
                .map(t -> new DeclaredPython(t, doc.locationOf(List.of("project", "requires-python"))));
        if (doc.contains(PROJECT) && doc.table(PROJECT).isEmpty()) {
            throw doc.wrongType(PROJECT, "a table");
        }
        List<DeclaredRequirement> dependencies = requirements(doc, List.of("project", "dependencies"));
        Map<String, List<DeclaredRequirement>> optional = new LinkedHashMap<>();
        doc.table(List.of("project", "optional-dependencies")).ifPresent(t -> {
            for (String extra : t.keySet()) {
                optional.put(Pep503.normalize(extra),
                        requirements(doc, List.of("project", "optional-dependencies", extra)));
            }
        });
        return new PyprojectFile(doc, doc.file(), name, requiresPython, dependencies, optional, groups(doc),
                doc.contains(List.of("build-system")),
                ConfigReader.read(doc, List.of("tool", "dockenv")));
    }

    /**
     * The array of PEP 508 requirement strings at {@code path} (none when absent), each checked and
     * kept with its place; a wrong type or a bad requirement is an error at its line and column.
     * Also a script's inline metadata's {@code dependencies}.
     */
    public static List<DeclaredRequirement> requirements(TomlDocument doc, List<String> path) {
        Object value = doc.root().get(path);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof TomlArray array)) {
            throw doc.wrongType(path, "an array of PEP 508 requirement strings");
        }
        List<DeclaredRequirement> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            SourceLocation at = doc.locationOf(path, i);
            if (!(array.get(i) instanceof String text)) {
                throw new InputException(at, TomlDocument.key(path) + ": expected a PEP 508 requirement string");
            }
            out.add(validated(text, at));
        }
        return out;
    }

    static DeclaredRequirement validated(String text, SourceLocation at) {
        try {
            Requirement.parse(text);
        } catch (PepSyntaxException e) {
            // the position is the opening quote; the column inside the string follows it
            throw new InputException(new SourceLocation(at.file(), at.line(), at.column() + e.column()),
                    "invalid requirement '" + text + "': " + e.getMessage());
        }
        return new DeclaredRequirement(text, at);
    }

    /** PEP 735 groups: name -> requirements, include-group entries expanded, names normalized. */
    private static Map<String, List<DeclaredRequirement>> groups(TomlDocument doc) {
        Optional<TomlTable> table = doc.table(GROUPS);
        if (table.isEmpty()) {
            if (doc.contains(GROUPS)) {
                throw doc.wrongType(GROUPS, "a table");
            }
            return Map.of();
        }
        Map<String, String> byNormalized = new LinkedHashMap<>();
        for (String group : table.get().keySet()) {
            String normalized = Pep503.normalize(group);
            if (byNormalized.put(normalized, group) != null) {
                throw new InputException(doc.locationOf(List.of("dependency-groups", group)),
                        "dependency group '" + group + "' is defined twice (names are compared normalized)");
            }
        }
        Map<String, List<DeclaredRequirement>> out = new LinkedHashMap<>();
        for (String normalized : byNormalized.keySet()) {
            out.put(normalized, expand(doc, byNormalized, normalized, new LinkedHashSet<>()));
        }
        return out;
    }

    private static List<DeclaredRequirement> expand(TomlDocument doc, Map<String, String> groups, String normalized,
            Set<String> visiting) {
        String group = groups.get(normalized);
        List<String> path = List.of("dependency-groups", group);
        if (!visiting.add(normalized)) {
            throw new InputException(doc.locationOf(path), "dependency group '" + group
                    + "' includes itself (" + String.join(" -> ", visiting) + " -> " + normalized + ")");
        }
        Object value = doc.root().get(path);
        if (!(value instanceof TomlArray array)) {
            throw doc.wrongType(path, "an array of requirement strings or {include-group = \"name\"} tables");
        }
        List<DeclaredRequirement> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            SourceLocation at = doc.locationOf(path, i);
            Object item = array.get(i);
            if (item instanceof String text) {
                out.add(validated(text, at));
            } else if (item instanceof TomlTable include && include.keySet().equals(Set.of("include-group"))
                    && include.get("include-group") instanceof String target) {
                String t = Pep503.normalize(target);
                if (!groups.containsKey(t)) {
                    throw new InputException(at, "include-group '" + target + "' names no dependency group");
                }
                out.addAll(expand(doc, groups, t, new LinkedHashSet<>(visiting)));
            } else {
                throw new InputException(at, "a dependency group entry must be a requirement string "
                        + "or {include-group = \"name\"}");
            }
        }
        return out;
    }
}
