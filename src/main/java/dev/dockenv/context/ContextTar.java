package dev.dockenv.context;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * A reproducible tar stream of a build context: entries sorted by path in byte order, each parent
 * directory before its children, one fixed modification time, owner and group 0 without names, modes
 * 0644 or 0755 (executables and directories), symbolic links kept as links, POSIX (PAX) headers for long
 * or non-ASCII names and big sizes. The same entries and file contents always give the same bytes.
 */
public final class ContextTar {

    /** The modification time given to every entry unless the builder is told otherwise. */
    public static final Instant DEFAULT_MTIME = Instant.parse("2000-01-01T00:00:00Z");

    private static final int REGULAR = 0100000;
    private static final int DIRECTORY = 040000;
    private static final int SYMLINK = 0120000;
    private static final int BUFFER_SIZE = 64 * 1024;
    private static final Set<PosixFilePermission> MODE_755 = PosixFilePermissions.fromString("rwxr-xr-x");
    private static final Set<PosixFilePermission> MODE_644 = PosixFilePermissions.fromString("rw-r--r--");

    private final List<Item> items;
    private final FileTime mtime;

    private ContextTar(List<Item> items, Instant mtime) {
        this.items = List.copyOf(items);
        this.mtime = FileTime.from(mtime);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The bytes of its files (what {@link #writeToDirectory} writes). */
    public long fileBytes() {
        return items.stream().mapToLong(Item::size).sum();
    }

    /** Every path the stream holds, in order, including parent directories it adds; no trailing '/'. */
    public List<String> paths() {
        return items.stream().map(Item::path).toList();
    }

    /**
     * Writes the whole tar stream, including its end-of-archive blocks; flushes but does not close
     * {@code out}. Files are read now, and must still have the size they had when listed.
     *
     * @throws IOException if writing to {@code out} fails
     * @throws dev.dockenv.errors.DockenvException (BAD_INPUT) if a file cannot be read or changed size
     */
    public void writeTo(OutputStream out) throws IOException {
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new NonClosing(out), "UTF-8")) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            tar.setAddPaxHeadersForNonAsciiNames(true);
            for (Item item : items) {
                write(tar, item);
            }
            tar.finish();
        }
    }

