package dev.dockenv.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A file's identity for change detection without reading it: size, modification time and
 * file key (inode), or absence. A folder's time changes when entries are added or removed.
 * The same four facts as GNU {@code stat -c '%s %i %D %.9Y %n'} prints, so the launcher can check a
 * stamp without a JVM ({@link #statLine()}).
 */
public record FileStamp(String path, long size, long modifiedNanos, String fileKey) implements InputStamp {
    static final long ABSENT = -1;

    public static FileStamp of(Path path) {
        try {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            long nanos = a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS);
            return new FileStamp(path.toString(), a.size(), nanos,
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

    /** Whether the file existed when stamped. */
    public boolean present() {
        return size != ABSENT;
    }

    /**
     * The line GNU {@code stat -c '%s %i %D %.9Y %n' PATH} prints for the file as stamped (size,
     * inode, device in hex, modification time in seconds with nanoseconds, path); empty when the
     * file was absent (stat prints nothing for it) or its key is not the device and inode a POSIX
     * system gives.
     */
    public Optional<String> statLine() {
        Matcher key = UNIX_KEY.matcher(fileKey);
        if (!present() || !key.matches() || modifiedNanos < 0) {
            return Optional.empty();
        }
        long seconds = modifiedNanos / 1_000_000_000L;
        long nanos = modifiedNanos % 1_000_000_000L;
        return Optional.of(size + " " + key.group(2) + " " + key.group(1) + " " + seconds + "."
                + String.format(java.util.Locale.ROOT, "%09d", nanos) + " " + path);
    }

    /** A POSIX file key as the JDK prints it: {@code (dev=HEX,ino=DECIMAL)}. */
    private static final Pattern UNIX_KEY = Pattern.compile("\\(dev=([0-9a-f]+),ino=([0-9]+)\\)");

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
