package dev.dockenv.lock.format;

import dev.dockenv.lock.LockFile;

/** A lock as read, with its format and whether it still matches the project. */
public record LockReading(LockFormat format, LockFile lock, Freshness freshness) {

    /** Whether this is a pylock.toml {@code dockenv lock} wrote (it records its inputs digest). */
    public boolean writtenByDockenv() {
        return format == LockFormat.PYLOCK && lock.inputsDigest().isPresent();
    }
}
