package dev.dockenv.sbom;

/** A CycloneDX name/value property; dockenv's names start with {@code dockenv:}. */
public record Property(String name, String value) {
}
