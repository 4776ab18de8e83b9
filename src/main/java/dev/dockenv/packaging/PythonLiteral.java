package dev.dockenv.packaging;

import dev.dockenv.packaging.PythonTokens.Kind;
import dev.dockenv.packaging.PythonTokens.Token;
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
 * {@link #NONE}, {@link List} and {@link Map}.
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

    private PythonLiteral(List<Token> tokens, int from, int to) {
        this.tokens = tokens;
        this.i = from;
        this.end = to;
    }

    /** The literal value of tokens[from, to), or empty when it is not a literal. */
    public static Optional<Object> evaluate(List<Token> tokens, int from, int to) {
        if (from >= to) {
            return Optional.empty();
        }
        PythonLiteral p = new PythonLiteral(tokens, from, to);
        Object v = p.expression();
        return v != null && p.i == p.end ? Optional.of(v) : Optional.empty();
    }

    /** Whether tokens[from, to) is a literal. */
    public static boolean isLiteral(List<Token> tokens, int from, int to) {
        return evaluate(tokens, from, to).isPresent();
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
        if (t.isOp("[") || t.isOp("(")) {
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
        if (t.isOp("{")) {
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
        return null;
    }
}
