package dev.dockenv.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A file's identity for change detection without reading it: size, modification time and
 * file key (inode), or absence. A folder's time changes when entries are added or removed.
 */
public record FileStamp(String path, long size, long modifiedNanos, String fileKey) implements InputStamp {
    static final long ABSENT = -1;

    public static FileStamp of(Path path) {
        try {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            long nanos = a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS);
            return new FileStamp(path.toString(), a.isDirectory() ? 0 : a.size(), nanos,
                    a.fileKey() == null ? "" : a.fileKey().toString());
        } catch (IOException e) {
            return new FileStamp(path.toString(), ABSENT, ABSENT, "");
        }
    }

    /** Whether the file still has this stamp (fields compared directly: a record's equals bootstraps slowly). */
    @Override
    public boolean isCurrent() {
        FileStamp now = of(Path.of(path));
        return now.size == size && now.modifiedNanos == modifiedNanos && now.fileKey.equals(fileKey);
    }

    @Override
    public String encode() {
        return size + "\t" + modifiedNanos + "\t" + fileKey.replace('\t', ' ') + "\t" + RunCache.escape(path);
    }

    static FileStamp decode(String line) {
        String[] f = line.split("\t", 4);
        if (f.length < 4) {
            throw new IllegalArgumentException("bad stamp line");
        }
        return new FileStamp(RunCache.unescape(f[3]), Long.parseLong(f[0]), Long.parseLong(f[1]), f[2]);
    }
}
