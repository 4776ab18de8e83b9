package dev.dockenv.edit;

import dev.dockenv.config.TomlDocument;
import dev.dockenv.errors.InputException;
import dev.dockenv.pep.PepSyntaxException;
import dev.dockenv.pep.Requirement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.tomlj.TomlArray;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * Adds, replaces and removes a requirement in a pyproject.toml list of PEP 508 strings
 * ({@code [project] dependencies} or a PEP 735 {@code [dependency-groups]} group), keeping the rest
 * of the file as written. A list kept in alphabetical order gets the new requirement in its place;
 * any other list gets it at the end. The new text is parsed again and the list compared with what
 * was asked before it is handed back.
 */
public final class PyprojectEditor {
    private final Path file;
    private final String text;
    private final TomlDocument document;
    private final TomlSource source;

    public PyprojectEditor(Path file, String text) {
        this.file = file;
        this.text = text;
        this.document = TomlDocument.parse(file, text);
        this.source = new TomlSource(text);
    }

    /** Whether the list at {@code arrayPath} declares the package {@code normalizedName}. */
    public boolean declares(List<String> arrayPath, String normalizedName) {
        return document.root().get(arrayPath) instanceof TomlArray array
                && names(arrayPath, array).contains(normalizedName);
    }

    /** {@code requirement} added to the list at {@code arrayPath}, or put in place of the same package's. */
    public DependencyEdit add(List<String> arrayPath, Requirement requirement) {
        String wanted = requirement.text().strip();
        Object value = document.root().get(arrayPath);
        if (value == null) {
            String created = createList(arrayPath, wanted);
            return checked(created, arrayPath, List.of(wanted), EditKind.ADDED, Optional.empty());
        }
        if (!(value instanceof TomlArray array)) {
            throw document.wrongType(arrayPath, "an array of PEP 508 strings");
        }
        TomlStringArray layout = TomlStringArray.locate(source, keyOffset(arrayPath), array);
        List<String> names = names(arrayPath, array);
        List<Object> expected = new ArrayList<>(array.toList());
        int existing = names.indexOf(requirement.normalizedName());
        if (existing >= 0) {
            String previous = (String) array.get(existing);
            if (previous.strip().equals(wanted)) {
                return new DependencyEdit(text, EditKind.UNCHANGED, Optional.of(previous));
            }
            expected.set(existing, wanted);
            return checked(layout.replace(existing, wanted), arrayPath, expected, EditKind.REPLACED,
                    Optional.of(previous));
        }
        int at = sortedPosition(names, requirement.normalizedName());
        expected.add(at, wanted);
        return checked(layout.insert(at, wanted), arrayPath, expected, EditKind.ADDED, Optional.empty());
    }

    /** The list at {@code arrayPath} without the requirement for {@code normalizedName}; empty when it has none. */
    public Optional<DependencyEdit> remove(List<String> arrayPath, String normalizedName) {
        if (!(document.root().get(arrayPath) instanceof TomlArray array)) {
            return Optional.empty();
        }
        int index = names(arrayPath, array).indexOf(normalizedName);
        if (index < 0) {
            return Optional.empty();
        }
        TomlStringArray layout = TomlStringArray.locate(source, keyOffset(arrayPath), array);
        List<Object> expected = new ArrayList<>(array.toList());
        Object previous = expected.remove(index);
        return Optional.of(checked(layout.remove(index), arrayPath, expected, EditKind.REMOVED,
                Optional.of((String) previous)));
    }

