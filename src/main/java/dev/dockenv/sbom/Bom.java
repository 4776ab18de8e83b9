package dev.dockenv.sbom;

import java.util.List;

/**
 * A CycloneDX bill of materials, as dockenv writes it: the project's image ({@code metadata}),
 * its Python packages ({@code components}) and, when known, which package needs which
 * ({@code dependencies}). The serial number is not a field: {@link CycloneDxJson} derives it from
 * the rest, so equal BOMs are equal bytes.
 *
 * @param dependencies empty when the source records no dependency edges (unknown, not "none")
 */
public record Bom(BomMetadata metadata, List<Component> components, List<Dependency> dependencies) {
    public Bom {
        components = List.copyOf(components);
        dependencies = List.copyOf(dependencies);
    }
}
