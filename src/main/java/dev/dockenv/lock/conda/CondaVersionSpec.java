package dev.dockenv.lock.conda;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * conda's version-spec grammar (the part of a MatchSpec after the name): constraints such as
 * {@code 1.26}, {@code =1.26}, {@code 1.26.*}, {@code >=1.20}, {@code !=1.5.0}, joined with
 * {@code ,} (and), {@code |} (or) and grouped with parentheses. Versions follow conda's
 * VersionOrder rules: letters, digits, {@code . _ - + ! *}, at most one epoch {@code N!} and one
 * local part {@code +local}, no empty components.
 */
final class CondaVersionSpec {
    private static final List<String> OPERATORS = List.of("==", "!=", "<=", ">=", "~=", "<", ">", "=");
    private static final String OPERATOR_CHARS = "=<>!~";
    private static final Pattern PLAIN_PYTHON = Pattern.compile("\\d+\\.\\d+(\\.\\d+)?");
    private static final Pattern RELEASE = Pattern.compile("\\d+(\\.\\d+)*");

    private CondaVersionSpec() {
    }

    /** Checks {@code spec} (without blanks); the exception's column is inside {@code spec}. */
    static void validate(String spec) throws CondaSyntaxException {
        if (spec.isEmpty()) {
            throw new CondaSyntaxException("expected a version", 1);
        }
        Grammar g = new Grammar(spec);
        g.expression();
        if (g.pos < spec.length()) {
            throw new CondaSyntaxException("unexpected '" + spec.charAt(g.pos) + "'", g.pos + 1);
        }
    }

    /**
     * A Python version spec as dockenv's Python resolver reads it: a plain version ({@code 3.11},
     * {@code 3.11.7}) when the spec pins one ({@code =3.11}, {@code 3.11.*}, {@code ==3.11.7}),
     * else a PEP 440 specifier set ({@code >=3.10,<3.12}); empty for {@code *}. Specs with
     * {@code |} or parentheses have no PEP 440 equivalent.
     */
    static Optional<String> toPython(String spec) throws CondaSyntaxException {
        validate(spec);
        for (int i = 0; i < spec.length(); i++) {
            char c = spec.charAt(i);
            if (c == '|' || c == '(' || c == ')') {
                throw new CondaSyntaxException("dockenv reads a Python version or a range joined with ','; '" + c
                        + "' has no equivalent in Python's version specifiers", i + 1);
            }
        }
        List<String> pep440 = new ArrayList<>();
        String pinned = null;
        String[] constraints = spec.split(",", -1);
        for (String constraint : constraints) {
            String op = operatorOf(constraint);
            String version = constraint.substring(op.length());
            if (version.equals("*")) {
                continue;
            }
            boolean wildcard = version.endsWith("*");
            String base = wildcard ? version.substring(0, version.length() - 1) : version;
            if (base.endsWith(".")) {
                base = base.substring(0, base.length() - 1);
            }
            switch (op) {
                case "", "==", "=" -> {
                    // PEP 440 allows ".*" only after a final release (3.11, not 3.11a1)
                    boolean fuzzy = (wildcard || op.equals("=")) && RELEASE.matcher(base).matches();
                    pep440.add("==" + base + (fuzzy ? ".*" : ""));
                    pinned = base;
                }
                case "!=" -> pep440.add("!=" + base + (wildcard ? ".*" : ""));
                default -> pep440.add(op + base);
            }
        }
        if (pep440.isEmpty()) {
            return Optional.empty();
        }
        if (pep440.size() == 1 && pinned != null && PLAIN_PYTHON.matcher(pinned).matches()) {
            return Optional.of(pinned);
        }
        return Optional.of(String.join(",", pep440));
    }

    /** The operator a constraint starts with ("" for none); the constraint is already valid. */
    private static String operatorOf(String constraint) {
        return OPERATORS.stream().filter(constraint::startsWith).findFirst().orElse("");
    }

    /** Recursive descent over {@code expr := term ('|' term)*; term := factor (',' factor)*}. */
    private static final class Grammar {
        private final String text;
        private int pos;

        Grammar(String text) {
            this.text = text;
        }

