package dev.dockenv.cache;

/**
 * What the run cache remembers of one input to tell, without reading it, whether it changed: a
 * file's stamp ({@link FileStamp}) or the names a folder holds ({@link ListingStamp}).
 */
public sealed interface InputStamp permits FileStamp, ListingStamp {

    /** Whether the input is as it was stamped. */
    boolean isCurrent();

    /** One line of the cache file. */
    String encode();

    static InputStamp decode(String line) {
        return line.startsWith(ListingStamp.TAG) ? ListingStamp.decode(line) : FileStamp.decode(line);
    }
}
