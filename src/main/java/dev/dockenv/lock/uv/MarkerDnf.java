package dev.dockenv.lock.uv;

import dev.dockenv.lock.pylock.LockMarkers;
import dev.dockenv.pep.Marker;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A marker as an {@code or} of {@code and}s of comparisons (disjunctive normal form), for combining
 * the markers met along dependency paths: {@link #and} for one path, {@link #or} across paths.
 * Terms implied by others are dropped ({@code a or (a and b)} is {@code a}), which also makes the
 * graph walk reach a fixed point on cycles. Comparisons are not otherwise reasoned about:
 * {@code python_version < "3.9" or python_version >= "3.9"} stays as written rather than becoming
 * "always".
 */
final class MarkerDnf {
    /** Always holds (one empty term). */
    static final MarkerDnf TRUE = new MarkerDnf(Set.of(Set.of()));
    /** Never holds (no term). */
    static final MarkerDnf FALSE = new MarkerDnf(Set.of());

    private final Set<Set<Marker.Comparison>> terms;

    private MarkerDnf(Set<Set<Marker.Comparison>> terms) {
        this.terms = terms;
    }

    /**
     * The marker in normal form; a comparison for which {@code known} has a truth value (uv's
     * encoded conflict markers) is replaced by it.
     */
    static MarkerDnf of(Optional<Marker> marker, Function<Marker.Comparison, Optional<Boolean>> known) {
        return marker.map(m -> of(m, known)).orElse(TRUE);
    }

    static MarkerDnf of(Marker marker, Function<Marker.Comparison, Optional<Boolean>> known) {
        if (marker instanceof Marker.And and) {
            return of(and.left(), known).and(of(and.right(), known));
        }
        if (marker instanceof Marker.Or or) {
            return of(or.left(), known).or(of(or.right(), known));
        }
        Marker.Comparison c = (Marker.Comparison) marker;
        return known.apply(c).map(truth -> truth ? TRUE : FALSE).orElseGet(() -> new MarkerDnf(Set.of(Set.of(c))));
    }

    MarkerDnf and(MarkerDnf other) {
        Set<Set<Marker.Comparison>> product = new LinkedHashSet<>();
        for (Set<Marker.Comparison> a : terms) {
            for (Set<Marker.Comparison> b : other.terms) {
                Set<Marker.Comparison> term = new LinkedHashSet<>(a);
                term.addAll(b);
                product.add(term);
            }
        }
        return minimal(product);
    }

    MarkerDnf or(MarkerDnf other) {
        Set<Set<Marker.Comparison>> union = new LinkedHashSet<>(terms);
        union.addAll(other.terms);
        return minimal(union);
    }

    boolean isFalse() {
        return terms.isEmpty();
    }

    /** The marker, empty when it always holds; not for {@link #FALSE}. */
    Optional<Marker> toMarker() {
        if (isFalse()) {
            throw new IllegalStateException("a marker that never holds has no text");
        }
        Marker out = null;
        for (Set<Marker.Comparison> term : terms) {
            if (term.isEmpty()) {
                return Optional.empty();
            }
            Marker conjunction = null;
            for (Marker.Comparison c : term) {
                conjunction = conjunction == null ? c : new Marker.And(conjunction, c);
            }
            out = out == null ? conjunction : new Marker.Or(out, conjunction);
        }
        return Optional.of(LockMarkers.canonical(out));
    }

    /** Drops every term that contains another (it is implied by it). */
    private static MarkerDnf minimal(Set<Set<Marker.Comparison>> terms) {
        Set<Set<Marker.Comparison>> kept = new LinkedHashSet<>();
        for (Set<Marker.Comparison> t : terms) {
            boolean implied = false;
            for (Set<Marker.Comparison> u : terms) {
                if (t.size() > u.size() && t.containsAll(u)) {
                    implied = true;
                    break;
                }
            }
            if (!implied) {
                kept.add(Collections.unmodifiableSet(t));
            }
        }
        return new MarkerDnf(Collections.unmodifiableSet(kept));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MarkerDnf d && d.terms.equals(terms);
    }

    @Override
    public int hashCode() {
        return terms.hashCode();
    }

    @Override
    public String toString() {
        return isFalse() ? "<never>" : toMarker().map(Object::toString).orElse("<always>");
    }
}
