package dev.dockenv.sbom;

import java.util.List;

/**
 * A reference to something outside the BOM; dockenv writes type {@code distribution}: a file of
 * the package as the lock records it (its URL without credentials, else its file name) with its hashes.
 */
public record ExternalReference(String type, String url, List<Hash> hashes) {
    public ExternalReference {
        hashes = List.copyOf(hashes);
    }
}
