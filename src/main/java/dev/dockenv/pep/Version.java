package dev.dockenv.pep;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PEP 440 version. Parsing accepts every form PEP 440 normalization allows ({@code v1.0},
 * {@code 1.0-1}, {@code 1.0ALPHA}, ...); {@link #toString()} gives the normalized form.
 *
 * <p>Equality follows the PEP 440 ordering, so {@code 1.0} equals {@code 1.0.0} (their
 * {@code toString} still differ).
 */
public record Version(
        long epoch,
        List<Long> release,
        Optional<PreRelease> pre,
        Optional<Long> post,
        Optional<Long> dev,
        List<String> local) implements Comparable<Version> {

    private static final Pattern FORM = Pattern.compile(
            "\\s*v?"
                    + "(?:(?<epoch>[0-9]+)!)?"
                    + "(?<release>[0-9]+(?:\\.[0-9]+)*)"
                    + "(?:[-_.]?(?<prel>alpha|a|beta|b|preview|pre|c|rc)[-_.]?(?<pren>[0-9]+)?)?"
                    + "(?:-(?<postn1>[0-9]+)|[-_.]?(?<postl>post|rev|r)[-_.]?(?<postn2>[0-9]+)?)?"
                    + "(?:[-_.]?(?<devl>dev)[-_.]?(?<devn>[0-9]+)?)?"
                    + "(?:\\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?"
                    + "\\s*",
            Pattern.CASE_INSENSITIVE);

    /** The pre-release phases, in their PEP 440 order. */
    public enum Phase {
        ALPHA("a"), BETA("b"), RELEASE_CANDIDATE("rc");

        private final String label;

        Phase(String label) {
            this.label = label;
        }

        /** The normalized label: a, b or rc. */
        public String label() {
            return label;
        }

        static Phase fromLabel(String written) {
            return switch (written.toLowerCase(Locale.ROOT)) {
                case "a", "alpha" -> ALPHA;
                case "b", "beta" -> BETA;
                default -> RELEASE_CANDIDATE; // c, rc, pre, preview
            };
        }
    }

    /** The pre-release part of a version, such as {@code rc2}. */
    public record PreRelease(Phase phase, long number) {
        @Override
        public String toString() {
            return phase.label() + number;
        }
    }

    public Version {
        Objects.requireNonNull(pre);
        Objects.requireNonNull(post);
        Objects.requireNonNull(dev);
        release = List.copyOf(release);
        local = List.copyOf(local);
        if (release.isEmpty()) {
            throw new IllegalArgumentException("a version needs at least one release number");
        }
    }

    /** Parses a PEP 440 version, leniently as PEP 440 normalization allows. */
    public static Version parse(String text) throws PepSyntaxException {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            if (text.isBlank()) {
                throw new PepSyntaxException("expected a version", 1);
            }
            int bad = firstBadIndex(text);
            String problem = bad >= text.length()
                    ? "invalid version '" + text.strip() + "': it is incomplete"
                    : "invalid version '" + text.strip() + "': unexpected '" + text.charAt(bad) + "'";
            throw new PepSyntaxException(problem, bad + 1);
        }
        long epoch = m.group("epoch") == null ? 0 : number(m.group("epoch"), text, m.start("epoch"));
        List<Long> release = new ArrayList<>();
        int at = m.start("release");
        for (String part : m.group("release").split("\\.")) {
            release.add(number(part, text, at));
            at += part.length() + 1;
        }
        Optional<PreRelease> pre = Optional.empty();
        if (m.group("prel") != null) {
            long n = m.group("pren") == null ? 0 : number(m.group("pren"), text, m.start("pren"));
            pre = Optional.of(new PreRelease(Phase.fromLabel(m.group("prel")), n));
        }
        Optional<Long> post = Optional.empty();
        if (m.group("postn1") != null) {
            post = Optional.of(number(m.group("postn1"), text, m.start("postn1")));
        } else if (m.group("postl") != null) {
            post = Optional.of(m.group("postn2") == null ? 0 : number(m.group("postn2"), text, m.start("postn2")));
        }
        Optional<Long> dev = Optional.empty();
        if (m.group("devl") != null) {
            dev = Optional.of(m.group("devn") == null ? 0 : number(m.group("devn"), text, m.start("devn")));
        }
        List<String> local = new ArrayList<>();
        if (m.group("local") != null) {
            for (String segment : m.group("local").split("[-_.]")) {
                local.add(normalizeLocalSegment(segment));
            }
        }
        return new Version(epoch, release, pre, post, dev, local);
    }

    /** The version, or empty when {@code text} is not a valid PEP 440 version. */
    public static Optional<Version> tryParse(String text) {
        try {
            return Optional.of(parse(text));
        } catch (PepSyntaxException e) {
            return Optional.empty();
        }
    }

    /** The index of the first character that no valid version can continue with. */
    private static int firstBadIndex(String text) {
        for (int end = 1; end <= text.length(); end++) {
            Matcher m = FORM.matcher(text.substring(0, end));
            if (!m.matches() && !m.hitEnd()) {
                return end - 1;
            }
        }
        return text.length();
    }

    private static long number(String digits, String text, int at) throws PepSyntaxException {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new PepSyntaxException("number too large in version '" + text.strip() + "'", at + 1);
        }
    }

    private static String normalizeLocalSegment(String segment) {
        if (segment.chars().allMatch(Character::isDigit)) {
            String stripped = segment.replaceFirst("^0+", "");
            return stripped.isEmpty() ? "0" : stripped;
        }
        return segment.toLowerCase(Locale.ROOT);
    }

    /** True for pre-releases and development releases. */
    public boolean isPrerelease() {
        return pre.isPresent() || dev.isPresent();
    }

    public boolean isPostRelease() {
        return post.isPresent();
    }

    public boolean isDevRelease() {
        return dev.isPresent();
    }

    public boolean hasLocal() {
        return !local.isEmpty();
    }

    /** This version without its local part. */
    public Version publicVersion() {
        return new Version(epoch, release, pre, post, dev, List.of());
    }

    /** Only the epoch and release: {@code 1!2.0rc1.post3} gives {@code 1!2.0}. */
    public Version baseVersion() {
        return new Version(epoch, release, Optional.empty(), Optional.empty(), Optional.empty(), List.of());
    }

    /** The release number at {@code index}, 0 when the release is shorter. */
    public long releasePart(int index) {
        return index < release.size() ? release.get(index) : 0;
    }

    @Override
    public int compareTo(Version o) {
        int c = Long.compare(epoch, o.epoch);
        if (c != 0) {
            return c;
        }
        c = compareRelease(release, o.release);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(preRank(), o.preRank());
        if (c == 0 && pre.isPresent() && o.pre.isPresent()) {
            c = Long.compare(pre.get().number(), o.pre.get().number());
        }
        if (c != 0) {
            return c;
        }
        c = Long.compare(post.orElse(-1L), o.post.orElse(-1L));
        if (c != 0) {
            return c;
        }
        c = Long.compare(dev.orElse(Long.MAX_VALUE), o.dev.orElse(Long.MAX_VALUE));
        if (c != 0) {
            return c;
        }
        return compareLocal(local, o.local);
    }

    /** Orders the pre-release slot: a dev release of a final release sorts before any pre-release. */
    private int preRank() {
        if (pre.isPresent()) {
            return pre.get().phase().ordinal();
        }
        if (post.isEmpty() && dev.isPresent()) {
            return -1;
        }
        return Phase.values().length;
    }

    private static int compareRelease(List<Long> a, List<Long> b) {
        int n = Math.max(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            long x = i < a.size() ? a.get(i) : 0;
            long y = i < b.size() ? b.get(i) : 0;
            int c = Long.compare(x, y);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static int compareLocal(List<String> a, List<String> b) {
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            int c = compareLocalSegment(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    /** Numeric segments compare as numbers and sort after alphanumeric ones. */
    private static int compareLocalSegment(String a, String b) {
        boolean aNumeric = isDigits(a);
        boolean bNumeric = isDigits(b);
        if (aNumeric && bNumeric) {
            int c = Integer.compare(a.length(), b.length()); // both have no leading zeros
            return c != 0 ? c : a.compareTo(b);
        }
        if (aNumeric != bNumeric) {
            return aNumeric ? 1 : -1;
        }
        return a.compareTo(b);
    }

    private static boolean isDigits(String s) {
        return !s.isEmpty() && s.chars().allMatch(ch -> ch >= '0' && ch <= '9');
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Version v && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
        int significant = release.size();
        while (significant > 1 && release.get(significant - 1) == 0) {
            significant--;
        }
        return Objects.hash(epoch, release.subList(0, significant), pre, post, dev, local);
    }

    /** The normalized form, such as {@code 1!2.0rc1.post2.dev3+ubuntu.1}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        if (epoch != 0) {
            s.append(epoch).append('!');
        }
        for (int i = 0; i < release.size(); i++) {
            if (i > 0) {
                s.append('.');
            }
            s.append(release.get(i));
        }
        pre.ifPresent(s::append);
        post.ifPresent(n -> s.append(".post").append(n));
        dev.ifPresent(n -> s.append(".dev").append(n));
        if (!local.isEmpty()) {
            s.append('+').append(String.join(".", local));
        }
        return s.toString();
    }
}
