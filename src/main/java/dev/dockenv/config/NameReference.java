package dev.dockenv.config;

import dev.dockenv.errors.SourceLocation;

/** A name written in the settings that refers to another entry (a service in {@code depends-on}), with where. */
public record NameReference(String name, SourceLocation location) {
}
