package dev.dockenv.lock.poetry;

import dev.dockenv.errors.SourceLocation;
import dev.dockenv.lock.LockedArtifact;
import dev.dockenv.lock.PackageSource;
import dev.dockenv.pep.Marker;
import dev.dockenv.pep.Version;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One {@code [[package]]} of poetry.lock, as read.
 *
 * @param name          normalized
 * @param writtenName   as written
 * @param version       parsed, when it is a PEP 440 version
 * @param category      lock-version 1.x and early 2.0: "main" or "dev"
 * @param groups        lock-version 2.1: the groups that need it, normalized
 * @param groupMarkers  lock-version 2.1: when each group needs it (a group without a marker needs
 *                      it always; a single {@code markers} string holds for every group)
 * @param pythonMarker  its {@code python-versions} as a marker (empty for "*")
 * @param extras        {@code [package.extras]}: extra to the dependency names it adds, normalized
 */
record LockEntry(String name, String writtenName, String versionText, Optional<Version> version, Optional<String> category,
        Optional<Set<String>> groups, Map<String, Optional<Marker>> groupMarkers, Optional<Marker> pythonMarker,
        List<LockedArtifact> artifacts, PackageSource source, List<LockEdge> edges, Map<String, Set<String>> extras,
        SourceLocation location) {

    LockEntry {
        groupMarkers = Map.copyOf(groupMarkers);
        artifacts = List.copyOf(artifacts);
        edges = List.copyOf(edges);
        extras = Map.copyOf(extras);
    }
}
