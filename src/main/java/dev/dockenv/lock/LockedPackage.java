package dev.dockenv.lock;

import dev.dockenv.errors.SourceLocation;
import dev.dockenv.pep.Marker;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A package pinned by a lock file.
 *
 * @param name      the name as written (compare with Pep503.normalize)
 * @param version   the exact version locked (empty for a path/VCS package the lock leaves unversioned)
 * @param marker    when it applies (PEP 508), as the lock says (combined along the dependency graph
 *                  when the format records markers on edges)
 * @param artifacts installable files with hashes (empty for path, editable and VCS packages)
 * @param groups    the groups that need it, e.g. {"main"}, {"dev"}, {"main","docs"}; normalized names
 * @param location  where the lock describes it
 */
public record LockedPackage(String name, Optional<String> version, Optional<Marker> marker,
        List<LockedArtifact> artifacts, PackageSource source, Set<String> groups, SourceLocation location) {

    public LockedPackage {
        artifacts = List.copyOf(artifacts);
        groups = Set.copyOf(groups);
    }

    /** Every hash of every artifact, for pip's --hash options. */
    public List<String> hashes() {
        return artifacts.stream().flatMap(a -> a.hashes().stream()).distinct().toList();
    }
}
