package dev.dockenv.sbom;

/** The program that wrote a BOM (CycloneDX 1.5+ {@code metadata.tools.components}). */
public record Tool(String name, String version) {
}
