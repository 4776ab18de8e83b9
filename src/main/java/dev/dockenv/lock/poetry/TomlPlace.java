package dev.dockenv.lock.poetry;

import dev.dockenv.errors.SourceLocation;
import java.nio.file.Path;
import java.util.List;
import org.tomlj.TomlArray;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/** Where keys and array elements of any table of one TOML file are written (arrays of tables included). */
record TomlPlace(Path file) {

    /** Where {@code key} of {@code table} is written; the file alone when unknown. */
    SourceLocation of(TomlTable table, String key) {
        return at(table.inputPositionOf(List.of(key)));
    }

    /** Where element {@code index} of {@code array} starts ({@code [[...]]} for a table array). */
    SourceLocation of(TomlArray array, int index) {
        return at(array.inputPositionOf(index));
    }

    SourceLocation at(TomlPosition position) {
        return position == null ? SourceLocation.of(file) : new SourceLocation(file, position.line(), position.column());
    }
}
