package dev.dockenv.python;

import dev.dockenv.errors.SourceLocation;
import java.util.Optional;

/** The Python version chosen for the environment and where it came from (empty: the default). */
public record PythonChoice(PythonVersion version, Optional<SourceLocation> source) {

    public String describeSource() {
        return source.map(s -> s.file().getFileName().toString()).orElse("dockenv's default");
    }
}
