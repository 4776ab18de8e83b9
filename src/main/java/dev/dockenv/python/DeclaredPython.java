package dev.dockenv.python;

import dev.dockenv.errors.SourceLocation;

/**
 * A Python version or range as a project file writes it ({@code 3.11}, {@code >=3.10,<3.13}), with
 * where it is written: what readers yield and the project's Python choice weighs.
 *
 * @param label what the file calls it, for messages ({@code [tool.poetry] python}); empty: the
 *              file's usual name for it (requires-python in pyproject.toml)
 */
public record DeclaredPython(String text, SourceLocation location, String label) {

    public DeclaredPython(String text, SourceLocation location) {
        this(text, location, "");
    }
}
