package dev.dockenv.lock.conda;

import dev.dockenv.errors.SourceLocation;
import java.util.Objects;

/** A channel of an environment file's {@code channels:} list (a name such as conda-forge, or a URL). */
public record CondaChannel(String name, SourceLocation location) {
    public CondaChannel {
        Objects.requireNonNull(name);
        Objects.requireNonNull(location);
    }
}
