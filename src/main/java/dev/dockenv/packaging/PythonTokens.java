package dev.dockenv.packaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Splits Python source into tokens, for reading setup.py and version modules without running
 * them: names, numbers, strings (with their value when they are plain {@code str} literals),
 * operators, and the end of each logical line (brackets and backslashes join physical lines).
 * Comments and indentation are dropped; a token's column tells whether its line is top level.
 */
public final class PythonTokens {

    /** What a token is. */
    public enum Kind {
        NAME, NUMBER, STRING, OP, NEWLINE, END
    }

    /**
     * One token. {@code start}/{@code end} are offsets in the source; {@code line}/{@code column}
     * count from 1. {@code value} holds a string literal's value, for {@code str} literals without
     * an f prefix (bytes and f-strings have none).
     */
    public record Token(Kind kind, String text, int start, int end, int line, int column, Optional<String> value) {
        public boolean is(Kind k, String t) {
            return kind == k && text.equals(t);
        }

        public boolean isOp(String t) {
            return is(Kind.OP, t);
        }

        public boolean isName(String t) {
            return is(Kind.NAME, t);
        }
    }

    /** Source the tokenizer cannot read (an unterminated string, say), with where. */
    public static final class UnreadableSource extends Exception {
        private static final long serialVersionUID = 1L;
        private final int line;
        private final int column;

        UnreadableSource(String message, int line, int column) {
            super(message);
            this.line = line;
            this.column = column;
        }

        public int line() {
            return line;
        }

        public int column() {
            return column;
        }
    }

    private static final Set<String> OPS3 = Set.of("**=", "//=", ">>=", "<<=", "...");
    private static final Set<String> OPS2 = Set.of("==", "!=", "<=", ">=", "**", "//", "->", ":=", "+=", "-=",
            "*=", "/=", "%=", "&=", "|=", "^=", "@=", "<<", ">>");
    private static final String STRING_PREFIX_LETTERS = "rRbBuUfF";

    private final String src;
    private final List<Token> tokens = new ArrayList<>();
    private int pos;
    private int line = 1;
    private int lineStart;
    private int depth;

    private PythonTokens(String src) {
        this.src = src;
    }

    public static List<Token> tokenize(String source) throws UnreadableSource {
        PythonTokens t = new PythonTokens(source.startsWith("\uFEFF") ? " " + source.substring(1) : source);
        t.run();
        return List.copyOf(t.tokens);
    }

