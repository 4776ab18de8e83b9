package dev.dockenv.sbom;

import java.util.Locale;

/** The CycloneDX component types dockenv writes. */
public enum ComponentType {
    /** The project whose image the BOM describes. */
    APPLICATION,
    /** A Python package installed in the image. */
    LIBRARY;

    /** The value CycloneDX spells. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
