package dev.dockenv.errors;

import java.nio.file.Path;

/** A place in an input file; line and column count from 1, 0 means unknown. */
public record SourceLocation(Path file, int line, int column) {

    public static SourceLocation of(Path file) {
        return new SourceLocation(file, 0, 0);
    }

    public static SourceLocation of(Path file, int line) {
        return new SourceLocation(file, line, 0);
    }

    public static SourceLocation of(Path file, int line, int column) {
        return new SourceLocation(file, line, column);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(String.valueOf(file));
        if (line > 0) {
            s.append(':').append(line);
            if (column > 0) {
                s.append(':').append(column);
            }
        }
        return s.toString();
    }
}
