package dev.dockenv.sbom;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a BOM says about itself, from the caller: the project the image is of, dockenv's version,
 * and the time the release is dated (SOURCE_DATE_EPOCH or the commit time; never the clock, so a
 * rebuild of the same commit writes the same BOM).
 *
 * @param projectVersion the project's version, when it declares one
 */
public record BomContext(String projectName, Optional<String> projectVersion, String dockenvVersion,
        Instant timestamp) {

    /** The project as the BOM's subject: an application, referenced by its name. */
    Component subject() {
        return new Component(ComponentType.APPLICATION, projectName, projectName, projectVersion, Optional.empty(),
                List.of(), List.of(), List.of());
    }

    Tool tool() {
        return new Tool("dockenv", dockenvVersion);
    }
}