        private char peek() {
            return pos < text.length() ? text.charAt(pos) : '\0';
        }

        void expression() throws CondaSyntaxException {
            term();
            while (peek() == '|') {
                pos++;
                term();
            }
        }

        private void term() throws CondaSyntaxException {
            factor();
            while (peek() == ',') {
                pos++;
                factor();
            }
        }

        private void factor() throws CondaSyntaxException {
            if (peek() == '(') {
                pos++;
                expression();
                if (peek() != ')') {
                    throw new CondaSyntaxException("expected ')' to close '('", pos + 1);
                }
                pos++;
                return;
            }
            int start = pos;
            while (pos < text.length() && ",|()".indexOf(text.charAt(pos)) < 0) {
                pos++;
            }
            if (start == pos) {
                String found = pos < text.length() ? "'" + text.charAt(pos) + "'" : "the end";
                throw new CondaSyntaxException("expected a version constraint, found " + found, pos + 1);
            }
            constraint(text.substring(start, pos), start);
        }

        private void constraint(String c, int start) throws CondaSyntaxException {
            int opEnd = 0;
            while (opEnd < c.length() && OPERATOR_CHARS.indexOf(c.charAt(opEnd)) >= 0) {
                opEnd++;
            }
            String written = c.substring(0, opEnd);
            if (!written.isEmpty() && !OPERATORS.contains(written)) {
                throw new CondaSyntaxException("invalid operator '" + written + "'" + suggestion(written), start + 1);
            }
            String version = c.substring(opEnd);
            if (version.isEmpty()) {
                throw new CondaSyntaxException("expected a version after '" + written + "'", start + opEnd + 1);
            }
            version(version, start + opEnd);
        }

        private static String suggestion(String written) {
            return switch (written) {
                case "=>" -> ": did you mean '>='?";
                case "=<" -> ": did you mean '<='?";
                case "===" -> ": conda has '==' for an exact version";
                case "<>", "=!" -> ": did you mean '!='?";
                case "~", "=~" -> ": did you mean '~='?";
                default -> "";
            };
        }

        /** conda's VersionOrder checks; {@code offset} is where the version starts in the spec. */
        private static void version(String v, int offset) throws CondaSyntaxException {
            if (v.equals("*")) {
                return;
            }
            String lower = v.toLowerCase(Locale.ROOT);
            for (int i = 0; i < lower.length(); i++) {
                char c = lower.charAt(i);
                boolean allowed = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "*.+!_-".indexOf(c) >= 0;
                if (!allowed) {
                    throw new CondaSyntaxException("invalid character '" + v.charAt(i) + "' in version '" + v + "'",
                            offset + i + 1);
                }
            }
            if (lower.indexOf('-') >= 0 && lower.indexOf('_') >= 0) {
                throw new CondaSyntaxException("a version cannot mix '-' and '_'", offset + lower.indexOf('-') + 1);
            }
            int bang = lower.indexOf('!');
            int body = 0;
            if (bang >= 0) {
                if (lower.indexOf('!', bang + 1) >= 0) {
                    throw new CondaSyntaxException("a version has at most one epoch '!'", offset + lower.indexOf('!', bang + 1) + 1);
                }
                if (bang == 0 || !lower.substring(0, bang).chars().allMatch(Character::isDigit)) {
                    throw new CondaSyntaxException("the epoch before '!' must be a number", offset + 1);
                }
                body = bang + 1;
            }
            int plus = lower.indexOf('+', body);
            if (plus >= 0 && lower.indexOf('+', plus + 1) >= 0) {
                throw new CondaSyntaxException("a version has at most one local part '+'",
                        offset + lower.indexOf('+', plus + 1) + 1);
            }
            int componentStart = body;
            for (int i = body; i <= lower.length(); i++) {
                boolean end = i == lower.length();
                if (end || ".-_+".indexOf(lower.charAt(i)) >= 0) {
                    if (i == componentStart) {
                        throw new CondaSyntaxException("empty version component in '" + v + "'", offset + i + 1);
                    }
                    componentStart = i + 1;
                }
            }
        }
    }
}
