package dev.dockenv.sbom;

import java.util.List;

/** A CycloneDX dependency entry: the component {@code ref} needs {@code dependsOn} (bom-refs), sorted. */
public record Dependency(String ref, List<String> dependsOn) {
    public Dependency {
        dependsOn = List.copyOf(dependsOn);
    }
}
