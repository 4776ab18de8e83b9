package dev.dockenv.packaging;

import dev.dockenv.errors.InputException;
import dev.dockenv.errors.SourceLocation;
import dev.dockenv.io.NestingLimit;
import dev.dockenv.packaging.PythonTokens.Kind;
import dev.dockenv.packaging.PythonTokens.Token;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Evaluates a span of tokens the way {@code ast.literal_eval} would, for the literal forms
 * packaging code writes: strings (adjacent ones joined), numbers, True/False/None, lists, tuples,
 * sets (read as lists) and dicts. Anything else (a name, a call, an operator) is not a literal.
 * Values are Java {@link String}, {@link Number} (the literal's text), {@link Boolean},
 * {@link #NONE}, {@link List} and {@link Map}. Lists and dicts nest at most
 * {@link NestingLimit#MAX_DEPTH} levels: deeper is not read (no input overflows the stack).
 */
public final class PythonLiteral {
    /** Python's None. */
    public static final Object NONE = new Object() {
        @Override
        public String toString() {
            return "None";
        }
    };

    /** A number literal, kept as written. */
    public record Number(String text) {
    }

    private final List<Token> tokens;
    private int i;
    private final int end;
    private int depth;
    /** The bracket that opened one level too many, when there is one. */
    private Token tooDeep;

    private PythonLiteral(List<Token> tokens, int from, int to) {
        this.tokens = tokens;
        this.i = from;
        this.end = to;
    }

    /**
     * The literal value of tokens[from, to) of {@code file}, or empty when it is not a literal; a
     * literal nested deeper than {@link NestingLimit#MAX_DEPTH} is an {@link InputException} at the
     * bracket that passes the limit.
     */
    public static Optional<Object> evaluate(Path file, List<Token> tokens, int from, int to) {
        PythonLiteral p = new PythonLiteral(tokens, from, to);
        Optional<Object> value = p.value();
        if (p.tooDeep != null) {
            throw new InputException(new SourceLocation(file, p.tooDeep.line(), p.tooDeep.column()),
                    "this value is " + NestingLimit.problem(), "write the value with fewer nested brackets");
        }
        return value;
    }

    /** Whether tokens[from, to) is a literal (one nested too deep is not read, so it is not). */
    public static boolean isLiteral(List<Token> tokens, int from, int to) {
        return new PythonLiteral(tokens, from, to).value().isPresent();
    }

    private Optional<Object> value() {
        if (i >= end) {
            return Optional.empty();
        }
        Object v = expression();
        return v != null && i == end && tooDeep == null ? Optional.of(v) : Optional.empty();
    }

    /**
     * A list of strings from a literal: a list or tuple of strings, or one string split into its
     * non-empty lines (setuptools accepts both for install_requires).
     */
    public static Optional<List<String>> stringList(Object value) {
        if (value instanceof String s) {
            return Optional.of(s.lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
        }
        if (value instanceof List<?> list) {
            List<String> out = new ArrayList<>();
            for (Object o : list) {
                if (!(o instanceof String s)) {
                    return Optional.empty();
                }
                out.add(s);
            }
            return Optional.of(out);
        }
        return Optional.empty();
    }

    private Token peek() {
        return i < end ? tokens.get(i) : null;
    }

    /** One value, or null (with i anywhere) when not a literal. */
    private Object expression() {
        Token t = peek();
        if (t == null) {
            return null;
        }
        if (t.kind() == Kind.STRING) {
            StringBuilder s = new StringBuilder();
            while (peek() != null && peek().kind() == Kind.STRING) {
                if (peek().value().isEmpty()) {
                    return null; // an f-string or bytes
                }
                s.append(peek().value().get());
                i++;
            }
            return s.toString();
        }
        if (t.kind() == Kind.NUMBER) {
            i++;
            return new Number(t.text());
        }
        if (t.isOp("-") || t.isOp("+")) {
            i++;
            Token n = peek();
            if (n == null || n.kind() != Kind.NUMBER) {
                return null;
            }
            i++;
            return new Number(t.text() + n.text());
        }
        if (t.kind() == Kind.NAME) {
            i++;
            return switch (t.text()) {
                case "True" -> Boolean.TRUE;
                case "False" -> Boolean.FALSE;
                case "None" -> NONE;
                default -> null;
            };
        }
        if (t.isOp("[") || t.isOp("(") || t.isOp("{")) {
            if (NestingLimit.exceeded(depth + 1)) {
                tooDeep = t;
                return null;
            }
            depth++;
            Object value = t.isOp("{") ? dict() : sequence(t);
            depth--;
            return value;
        }
        return null;
    }

    /** A list, a tuple or a parenthesised value, from its opening bracket {@code t} (at i). */
    private Object sequence(Token t) {
        String close = t.isOp("[") ? "]" : ")";
        i++;
        List<Object> items = new ArrayList<>();
        boolean comma = false;
        while (peek() != null && !peek().isOp(close)) {
            Object item = expression();
            if (item == null) {
                return null;
            }
            items.add(item);
            if (peek() != null && peek().isOp(",")) {
                comma = true;
                i++;
            } else {
                break;
            }
        }
        if (peek() == null || !peek().isOp(close)) {
            return null;
        }
        i++;
        // a parenthesised single value without a comma is that value, not a tuple
        return close.equals(")") && items.size() == 1 && !comma ? items.get(0) : List.copyOf(items);
    }

    /** A dict or a set, from its opening brace (at i). */
    private Object dict() {
        i++;
        Map<Object, Object> dict = new LinkedHashMap<>();
        List<Object> set = new ArrayList<>();
        while (peek() != null && !peek().isOp("}")) {
            Object key = expression();
            if (key == null) {
                return null;
            }
            if (peek() != null && peek().isOp(":")) {
                i++;
                Object value = expression();
                if (value == null || !set.isEmpty()) {
                    return null;
                }
                dict.put(key, value);
            } else {
                if (!dict.isEmpty()) {
                    return null;
                }
                set.add(key);
            }
            if (peek() != null && peek().isOp(",")) {
                i++;
            } else {
                break;
            }
        }
        if (peek() == null || !peek().isOp("}")) {
            return null;
        }
        i++;
        return set.isEmpty() ? java.util.Collections.unmodifiableMap(dict) : List.copyOf(set);
    }
}
