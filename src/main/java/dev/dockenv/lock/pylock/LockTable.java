package dev.dockenv.lock.pylock;

import dev.dockenv.config.TomlDocument;
import dev.dockenv.errors.InputException;
import dev.dockenv.errors.SourceLocation;
import dev.dockenv.pep.PepSyntaxException;
import dev.dockenv.pep.SpecifierSet;
import dev.dockenv.pep.Version;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.tomlj.TomlArray;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * One table of a TOML lock file (the root, a {@code [[package]]}, an inline {@code source = {...}})
 * read with positions: every wrong type or missing key becomes an {@link InputException} at
 * file:line:column naming the key. {@link TomlDocument} answers for keys given by their path from
 * the root; lock files nest tables inside arrays, which a path cannot name, so this view carries
 * the table itself. Used by the uv.lock, pdm.lock and pylock.toml readers.
 */
public final class LockTable {

    /** A string value with where it is written. */
    public record Located(String value, SourceLocation location) {
    }

    private final Path file;
    private final TomlTable table;
    private final String path;
    private final SourceLocation location;

    private LockTable(Path file, TomlTable table, String path, SourceLocation location) {
        this.file = file;
        this.table = table;
        this.path = path;
        this.location = location;
    }

    /** The document's root table. */
    public static LockTable root(TomlDocument doc) {
        return new LockTable(doc.file(), doc.root(), "", SourceLocation.of(doc.file()));
    }

    public Path file() {
        return file;
    }

    /** Where the table starts (its header, its key, or the opening brace of an inline table). */
    public SourceLocation location() {
        return location;
    }

    /** The dotted key of this table, as messages name it ("package.source"); empty for the root. */
    public String path() {
        return path;
    }

    public Set<String> keys() {
        return table.keySet();
    }

    public boolean has(String key) {
        return table.get(List.of(key)) != null;
    }

    /** Where a key of this table is written; the table's own place when the key is absent. */
    public SourceLocation locationOf(String key) {
        return at(table.inputPositionOf(List.of(key)), location);
    }

    /** The key's full dotted name for messages. */
    public String name(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** Whether the key holds a string (for values that may be a string or something else). */
    public boolean isString(String key) {
        return table.get(List.of(key)) instanceof String;
    }

    public Optional<String> string(String key) {
        Object value = table.get(List.of(key));
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof String s) {
            return Optional.of(s);
        }
        throw wrongType(key, "a string");
    }

    public String requiredString(String key) {
        return string(key).orElseThrow(() -> missing(key));
    }

    public Optional<Boolean> bool(String key) {
        Object value = table.get(List.of(key));
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Boolean b) {
            return Optional.of(b);
        }
        throw wrongType(key, "true or false");
    }

    public Optional<Long> integer(String key) {
        Object value = table.get(List.of(key));
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Long n) {
            return Optional.of(n);
        }
        throw wrongType(key, "an integer");
    }

    public Optional<LockTable> table(String key) {
        Object value = table.get(List.of(key));
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof TomlTable t) {
            return Optional.of(new LockTable(file, t, name(key), locationOf(key)));
        }
        throw wrongType(key, "a table");
    }

    /** An array of tables ({@code [[key]]} or {@code key = [{...}, ...]}); empty when absent. */
    public List<LockTable> tables(String key) {
        TomlArray array = array(key, "an array of tables");
        List<LockTable> out = new ArrayList<>();
        for (int i = 0; array != null && i < array.size(); i++) {
            SourceLocation at = at(array.inputPositionOf(i), locationOf(key));
            if (!(array.get(i) instanceof TomlTable t)) {
                throw new InputException(at, name(key) + ": expected a table");
            }
            out.add(new LockTable(file, t, name(key), at));
        }
        return out;
    }

    /** An array of strings with their places; empty when absent. */
    public List<Located> strings(String key) {
        TomlArray array = array(key, "an array of strings");
        List<Located> out = new ArrayList<>();
        for (int i = 0; array != null && i < array.size(); i++) {
            SourceLocation at = at(array.inputPositionOf(i), locationOf(key));
            if (!(array.get(i) instanceof String s)) {
                throw new InputException(at, name(key) + ": expected a string");
            }
            out.add(new Located(s, at));
        }
        return out;
    }

    /** An array of arrays of strings (each inner array as strings with places); empty when absent. */
    public List<List<Located>> stringLists(String key) {
        TomlArray array = array(key, "an array of arrays of strings");
        List<List<Located>> out = new ArrayList<>();
        for (int i = 0; array != null && i < array.size(); i++) {
            SourceLocation at = at(array.inputPositionOf(i), locationOf(key));
            if (!(array.get(i) instanceof TomlArray inner)) {
                throw new InputException(at, name(key) + ": expected an array of strings");
            }
            List<Located> items = new ArrayList<>();
            for (int j = 0; j < inner.size(); j++) {
                SourceLocation itemAt = at(inner.inputPositionOf(j), at);
                if (!(inner.get(j) instanceof String s)) {
                    throw new InputException(itemAt, name(key) + ": expected a string");
                }
                items.add(new Located(s, itemAt));
            }
            out.add(items);
        }
        return out;
    }

    private TomlArray array(String key, String expected) {
        Object value = table.get(List.of(key));
        if (value == null) {
            return null;
        }
        if (value instanceof TomlArray a) {
            return a;
        }
        throw wrongType(key, expected);
    }

    public InputException wrongType(String key, String expected) {
        return new InputException(locationOf(key), name(key) + ": expected " + expected);
    }

    public InputException missing(String key) {
        return new InputException(location, (path.isEmpty() ? "" : path + ": ") + "'" + key + "' is missing");
    }

    /** A problem with a key's value, reported at the key. */
    /** A PEP 440 version under "version", or an error at that key. */
    public void checkVersion(String version) {
        try {
            Version.parse(version);
        } catch (PepSyntaxException e) {
            throw errorAt("version", e.getMessage());
        }
    }

    /** PEP 440 specifiers under a key, or an error at that key. */
    public void checkSpecifiers(String key, String text) {
        try {
            SpecifierSet.parse(text);
        } catch (PepSyntaxException e) {
            throw errorAt(key, "invalid version specifiers '" + text + "': " + e.getMessage());
        }
    }

    public InputException errorAt(String key, String problem) {
        return new InputException(locationOf(key), name(key) + ": " + problem);
    }

    /** A problem with the table as a whole, reported where it starts. */
    public InputException error(String problem) {
        return new InputException(location, problem);
    }

    /** A problem with the table as a whole, reported where it starts, with a hint. */
    public InputException error(String problem, String hint) {
        return new InputException(location, problem, hint);
    }

    private SourceLocation at(TomlPosition position, SourceLocation fallback) {
        return position == null ? fallback : new SourceLocation(file, position.line(), position.column());
    }
}
