package dev.dockenv.lock.uv;

import dev.dockenv.pep.Marker;
import dev.dockenv.pep.MarkerOperator;
import dev.dockenv.pep.Pep503;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * uv's markers for declared conflicts ({@code [tool.uv] conflicts}): when a lock forks on which
 * extra or group of a project is active, uv writes the choice as an {@code extra} comparison with
 * an encoded value, e.g. {@code extra == 'extra-7-project-cpu'} (extra {@code cpu} of
 * {@code project}), {@code extra != 'group-7-project-dev'} (group {@code dev}), {@code
 * extra == 'project-7-project'} (the package itself); the number is the package name's length.
 * pip cannot evaluate these (its {@code extra} is the extra of the package being installed), but
 * the walk knows what is installed: the root projects, with the requested extras, in the group
 * being walked. Such comparisons are decided here; other comparisons are left to the installer.
 */
final class UvConflictMarkers {
    private static final Pattern ENCODED = Pattern.compile("(extra|group|project)-(\\d+)-(.+)");

    private UvConflictMarkers() {
    }

    /**
     * @param roots  the normalized names of the projects being installed
     * @param extras the requested extras of the roots (normalized)
     * @param group  the dependency group being walked, empty for the main dependencies
     */
    static Function<Marker.Comparison, Optional<Boolean>> deciding(Set<String> roots, Set<String> extras,
            Optional<String> group) {
        return c -> {
            Optional<String> value = encodedValue(c);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            Optional<Boolean> active = active(value.get(), roots, extras, group);
            boolean negated = c.operator() == MarkerOperator.NOT_EQUAL;
            return active.map(a -> a != negated);
        };
    }

    /** The literal of {@code extra == '...'} or {@code extra != '...'} (either way round). */
    private static Optional<String> encodedValue(Marker.Comparison c) {
        if (c.operator() != MarkerOperator.EQUAL && c.operator() != MarkerOperator.NOT_EQUAL) {
            return Optional.empty();
        }
        if (c.left() instanceof Marker.Variable v && v.name().equals("extra") && c.right() instanceof Marker.Literal l) {
            return Optional.of(l.value());
        }
        if (c.right() instanceof Marker.Variable v && v.name().equals("extra") && c.left() instanceof Marker.Literal l) {
            return Optional.of(l.value());
        }
        return Optional.empty();
    }

    private static Optional<Boolean> active(String value, Set<String> roots, Set<String> extras,
            Optional<String> group) {
        Matcher m = ENCODED.matcher(value);
        if (!m.matches()) {
            return Optional.empty();
        }
        String rest = m.group(3);
        int length;
        try {
            length = Integer.parseInt(m.group(2));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (length > rest.length()) {
            return Optional.empty();
        }
        String pkg = Pep503.normalize(rest.substring(0, length));
        boolean installed = roots.contains(pkg);
        if (m.group(1).equals("project")) {
            return length == rest.length() ? Optional.of(installed) : Optional.empty();
        }
        if (length + 1 >= rest.length() || rest.charAt(length) != '-') {
            return Optional.empty();
        }
        String item = Pep503.normalize(rest.substring(length + 1));
        if (m.group(1).equals("extra")) {
            return Optional.of(installed && extras.contains(item));
        }
        return Optional.of(installed && group.equals(Optional.of(item)));
    }
}
