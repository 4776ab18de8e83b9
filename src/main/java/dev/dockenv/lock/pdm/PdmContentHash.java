package dev.dockenv.lock.pdm;

import dev.dockenv.io.Sha256;
import dev.dockenv.config.TomlDocument;
import dev.dockenv.errors.InputException;
import dev.dockenv.errors.SourceLocation;
import dev.dockenv.lock.PythonJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.tomlj.TomlArray;
import org.tomlj.TomlTable;

/**
 * The {@code content_hash} PDM writes into pdm.lock's [metadata] ({@code sha256:<hex>}), as
 * PDM 2's {@code PyProject.content_hash} computes it, so that a stale lock can be told: the
 * sha256 of {@code json.dumps(data, sort_keys=True)} where {@code data} holds
 * {@code "sources"} ([[tool.pdm.source]], default {@code []}), {@code "dependencies"}
 * ([project], {@code []}), {@code "optional-dependencies"} ([project], {@code {}}),
 * {@code "requires-python"} ([project], {@code ""}), {@code "dev-dependencies"} and one
 * resolution key, which PDM 2 has written three ways over its releases ({@link Formula}).
 *
 * <p>A lock does not say which PDM wrote it, so {@link #matches} accepts a hash any of them gives:
 * the lock is fresh for the PDM that wrote it.
 */
public final class PdmContentHash {
    /** PDM's {@code normalize_name}: every run of characters other than ASCII letters and digits is one '-'. */
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^A-Za-z0-9]+");
    private static final String ALGORITHM = "sha256";

    /** How a PDM release builds the hashed data. */
    public enum Formula {
        /**
         * PDM up to the [tool.pdm.resolution] table (locks 4.0 to 4.2 at least):
         * {@code "overrides"} is [tool.pdm.overrides] when present, else
         * [tool.pdm.resolution.overrides]; {@code "dev-dependencies"} is [tool.pdm.dev-dependencies]
         * as written.
         */
        OVERRIDES,
        /**
         * Later PDM before PEP 735: {@code "resolution"} is the whole [tool.pdm.resolution] table;
         * {@code "dev-dependencies"} is [tool.pdm.dev-dependencies] with group names normalized
         * (groups of one normalized name concatenated).
         */
        RESOLUTION,
        /**
         * PDM with PEP 735 (2.20 and later): as {@link #RESOLUTION}, with the [dependency-groups]
         * first (as written, include-group tables and all) and [tool.pdm.dev-dependencies] appended
         * to the group of the same normalized name.
         */
        DEPENDENCY_GROUPS
    }

    private PdmContentHash() {
    }

    /** The lower-case hex sha256 this formula gives for a pyproject.toml. */
    public static String of(TomlDocument pyproject, Formula formula) {
        Map<String, Object> data = new LinkedHashMap<>();
        Optional<TomlTable> pdm = table(pyproject, List.of("tool", "pdm"));
        data.put("sources", pdm.map(t -> t.get(List.of("source"))).orElse(List.of()));
        data.put("dependencies", get(pyproject, List.of("project", "dependencies"), List.of()));
        data.put("optional-dependencies", get(pyproject, List.of("project", "optional-dependencies"), Map.of()));
        data.put("requires-python", get(pyproject, List.of("project", "requires-python"), ""));
        Object devDependencies = pdm.map(t -> t.get(List.of("dev-dependencies"))).orElse(null);
        switch (formula) {
            case OVERRIDES -> {
                data.put("dev-dependencies", devDependencies == null ? Map.of() : devDependencies);
                Object overrides = pdm.map(t -> t.get(List.of("overrides"))).orElse(null);
                if (overrides == null) {
                    overrides = get(pyproject, List.of("tool", "pdm", "resolution", "overrides"), Map.of());
                }
                data.put("overrides", overrides);
            }
            case RESOLUTION, DEPENDENCY_GROUPS -> {
                Map<String, List<Object>> groups = new LinkedHashMap<>();
                if (formula == Formula.DEPENDENCY_GROUPS) {
                    addGroups(pyproject, List.of("dependency-groups"), groups);
                }
                addGroups(pyproject, List.of("tool", "pdm", "dev-dependencies"), groups);
                data.put("dev-dependencies", groups);
                data.put("resolution", get(pyproject, List.of("tool", "pdm", "resolution"), Map.of()));
            }
            default -> throw new IllegalStateException("unknown formula " + formula);
        }
        String json;
        try {
            json = PythonJson.dumps(data);
        } catch (IllegalArgumentException e) {
            throw new InputException(SourceLocation.of(pyproject.file()), "PDM cannot hash this pyproject.toml: "
                    + e.getMessage(),
                    "PDM's content hash is JSON: dates and times are not allowed in the tables it hashes");
        }
        return sha256(json);
    }

    /** The hashes the PDM formulas give, in {@link Formula} order, without repeats. */
    public static Set<String> all(TomlDocument pyproject) {
        Set<String> out = new LinkedHashSet<>();
        for (Formula f : Formula.values()) {
            out.add(of(pyproject, f));
        }
        return out;
    }

    /**
     * Whether a lock's {@code content_hash} ({@code algorithm:hex}) is what some PDM computes for
     * this pyproject.toml. PDM 2 always writes sha256; any other algorithm is not checked (true).
     */
    public static boolean matches(TomlDocument pyproject, String contentHash) {
        int colon = contentHash.indexOf(':');
        String algorithm = colon < 0 ? ALGORITHM : contentHash.substring(0, colon).toLowerCase(Locale.ROOT);
        if (!algorithm.equals(ALGORITHM)) {
            return true;
        }
        String hex = contentHash.substring(colon + 1).toLowerCase(Locale.ROOT);
        return all(pyproject).contains(hex);
    }

    /** Appends each group of a table to its normalized name, as PDM's {@code dev_dependencies} does. */
    private static void addGroups(TomlDocument doc, List<String> path, Map<String, List<Object>> groups) {
        Optional<TomlTable> table = table(doc, path);
        if (table.isEmpty()) {
            return;
        }
        for (String group : table.get().keySet()) {
            Object deps = table.get().get(List.of(group));
            if (!(deps instanceof TomlArray array)) {
                throw doc.wrongType(append(path, group), "an array");
            }
            groups.computeIfAbsent(normalizeName(group), g -> new ArrayList<>()).addAll(array.toList());
        }
    }

    static String normalizeName(String name) {
        return NOT_ALPHANUMERIC.matcher(name).replaceAll("-").toLowerCase(Locale.ROOT);
    }

    private static Optional<TomlTable> table(TomlDocument doc, List<String> path) {
        Object value = doc.root().get(path);
        if (value != null && !(value instanceof TomlTable)) {
            throw doc.wrongType(path, "a table");
        }
        return Optional.ofNullable((TomlTable) value);
    }

    private static Object get(TomlDocument doc, List<String> path, Object missing) {
        Object value = doc.root().get(path);
        return value == null ? missing : value;
    }

    private static List<String> append(List<String> path, String key) {
        List<String> out = new ArrayList<>(path);
        out.add(key);
        return out;
    }

    private static String sha256(String text) {
        return Sha256.hex(text);
    }
}
