package dev.dockenv.context;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One cleaned .dockerignore pattern, compiled as moby's patternmatcher compiles it: an exact, prefix
 * ("dir/**"), suffix ("**&#47;name") or regular-expression match, with Go's {@code filepath.Match} glob
 * syntax plus "**".
 */
final class IgnorePattern {

    /** Characters that make a name a wildcard rather than a literal (fsutil's patternChars). */
    private static final String WILDCARD_CHARS = "*[]?^\\";

    private enum Type { EXACT, PREFIX, SUFFIX, REGEX }

    private final String text;
    private final boolean exception;
    private final Type type;
    private final String fixed;
    private final Pattern regex;
    private final List<String> literalLead;

    private IgnorePattern(String text, boolean exception, Type type, Pattern regex, List<String> literalLead) {
        this.text = text;
        this.exception = exception;
        this.type = type;
        this.fixed = switch (type) {
            case PREFIX -> text.substring(0, text.length() - 2);
            case SUFFIX -> text.substring(2);
            default -> text;
        };
        this.regex = regex;
        this.literalLead = literalLead;
    }

    /**
     * Compiles a pattern as moby's {@code patternmatcher.New} does: cleaned, a leading '!' makes an
     * exception, then checked against Go's glob syntax.
     *
     * @throws IllegalArgumentException with a short reason when Docker would refuse the pattern
     */
    static IgnorePattern compile(String pattern) {
        String p = SlashPath.clean(pattern);
        boolean exception = false;
        if (p.charAt(0) == '!') {
            if (p.length() == 1) {
                throw new IllegalArgumentException("a lone '!' excepts nothing");
            }
            exception = true;
            p = p.substring(1);
        }
        return new Compiler(p).compile(exception);
    }

    boolean exception() {
        return exception;
    }

    /** The pattern as cleaned, with its leading '!' if it is an exception. */
    @Override
    public String toString() {
        return exception ? "!" + text : text;
    }

    /** Whether the pattern matches this exact cleaned path (no parent matching). */
    boolean matches(String path) {
        return switch (type) {
            case EXACT -> path.equals(fixed);
            case PREFIX -> path.startsWith(fixed);
            // "**/foo" also matches "foo" itself
            case SUFFIX -> path.endsWith(fixed) || (fixed.startsWith("/") && path.equals(fixed.substring(1)));
            case REGEX -> regex.matcher(path).matches();
        };
    }

    /** Whether the pattern matches the path or one of its parent directories. */
    boolean matchesOrParent(String path, List<String> ancestors) {
        if (matches(path)) {
            return true;
        }
        for (String ancestor : ancestors) {
            if (matches(ancestor)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether this pattern could match some path strictly below {@code dir}: false only when its leading
     * literal directory names already disagree with the directory's.
     */
    boolean couldMatchBelow(List<String> dirNames) {
        int n = Math.min(literalLead.size(), dirNames.size());
        for (int i = 0; i < n; i++) {
            if (!literalLead.get(i).equals(dirNames.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Translates Go glob syntax to a Java regex while detecting moby's special match types. */
    private static final class Compiler {
        private final String p;
        private int pos;

        Compiler(String p) {
            this.p = p;
        }

        IgnorePattern compile(boolean exception) {
            StringBuilder re = new StringBuilder();
            Type type = Type.EXACT;
            for (int i = 0; pos < p.length(); i++) {
                int ch = next();
                if (ch == '*') {
                    if (peek() == '*') {
                        pos++;
                        if (peek() == '/') {
                            pos++;
                        }
                        if (pos >= p.length()) {
                            if (type == Type.EXACT) {
                                type = Type.PREFIX;
                            } else {
                                re.append(".*");
                                type = Type.REGEX;
                            }
                        } else {
                            re.append("(?:.*/)?");
                            type = Type.REGEX;
                        }
                        if (i == 0) {
                            type = Type.SUFFIX;
                        }
                    } else {
                        re.append("[^/]*");
                        type = Type.REGEX;
                    }
                } else if (ch == '?') {
                    re.append("[^/]");
                    type = Type.REGEX;
                } else if (ch == '\\') {
                    if (pos >= p.length()) {
                        throw new IllegalArgumentException("'\\' at the end escapes nothing");
                    }
                    re.append(literal(next()));
                    type = Type.REGEX;
                } else if (ch == '[') {
                    re.append(characterClass());
                    type = Type.REGEX;
                } else if (ch == ']') {
                    re.append(literal(ch));
                    type = Type.REGEX;
                } else {
                    re.append(literal(ch));
                }
            }
            Pattern regex = type == Type.REGEX ? Pattern.compile(re.toString(), Pattern.DOTALL) : null;
            return new IgnorePattern(p, exception, type, regex, literalLead(p));
        }

        /** Parses a class after its '[' with Go's rules: optional '^', then ranges, then ']'. */
        private String characterClass() {
            StringBuilder cls = new StringBuilder();
            boolean negated = false;
            if (peek() == '^') {
                negated = true;
                pos++;
            }
            int ranges = 0;
            while (true) {
                if (peek() == ']' && ranges > 0) {
                    pos++;
                    break;
                }
                int lo = classChar();
                int hi = lo;
                if (peek() == '-') {
                    pos++;
                    hi = classChar();
                }
                if (lo > hi) {
                    throw new IllegalArgumentException("character range " + new String(Character.toChars(lo))
                            + "-" + new String(Character.toChars(hi)) + " runs backwards");
                }
                cls.append(hex(lo));
                if (hi != lo) {
                    cls.append('-').append(hex(hi));
                }
                ranges++;
            }
            return (negated ? "[^" : "[") + cls + "]";
        }

        /** Go's getEsc: one (possibly escaped) class character, which must be followed by more pattern. */
        private int classChar() {
            if (pos >= p.length()) {
                throw new IllegalArgumentException("'[' is never closed");
            }
            int c = p.charAt(pos);
            if (c == '-' || c == ']') {
                throw new IllegalArgumentException("malformed character class (a class may not be empty, and a"
                        + " literal '-' or ']' in it must be escaped with '\\')");
            }
            if (c == '\\') {
                pos++;
                if (pos >= p.length()) {
                    throw new IllegalArgumentException("'[' is never closed");
                }
            }
            int r = next();
            if (pos >= p.length()) {
                throw new IllegalArgumentException("'[' is never closed");
            }
            return r;
        }

        private int next() {
            int c = p.codePointAt(pos);
            pos += Character.charCount(c);
            return c;
        }

        private int peek() {
            return pos < p.length() ? p.codePointAt(pos) : -1;
        }

        private static String literal(int c) {
            return Character.isLetterOrDigit(c) || c == '/' || c == '_' ? new String(Character.toChars(c)) : hex(c);
        }

        private static String hex(int c) {
            return "\\x{" + Integer.toHexString(c) + "}";
        }

        /** The leading directory names that hold no wildcard (fsutil's patternChars) at all. */
        private static List<String> literalLead(String p) {
            List<String> names = new ArrayList<>();
            for (String name : p.split("/", -1)) {
                if (containsWildcard(name)) {
                    break;
                }
                names.add(name);
            }
            return List.copyOf(names);
        }

        private static boolean containsWildcard(String s) {
            for (int i = 0; i < s.length(); i++) {
                if (WILDCARD_CHARS.indexOf(s.charAt(i)) >= 0) {
                    return true;
                }
            }
            return false;
        }
    }
}
