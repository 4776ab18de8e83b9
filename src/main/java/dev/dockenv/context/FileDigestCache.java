package dev.dockenv.context;

import dev.dockenv.io.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Remembers the SHA-256 of files so warm runs need not read unchanged files again. A digest is reused
 * while the file's size, modification time (in nanoseconds) and file key (device and inode, where the
 * platform has one) are unchanged.
 *
 * <p>The store is a small text file, read on first use and written atomically by {@link #save()}; a
 * missing, corrupt or truncated store is ignored. A file modified within the last two seconds is not
 * remembered, since a further change in the same clock tick could keep its size and time. Not
 * thread-safe.
 */
public final class FileDigestCache {

    private static final String HEADER = "dockenv-file-digests 1";
    private static final String END = "end ";
    private static final Duration RACY_WINDOW = Duration.ofSeconds(2);
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Path store;
    private Map<String, Record> records;
    private boolean changed;

    /** A cache kept in {@code store}, which need not exist yet. */
    public FileDigestCache(Path store) {
        this.store = store.toAbsolutePath();
    }

    public Path store() {
        return store;
    }

    /**
     * The lowercase hex SHA-256 of a file's content (following symbolic links): remembered if the file
     * is unchanged, otherwise read and remembered.
     *
     * @throws dev.dockenv.errors.DockenvException (BAD_INPUT) if the file cannot be read
     */
    public String sha256(Path file) {
        String key = file.toAbsolutePath().normalize().toString();
        Stamp before = stamp(file);
        Record known = records().get(key);
        if (known != null && known.stamp().equals(before)) {
            return known.sha256();
        }
        String sha256 = ContentDigest.sha256(file);
        Stamp after = stamp(file);
        if (after.equals(before) && isSettled(after)) {
            records.put(key, new Record(after, sha256));
            changed = true;
        } else if (records.remove(key) != null) {
            changed = true;
        }
        return sha256;
    }

    /**
     * Writes the store if anything changed since it was read, dropping files that no longer exist.
     *
     * @throws UncheckedIOException if the store cannot be written; the cache is only an optimisation, so
     *     callers may ignore this
     */
    public void save() {
        if (!changed) {
            return;
        }
        records.keySet().removeIf(path -> Files.notExists(Path.of(path)));
        List<String> paths = new ArrayList<>(records.keySet());
        paths.sort(SlashPath.BYTE_ORDER);
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (String path : paths) {
            Record r = records.get(path);
            text.append(r.sha256()).append('\t')
                    .append(r.stamp().size()).append('\t')
                    .append(r.stamp().mtimeNanos()).append('\t')
                    .append(escape(r.stamp().fileKey())).append('\t')
                    .append(escape(path)).append('\n');
        }
        text.append(END).append(paths.size()).append('\n');
        try {
            AtomicFiles.writePrivate(store, text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the file digest cache " + store, e);
        }
        changed = false;
    }

    private Map<String, Record> records() {
        if (records == null) {
            records = load(store);
        }
        return records;
    }

    private static Stamp stamp(Path file) {
        try {
            BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
            Object fileKey = attrs.fileKey();
            return new Stamp(attrs.size(), attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS),
                    fileKey == null ? "" : fileKey.toString());
        } catch (IOException e) {
            throw ContextErrors.unreadable(file, e);
        }
    }

    private static boolean isSettled(Stamp stamp) {
        Instant modified = Instant.EPOCH.plusNanos(stamp.mtimeNanos());
        return modified.isBefore(Instant.now().minus(RACY_WINDOW));
    }

    /** Reads the store; anything unexpected, including a missing end line, means an empty cache. */
    private static Map<String, Record> load(Path store) {
        Map<String, Record> loaded = new HashMap<>();
        List<String> lines;
        try {
            if (!Files.isRegularFile(store)) {
                return loaded;
            }
            lines = Files.readAllLines(store, StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            return loaded;
        }
        if (lines.size() < 2 || !lines.get(0).equals(HEADER)
                || !lines.get(lines.size() - 1).equals(END + (lines.size() - 2))) {
            return loaded;
        }
        try {
            for (String line : lines.subList(1, lines.size() - 1)) {
                String[] fields = line.split("\t", -1);
                if (fields.length != 5 || !SHA256.matcher(fields[0]).matches()) {
                    return new HashMap<>();
                }
                long size = Long.parseLong(fields[1]);
                long mtime = Long.parseLong(fields[2]);
                if (size < 0) {
                    return new HashMap<>();
                }
                loaded.put(unescape(fields[4]), new Record(new Stamp(size, mtime, unescape(fields[3])), fields[0]));
            }
        } catch (IllegalArgumentException e) {
            return new HashMap<>();
        }
        return loaded;
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** @throws IllegalArgumentException for a bad escape */
    private static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (++i >= s.length()) {
                throw new IllegalArgumentException("dangling escape");
            }
            switch (s.charAt(i)) {
                case '\\' -> out.append('\\');
                case 't' -> out.append('\t');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                default -> throw new IllegalArgumentException("bad escape");
            }
        }
        return out.toString();
    }

    /** What identifies one version of a file without reading it. */
    private record Stamp(long size, long mtimeNanos, String fileKey) {
    }

    private record Record(Stamp stamp, String sha256) {
    }
}
