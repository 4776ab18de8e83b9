package dev.dockenv.lock;

import java.util.List;
import java.util.Optional;

/**
 * One installable file of a locked package (a wheel or an sdist): its file name and/or URL and its
 * hashes, each written "algorithm:hex" with a lowercase algorithm (e.g. "sha256:9f86...").
 */
public record LockedArtifact(Optional<String> fileName, Optional<String> url, List<String> hashes) {
    public LockedArtifact {
        hashes = List.copyOf(hashes);
    }
}
