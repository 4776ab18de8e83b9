package dev.dockenv.context;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.Objects;

/**
 * One file, directory or symbolic link of a build context.
 *
 * @param path '/'-separated path relative to the context root, cleaned, never "." nor leaving the root
 * @param source where it is on disk
 * @param kind what it is
 * @param size the byte count of a file, 0 otherwise
 * @param executable whether a file's owner may execute it (false for directories and links)
 * @param linkTarget a symbolic link's target as stored in the link, null otherwise
 */
public record ContextEntry(String path, Path source, Kind kind, long size, boolean executable, String linkTarget) {

    /** Orders entries by path in UTF-8 byte order, the order of a context's listing and tar stream. */
    public static final Comparator<ContextEntry> PATH_ORDER =
            Comparator.comparing(ContextEntry::path, SlashPath.BYTE_ORDER);

    /** What an entry is; other file types (sockets, pipes, devices) never enter a context. */
    public enum Kind { FILE, DIRECTORY, SYMLINK }

    public ContextEntry {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(kind, "kind");
        path = SlashPath.requireEntryPath(path);
        if (size < 0 || (kind != Kind.FILE && size != 0)) {
            throw new IllegalArgumentException("bad size " + size + " for " + kind + " " + path);
        }
        if (kind != Kind.FILE && executable) {
            throw new IllegalArgumentException("only a file can be executable: " + path);
        }
        if ((kind == Kind.SYMLINK) != (linkTarget != null)) {
            throw new IllegalArgumentException("a link target is required for, and only for, a symlink: " + path);
        }
    }

    public static ContextEntry file(String path, Path source, long size, boolean executable) {
        return new ContextEntry(path, source, Kind.FILE, size, executable, null);
    }

    public static ContextEntry directory(String path, Path source) {
        return new ContextEntry(path, source, Kind.DIRECTORY, 0, false, null);
    }

    public static ContextEntry symlink(String path, Path source, String linkTarget) {
        return new ContextEntry(path, source, Kind.SYMLINK, 0, false, Objects.requireNonNull(linkTarget));
    }
}
