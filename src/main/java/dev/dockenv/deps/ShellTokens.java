package dev.dockenv.deps;

import java.util.ArrayList;
import java.util.List;

/** Splits the options part of a line into words like Python's {@code shlex.split}, keeping positions. */
final class ShellTokens {

    /** A word and the index of its first character in the line. */
    record Token(String value, int start, int end) {
    }

    /** Thrown for an unterminated quote; {@link #index()} is where the quote opened. */
    static final class UnterminatedQuote extends Exception {
        private static final long serialVersionUID = 1L;
        private final int index;

        UnterminatedQuote(int index) {
            super("no closing quotation");
            this.index = index;
        }

        int index() {
            return index;
        }
    }

    private ShellTokens() {
    }

    static List<Token> split(String text, int from) throws UnterminatedQuote {
        List<Token> tokens = new ArrayList<>();
        int i = from;
        while (i < text.length()) {
            if (Character.isWhitespace(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            StringBuilder word = new StringBuilder();
            while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
                char c = text.charAt(i);
                if (c == '\'') {
                    int close = text.indexOf('\'', i + 1);
                    if (close < 0) {
                        throw new UnterminatedQuote(i);
                    }
                    word.append(text, i + 1, close);
                    i = close + 1;
                } else if (c == '"') {
                    i = readDoubleQuoted(text, i, word);
                } else if (c == '\\' && i + 1 < text.length()) {
                    word.append(text.charAt(i + 1));
                    i += 2;
                } else {
                    word.append(c);
                    i++;
                }
            }
            tokens.add(new Token(word.toString(), start, i));
        }
        return tokens;
    }

    /** Inside double quotes a backslash escapes only {@code "} and another backslash. */
    private static int readDoubleQuoted(String text, int open, StringBuilder word) throws UnterminatedQuote {
        int i = open + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\' && i + 1 < text.length() && (text.charAt(i + 1) == '"' || text.charAt(i + 1) == '\\')) {
                word.append(text.charAt(i + 1));
                i += 2;
            } else {
                word.append(c);
                i++;
            }
        }
        throw new UnterminatedQuote(open);
    }
}
