package dev.dockenv.pep;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A PEP 508 environment marker, such as {@code python_version >= "3.8" and sys_platform == "linux"},
 * as a small syntax tree. {@code and} binds tighter than {@code or}.
 */
public sealed interface Marker permits Marker.And, Marker.Or, Marker.Comparison {
    /**
     * The most comparisons one marker may hold (real ones hold a handful, uv's longest a few
     * dozen): the tree of a longer one could overflow the stack of a walk over it.
     */
    int MAX_COMPARISONS = 1000;

    /** Parses a whole marker (the text after the {@code ;} of a requirement). */
    static Marker parse(String text) throws PepSyntaxException {
        Cursor c = new Cursor(text);
        c.skipWhitespace();
        if (c.atEnd()) {
            throw c.error("expected a marker, such as python_version >= \"3.8\"");
        }
        Marker marker = MarkerParser.read(c);
        c.skipWhitespace();
        if (!c.atEnd()) {
            throw c.error("expected 'and', 'or' or the end of the marker, found " + c.describeNext());
        }
        return marker;
    }

    /** Whether the marker holds in {@code env}. */
    boolean evaluate(MarkerEnvironment env);

    /**
     * Whether the marker holds when installing with the given extras, as pip decides it: true if it
     * holds for one of them, or for no extra when {@code extras} is empty.
     */
    default boolean evaluate(MarkerEnvironment env, Set<String> extras) {
        if (extras.isEmpty()) {
            return evaluate(env.withExtra(""));
        }
        return extras.stream().anyMatch(extra -> evaluate(env.withExtra(extra)));
    }

    /** Both sides hold. */
    record And(Marker left, Marker right) implements Marker {
        public And {
            Objects.requireNonNull(left);
            Objects.requireNonNull(right);
        }

        @Override
        public boolean evaluate(MarkerEnvironment env) {
            return left.evaluate(env) && right.evaluate(env);
        }

        @Override
        public String toString() {
            return operand(left) + " and " + operand(right);
        }

        private static String operand(Marker m) {
            return m instanceof Or ? "(" + m + ")" : m.toString();
        }
    }

    /** Either side holds. */
    record Or(Marker left, Marker right) implements Marker {
        public Or {
            Objects.requireNonNull(left);
            Objects.requireNonNull(right);
        }

        @Override
        public boolean evaluate(MarkerEnvironment env) {
            return left.evaluate(env) || right.evaluate(env);
        }

        @Override
        public String toString() {
            return left + " or " + right;
        }
    }

    /** A marker variable or a quoted string. */
    sealed interface Operand permits Variable, Literal {
        String valueIn(MarkerEnvironment env);
    }

    /** A marker variable, by its canonical name ({@code os.name} is read as {@code os_name}). */
    record Variable(String name) implements Operand {
        public Variable {
            if (!MarkerEnvironment.VARIABLES.contains(name)) {
                throw new IllegalArgumentException("unknown marker variable '" + name + "'");
            }
        }

        @Override
        public String valueIn(MarkerEnvironment env) {
            return env.get(name);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** A quoted string. */
    record Literal(String value) implements Operand {
        public Literal {
            Objects.requireNonNull(value);
        }

        @Override
        public String valueIn(MarkerEnvironment env) {
            return value;
        }

        @Override
        public String toString() {
            return value.contains("\"") ? "'" + value + "'" : "\"" + value + "\"";
        }
    }

    /**
     * {@code left op right}. Compared as PEP 440 versions when the right side is a valid specifier
     * version and the left a valid version, else as strings (PEP 508); {@code extra} values are
     * compared normalized. {@code ~=} between non-versions is undefined in PEP 508 and is false here.
     */
    record Comparison(Operand left, MarkerOperator operator, Operand right) implements Marker {
        public Comparison {
            Objects.requireNonNull(left);
            Objects.requireNonNull(operator);
            Objects.requireNonNull(right);
        }

        @Override
        public boolean evaluate(MarkerEnvironment env) {
            String l = left.valueIn(env);
            String r = right.valueIn(env);
            if (isExtra(left) || isExtra(right)) {
                l = Pep503.normalize(l);
                r = Pep503.normalize(r);
            }
            switch (operator) {
                case IN:
                    return r.contains(l);
                case NOT_IN:
                    return !r.contains(l);
                default:
                    break;
            }
            Specifier.Operator versionOp = operator.versionOperator().orElseThrow();
            if (versionOp != Specifier.Operator.ARBITRARY) {
                Optional<Version> lv = Version.tryParse(l);
                Optional<Specifier> spec = Specifier.tryOf(versionOp, r);
                if (lv.isPresent() && spec.isPresent()) {
                    return spec.get().contains(lv.get(), true);
                }
            }
            int c = l.compareTo(r);
            return switch (operator) {
                case EQUAL, ARBITRARY_EQUAL -> c == 0;
                case NOT_EQUAL -> c != 0;
                case LESS -> c < 0;
                case LESS_EQUAL -> c <= 0;
                case GREATER -> c > 0;
                case GREATER_EQUAL -> c >= 0;
                default -> false;
            };
        }

        private static boolean isExtra(Operand o) {
            return o instanceof Variable v && v.name().equals("extra");
        }

        @Override
        public String toString() {
            return left + " " + operator.symbol() + " " + right;
        }
    }
}
