package dev.dockenv.python;

import dev.dockenv.errors.SourceLocation;

/**
 * A Python version or range as a project file writes it ({@code 3.11}, {@code >=3.10,<3.13}), with
 * where it is written: what readers yield and the project's Python choice weighs.
 */
public record DeclaredPython(String text, SourceLocation location) {
}
