package dev.dockenv.lock;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

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
 */
public record LockFile(Path file, String origin, List<LockedPackage> packages, Optional<String> inputsDigest,
        List<String> indexUrls, Optional<String> requiresPython, List<List<String>> layers) {

    public LockFile {
        packages = List.copyOf(packages);
        indexUrls = List.copyOf(indexUrls);
        layers = layers.stream().map(List::copyOf).toList();
    }

    /** A lock that records no layers (every format but dockenv's own pylock.toml). */
    public LockFile(Path file, String origin, List<LockedPackage> packages, Optional<String> inputsDigest,
            List<String> indexUrls, Optional<String> requiresPython) {
        this(file, origin, packages, inputsDigest, indexUrls, requiresPython, List.of());
    }

    /** The same lock with these layers. */
    public LockFile withLayers(List<List<String>> newLayers) {
        return new LockFile(file, origin, packages, inputsDigest, indexUrls, requiresPython, newLayers);
    }

    /** The packages a group needs. */
    public List<LockedPackage> packagesOf(String group) {
        return packages.stream().filter(p -> p.groups().contains(group)).toList();
    }
}
