package dev.dockenv.release;

import java.util.Objects;

/**
 * One entry of a layer's tar, as {@code release --check} compares it.
 *
 * @param path    the path in the image, without a leading {@code ./} or {@code /}
 * @param type    what it is
 * @param mode    its permission bits (and setuid, setgid, sticky)
 * @param mtime   its modification time, seconds since the epoch
 * @param owner   {@code uid:gid}
 * @param content the SHA-256 (hex) of a file's content, a link's target for a link, empty otherwise
 */
public record LayerEntry(String path, Type type, int mode, long mtime, String owner, String content) {
    /** What an entry is. */
    public enum Type {
        FILE, DIRECTORY, SYMLINK, HARDLINK, OTHER
    }

    public LayerEntry {
        Objects.requireNonNull(path, "an entry's path");
        Objects.requireNonNull(type, "an entry's type");
        Objects.requireNonNull(owner, "an entry's owner");
        Objects.requireNonNull(content, "an entry's content");
    }
}
