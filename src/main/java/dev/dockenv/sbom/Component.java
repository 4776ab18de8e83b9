package dev.dockenv.sbom;

import java.util.List;
import java.util.Optional;

/**
 * A CycloneDX component.
 *
 * @param bomRef             its identifier inside the BOM, which {@link Dependency} entries name
 * @param version            empty for a package the source leaves unversioned (a local folder a lock does not version)
 * @param purl               {@code pkg:pypi/NAME@VERSION} for a versioned package, see {@link PackageUrl}
 * @param hashes             the component's own hashes: the one file's when the lock names one file for it
 * @param licenses           what the package's metadata declares, when the source says
 * @param externalReferences the package's files as the lock records them (type distribution, with their hashes)
 */
public record Component(ComponentType type, String bomRef, String name, Optional<String> version, Optional<String> purl,
        List<Hash> hashes, List<License> licenses, List<ExternalReference> externalReferences) {
    public Component {
        hashes = List.copyOf(hashes);
        licenses = List.copyOf(licenses);
        externalReferences = List.copyOf(externalReferences);
    }
}
