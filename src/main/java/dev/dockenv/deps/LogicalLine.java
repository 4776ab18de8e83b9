package dev.dockenv.deps;

import dev.dockenv.errors.SourceLocation;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A requirements-file line after pip joins backslash continuations and removes comments,
 * remembering for every character the physical line and column it came from.
 */
final class LogicalLine {
    private final String text;
    private final int[] lines;
    private final int[] columns;

    LogicalLine(String text, int[] lines, int[] columns) {
        if (text.isEmpty() || lines.length != text.length() || columns.length != text.length()) {
            throw new IllegalArgumentException("a logical line needs one position per character");
        }
        this.text = text;
        this.lines = Arrays.copyOf(lines, lines.length);
        this.columns = Arrays.copyOf(columns, columns.length);
    }

    String text() {
        return text;
    }

    /** Where the character at {@code index} came from; {@code text().length()} means just after the end. */
    SourceLocation locate(Path file, int index) {
        if (index >= text.length()) {
            int last = text.length() - 1;
            return new SourceLocation(file, lines[last], columns[last] + 1);
        }
        return new SourceLocation(file, lines[index], columns[index]);
    }
}
