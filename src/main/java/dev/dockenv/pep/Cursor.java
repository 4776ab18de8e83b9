package dev.dockenv.pep;

import java.util.function.IntPredicate;

/** A read position in text being parsed, with 1-based columns for errors. */
final class Cursor {
    private static final int SHOWN_TOKEN_LENGTH = 30;

    private final String text;
    private int pos;

    Cursor(String text) {
        this.text = text;
    }

    String text() {
        return text;
    }

    int position() {
        return pos;
    }

    void moveTo(int position) {
        this.pos = position;
    }

    boolean atEnd() {
        return pos >= text.length();
    }

    /** The current character, or 0 at the end. */
    char peek() {
        return atEnd() ? 0 : text.charAt(pos);
    }

    boolean startsWith(String s) {
        return text.startsWith(s, pos);
    }

    /** Consumes {@code s} if the text continues with it. */
    boolean consume(String s) {
        if (startsWith(s)) {
            pos += s.length();
            return true;
        }
        return false;
    }

    /** Consumes a keyword only when it is a whole word ({@code and} but not {@code android}). */
    boolean consumeKeyword(String word) {
        if (!startsWith(word)) {
            return false;
        }
        int end = pos + word.length();
        if (end < text.length() && isWordChar(text.charAt(end))) {
            return false;
        }
        pos = end;
        return true;
    }

    void advance(int n) {
        pos += n;
    }

    /** Skips spaces and tabs; true if there were any. */
    boolean skipWhitespace() {
        int start = pos;
        while (!atEnd() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
            pos++;
        }
        return pos > start;
    }

    String readWhile(IntPredicate accept) {
        int start = pos;
        while (!atEnd() && accept.test(text.charAt(pos))) {
            pos++;
        }
        return text.substring(start, pos);
    }

    /** The next run of non-blank characters, quoted, or "end of text"; for error messages. */
    String describeNext() {
        if (atEnd()) {
            return "end of text";
        }
        int end = pos;
        while (end < text.length() && text.charAt(end) != ' ' && text.charAt(end) != '\t') {
            end++;
        }
        String token = text.substring(pos, end);
        if (token.length() > SHOWN_TOKEN_LENGTH) {
            token = token.substring(0, SHOWN_TOKEN_LENGTH) + "...";
        }
        return "'" + token + "'";
    }

    PepSyntaxException error(String message) {
        return errorAt(pos, message);
    }

    PepSyntaxException errorAt(int position, String message) {
        return new PepSyntaxException(message, position + 1);
    }

    static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-';
    }

    static boolean isNameChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '.' || c == '_' || c == '-';
    }
}