    private void run() throws UnreadableSource {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '\\' && (peek(1) == '\n' || peek(1) == '\r')) {
                pos++;
                newline();
            } else if (c == '\n' || c == '\r') {
                if (depth == 0 && !tokens.isEmpty() && tokens.get(tokens.size() - 1).kind() != Kind.NEWLINE) {
                    tokens.add(new Token(Kind.NEWLINE, "", pos, pos, line, column(pos), Optional.empty()));
                }
                newline();
            } else if (c == ' ' || c == '\t' || c == '\f') {
                pos++;
            } else if (c == '#') {
                while (pos < src.length() && src.charAt(pos) != '\n' && src.charAt(pos) != '\r') {
                    pos++;
                }
            } else if (c == '"' || c == '\'') {
                string(pos, "");
            } else if (Character.isDigit(c) || (c == '.' && Character.isDigit(peek(1)))) {
                number();
            } else if (Character.isLetter(c) || c == '_' || Character.isUnicodeIdentifierStart(c)) {
                name();
            } else {
                op();
            }
        }
        if (!tokens.isEmpty() && tokens.get(tokens.size() - 1).kind() != Kind.NEWLINE) {
            tokens.add(new Token(Kind.NEWLINE, "", pos, pos, line, column(pos), Optional.empty()));
        }
        tokens.add(new Token(Kind.END, "", pos, pos, line, column(pos), Optional.empty()));
    }

    private char peek(int ahead) {
        int i = pos + ahead;
        return i < src.length() ? src.charAt(i) : '\0';
    }

    private int column(int offset) {
        return offset - lineStart + 1;
    }

    /** Consumes one line break at pos (\n, \r\n or \r). */
    private void newline() {
        if (src.charAt(pos) == '\r' && peek(1) == '\n') {
            pos++;
        }
        pos++;
        line++;
        lineStart = pos;
    }

    private void name() throws UnreadableSource {
        int start = pos;
        while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_'
                || Character.isUnicodeIdentifierPart(src.charAt(pos)))) {
            pos++;
        }
        String text = src.substring(start, pos);
        if (pos < src.length() && (src.charAt(pos) == '"' || src.charAt(pos) == '\'') && text.length() <= 2
                && text.chars().allMatch(ch -> STRING_PREFIX_LETTERS.indexOf(ch) >= 0)) {
            string(start, text);
            return;
        }
        tokens.add(new Token(Kind.NAME, text, start, pos, line, column(start), Optional.empty()));
    }

    private void number() {
        int start = pos;
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (Character.isLetterOrDigit(c) || c == '_' || c == '.') {
                pos++;
            } else if ((c == '+' || c == '-') && pos > start && (src.charAt(pos - 1) == 'e' || src.charAt(pos - 1) == 'E')
                    && !src.substring(start, pos).toLowerCase(java.util.Locale.ROOT).startsWith("0x")) {
                pos++;
            } else {
                break;
            }
        }
        tokens.add(new Token(Kind.NUMBER, src.substring(start, pos), start, pos, line, column(start), Optional.empty()));
    }

    private void op() {
        int start = pos;
        String three = pos + 3 <= src.length() ? src.substring(pos, pos + 3) : "";
        String two = pos + 2 <= src.length() ? src.substring(pos, pos + 2) : "";
        String text = OPS3.contains(three) ? three : OPS2.contains(two) ? two : src.substring(pos, pos + 1);
        pos += text.length();
        switch (text) {
            case "(", "[", "{" -> depth++;
            case ")", "]", "}" -> depth = Math.max(0, depth - 1);
            default -> {
            }
        }
        tokens.add(new Token(Kind.OP, text, start, pos, line, column(start), Optional.empty()));
    }

    /** A string literal whose prefix (possibly empty) starts at {@code start}; pos is at the quote. */
    private void string(int start, String prefix) throws UnreadableSource {
        int startLine = line;
        int startColumn = column(start);
        char quote = src.charAt(pos);
        boolean triple = peek(1) == quote && peek(2) == quote;
        pos += triple ? 3 : 1;
        int bodyStart = pos;
        int bodyEnd;
        while (true) {
            if (pos >= src.length()) {
                throw new UnreadableSource("unterminated string", startLine, startColumn);
            }
            char c = src.charAt(pos);
            if (c == '\\') {
                pos++;
                if (pos < src.length() && (src.charAt(pos) == '\n' || src.charAt(pos) == '\r')) {
                    newline();
                } else {
                    pos++;
                }
            } else if (c == '\n' || c == '\r') {
                if (!triple) {
                    throw new UnreadableSource("unterminated string", startLine, startColumn);
                }
                newline();
            } else if (c == quote && (!triple || (peek(1) == quote && peek(2) == quote))) {
                bodyEnd = pos;
                pos += triple ? 3 : 1;
                break;
            } else {
                pos++;
            }
        }
        String p = prefix.toLowerCase(java.util.Locale.ROOT);
        Optional<String> value = p.contains("b") || p.contains("f") ? Optional.empty()
                : Optional.of(p.contains("r") ? src.substring(bodyStart, bodyEnd) : unescape(src.substring(bodyStart, bodyEnd)));
        tokens.add(new Token(Kind.STRING, src.substring(start, pos), start, pos, startLine, startColumn, value));
    }

    /** Python's escape sequences in a non-raw str literal. */
    static String unescape(String body) {
        StringBuilder out = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\\' || i + 1 >= body.length()) {
                out.append(c);
                continue;
            }
            char n = body.charAt(++i);
            switch (n) {
                case '\n' -> {
                }
                case '\r' -> {
                    if (i + 1 < body.length() && body.charAt(i + 1) == '\n') {
                        i++;
                    }
                }
                case '\\', '\'', '"' -> out.append(n);
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'a' -> out.append('\u0007');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'v' -> out.append('\u000b');
                case 'x' -> i = hex(body, i, 2, out);
                case 'u' -> i = hex(body, i, 4, out);
                case 'U' -> i = hex(body, i, 8, out);
                default -> {
                    if (n >= '0' && n <= '7') {
                        int end = i;
                        while (end < body.length() && end < i + 3 && body.charAt(end) >= '0' && body.charAt(end) <= '7') {
                            end++;
                        }
                        out.append((char) Integer.parseInt(body.substring(i, end), 8));
                        i = end - 1;
                    } else {
                        out.append('\\').append(n); // unknown escapes stay as written, as in Python
                    }
                }
            }
        }
        return out.toString();
    }

    private static int hex(String body, int at, int digits, StringBuilder out) {
        int end = at + 1 + digits;
        if (end > body.length() || !body.substring(at + 1, end).matches("[0-9a-fA-F]+")) {
            out.append('\\').append(body.charAt(at));
            return at;
        }
        out.appendCodePoint(Integer.parseInt(body.substring(at + 1, end), 16));
        return end - 1;
    }
}
