package dev.dockenv.lock.poetry;

import dev.dockenv.pep.Marker;
import dev.dockenv.pep.MarkerOperator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Small operations on marker trees. */
final class MarkerTerms {
    private MarkerTerms() {
    }

    /** The marker with every {@code extra} comparison taken as true; empty when nothing else is left. */
    static Optional<Marker> withoutExtras(Marker m) {
        if (m instanceof Marker.And and) {
            Optional<Marker> l = withoutExtras(and.left());
            Optional<Marker> r = withoutExtras(and.right());
            if (l.isEmpty()) {
                return r;
            }
            return r.isEmpty() ? l : Optional.of(new Marker.And(l.get(), r.get()));
        }
        if (m instanceof Marker.Or or) {
            Optional<Marker> l = withoutExtras(or.left());
            Optional<Marker> r = withoutExtras(or.right());
            return l.isEmpty() || r.isEmpty() ? Optional.empty() : Optional.of(new Marker.Or(l.get(), r.get()));
        }
        Marker.Comparison c = (Marker.Comparison) m;
        return isExtra(c.left()) || isExtra(c.right()) ? Optional.empty() : Optional.of(m);
    }

    /** The operands of a chain of {@code and}: {@code a and (b or c)} gives [a, b or c]. */
    static List<Marker> conjuncts(Marker m) {
        List<Marker> out = new ArrayList<>();
        collect(m, out);
        return out;
    }

    private static void collect(Marker m, List<Marker> out) {
        if (m instanceof Marker.And and) {
            collect(and.left(), out);
            collect(and.right(), out);
        } else {
            out.add(m);
        }
    }

    /**
     * The marker that holds exactly when {@code m} does not (De Morgan, comparisons flipped); empty
     * when a comparison has no opposite ({@code ~=}, {@code ===}).
     */
    static Optional<Marker> negate(Marker m) {
        if (m instanceof Marker.And and) {
            return negate(and.left()).flatMap(l -> negate(and.right()).map(r -> new Marker.Or(l, r)));
        }
        if (m instanceof Marker.Or or) {
            return negate(or.left()).flatMap(l -> negate(or.right()).map(r -> new Marker.And(l, r)));
        }
        Marker.Comparison c = (Marker.Comparison) m;
        MarkerOperator opposite = switch (c.operator()) {
            case EQUAL -> MarkerOperator.NOT_EQUAL;
            case NOT_EQUAL -> MarkerOperator.EQUAL;
            case LESS -> MarkerOperator.GREATER_EQUAL;
            case GREATER_EQUAL -> MarkerOperator.LESS;
            case GREATER -> MarkerOperator.LESS_EQUAL;
            case LESS_EQUAL -> MarkerOperator.GREATER;
            case IN -> MarkerOperator.NOT_IN;
            case NOT_IN -> MarkerOperator.IN;
            default -> null;
        };
        return Optional.ofNullable(opposite).map(op -> new Marker.Comparison(c.left(), op, c.right()));
    }

    /** {@code a or b or ...}; empty for no operands. */
    static Optional<Marker> anyOf(List<Marker> markers) {
        return markers.stream().reduce(Marker.Or::new);
    }

    /** {@code a and b and ...}; empty for no operands. */
    static Optional<Marker> allOf(List<Marker> markers) {
        return markers.stream().reduce(Marker.And::new);
    }

    private static boolean isExtra(Marker.Operand o) {
        return o instanceof Marker.Variable v && v.name().equals("extra");
    }
}
