package dev.dockenv.pep;

import dev.dockenv.errors.DidYouMean;
import dev.dockenv.io.NestingLimit;
import java.util.Map;

/**
 * Recursive-descent reader for PEP 508 markers. Parentheses nest at most
 * {@link NestingLimit#MAX_DEPTH} levels and a marker holds at most {@link Marker#MAX_COMPARISONS}
 * comparisons, so that neither this reader nor a walk of the tree it builds can overflow the stack.
 */
final class MarkerParser {
    private static final int MAX_COMPARISONS = Marker.MAX_COMPARISONS;
    private static final Map<String, String> LEGACY_NAMES = Map.of(
            "os.name", "os_name",
            "sys.platform", "sys_platform",
            "platform.version", "platform_version",
            "platform.machine", "platform_machine",
            "platform.python_implementation", "platform_python_implementation",
            "python_implementation", "platform_python_implementation");
    private static final String OPERATORS = "==, !=, <, <=, >, >=, ~=, ===, in, not in";

    private final Cursor c;
    private int depth;
    private int comparisons;

    private MarkerParser(Cursor c) {
        this.c = c;
    }

    /** Reads {@code and_expr ('or' and_expr)*}; stops before anything else. */
    static Marker read(Cursor c) throws PepSyntaxException {
        return new MarkerParser(c).readOr();
    }

    private Marker readOr() throws PepSyntaxException {
        Marker left = readAnd();
        while (true) {
            int before = c.position();
            c.skipWhitespace();
            if (!c.consumeKeyword("or")) {
                c.moveTo(before);
                return left;
            }
            left = new Marker.Or(left, readAnd());
        }
    }

    private Marker readAnd() throws PepSyntaxException {
        Marker left = readExpression();
        while (true) {
            int before = c.position();
            c.skipWhitespace();
            if (!c.consumeKeyword("and")) {
                c.moveTo(before);
                return left;
            }
            left = new Marker.And(left, readExpression());
        }
    }

    private Marker readExpression() throws PepSyntaxException {
        c.skipWhitespace();
        if (c.peek() == '(') {
            int open = c.position();
            if (NestingLimit.exceeded(depth + 1)) {
                throw c.error("the marker's parentheses are " + NestingLimit.problem());
            }
            c.advance(1);
            c.skipWhitespace();
            if (c.atEnd() || c.peek() == ')') {
                throw c.error("expected a marker expression after '('");
            }
            depth++;
            Marker inner = readOr();
            depth--;
            c.skipWhitespace();
            if (!c.consume(")")) {
                throw c.error("expected ')' to close the '(' at column " + (open + 1) + ", found " + c.describeNext());
            }
            return inner;
        }
        if (c.atEnd()) {
            throw c.error("expected a marker expression, such as python_version >= \"3.8\"");
        }
        if (++comparisons > MAX_COMPARISONS) {
            throw c.error("the marker holds more than " + MAX_COMPARISONS + " comparisons");
        }
        Marker.Operand left = readOperand(c, null);
        c.skipWhitespace();
        MarkerOperator op = readOperator(c);
        c.skipWhitespace();
        Marker.Operand right = readOperand(c, op);
        return new Marker.Comparison(left, op, right);
    }

    private static Marker.Operand readOperand(Cursor c, MarkerOperator after) throws PepSyntaxException {
        char first = c.peek();
        if (first == '\'' || first == '"') {
            int open = c.position();
            c.advance(1);
            String value = c.readWhile(ch -> ch != first);
            if (!c.consume(String.valueOf(first))) {
                throw c.errorAt(open, "unterminated string: no closing " + first);
            }
            return new Marker.Literal(value);
        }
        if (Character.isLetter(first)) {
            int start = c.position();
            String name = c.readWhile(ch -> Character.isLetterOrDigit(ch) || ch == '_' || ch == '.');
            String canonical = LEGACY_NAMES.getOrDefault(name, name);
            if (!MarkerEnvironment.VARIABLES.contains(canonical)) {
                throw c.errorAt(start, "unknown marker variable '" + name + "'" + suggestionFor(name));
            }
            return new Marker.Variable(canonical);
        }
        String what = after == null
                ? "expected a marker variable or a quoted string"
                : "expected a marker variable or a quoted string after '" + after.symbol() + "'";
        throw c.error(what + ", found " + c.describeNext());
    }

    private static MarkerOperator readOperator(Cursor c) throws PepSyntaxException {
        int start = c.position();
        if (c.consumeKeyword("in")) {
            return MarkerOperator.IN;
        }
        if (c.consumeKeyword("not")) {
            if (c.skipWhitespace() && c.consumeKeyword("in")) {
                return MarkerOperator.NOT_IN;
            }
            throw c.errorAt(start, "expected 'not in'");
        }
        String written = c.readWhile(ch -> "=<>!~".indexOf(ch) >= 0);
        for (MarkerOperator op : MarkerOperator.values()) {
            if (op.symbol().equals(written)) {
                return op;
            }
        }
        if (written.isEmpty()) {
            throw c.error("expected a comparison operator (" + OPERATORS + "), found " + c.describeNext());
        }
        throw c.errorAt(start, "invalid operator '" + written + "'" + (written.equals("=") ? ": use '=='" : "")
                + " (valid: " + OPERATORS + ")");
    }

    private static String suggestionFor(String name) {
        return DidYouMean.closest(name, MarkerEnvironment.VARIABLES)
                .map(best -> " (did you mean '" + best + "'?)")
                .orElse("");
    }
}
