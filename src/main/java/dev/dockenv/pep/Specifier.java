package dev.dockenv.pep;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One PEP 440 version specifier such as {@code >=1.2}, {@code ==1.*} or {@code ~=2.2}.
 * Immutable; two specifiers are equal when operator and version text are.
 */
public final class Specifier {

    /** The PEP 440 comparison operators. */
    public enum Operator {
        COMPATIBLE("~="),
        EQUAL("=="),
        NOT_EQUAL("!="),
        LESS_EQUAL("<="),
        GREATER_EQUAL(">="),
        LESS("<"),
        GREATER(">"),
        ARBITRARY("===");

        /** Longest first, so that {@code ===} is not read as {@code ==}. */
        private static final List<Operator> BY_LENGTH =
                List.of(ARBITRARY, EQUAL, NOT_EQUAL, COMPATIBLE, LESS_EQUAL, GREATER_EQUAL, LESS, GREATER);

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        /** The operator {@code text} starts with at {@code position}, if any. */
        static Optional<Operator> at(String text, int position) {
            return BY_LENGTH.stream().filter(op -> text.startsWith(op.symbol, position)).findFirst();
        }

        @Override
        public String toString() {
            return symbol;
        }
    }

    private final Operator operator;
    private final String versionText;
    private final Version version; // null for ===
    private final boolean wildcard;

    private Specifier(Operator operator, String versionText, Version version, boolean wildcard) {
        this.operator = operator;
        this.versionText = versionText;
        this.version = version;
        this.wildcard = wildcard;
    }

    /** Parses one specifier, such as {@code >= 1.0}. */
    public static Specifier parse(String text) throws PepSyntaxException {
        Cursor c = new Cursor(text);
        c.skipWhitespace();
        Specifier s = read(c);
        c.skipWhitespace();
        if (!c.atEnd()) {
            throw c.error("unexpected " + c.describeNext() + " after the version specifier");
        }
        return s;
    }

    /** A specifier from its operator and version text; the error column is inside {@code version}. */
    public static Specifier of(Operator operator, String version) throws PepSyntaxException {
        String text = version.strip();
        if (text.isEmpty()) {
            throw new PepSyntaxException("expected a version after '" + operator.symbol() + "'", 1);
        }
        int lead = version.indexOf(text);
        try {
            return validated(operator, text);
        } catch (PepSyntaxException e) {
            throw e.shiftedBy(lead);
        }
    }

    /** The specifier, or empty when {@code operator + version} is not a valid specifier. */
    static Optional<Specifier> tryOf(Operator operator, String version) {
        try {
            return Optional.of(of(operator, version));
        } catch (PepSyntaxException e) {
            return Optional.empty();
        }
    }

    /** Reads operator and version at the cursor; the version ends at blank, ',', ';' or ')'. */
    static Specifier read(Cursor c) throws PepSyntaxException {
        int start = c.position();
        Optional<Operator> op = Operator.at(c.text(), start);
        String written = c.text().substring(start, operatorEnd(c.text(), start));
        if (op.isEmpty() || !written.equals(op.get().symbol())) {
            if (written.isEmpty()) {
                throw c.error("expected a version operator (==, !=, <=, >=, <, >, ~=, ===), found "
                        + c.describeNext());
            }
            throw c.error("invalid operator '" + written + "'" + suggestionFor(written));
        }
        c.advance(written.length());
        c.skipWhitespace();
        int versionStart = c.position();
        String text = c.readWhile(ch -> ch != ' ' && ch != '\t' && ch != ',' && ch != ';' && ch != ')');
        if (text.isEmpty()) {
            throw c.error("expected a version after '" + op.get().symbol() + "'");
        }
        try {
            return validated(op.get(), text);
        } catch (PepSyntaxException e) {
            throw e.shiftedBy(versionStart);
        }
    }

    private static int operatorEnd(String text, int start) {
        int end = start;
        while (end < text.length() && "=<>!~".indexOf(text.charAt(end)) >= 0) {
            end++;
        }
        return end;
    }

    private static String suggestionFor(String written) {
        return switch (written) {
            case "=" -> ": use '==' to pin a version";
            case "=>" -> ": did you mean '>='?";
            case "=<" -> ": did you mean '<='?";
            case "<>", "=!" -> ": did you mean '!='?";
            case "=~", "~" -> ": did you mean '~='?";
            default -> "";
        };
    }

