package dev.dockenv.edit;

import dev.dockenv.config.TomlStrings;

/**
 * Just enough TOML lexing to find where values are written in a document the parser (tomlj) has
 * already accepted: skipping whitespace and comments, and finding where a string or any other value
 * ends. Offsets are char indexes into the text.
 */
final class TomlSource {
    private final String text;

    TomlSource(String text) {
        this.text = text;
    }

    String text() {
        return text;
    }

    /** The char offset of a 1-based line and code-point column, as the parser reports positions. */
    int offsetOf(int line, int column) {
        int offset = 0;
        for (int l = 1; l < line; l++) {
            int nl = text.indexOf('\n', offset);
            if (nl < 0) {
                throw new IllegalArgumentException("no line " + line);
            }
            offset = nl + 1;
        }
        return text.offsetByCodePoints(offset, column - 1);
    }

    /** The first offset at or after {@code from} that is not a space, tab, newline or comment. */
    int skipTrivia(int from) {
        int i = from;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                i++;
            } else if (c == '#') {
                while (i < text.length() && text.charAt(i) != '\n') {
                    i++;
                }
            } else {
                break;
            }
        }
        return i;
    }

    /** The first offset at or after {@code from} that is not a space or tab. */
    int skipBlanks(int from) {
        int i = from;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    /** The end (exclusive) of the value starting at {@code start}: a string, array, inline table or scalar. */
    int valueEnd(int start) {
        char c = text.charAt(start);
        if (c == '"' || c == '\'') {
            return stringEnd(start);
        }
        if (c == '[' || c == '{') {
            char close = c == '[' ? ']' : '}';
            int i = skipTrivia(start + 1);
            while (text.charAt(i) != close) {
                if (text.charAt(i) == ',') {
                    i = skipTrivia(i + 1);
                    continue;
                }
                if (c == '{') {
                    i = keyEnd(i);
                    i = skipBlanks(i);
                    i = skipBlanks(i + 1); // '='
                }
                i = skipTrivia(valueEnd(i));
            }
            return i + 1;
        }
        int i = start;
        while (i < text.length() && ",]}\n\r#".indexOf(text.charAt(i)) < 0) {
            i++;
        }
        while (i > start && (text.charAt(i - 1) == ' ' || text.charAt(i - 1) == '\t')) {
            i--;
        }
        return i;
    }

    /** The end of a (possibly dotted, possibly quoted) key. */
    int keyEnd(int start) {
        int i = start;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                i = stringEnd(i);
            } else if (Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == ' ' || c == '\t') {
                if ((c == ' ' || c == '\t') && text.charAt(skipBlanks(i)) == '=') {
                    return i;
                }
                i++;
            } else {
                return i;
            }
        }
        return i;
    }

    /** The end (exclusive) of the string literal starting at {@code start}, in any of TOML's four forms. */
    int stringEnd(int start) {
        char q = text.charAt(start);
        boolean multi = text.startsWith(String.valueOf(q).repeat(3), start);
        int i = start + (multi ? 3 : 1);
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\' && q == '"') {
                i += 2;
            } else if (c == q) {
                if (!multi) {
                    return i + 1;
                }
                if (text.startsWith(String.valueOf(q).repeat(3), i)) {
                    int end = i + 3;
                    // up to two more quotes belong to the content: """a""""" ends after the last
                    while (end < text.length() && end < i + 5 && text.charAt(end) == q) {
                        end++;
                    }
                    return end;
                }
                i++;
            } else {
                i++;
            }
        }
        throw new IllegalArgumentException("unterminated string at " + start);
    }

    /** The offset just after the end of the line holding {@code offset} (past its newline). */
    int nextLineStart(int offset) {
        int nl = text.indexOf('\n', offset);
        return nl < 0 ? text.length() : nl + 1;
    }

    /** The offset of the start of the line holding {@code offset}. */
    int lineStart(int offset) {
        return text.lastIndexOf('\n', offset - 1) + 1;
    }

    /** A requirement as a TOML string: in the list's quote style where it can be, and never needing escapes for ". */
    static String quote(String value, char preferred) {
        return preferred == '\'' || value.contains("\"") ? TomlStrings.literalIfPossible(value) : TomlStrings.basic(value);
    }
}
