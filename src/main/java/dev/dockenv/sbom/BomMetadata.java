package dev.dockenv.sbom;

import java.time.Instant;
import java.util.List;

/**
 * Who wrote the BOM and about what.
 *
 * @param timestamp  when the release is dated (SOURCE_DATE_EPOCH, the commit time), never the clock
 * @param tool       dockenv and its version
 * @param component  the project itself (type application)
 * @param properties dockenv's notes on the BOM (its source, why hashes are missing), sorted by name
 */
public record BomMetadata(Instant timestamp, Tool tool, Component component, List<Property> properties) {
    public BomMetadata {
        properties = List.copyOf(properties);
    }
}
