package dev.dockenv.python;

import dev.dockenv.errors.SourceLocation;
import java.util.Optional;

/**
 * The Python version chosen for the environment and where it came from.
 *
 * @param source      the file that chose it; empty: a default
 * @param defaultName which default, when no file chose it: dockenv's own, or the user's
 *                    ({@code DOCKENV_PYTHON})
 */
public record PythonChoice(PythonVersion version, Optional<SourceLocation> source, String defaultName) {
    public static final String DOCKENV_DEFAULT = "dockenv's default";

    public PythonChoice(PythonVersion version, Optional<SourceLocation> source) {
        this(version, source, DOCKENV_DEFAULT);
    }

    public String describeSource() {
        return source.map(s -> s.file().getFileName().toString()).orElse(defaultName);
    }
}
