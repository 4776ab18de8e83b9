package dev.dockenv.lock.poetry;

import dev.dockenv.errors.SourceLocation;
import dev.dockenv.pep.Marker;
import java.util.Optional;
import java.util.Set;

/**
 * One dependency of a locked package ({@code [package.dependencies]}).
 *
 * @param name       normalized
 * @param constraint the version constraint; empty for path, URL and git dependencies
 * @param marker     {@code markers} and {@code python} together, as written (may name extras)
 * @param optional   only installed with one of the package's extras that lists it
 * @param extras     the extras it asks of the dependency, normalized
 */
record LockEdge(String name, Optional<PoetryConstraint> constraint, Optional<Marker> marker, boolean optional,
        Set<String> extras, SourceLocation location) {

    LockEdge {
        extras = Set.copyOf(extras);
    }
}
