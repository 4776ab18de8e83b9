package dev.dockenv.lock.pylock;

import dev.dockenv.errors.InputException;
import dev.dockenv.errors.SourceLocation;
import dev.dockenv.io.NestingLimit;
import dev.dockenv.pep.Marker;
import dev.dockenv.pep.Pep503;
import dev.dockenv.pep.PepSyntaxException;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A pylock.toml package marker: PEP 508 plus the two set-valued variables PEP 751 adds,
 * {@code extras} and {@code dependency_groups}, which are tested only with {@code 'name' in ...}
 * and {@code 'name' not in ...}. {@link Marker} does not know these variables, so the marker is
 * read here at the level of {@code and}/{@code or}/parentheses: a set test is kept as such, every
 * other comparison is parsed by {@link Marker#parse}. {@link #given} answers the set tests for
 * one choice of groups and extras and returns what is left, an ordinary marker.
 */
final class PylockMarker {

    /** What a marker leaves once the groups and extras are known. */
    record Residual(boolean never, Optional<Marker> marker) {
        static final Residual NEVER = new Residual(true, Optional.empty());
        static final Residual ALWAYS = new Residual(false, Optional.empty());

        static Residual of(Marker m) {
            return new Residual(false, Optional.of(m));
        }

        boolean always() {
            return !never && marker.isEmpty();
        }
    }

    private sealed interface Node permits And, Or, Env, Member {
    }

    private record And(Node left, Node right) implements Node {
    }

    private record Or(Node left, Node right) implements Node {
    }

    private record Env(Marker.Comparison comparison) implements Node {
    }

    /** {@code 'name' in extras}, {@code 'name' not in dependency_groups}... */
    private record Member(boolean groups, String name, boolean negated) implements Node {
    }

    private static final String EXTRAS = "extras";
    private static final String GROUPS = "dependency_groups";

    private final Node root;
    private final Set<String> groups;
    private final Set<String> extras;

    private PylockMarker(Node root, Set<String> groups, Set<String> extras) {
        this.root = root;
        this.groups = Set.copyOf(groups);
        this.extras = Set.copyOf(extras);
    }

    /** Parses the marker written as the value of {@code key} at {@code at}. */
    static PylockMarker parse(String text, SourceLocation at, String key) {
        try {
            Parser p = new Parser(text);
            Node root = p.or();
            p.skipBlank();
            if (p.pos < text.length()) {
                throw new PepSyntaxException("expected 'and', 'or' or the end of the marker, found '"
                        + text.substring(p.pos) + "'", p.pos + 1);
            }
            return new PylockMarker(root, p.groups, p.extras);
        } catch (PepSyntaxException e) {
            throw new InputException(at, key + ": invalid marker '" + text + "' (at character " + e.column() + "): "
                    + e.getMessage());
        }
    }

    /** The dependency groups the marker names (normalized). */
    Set<String> groups() {
        return groups;
    }

    /** The extras the marker names (normalized). */
    Set<String> extras() {
        return extras;
    }

    /** The marker with {@code dependency_groups} and {@code extras} set to these (normalized) names. */
    Residual given(Set<String> activeGroups, Set<String> activeExtras) {
        Residual r = evaluate(root, activeGroups, activeExtras);
        return r.marker().map(m -> Residual.of(LockMarkers.canonical(m))).orElse(r);
    }

    private static Residual evaluate(Node n, Set<String> activeGroups, Set<String> activeExtras) {
        if (n instanceof Env e) {
            return Residual.of(e.comparison());
        }
        if (n instanceof Member m) {
            boolean in = (m.groups() ? activeGroups : activeExtras).contains(m.name());
            return in != m.negated() ? Residual.ALWAYS : Residual.NEVER;
        }
        if (n instanceof And a) {
            Residual l = evaluate(a.left(), activeGroups, activeExtras);
            Residual r = evaluate(a.right(), activeGroups, activeExtras);
            if (l.never() || r.never()) {
                return Residual.NEVER;
            }
            return l.always() ? r : r.always() ? l : Residual.of(new Marker.And(l.marker().get(), r.marker().get()));
        }
        Or o = (Or) n;
        Residual l = evaluate(o.left(), activeGroups, activeExtras);
        Residual r = evaluate(o.right(), activeGroups, activeExtras);
        if (l.always() || r.always()) {
            return Residual.ALWAYS;
        }
        return l.never() ? r : r.never() ? l : Residual.of(new Marker.Or(l.marker().get(), r.marker().get()));
    }

    /** Recursive descent over the boolean structure; comparisons are handed to {@link Marker#parse}. */
    private static final class Parser {
        private final String text;
        private int pos;
        private final Set<String> groups = new LinkedHashSet<>();
        private final Set<String> extras = new LinkedHashSet<>();

        Parser(String text) {
            this.text = text;
        }

        private int depth;
        private int comparisons;

        Node or() throws PepSyntaxException {
            Node left = and();
            while (keyword("or")) {
                left = new Or(left, and());
            }
            return left;
        }

        private Node and() throws PepSyntaxException {
            Node left = atom();
            while (keyword("and")) {
                left = new And(left, atom());
            }
            return left;
        }

        private Node atom() throws PepSyntaxException {
            skipBlank();
            if (pos < text.length() && text.charAt(pos) == '(') {
                int open = pos;
                if (NestingLimit.exceeded(depth + 1)) {
                    throw new PepSyntaxException("the marker's parentheses are " + NestingLimit.problem(), pos + 1);
                }
                pos++;
                depth++;
                Node inner = or();
                depth--;
                skipBlank();
                if (pos >= text.length() || text.charAt(pos) != ')') {
                    throw new PepSyntaxException("expected ')' to close the '(' at character " + (open + 1), pos + 1);
                }
                pos++;
                return inner;
            }
            int start = pos;
            if (++comparisons > Marker.MAX_COMPARISONS) {
                throw new PepSyntaxException("the marker holds more than " + Marker.MAX_COMPARISONS + " comparisons", pos + 1);
            }
            String left = operand();
            String op = operator();
            String right = operand();
            if (isSetVariable(left) || isSetVariable(right)) {
                if (!(op.equals("in") || op.equals("not in")) || !isSetVariable(right) || !isQuoted(left)) {
                    throw new PepSyntaxException("'" + (isSetVariable(left) ? left : right)
                            + "' is a set: test it with 'name' in " + (isSetVariable(left) ? left : right), start + 1);
                }
                String name = Pep503.normalize(left.substring(1, left.length() - 1));
                boolean isGroups = right.equals(GROUPS);
                (isGroups ? groups : extras).add(name);
                return new Member(isGroups, name, op.equals("not in"));
            }
            try {
                return new Env((Marker.Comparison) Marker.parse(text.substring(start, pos)));
            } catch (PepSyntaxException e) {
                throw new PepSyntaxException(e.getMessage(), start + e.column());
            }
        }

        private String operand() throws PepSyntaxException {
            skipBlank();
            if (pos >= text.length()) {
                throw new PepSyntaxException("expected a marker variable or a quoted string", pos + 1);
            }
            char c = text.charAt(pos);
            int start = pos;
            if (c == '\'' || c == '"') {
                int close = text.indexOf(c, pos + 1);
                if (close < 0) {
                    throw new PepSyntaxException("unterminated string: no closing " + c, pos + 1);
                }
                pos = close + 1;
                return text.substring(start, pos);
            }
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_'
                    || text.charAt(pos) == '.')) {
                pos++;
            }
            if (pos == start) {
                throw new PepSyntaxException("expected a marker variable or a quoted string, found '" + c + "'",
                        pos + 1);
            }
            return text.substring(start, pos);
        }

        private String operator() throws PepSyntaxException {
            if (keyword("in")) {
                return "in";
            }
            if (keyword("not")) {
                if (keyword("in")) {
                    return "not in";
                }
                throw new PepSyntaxException("expected 'not in'", pos + 1);
            }
            skipBlank();
            int start = pos;
            while (pos < text.length() && "=<>!~".indexOf(text.charAt(pos)) >= 0) {
                pos++;
            }
            if (pos == start) {
                throw new PepSyntaxException("expected a comparison operator", pos + 1);
            }
            return text.substring(start, pos);
        }

        /** Consumes a whole word after blanks, or nothing. */
        private boolean keyword(String word) {
            int before = pos;
            skipBlank();
            int end = pos + word.length();
            if (text.startsWith(word, pos) && (end >= text.length() || !isWordChar(text.charAt(end)))) {
                pos = end;
                return true;
            }
            pos = before;
            return false;
        }

        void skipBlank() {
            while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
                pos++;
            }
        }

        private static boolean isWordChar(char c) {
            return Character.isLetterOrDigit(c) || c == '_' || c == '.';
        }

        private static boolean isSetVariable(String token) {
            return token.equals(EXTRAS) || token.equals(GROUPS);
        }

        private static boolean isQuoted(String token) {
            return token.startsWith("'") || token.startsWith("\"");
        }
    }
}
