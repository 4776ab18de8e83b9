package dev.dockenv.cache;

import java.util.Optional;

/**
 * What the run cache remembers of one input to tell, without reading it, whether it changed: a
 * file's stamp ({@link FileStamp}), the names a folder holds ({@link ListingStamp}), or a script's
 * inline metadata ({@link ScriptStamp}: read only when the file's stamp changed).
 */
public sealed interface InputStamp permits FileStamp, ListingStamp, ScriptStamp {

    /** Whether the input is as it was stamped. */
    boolean isCurrent();

    /**
     * This stamp when the input is as it was stamped, or the stamp to keep from now on when it
     * changed in a way that does not count ({@link ListingStamp}); empty when it changed.
     */
    default Optional<? extends InputStamp> current() {
        return isCurrent() ? Optional.of(this) : Optional.empty();
    }

    /** One line of the cache file. */
    String encode();

    static InputStamp decode(String line) {
        if (line.startsWith(ListingStamp.TAG)) {
            return ListingStamp.decode(line);
        }
        return line.startsWith(ScriptStamp.TAG) ? ScriptStamp.decode(line) : FileStamp.decode(line);
    }
}
