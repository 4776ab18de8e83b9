package dev.dockenv.lock.poetry;

import dev.dockenv.pep.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads poetry's constraint syntax as poetry-core 2.x's {@code parse_constraint} does: {@code ||}
 * (or a single {@code |}) separates alternatives, commas or blanks separate the comparisons of
 * one alternative, and each comparison is tried as "any" ({@code *}, {@code x}), tilde
 * ({@code ~1.2}), PEP 440 tilde ({@code ~=1.2}), caret ({@code ^1.2}), wildcard ({@code 1.2.*},
 * {@code !=1.2.*}) and finally a plain comparison ({@code >=1.2}, {@code 1.2}, {@code ==1.2}).
 *
 * <p>Two departures: {@code 1.x} wildcards, which poetry 1.x read and poetry 2 rejects, are read
 * as {@code 1.*}; and {@code <>1.0}, which poetry silently reads as {@code ==1.0}, is an error.
 */
final class ConstraintParser {
    /** packaging's VERSION_PATTERN, as poetry-core uses it. */
    private static final String VERSION = "v?(?:[0-9]+!)?[0-9]+(?:\\.[0-9]+)*"
            + "(?:[-_.]?(?:alpha|a|beta|b|preview|pre|c|rc)[-_.]?[0-9]*)?"
            + "(?:-[0-9]+|[-_.]?(?:post|rev|r)[-_.]?[0-9]*)?"
            + "(?:[-_.]?dev[-_.]?[0-9]*)?"
            + "(?:\\+[a-z0-9]+(?:[-_.][a-z0-9]+)*)?";
    private static final Pattern OR = Pattern.compile("\\s*\\|\\|?\\s*");
    private static final Pattern AND = Pattern.compile("(?<!^)(?<![\\^~=>< ,]) *(?<!-)[, ](?!-) *(?!,|$)");
    private static final Pattern ANY = Pattern.compile("v?[xX*](\\.[xX*])*");
    private static final Pattern TILDE = Pattern.compile("~(?!=)\\s*(" + VERSION + ")", Pattern.CASE_INSENSITIVE);
    private static final Pattern TILDE_PEP440 = Pattern.compile("~=\\s*(" + VERSION + ")", Pattern.CASE_INSENSITIVE);
    private static final Pattern CARET = Pattern.compile("\\^\\s*(" + VERSION + ")", Pattern.CASE_INSENSITIVE);
    private static final Pattern X_RANGE =
            Pattern.compile("(!=|==)?\\s*v?([0-9]+(?:\\.[0-9]+)?(?:\\.[0-9]+)?)(?:\\.[*xX])+");
    private static final Pattern BASIC = Pattern.compile(
            "(<>|!=|>=?|<=?|==?)?\\s*(" + VERSION + "|dev)(\\.\\*)?", Pattern.CASE_INSENSITIVE);

    private ConstraintParser() {
    }

    /** The alternatives ({@code ||}), each a list of comparisons that must all hold. */
    static List<List<ConstraintTerm>> parse(String text) throws InvalidConstraintException {
        List<List<ConstraintTerm>> alternatives = new ArrayList<>();
        if (text.equals("*")) {
            alternatives.add(List.of(new ConstraintTerm.Any()));
            return alternatives;
        }
        for (String alternative : OR.split(text.strip(), -1)) {
            String trimmed = stripTrailingCommas(alternative);
            List<ConstraintTerm> terms = new ArrayList<>();
            for (String single : AND.split(trimmed, -1)) {
                terms.add(single(single, text));
            }
            alternatives.add(List.copyOf(terms));
        }
        return alternatives;
    }

    private static String stripTrailingCommas(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ',') {
            end--;
        }
        return s.substring(0, end).stripTrailing();
    }

    private static ConstraintTerm single(String c, String whole) throws InvalidConstraintException {
        if (ANY.matcher(c).matches()) {
            return new ConstraintTerm.Any();
        }
        Matcher m = TILDE.matcher(c);
        if (m.matches()) {
            Version v = version(m.group(1), whole);
            Version high = v.release().size() == 1
                    ? ReleaseBumps.nextMajor(ReleaseBumps.stable(v))
                    : ReleaseBumps.nextMinor(ReleaseBumps.stable(v));
            return range(v, high);
        }
        m = TILDE_PEP440.matcher(c);
        if (m.matches()) {
            Version v = version(m.group(1), whole);
            return range(v, ReleaseBumps.nextCompatible(v));
        }
        m = CARET.matcher(c);
        if (m.matches()) {
            Version v = version(m.group(1), whole);
            return range(v, ReleaseBumps.nextBreaking(v));
        }
        m = X_RANGE.matcher(c);
        if (m.matches()) {
            return new ConstraintTerm.Wildcard(version(m.group(2), whole), "!=".equals(m.group(1)));
        }
        m = BASIC.matcher(c);
        if (m.matches()) {
            String op = m.group(1) == null ? "" : m.group(1);
            String written = m.group(2).equalsIgnoreCase("dev") ? "0.0.dev0" : m.group(2);
            Version v = version(written, whole);
            Optional<Version> at = Optional.of(v);
            switch (op) {
                case "<":
                    return new ConstraintTerm.Range(new VersionInterval(Optional.empty(), false, at, false));
                case "<=":
                    return new ConstraintTerm.Range(new VersionInterval(Optional.empty(), false, at, true));
                case ">":
                    return new ConstraintTerm.Range(new VersionInterval(at, false, Optional.empty(), false));
                case ">=":
                    return new ConstraintTerm.Range(new VersionInterval(at, true, Optional.empty(), false));
                case "<>":
                    throw new InvalidConstraintException("'<>' in '" + whole + "' is not a version operator",
                            "write != instead");
                default:
                    break;
            }
            if (m.group(3) != null) {
                if (!ReleaseBumps.isFinal(v)) {
                    throw new InvalidConstraintException("invalid version constraint '" + whole
                            + "': a wildcard (.*) can only follow a plain release such as 1.2");
                }
                return new ConstraintTerm.Wildcard(v, op.equals("!="));
            }
            return op.equals("!=") ? new ConstraintTerm.NotEqual(v) : new ConstraintTerm.Exact(v);
        }
        throw new InvalidConstraintException(c.isBlank()
                ? "invalid version constraint '" + whole + "': expected a version or a constraint"
                : "invalid version constraint '" + whole + "': cannot read '" + c + "'",
                "poetry constraints look like ^1.2, ~1.2.3, >=1.2,<2.0, 1.2.*, 1.2.3 or *");
    }

    private static ConstraintTerm range(Version low, Version high) {
        return new ConstraintTerm.Range(new VersionInterval(Optional.of(low), true, Optional.of(high), false));
    }

    private static Version version(String text, String whole) throws InvalidConstraintException {
        return Version.tryParse(text.toLowerCase(Locale.ROOT)).orElseThrow(() -> new InvalidConstraintException(
                "invalid version constraint '" + whole + "': '" + text + "' is not a version"));
    }
}
