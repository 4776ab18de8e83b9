package dev.dockenv.lock.pipenv;

import dev.dockenv.config.TomlDocument;
import dev.dockenv.errors.InputException;
import dev.dockenv.errors.SourceLocation;
import dev.dockenv.lock.DeclaredDependencies;
import dev.dockenv.lock.DependencyGroups;
import dev.dockenv.pep.Pep503;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tomlj.TomlArray;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;
import dev.dockenv.python.DeclaredPython;

/**
 * Reads a Pipfile as pipenv does: {@code [[source]]}, {@code [packages]} (group "main"),
 * {@code [dev-packages]} ("dev"), any other table as a package category (pipenv 2022.10+; its
 * group is the PEP 503 normalized table name), {@code [requires]} for the Python version.
 * {@code [scripts]}, {@code [pipenv]}, {@code [pipfile]} and {@code [build-system]} are not
 * packages and are skipped. Every entry becomes a validated PEP 508 requirement (see
 * {@link PipfileEntry} for path, file and VCS entries); any problem is an {@link InputException}
 * at the key that has it.
 */
public final class PipfileReader {
    static final Set<String> NON_PACKAGE_TABLES = Set.of("source", "requires", "scripts", "pipenv", "pipfile",
            "build-system");
    private static final String PACKAGES = "packages";
    private static final String DEV_PACKAGES = "dev-packages";

    private PipfileReader() {
    }

    /** The Pipfile's requirements as {@link DeclaredDependencies} (format "Pipfile"). */
    public static DeclaredDependencies read(Path file) {
        return readPipfile(file).declared();
    }

    /** The Pipfile with what PEP 508 cannot say: sources with verify_ssl, editable flags, index names. */
    public static Pipfile readPipfile(Path file) {
        return readPipfile(TomlDocument.parse(file, TextFile.read(file)));
    }

    public static Pipfile readPipfile(TomlDocument doc) {
        List<PipenvSource> sources = sources(doc);
        Optional<DeclaredPython> python = python(doc);
        PipfileEntryReader entries = new PipfileEntryReader(doc, sources);
        Map<String, List<PipfileEntry>> groups = new LinkedHashMap<>();
        Map<String, String> tableOfGroup = new HashMap<>();
        for (String table : doc.root().keySet()) {
            if (NON_PACKAGE_TABLES.contains(table)) {
                continue;
            }
            List<String> path = List.of(table);
            if (doc.table(path).isEmpty()) {
                throw doc.wrongType(path, "a table of packages (a package category)");
            }
            String group = groupOf(table);
            String earlier = tableOfGroup.putIfAbsent(group, table);
            if (earlier != null) {
                throw new InputException(doc.locationOf(path), "[" + table + "] and [" + earlier
                        + "] are the same package category (group '" + group + "')",
                        "merge them into one table");
            }
            List<PipfileEntry> list = new ArrayList<>();
            for (String name : doc.table(path).orElseThrow().keySet()) {
                list.add(entries.read(table, group, name));
            }
            groups.put(group, list);
        }
        return new Pipfile(doc.file(), sources, groups, python);
    }

    /** The group a Pipfile table fills: "main", "dev" or the category's normalized name. */
    static String groupOf(String table) {
        return switch (table) {
            case PACKAGES -> DependencyGroups.MAIN;
            case DEV_PACKAGES -> DependencyGroups.DEV;
            default -> Pep503.normalize(table);
        };
    }

    private static List<PipenvSource> sources(TomlDocument doc) {
        List<String> path = List.of("source");
        if (!doc.contains(path)) {
            return List.of();
        }
        if (!doc.isArray(path)) {
            throw doc.wrongType(path, "an array of tables, each written [[source]]");
        }
        TomlArray array = doc.root().getArray(path);
        List<PipenvSource> out = new ArrayList<>();
        Map<String, PipenvSource> byName = new HashMap<>();
        for (int i = 0; i < array.size(); i++) {
            SourceLocation at = doc.locationOf(path, i);
            if (!(array.get(i) instanceof TomlTable table)) {
                throw new InputException(at, "source: expected a table written [[source]]");
            }
            String url = sourceString(doc, table, at, "url");
            String name = sourceString(doc, table, at, "name");
            boolean verifySsl = true;
            Object verify = table.get(List.of("verify_ssl"));
            if (verify != null) {
                if (!(verify instanceof Boolean b)) {
                    throw new InputException(position(doc.file(), table, "verify_ssl", at),
                            "source.verify_ssl: expected true or false");
                }
                verifySsl = b;
            }
            PipenvSource source = new PipenvSource(name, url, verifySsl, at);
            PipenvSource same = byName.putIfAbsent(name, source);
            if (same != null) {
                throw new InputException(position(doc.file(), table, "name", at), "a second source is named '"
                        + name + "' (the first is at line " + same.location().line() + ")",
                        "give each [[source]] its own name");
            }
            out.add(source);
        }
        return out;
    }

    private static String sourceString(TomlDocument doc, TomlTable table, SourceLocation at, String key) {
        Object value = table.get(List.of(key));
        if (value == null) {
            throw new InputException(at, "this [[source]] has no " + key,
                    "pipenv needs name, url and verify_ssl in each source");
        }
        if (!(value instanceof String s) || s.isBlank()) {
            throw new InputException(position(doc.file(), table, key, at), "source." + key
                    + ": expected a non-empty string");
        }
        return s;
    }

    /** [requires]: python_full_version wins over python_version, as in pipenv. */
    private static Optional<DeclaredPython> python(TomlDocument doc) {
        List<String> requires = List.of("requires");
        if (doc.contains(requires) && doc.table(requires).isEmpty()) {
            throw doc.wrongType(requires, "a table");
        }
        for (String key : List.of("python_full_version", "python_version")) {
            List<String> path = List.of("requires", key);
            Optional<String> text = doc.string(path, "a Python version string, such as \"3.12\"");
            if (text.isPresent()) {
                return Optional.of(new DeclaredPython(text.get().strip(), doc.locationOf(path)));
            }
        }
        return Optional.empty();
    }

    static SourceLocation position(Path file, TomlTable table, String key, SourceLocation fallback) {
        TomlPosition at = table.inputPositionOf(List.of(key));
        return at == null ? fallback : new SourceLocation(file, at.line(), at.column());
    }
}