    /**
     * Writes the same entries as files under {@code dir} (an empty folder): the tar's modes (0644,
     * 0755), symbolic links as links, every entry's modification time the tar's, so that a builder
     * that reads a folder (BuildKit's file sync) sees what the stream would have given it. Files are
     * read now, and must still have the size they had when listed.
     *
     * @throws IOException if writing under {@code dir} fails
     * @throws dev.dockenv.errors.DockenvException (BAD_INPUT) if a file cannot be read or changed size
     */
    public void writeToDirectory(Path dir) throws IOException {
        List<Path> folders = new ArrayList<>();
        for (Item item : items) {
            Path target = dir.resolve(item.path());
            switch (item.kind()) {
                case DIRECTORY -> {
                    Files.createDirectory(target);
                    Files.setPosixFilePermissions(target, MODE_755);
                    folders.add(target);
                }
                case SYMLINK -> {
                    Files.createSymbolicLink(target, Path.of(item.linkTarget()));
                    Files.getFileAttributeView(target, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                            .setTimes(mtime, null, null);
                }
                default -> {
                    try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW)) {
                        if (item.content() != null) {
                            out.write(item.content());
                        } else {
                            copyExactly(item.source(), item.size(), out);
                        }
                    }
                    Files.setPosixFilePermissions(target, item.executable() ? MODE_755 : MODE_644);
                    Files.setLastModifiedTime(target, mtime);
                }
            }
        }
        for (int i = folders.size() - 1; i >= 0; i--) { // children first: writing them touched their folder
            Files.setLastModifiedTime(folders.get(i), mtime);
        }
    }

    private void write(TarArchiveOutputStream tar, Item item) throws IOException {
        TarArchiveEntry entry;
        switch (item.kind()) {
            case DIRECTORY:
                entry = new TarArchiveEntry(item.path() + "/", TarConstants.LF_DIR);
                entry.setMode(DIRECTORY | 0755);
                break;
            case SYMLINK:
                entry = new TarArchiveEntry(item.path(), TarConstants.LF_SYMLINK);
                entry.setMode(SYMLINK | 0777);
                entry.setLinkName(item.linkTarget());
                break;
            default:
                entry = new TarArchiveEntry(item.path(), TarConstants.LF_NORMAL);
                entry.setMode(REGULAR | (item.executable() ? 0755 : 0644));
                entry.setSize(item.size());
                break;
        }
        entry.setModTime(mtime);
        entry.setIds(0, 0);
        entry.setNames("", "");
        tar.putArchiveEntry(entry);
        if (item.kind() == ContextEntry.Kind.FILE) {
            if (item.content() != null) {
                tar.write(item.content());
            } else {
                copyExactly(item.source(), item.size(), tar);
            }
        }
        tar.closeArchiveEntry();
    }

    private static void copyExactly(Path source, long size, OutputStream out) throws IOException {
        InputStream in;
        try {
            in = Files.newInputStream(source);
        } catch (IOException e) {
            throw ContextErrors.unreadable(source, e);
        }
        try (in) {
            byte[] buffer = new byte[BUFFER_SIZE];
            long remaining = size;
            while (remaining > 0) {
                int n = read(in, source, buffer, (int) Math.min(buffer.length, remaining));
                if (n < 0) {
                    throw ContextErrors.changedWhileReading(source);
                }
                out.write(buffer, 0, n);
                remaining -= n;
            }
            if (read(in, source, buffer, 1) >= 0) {
                throw ContextErrors.changedWhileReading(source);
            }
        }
    }

    private static int read(InputStream in, Path source, byte[] buffer, int length) {
        try {
            return in.read(buffer, 0, length);
        } catch (IOException e) {
            throw ContextErrors.unreadable(source, e);
        }
    }

    /** One tar member: a listed entry, or a file held in memory when {@code content} is set. */
    private record Item(String path, ContextEntry.Kind kind, Path source, byte[] content, long size,
            boolean executable, String linkTarget) {

        static Item of(ContextEntry e) {
            return new Item(e.path(), e.kind(), e.source(), null, e.size(), e.executable(), e.linkTarget());
        }

        static Item directory(String path) {
            return new Item(path, ContextEntry.Kind.DIRECTORY, null, null, 0, false, null);
        }
    }

    /**
     * Collects entries; a later entry with the same path replaces an earlier one (so a generated file
     * can override a project file).
     */
    public static final class Builder {
        private final Map<String, Item> items = new HashMap<>();
        private Instant mtime = DEFAULT_MTIME;

        private Builder() {
        }

        public Builder add(ContextEntry entry) {
            items.put(entry.path(), Item.of(entry));
            return this;
        }

        public Builder addAll(List<ContextEntry> entries) {
            entries.forEach(this::add);
            return this;
        }

        /** A file with the given content and mode 0644. */
        public Builder addBytes(String path, byte[] content) {
            return addBytes(path, content, false);
        }

        /** A file with the given content and mode 0755 if {@code executable}, else 0644. */
        public Builder addBytes(String path, byte[] content, boolean executable) {
            String p = SlashPath.requireEntryPath(path);
            byte[] copy = content.clone();
            items.put(p, new Item(p, ContextEntry.Kind.FILE, null, copy, copy.length, executable, null));
            return this;
        }

        /** The modification time of every entry (whole seconds keep the headers plain ustar). */
        public Builder mtime(Instant mtime) {
            this.mtime = Objects.requireNonNull(mtime);
            return this;
        }

        /**
         * Sorts the entries and adds missing parent directories.
         *
         * @throws IllegalArgumentException if an entry lies below a file or symbolic link
         */
        public ContextTar build() {
            Map<String, Item> all = new HashMap<>(items);
            for (Item item : items.values()) {
                for (String ancestor : SlashPath.ancestors(item.path())) {
                    Item parent = all.computeIfAbsent(ancestor, Item::directory);
                    if (parent.kind() != ContextEntry.Kind.DIRECTORY) {
                        throw new IllegalArgumentException(
                                item.path() + " cannot be in the context: " + ancestor + " is not a directory");
                    }
                }
            }
            List<Item> sorted = new ArrayList<>(all.values());
            sorted.sort((a, b) -> SlashPath.BYTE_ORDER.compare(a.path(), b.path()));
            return new ContextTar(sorted, mtime);
        }
    }

    /** Lets the tar stream be closed (which finishes it) without closing the caller's stream. */
    private static final class NonClosing extends FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
