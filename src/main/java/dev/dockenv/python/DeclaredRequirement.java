package dev.dockenv.python;

import dev.dockenv.errors.SourceLocation;

/** A PEP 508 requirement string as written in a project file, with where it was written. */
public record DeclaredRequirement(String text, SourceLocation location) {
}
