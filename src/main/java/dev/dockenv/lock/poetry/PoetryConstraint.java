package dev.dockenv.lock.poetry;

import dev.dockenv.pep.Version;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A version constraint in poetry's syntax ({@code ^1.2}, {@code ~1.2.3}, {@code 1.2.*},
 * {@code >=1.2,<2.0}, {@code ^1.0 || ^2.0}, {@code 1.2.3}), read as poetry-core 2.x reads it and
 * written back as PEP 440, the way poetry writes it into package metadata: {@code ^1.2.3} is
 * {@code >=1.2.3,<2.0.0}, {@code ^0.2.3} is {@code >=0.2.3,<0.3.0}, {@code ~1.2} is
 * {@code >=1.2,<1.3}, {@code 1.2.*} is {@code ==1.2.*}, {@code 1.2.3} is {@code ==1.2.3}.
 *
 * <p>PEP 440 has no "or". An {@code ||} constraint is written as one specifier set when its
 * alternatives join into one range ({@code ^1.0 || ^2.0} is {@code >=1.0,<3.0}) or into one range
 * less single versions and whole release series ({@code <1.5 || >1.5} is {@code !=1.5},
 * {@code >=1.0,<2.0 || >=3.0,<4.0} is {@code >=1.0,!=2.*,<4.0}; such a series exclusion also
 * excludes the pre-releases of the next series' first release, which pip skips anyway). Any
 * other {@code ||} constraint is refused with an error rather than widened.
 */
public final class PoetryConstraint {
    private final String text;
    private final List<List<ConstraintTerm>> alternatives;

    private PoetryConstraint(String text, List<List<ConstraintTerm>> alternatives) {
        this.text = text;
        this.alternatives = List.copyOf(alternatives);
    }

    public static PoetryConstraint parse(String text) throws InvalidConstraintException {
        return new PoetryConstraint(text, ConstraintParser.parse(text));
    }

    /** The constraint as written. */
    public String text() {
        return text;
    }

    /** True for {@code *} and anything else that admits every version. */
    public boolean isAny() {
        return alternatives.stream().anyMatch(a -> a.stream().allMatch(t -> t instanceof ConstraintTerm.Any));
    }

    /** Whether {@code version} satisfies the constraint (pre-releases are not treated specially). */
    public boolean allows(Version version) {
        return alternatives.stream().anyMatch(a -> a.stream().allMatch(t -> t.allows(version)));
    }

    /** The PEP 440 specifier set, such as {@code >=1.2,<2.0}; "" when every version is allowed. */
    public String toPep440() throws InvalidConstraintException {
        if (isAny()) {
            return "";
        }
        if (alternatives.size() == 1) {
            return conjunction(alternatives.get(0));
        }
        List<VersionInterval> intervals = new ArrayList<>();
        for (List<ConstraintTerm> alternative : alternatives) {
            Optional<VersionInterval> interval = interval(alternative);
            if (interval.isEmpty()) {
                throw notOneSpecifierSet();
            }
            if (!interval.get().isEmpty()) {
                intervals.add(interval.get());
            }
        }
        if (intervals.isEmpty()) {
            throw new InvalidConstraintException("version constraint '" + text + "' admits no version");
        }
        return union(intervals);
    }

    /**
     * Like {@link #toPep440()}, for the Python versions a project supports: alternatives that admit
     * only Python 2 are dropped first ({@code ~2.7 || ^3.6} gives {@code >=3.6,<4.0}), and a
     * two-part version names its series as poetry reads it ({@code 3.8} gives {@code ==3.8.*}).
     */
    public String toPep440ForPython() throws InvalidConstraintException {
        Version three = Version.tryParse("3").orElseThrow();
        List<List<ConstraintTerm>> kept = new ArrayList<>();
        for (List<ConstraintTerm> alternative : alternatives) {
            boolean python2Only = interval(alternative)
                    .map(i -> i.max().isPresent() && i.max().get().compareTo(three) <= 0).orElse(false);
            if (!python2Only) {
                kept.add(alternative.stream().map(PoetryConstraint::asPythonSeries).toList());
            }
        }
        return new PoetryConstraint(text, kept.isEmpty() ? alternatives : kept).toPep440();
    }

    /** poetry reads python {@code "3.8"} as {@code python_version == "3.8"}: the whole 3.8 series. */
    private static ConstraintTerm asPythonSeries(ConstraintTerm term) {
        if (term instanceof ConstraintTerm.Exact exact && exact.version().release().size() <= 2
                && ReleaseBumps.isFinal(exact.version())) {
            return new ConstraintTerm.Wildcard(exact.version(), false);
        }
        return term;
    }

    /**
     * The constraint as an environment marker on the Python version, as poetry writes a
     * dependency's {@code python = "..."}: {@code ^3.8} is
     * {@code python_version >= "3.8" and python_version < "4.0"}; empty for every version.
     */
    public Optional<String> toPythonMarker() {
        if (isAny()) {
            return Optional.empty();
        }
        List<String> ors = new ArrayList<>();
        for (List<ConstraintTerm> alternative : alternatives) {
            List<String> ands = new ArrayList<>();
            for (ConstraintTerm term : alternative) {
                PythonMarkers.of(term).ifPresent(m -> ands.add(alternative.size() > 1 && m.contains(" or ")
                        ? "(" + m + ")" : m));
            }
            ors.add(String.join(" and ", ands));
        }
        return Optional.of(String.join(" or ", ors));
    }

    private static String conjunction(List<ConstraintTerm> terms) throws InvalidConstraintException {
        Optional<VersionInterval> interval = interval(terms);
        if (interval.isPresent() && terms.size() > 1) {
            if (interval.get().isEmpty()) {
                throw new InvalidConstraintException("version constraint '" + String.join(",",
                        terms.stream().map(ConstraintTerm::pep440).toList()) + "' admits no version");
            }
            return interval.get().pep440();
        }
        List<String> parts = new ArrayList<>();
        for (ConstraintTerm t : terms) {
            if (!t.pep440().isEmpty()) {
                parts.add(t.pep440());
            }
        }
        return String.join(",", parts);
    }

    /** The one interval all terms admit together, when each term is an interval. */
    private static Optional<VersionInterval> interval(List<ConstraintTerm> terms) {
        VersionInterval result = VersionInterval.ALL;
        for (ConstraintTerm t : terms) {
            Optional<VersionInterval> i = t.interval();
            if (i.isEmpty()) {
                return Optional.empty();
            }
            result = result.intersect(i.get());
        }
        return Optional.of(result);
    }

    private String union(List<VersionInterval> intervals) throws InvalidConstraintException {
        List<VersionInterval> sorted = new ArrayList<>(intervals);
        sorted.sort(Comparator.comparing((VersionInterval i) -> i.min().isPresent())
                .thenComparing(i -> i.min().orElse(null), Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(i -> !i.includeMin()));
        List<VersionInterval> merged = new ArrayList<>();
        for (VersionInterval next : sorted) {
            if (!merged.isEmpty() && merged.get(merged.size() - 1).touches(next)) {
                VersionInterval last = merged.remove(merged.size() - 1);
                merged.add(hull(last, next));
            } else {
                merged.add(next);
            }
        }
        if (merged.size() == 1) {
            return merged.get(0).pep440();
        }
        List<String> parts = new ArrayList<>();
        merged.get(0).lowerText().ifPresent(parts::add);
        for (int i = 0; i + 1 < merged.size(); i++) {
            parts.add(gap(merged.get(i), merged.get(i + 1)).orElseThrow(this::notOneSpecifierSet));
        }
        merged.get(merged.size() - 1).upperText().ifPresent(parts::add);
        return String.join(",", parts);
    }

    /** The lower bound of {@code a} (which starts first) and the higher of both upper bounds. */
    private static VersionInterval hull(VersionInterval a, VersionInterval b) {
        if (a.max().isEmpty()) {
            return a;
        }
        if (b.max().isEmpty()) {
            return new VersionInterval(a.min(), a.includeMin(), b.max(), false);
        }
        int c = a.max().get().compareTo(b.max().get());
        if (c > 0 || c == 0 && a.includeMax()) {
            return a;
        }
        return new VersionInterval(a.min(), a.includeMin(), b.max(), b.includeMax());
    }

    /** The versions between two intervals as one {@code !=} specifier, when they are one version or series. */
    private static Optional<String> gap(VersionInterval a, VersionInterval b) {
        Version end = a.max().orElseThrow();
        Version start = b.min().orElseThrow();
        if (!a.includeMax() && !b.includeMin() && end.equals(start)) {
            return Optional.of("!=" + end);
        }
        if (a.includeMax() || !b.includeMin() || !ReleaseBumps.isFinal(end) || !ReleaseBumps.isFinal(start)
                || end.epoch() != start.epoch()) {
            return Optional.empty();
        }
        List<Long> release = end.release();
        int significant = release.size();
        while (significant > 1 && release.get(significant - 1) == 0) {
            significant--;
        }
        int longest = Math.max(release.size(), start.release().size());
        for (int k = significant; k <= longest; k++) {
            List<Long> prefix = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                prefix.add(end.releasePart(i));
            }
            Version series = new Version(end.epoch(), prefix, Optional.empty(), Optional.empty(), Optional.empty(),
                    List.of());
            if (ReleaseBumps.nextAtPrecision(series).equals(start)) {
                return Optional.of("!=" + series + ".*");
            }
        }
        return Optional.empty();
    }

    private InvalidConstraintException notOneSpecifierSet() {
        return new InvalidConstraintException("version constraint '" + text
                + "' cannot be written as one PEP 440 specifier set (pip has no 'or' between versions)",
                "use one range, or a list of {version = ..., python = ...} tables, one per Python range");
    }

    @Override
    public String toString() {
        return text;
    }
}
