package dev.dockenv.deps;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Splits requirements-file text into logical lines the way pip does: a line ending in a backslash
 * continues on the next (joined without a space); {@code #} starts a comment at the start of a
 * line or after whitespace; blank lines are dropped.
 */
final class LogicalLines {
    private static final Pattern PHYSICAL_BREAK = Pattern.compile("\r\n|\r|\n");
    private static final Pattern COMMENT_LINE = Pattern.compile("^\\s*#");

    private LogicalLines() {
    }

    static List<LogicalLine> split(String content) {
        List<LogicalLine> result = new ArrayList<>();
        String[] physical = PHYSICAL_BREAK.split(content, -1);
        Builder pending = null;
        for (int i = 0; i < physical.length; i++) {
            String line = physical[i];
            int number = i + 1;
            boolean commentLine = COMMENT_LINE.matcher(line).find();
            if (!line.endsWith("\\") || commentLine) {
                Builder b = pending != null ? pending : new Builder();
                if (pending != null && commentLine) {
                    b.append(" ", number, 1); // like pip, so that the comment is seen as one
                }
                b.append(line, number, 1);
                b.finish().ifPresent(result::add);
                pending = null;
            } else {
                if (pending == null) {
                    pending = new Builder();
                }
                int end = line.length();
                while (end > 0 && line.charAt(end - 1) == '\\') {
                    end--;
                }
                pending.append(line.substring(0, end), number, 1);
            }
        }
        if (pending != null) {
            pending.finish().ifPresent(result::add);
        }
        return result;
    }

    /** Collects characters with their positions, then strips the comment and surrounding blanks. */
    private static final class Builder {
        private final StringBuilder text = new StringBuilder();
        private final List<int[]> positions = new ArrayList<>();

        void append(String s, int line, int firstColumn) {
            for (int i = 0; i < s.length(); i++) {
                text.append(s.charAt(i));
                positions.add(new int[] {line, firstColumn + i});
            }
        }

        Optional<LogicalLine> finish() {
            int end = commentStart();
            while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            int start = 0;
            while (start < end && Character.isWhitespace(text.charAt(start))) {
                start++;
            }
            if (start >= end) {
                return Optional.empty();
            }
            int[] lines = new int[end - start];
            int[] columns = new int[end - start];
            for (int i = start; i < end; i++) {
                lines[i - start] = positions.get(i)[0];
                columns[i - start] = positions.get(i)[1];
            }
            return Optional.of(new LogicalLine(text.substring(start, end), lines, columns));
        }

        /** The first {@code #} at the start or after whitespace, else the length. */
        private int commentStart() {
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '#' && (i == 0 || Character.isWhitespace(text.charAt(i - 1)))) {
                    return i;
                }
            }
            return text.length();
        }
    }
}