    private static Specifier validated(Operator op, String text) throws PepSyntaxException {
        if (op == Operator.ARBITRARY) {
            return new Specifier(op, text, null, false);
        }
        boolean wildcard = text.endsWith(".*");
        String versionPart = wildcard ? text.substring(0, text.length() - 2) : text;
        if (versionPart.endsWith("*") || versionPart.contains("*")) {
            int star = text.indexOf('*');
            throw new PepSyntaxException("a wildcard is only allowed as a trailing '.*'", star + 1);
        }
        Version v = Version.parse(versionPart);
        if (wildcard) {
            if (op != Operator.EQUAL && op != Operator.NOT_EQUAL) {
                throw new PepSyntaxException(
                        "a '.*' wildcard is only allowed with '==' and '!=', not '" + op.symbol() + "'",
                        text.length() - 1);
            }
            if (v.pre().isPresent() || v.post().isPresent() || v.dev().isPresent() || v.hasLocal()) {
                throw new PepSyntaxException(
                        "a '.*' wildcard cannot follow a pre-, post-, dev- or local version", text.length() - 1);
            }
        }
        if (v.hasLocal() && op != Operator.EQUAL && op != Operator.NOT_EQUAL) {
            throw new PepSyntaxException("a local version (+" + String.join(".", v.local())
                    + ") is only allowed with '==' and '!='", text.indexOf('+') + 1);
        }
        if (op == Operator.COMPATIBLE && v.release().size() < 2) {
            throw new PepSyntaxException(
                    "'~=' needs a version with at least two numbers, such as '~=" + text + ".0'", 1);
        }
        return new Specifier(op, text, v, wildcard);
    }

    public Operator operator() {
        return operator;
    }

    /** The version as written after the operator, including a trailing {@code .*}. */
    public String version() {
        return versionText;
    }

    public boolean isWildcard() {
        return wildcard;
    }

    /**
     * True when this specifier names a pre-release, which lets pre-releases match by default
     * (PEP 440); {@code !=} never does.
     */
    public boolean namesPrerelease() {
        if (operator == Operator.ARBITRARY) {
            return Version.tryParse(versionText).map(Version::isPrerelease).orElse(false);
        }
        return operator != Operator.NOT_EQUAL && version.isPrerelease();
    }

    /** PEP 440 default: pre-releases match only if this specifier names one. */
    public boolean contains(Version candidate) {
        return contains(candidate, false);
    }

    /**
     * Whether {@code candidate} satisfies this specifier. With {@code prereleases} false,
     * pre-releases match only if this specifier itself names a pre-release.
     */
    public boolean contains(Version candidate, boolean prereleases) {
        if (candidate.isPrerelease() && !prereleases && !namesPrerelease()) {
            return false;
        }
        return matches(candidate);
    }

    /** The comparison alone, ignoring the pre-release policy. */
    boolean matches(Version candidate) {
        return switch (operator) {
            case ARBITRARY -> candidate.toString().equalsIgnoreCase(versionText);
            case EQUAL -> equalTo(candidate);
            case NOT_EQUAL -> !equalTo(candidate);
            case LESS_EQUAL -> candidate.publicVersion().compareTo(version) <= 0;
            case GREATER_EQUAL -> candidate.publicVersion().compareTo(version) >= 0;
            case LESS -> lessThan(candidate);
            case GREATER -> greaterThan(candidate);
            case COMPATIBLE -> compatibleWith(candidate);
        };
    }

    private boolean equalTo(Version candidate) {
        if (wildcard) {
            return prefixMatches(candidate, version.release());
        }
        return version.hasLocal() ? candidate.equals(version) : candidate.publicVersion().equals(version);
    }

    /** {@code ==1.2.*}: same epoch, and the release (zero-padded) starts with the prefix. */
    private boolean prefixMatches(Version candidate, List<Long> prefix) {
        if (candidate.epoch() != version.epoch()) {
            return false;
        }
        for (int i = 0; i < prefix.size(); i++) {
            if (candidate.releasePart(i) != prefix.get(i)) {
                return false;
            }
        }
        return true;
    }

    private boolean lessThan(Version candidate) {
        if (candidate.compareTo(version) >= 0) {
            return false;
        }
        // <V does not match pre-releases of V unless V itself is a pre-release
        return version.isPrerelease() || !candidate.isPrerelease()
                || !candidate.baseVersion().equals(version.baseVersion());
    }

    private boolean greaterThan(Version candidate) {
        if (candidate.compareTo(version) <= 0) {
            return false;
        }
        boolean sameBase = candidate.baseVersion().equals(version.baseVersion());
        // >V does not match post-releases of V unless V itself is one, nor local versions of V
        if (!version.isPostRelease() && candidate.isPostRelease() && sameBase) {
            return false;
        }
        return !(candidate.hasLocal() && sameBase);
    }

    /** {@code ~=2.2.1} means {@code >=2.2.1, ==2.2.*}. */
    private boolean compatibleWith(Version candidate) {
        List<Long> release = version.release();
        List<Long> prefix = release.subList(0, release.size() - 1);
        return candidate.publicVersion().compareTo(version) >= 0 && prefixMatches(candidate, prefix);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Specifier s && operator == s.operator
                && versionText.toLowerCase(Locale.ROOT).equals(s.versionText.toLowerCase(Locale.ROOT));
    }

    @Override
    public int hashCode() {
        return Objects.hash(operator, versionText.toLowerCase(Locale.ROOT));
    }

    /** As written, without blanks: {@code >=1.0}. */
    @Override
    public String toString() {
        return operator.symbol() + versionText;
    }
}
