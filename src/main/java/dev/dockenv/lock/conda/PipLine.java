package dev.dockenv.lock.conda;

import dev.dockenv.errors.SourceLocation;
import java.util.Objects;

/**
 * One entry of an environment file's {@code pip:} list, as written. conda writes these lines,
 * unchanged and in order, to a temporary requirements file beside the environment file and runs
 * {@code pip install -U -r FILE --exists-action=b} in that directory.
 */
public record PipLine(String text, SourceLocation location) {
    public PipLine {
        Objects.requireNonNull(text);
        Objects.requireNonNull(location);
    }
}
