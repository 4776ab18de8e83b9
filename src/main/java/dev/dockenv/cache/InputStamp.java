package dev.dockenv.cache;

/**
 * What the run cache remembers of one input to tell, without reading it, whether it changed: a
 * file's stamp ({@link FileStamp}), the names a folder holds ({@link ListingStamp}), or a script's
 * inline metadata ({@link ScriptStamp}: read only when the file's stamp changed).
 */
public sealed interface InputStamp permits FileStamp, ListingStamp, ScriptStamp {

    /** Whether the input is as it was stamped. */
    boolean isCurrent();

    /** One line of the cache file. */
    String encode();

    static InputStamp decode(String line) {
        if (line.startsWith(ListingStamp.TAG)) {
            return ListingStamp.decode(line);
        }
        return line.startsWith(ScriptStamp.TAG) ? ScriptStamp.decode(line) : FileStamp.decode(line);
    }
}