    /** The normalized name of each element (null for a non-string element such as an include-group table). */
    private List<String> names(List<String> arrayPath, TomlArray array) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i) instanceof String s) {
                try {
                    names.add(Requirement.parse(s).normalizedName());
                } catch (PepSyntaxException e) {
                    throw new InputException(document.locationOf(arrayPath, i),
                            "not a PEP 508 requirement: " + e.getMessage(), "fix this entry first");
                }
            } else {
                names.add(null);
            }
        }
        return names;
    }

    /** Where a new name goes: in order when the list is in alphabetical order, else at the end. */
    static int sortedPosition(List<String> names, String name) {
        List<String> strings = names.stream().filter(n -> n != null).toList();
        boolean sorted = strings.size() == names.size() && strings.size() >= 2;
        for (int i = 1; sorted && i < strings.size(); i++) {
            sorted = strings.get(i - 1).compareTo(strings.get(i)) <= 0;
        }
        if (!sorted) {
            return names.size();
        }
        int at = 0;
        while (at < names.size() && names.get(at).compareTo(name) < 0) {
            at++;
        }
        return at;
    }

    private int keyOffset(List<String> path) {
        TomlPosition at = document.root().inputPositionOf(path);
        if (at == null) {
            throw new IllegalStateException("no position for " + path);
        }
        return source.offsetOf(at.line(), at.column());
    }

    /** The document with a new list holding one requirement, in its table (made when missing). */
    private String createList(List<String> arrayPath, String requirement) {
        String nl = text.contains("\r\n") ? "\r\n" : "\n";
        String key = bareKey(arrayPath.get(arrayPath.size() - 1));
        String entry = key + " = [" + nl + "    " + TomlSource.quote(requirement, '"') + "," + nl + "]" + nl;
        List<String> tablePath = arrayPath.subList(0, arrayPath.size() - 1);
        Object table = document.root().get(tablePath);
        if (table == null) {
            String header = "[" + String.join(".", tablePath.stream().map(PyprojectEditor::bareKey).toList()) + "]";
            String separator = text.isEmpty() ? "" : text.endsWith("\n") ? nl : nl + nl;
            return text + separator + header + nl + entry;
        }
        if (!(table instanceof TomlTable t)) {
            throw document.wrongType(tablePath, "a table");
        }
        return insertInTable(tablePath, t, entry);
    }

    /** Inserts a key/value line after the last key/value line the table's own section holds. */
    private String insertInTable(List<String> tablePath, TomlTable table, String entry) {
        TomlPosition tableAt = document.root().inputPositionOf(tablePath);
        if (tableAt == null) {
            throw new IllegalStateException("no position for " + tablePath);
        }
        int after = source.nextLineStart(source.offsetOf(tableAt.line(), tableAt.column()));
        for (String key : table.keySet()) {
            TomlPosition at = table.inputPositionOf(List.of(key));
            if (at == null) {
                continue;
            }
            int keyStart = source.offsetOf(at.line(), at.column());
            int eq = source.skipBlanks(source.keyEnd(keyStart));
            if (eq >= text.length() || text.charAt(eq) != '=') {
                continue; // a sub-table with a [header] of its own
            }
            int valueEnd = source.valueEnd(source.skipBlanks(eq + 1));
            after = Math.max(after, source.nextLineStart(valueEnd));
        }
        String prefix = text.substring(0, after);
        if (!prefix.isEmpty() && !prefix.endsWith("\n")) {
            prefix += text.contains("\r\n") ? "\r\n" : "\n";
        }
        return prefix + entry + text.substring(after);
    }

    private static String bareKey(String key) {
        return key.matches("[A-Za-z0-9_-]+") ? key : TomlSource.quote(key, '"');
    }

    /** The edit, once the new text parses and the list reads as expected (a bug otherwise: nothing is written). */
    private DependencyEdit checked(String newText, List<String> arrayPath, List<Object> expected, EditKind kind,
            Optional<String> previous) {
        TomlDocument again = TomlDocument.parse(file, newText);
        Object before = plain(document.root());
        put(before, arrayPath, expected.stream().map(PyprojectEditor::plain).toList());
        if (!before.equals(plain(again.root()))) {
            throw new IllegalStateException("editing " + file + " would have changed more than " + arrayPath);
        }
        return new DependencyEdit(newText, kind, previous);
    }

    /** A parsed value as plain maps and lists, comparable with equals. */
    private static Object plain(Object value) {
        if (value instanceof TomlTable table) {
            Map<String, Object> map = new TreeMap<>();
            table.keySet().forEach(k -> map.put(k, plain(table.get(List.of(k)))));
            return map;
        }
        if (value instanceof TomlArray array) {
            return array.toList().stream().map(PyprojectEditor::plain).toList();
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static void put(Object root, List<String> path, Object value) {
        Map<String, Object> at = (Map<String, Object>) root;
        for (String key : path.subList(0, path.size() - 1)) {
            at = (Map<String, Object>) at.computeIfAbsent(key, k -> new TreeMap<String, Object>());
        }
        at.put(path.get(path.size() - 1), value);
    }
}
