package dev.dockenv.lock;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a lock file pins.
 *
 * @param origin       what the lock was read or resolved from, for messages and pylock.toml's header: the
 *                     lock file's name, or the files {@code dockenv lock} resolved it from. Never compared:
 *                     the lock's format is {@code lock.format.LockFormat}, known to whoever read it
 * @param packages     every package, with the groups that need it resolved
 * @param inputsDigest the lock's own record of its inputs when it has one (Pipfile.lock
 *                     _meta.hash.sha256, poetry content-hash, pdm content_hash), for staleness checks
 * @param indexUrls    package indexes the lock names, in order
 * @param requiresPython the Python range the lock was made for, when it says
 * @param layers       how the image installs the packages (normalized names per layer, see
 *                     {@code plan.LockLayering}), when the lock records it: dockenv's own locks keep a
 *                     package in its layer across relocks, so adding one package adds one layer
 * @param requested    the normalized names of the packages asked for by name, when the lock knows
 *                     which they are (a resolution made for a build does; the others came in as their
 *                     dependencies); empty when every package counts as asked for, as when pip
 *                     installs a lock's list ({@code pip install -r}): pip's REQUESTED marker
 */
public record LockFile(Path file, String origin, List<LockedPackage> packages, Optional<String> inputsDigest,
        List<String> indexUrls, Optional<String> requiresPython, List<List<String>> layers,
        Optional<Set<String>> requested) {

    public LockFile {
        packages = List.copyOf(packages);
        indexUrls = List.copyOf(indexUrls);
        layers = layers.stream().map(List::copyOf).toList();
        requested = requested.map(Set::copyOf);
    }

    /** A lock whose every package counts as asked for by name. */
    public LockFile(Path file, String origin, List<LockedPackage> packages, Optional<String> inputsDigest,
            List<String> indexUrls, Optional<String> requiresPython, List<List<String>> layers) {
        this(file, origin, packages, inputsDigest, indexUrls, requiresPython, layers, Optional.empty());
    }

    /** A lock that records no layers (every format but dockenv's own pylock.toml). */
    public LockFile(Path file, String origin, List<LockedPackage> packages, Optional<String> inputsDigest,
            List<String> indexUrls, Optional<String> requiresPython) {
        this(file, origin, packages, inputsDigest, indexUrls, requiresPython, List.of());
    }

    /** The same lock with these layers. */
    public LockFile withLayers(List<List<String>> newLayers) {
        return new LockFile(file, origin, packages, inputsDigest, indexUrls, requiresPython, newLayers, requested);
    }

    /** The same lock, with only these (normalized names) asked for by name. */
    public LockFile withRequested(Set<String> names) {
        return new LockFile(file, origin, packages, inputsDigest, indexUrls, requiresPython, layers,
                Optional.of(names));
    }

    /** Whether a package was asked for by name (else it came in as a dependency of another). */
    public boolean isRequested(String normalizedName) {
        return requested.map(names -> names.contains(normalizedName)).orElse(true);
    }

    /** The packages a group needs. */
    public List<LockedPackage> packagesOf(String group) {
        return packages.stream().filter(p -> p.groups().contains(group)).toList();
    }
}
