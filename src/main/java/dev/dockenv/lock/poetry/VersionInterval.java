package dev.dockenv.lock.poetry;

import dev.dockenv.pep.Version;
import java.util.Optional;

/**
 * A range of versions between two optional bounds, as PEP 440 writes it ({@code >=1.2,<2.0});
 * used to intersect and unite poetry constraints. Pre-releases at the bounds are not modelled.
 */
record VersionInterval(Optional<Version> min, boolean includeMin, Optional<Version> max, boolean includeMax) {

    static final VersionInterval ALL = new VersionInterval(Optional.empty(), false, Optional.empty(), false);

    static VersionInterval exactly(Version v) {
        return new VersionInterval(Optional.of(v), true, Optional.of(v), true);
    }

    VersionInterval intersect(VersionInterval o) {
        Optional<Version> lo = min;
        boolean loIn = includeMin;
        if (o.min.isPresent()) {
            int c = lo.isEmpty() ? -1 : lo.get().compareTo(o.min.get());
            if (c < 0) {
                lo = o.min;
                loIn = o.includeMin;
            } else if (c == 0) {
                loIn = loIn && o.includeMin;
            }
        }
        Optional<Version> hi = max;
        boolean hiIn = includeMax;
        if (o.max.isPresent()) {
            int c = hi.isEmpty() ? 1 : hi.get().compareTo(o.max.get());
            if (c > 0) {
                hi = o.max;
                hiIn = o.includeMax;
            } else if (c == 0) {
                hiIn = hiIn && o.includeMax;
            }
        }
        return new VersionInterval(lo, loIn, hi, hiIn);
    }

    boolean isEmpty() {
        if (min.isEmpty() || max.isEmpty()) {
            return false;
        }
        int c = min.get().compareTo(max.get());
        return c > 0 || c == 0 && !(includeMin && includeMax);
    }

    boolean isPoint() {
        return min.isPresent() && max.isPresent() && includeMin && includeMax && min.get().equals(max.get());
    }

    boolean isAll() {
        return min.isEmpty() && max.isEmpty();
    }

    boolean contains(Version v) {
        if (min.isPresent()) {
            int c = v.compareTo(min.get());
            if (c < 0 || c == 0 && !includeMin) {
                return false;
            }
        }
        if (max.isPresent()) {
            int c = v.compareTo(max.get());
            return c < 0 || c == 0 && includeMax;
        }
        return true;
    }

    /** Whether this interval ends where {@code next} (starting no earlier) begins, or overlaps it. */
    boolean touches(VersionInterval next) {
        if (max.isEmpty() || next.min.isEmpty()) {
            return true;
        }
        int c = max.get().compareTo(next.min.get());
        return c > 0 || c == 0 && (includeMax || next.includeMin);
    }

    /** The PEP 440 lower bound, e.g. {@code >=1.2}; empty when unbounded. */
    Optional<String> lowerText() {
        return min.map(v -> (includeMin ? ">=" : ">") + v);
    }

    /** The PEP 440 upper bound, e.g. {@code <2.0}; empty when unbounded. */
    Optional<String> upperText() {
        return max.map(v -> (includeMax ? "<=" : "<") + v);
    }

    /** As PEP 440 writes it: {@code >=1.2,<2.0}, {@code ==1.2}, or "" for every version. */
    String pep440() {
        if (isPoint()) {
            return "==" + min.get();
        }
        StringBuilder s = new StringBuilder();
        lowerText().ifPresent(s::append);
        upperText().ifPresent(u -> s.append(s.isEmpty() ? "" : ",").append(u));
        return s.toString();
    }
}
