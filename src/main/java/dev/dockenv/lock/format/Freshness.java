package dev.dockenv.lock.format;

import dev.dockenv.errors.DockenvException;
import dev.dockenv.errors.ExitCode;
import dev.dockenv.errors.InputException;
import dev.dockenv.errors.SourceLocation;
import java.util.Optional;

/** Whether a lock still matches the manifest it was made from, as far as the lock records it. */
public sealed interface Freshness {

    /** The lock's record of its inputs matches the project. */
    record Fresh() implements Freshness {
    }

    /** The lock records nothing to compare (a pylock.toml another tool wrote, a lock without a content hash). */
    record Unrecorded() implements Freshness {
    }

    /**
     * The project changed since the lock was written.
     *
     * @param where the lock file, when the error names it as file:line:column
     */
    record Stale(Optional<SourceLocation> where, String problem, String hint) implements Freshness {
        /** The error a command reports when it would install this lock. */
        public DockenvException error() {
            return where.<DockenvException>map(w -> new InputException(w, problem, hint))
                    .orElseGet(() -> new DockenvException(ExitCode.BAD_INPUT, problem, hint));
        }
    }

    Freshness FRESH = new Fresh();
    Freshness UNRECORDED = new Unrecorded();
}
