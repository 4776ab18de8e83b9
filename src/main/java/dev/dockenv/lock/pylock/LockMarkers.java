package dev.dockenv.lock.pylock;

import dev.dockenv.errors.InputException;
import dev.dockenv.errors.SourceLocation;
import dev.dockenv.pep.Marker;
import dev.dockenv.pep.PepSyntaxException;

/**
 * Markers read from lock files, in one canonical tree shape: {@link Marker#parse} of the marker's
 * own {@link Marker#toString()}. Two markers written alike (whatever the quotes, the spacing or
 * the nesting of a chain of {@code or}s) then compare equal, and a marker written back to a file
 * and read again is the same value.
 */
public final class LockMarkers {
    private LockMarkers() {
    }

    /**
     * Parses the marker written as the value of {@code key} at {@code at} (the key's place: TOML
     * positions name keys, not values, so the message says where in the marker the problem is).
     */
    public static Marker parse(String text, SourceLocation at, String key) {
        try {
            return canonical(Marker.parse(text));
        } catch (PepSyntaxException e) {
            throw new InputException(at, key + ": invalid marker '" + text + "' (at character " + e.column() + "): "
                    + e.getMessage());
        }
    }

    /** The canonical tree for an equivalent marker. */
    public static Marker canonical(Marker marker) {
        try {
            return Marker.parse(marker.toString());
        } catch (PepSyntaxException e) {
            throw new IllegalStateException("a marker does not read back: " + marker, e);
        }
    }
}
