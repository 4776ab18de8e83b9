package dev.dockenv.config;

import dev.dockenv.errors.InputException;
import dev.dockenv.errors.SourceLocation;
import dev.dockenv.io.Utf8File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/** A parsed TOML file that can say where each key is, for errors that name file:line:column. */
public final class TomlDocument {
    private final Path file;
    private final TomlParseResult root;
    private final int lineOffset;
    private final int columnOffset;

    private TomlDocument(Path file, TomlParseResult root, int lineOffset, int columnOffset) {
        this.file = file;
        this.root = root;
        this.lineOffset = lineOffset;
        this.columnOffset = columnOffset;
    }

    /**
     * Parses a TOML 1.0 file, read as strict UTF-8 ({@link Utf8File}: a byte that is not UTF-8 is an
     * {@link InputException} at its line, a leading byte-order mark is skipped); a syntax error
     * becomes an {@link InputException} at its position.
     */
    public static TomlDocument read(Path file) {
        return parse(file, Utf8File.readText(file));
    }

    public static TomlDocument parse(Path file, String content) {
        return parseEmbedded(file, content, 0, 0);
    }

    /**
     * Parses TOML embedded in another file (a script's inline metadata): its line N is the file's
     * line N + {@code lineOffset}, its columns are shifted by {@code columnOffset} (a comment's
     * {@code "# "}), so errors and key locations name the place in the file itself.
     */
    public static TomlDocument parseEmbedded(Path file, String content, int lineOffset, int columnOffset) {
        TomlParseResult result = Toml.parse(content);
        if (result.hasErrors()) {
            TomlParseError error = result.errors().get(0);
            TomlPosition at = error.position();
            throw new InputException(at == null ? SourceLocation.of(file)
                    : new SourceLocation(file, at.line() + lineOffset, at.column() + columnOffset),
                    "invalid TOML: " + error.getMessage());
        }
        return new TomlDocument(file, result, lineOffset, columnOffset);
    }

    public Path file() {
        return file;
    }

    public TomlTable root() {
        return root;
    }

    /** Where a key (given as its path from the document root) is written; the file alone when unknown. */
    public SourceLocation locationOf(List<String> keyPath) {
        int tables = tablePrefix(keyPath);
        List<String> found = tables < keyPath.size() - 1 ? keyPath.subList(0, tables + 1) : keyPath;
        TomlPosition at = found.isEmpty() ? null : root.inputPositionOf(found);
        return at == null ? SourceLocation.of(file) : location(at);
    }

    /** Where an array element is written. */
    public SourceLocation locationOf(List<String> arrayPath, int index) {
        TomlArray array = value(arrayPath) instanceof TomlArray a ? a : null;
        TomlPosition at = array == null ? null : array.inputPositionOf(index);
        return at == null ? locationOf(arrayPath) : location(at);
    }

    private SourceLocation location(TomlPosition at) {
        return new SourceLocation(file, at.line() + lineOffset, at.column() + columnOffset);
    }

    public Optional<TomlTable> table(List<String> keyPath) {
        Object value = value(keyPath);
        return value instanceof TomlTable t ? Optional.of(t) : Optional.empty();
    }

    public boolean isArray(List<String> keyPath) {
        return value(keyPath) instanceof TomlArray;
    }

    public boolean contains(List<String> keyPath) {
        return value(keyPath) != null;
    }

    /** A string value, or an error at the key saying what was expected. */
    public Optional<String> string(List<String> keyPath, String expected) {
        Object value = value(keyPath);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof String s) {
            return Optional.of(s);
        }
        throw wrongType(keyPath, expected);
    }

    /** An array of strings (a single string is accepted as a one-element array when allowSingle). */
    public List<String> strings(List<String> keyPath, String expected, boolean allowSingle) {
        Object value = value(keyPath);
        if (value == null) {
            return List.of();
        }
        if (value instanceof String s && allowSingle) {
            return List.of(s);
        }
        if (!(value instanceof TomlArray array)) {
            throw wrongType(keyPath, expected);
        }
        List<String> out = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            Object item = array.get(i);
            if (!(item instanceof String s)) {
                throw new InputException(locationOf(keyPath, i), key(keyPath) + ": expected " + expected);
            }
            out.add(s);
        }
        return out;
    }

    /**
     * The value at a key path, null when absent; a key on the way that is not a table (project = 1
     * where [project] name is looked for) is an error at that key, not tomlj's exception.
     */
    private Object value(List<String> keyPath) {
        int tables = tablePrefix(keyPath);
        if (tables < keyPath.size() - 1) {
            List<String> notTable = keyPath.subList(0, tables + 1);
            if (root.get(notTable) != null) {
                throw wrongType(notTable, "a table (it holds " + key(keyPath.subList(tables + 1, keyPath.size()))
                        + ")");
            }
            return null;
        }
        return root.get(keyPath);
    }

    /** How many leading keys of a path name tables. */
    private int tablePrefix(List<String> keyPath) {
        TomlTable table = root;
        for (int i = 0; i < keyPath.size() - 1; i++) {
            Object next = table.get(List.of(keyPath.get(i)));
            if (!(next instanceof TomlTable t)) {
                return i;
            }
            table = t;
        }
        return keyPath.size() - 1;
    }

    public InputException wrongType(List<String> keyPath, String expected) {
        return new InputException(locationOf(keyPath), key(keyPath) + ": expected " + expected);
    }

    /** A dotted key as TOML writes it, e.g. tool.dockenv.ports. */
    public static String key(List<String> keyPath) {
        return String.join(".", keyPath);
    }
}
