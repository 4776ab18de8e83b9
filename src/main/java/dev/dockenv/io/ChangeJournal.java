package dev.dockenv.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Several files of a project changed together or not at all, whatever kills the process when: before
 * the first file changes, a copy of each (or the note that it did not exist) is kept in a folder of
 * the project, and a journal naming them is written last (its presence opens the change). The change
 * ends with {@link #commit()} (the journal deleted first) or {@link #rollBack()}; a process killed in
 * between leaves the journal, and {@link #recover} puts every file back as it was before the change.
 *
 * <p>The journal is a text file: a first line {@code dockenv-change 1 <what>} and one line per file,
 * {@code present <path>} or {@code absent <path>}, the path relative to the project root; the copy of
 * the n-th file (from 1) is {@code n.before}. A journal that names a path outside the project is
 * refused, not followed. While a change is open its process holds a lock on {@code lock} in the same
 * folder (released by the system when the process dies), so a second change waits for none: it is
 * refused, and a recovery leaves a change that is still running alone.
 */
public final class ChangeJournal {
    /** The folder of the journal, relative to the project root. */
    public static final String FOLDER = ".dockenv/change";
    private static final String JOURNAL = "journal";
    private static final String HEADER = "dockenv-change 1 ";
    private static final String LOCK = "lock";

    private final Path root;
    private final String what;
    private final List<Entry> entries;
    private final FileChannel lock;

    private ChangeJournal(Path root, String what, List<Entry> entries, FileChannel lock) {
        this.root = root;
        this.what = what;
        this.entries = List.copyOf(entries);
        this.lock = lock;
    }

    /** Another process has a change of this project open. */
    public static final class ChangeInProgressException extends IOException {
        ChangeInProgressException(Path folder) {
            super("another dockenv is changing this project's dependency files (" + folder + " is locked)");
        }
    }

    /** A file of the change: its path relative to the root and whether it existed before. */
    public record Entry(String path, boolean present) {
    }

    /** What an interrupted change was ({@code "dockenv add requests"}) and the files put back. */
    public record Recovered(String what, List<String> paths) {
    }

    /**
     * Opens a change of {@code files} (inside {@code root}): their copies, then the journal.
     * {@code what} says what the change is, for the message of a later recovery (one line).
     */
    public static ChangeJournal begin(Path root, String what, List<Path> files) throws IOException {
        Path folder = root.resolve(FOLDER);
        List<Entry> entries = new ArrayList<>();
        FileChannel lock = lock(folder).orElseThrow(() -> new ChangeInProgressException(folder));
        try {
            return begin(root, what, files, folder, entries, lock);
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private static ChangeJournal begin(Path root, String what, List<Path> files, Path folder, List<Entry> entries,
            FileChannel lock) throws IOException {
        if (Files.exists(folder.resolve(JOURNAL))) {
            throw new IOException(folder.resolve(JOURNAL) + " is still open: an earlier change was not undone");
        }
        for (Path file : files) {
            String relative = relative(root, file);
            if (entries.stream().anyMatch(e -> e.path().equals(relative))) {
                continue;
            }
            entries.add(new Entry(relative, Files.exists(file)));
        }
        clearCopies(folder);
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).present()) {
                AtomicFiles.write(folder.resolve((i + 1) + ".before"), Files.readAllBytes(root.resolve(entries.get(i).path())));
            }
        }
        StringBuilder text = new StringBuilder(HEADER).append(oneLine(what)).append('\n');
        for (Entry entry : entries) {
            text.append(entry.present() ? "present " : "absent ").append(entry.path()).append('\n');
        }
        AtomicFiles.write(folder.resolve(JOURNAL), text.toString());
        return new ChangeJournal(root, what, entries, lock);
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The change stands: the journal goes first (from then on nothing is undone), then the copies. */
    public void commit() throws IOException {
        try (FileChannel held = lock) {
            Path folder = root.resolve(FOLDER);
            Files.deleteIfExists(folder.resolve(JOURNAL));
            clearCopies(folder);
        }
    }

    /** Every file back as it was, then the journal closed. */
    public void rollBack() throws IOException {
        restore(root, entries);
        commit();
    }

    /**
     * Completes what an interrupted change left: with a journal, every file it names is put back as
     * it was and the journal is removed; copies without a journal (a change killed while it began or
     * ended, before any file changed or after it stood) are removed. Empty when there was no journal.
     */
    public static Optional<Recovered> recover(Path root) throws IOException {
        Path folder = root.resolve(FOLDER);
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        Path journal = folder.resolve(JOURNAL);
        if (!Files.exists(journal) && !hasCopies(folder)) {
            return Optional.empty();
        }
        Optional<FileChannel> lock = lock(folder);
        if (lock.isEmpty()) {
            return Optional.empty(); // a change that is still running: its own process ends it
        }
        try {
            return recover(root, folder, journal, lock.get());
        } catch (IOException | RuntimeException e) {
            lock.get().close();
            throw e;
        }
    }

    private static Optional<Recovered> recover(Path root, Path folder, Path journal, FileChannel lock)
            throws IOException {
        if (!Files.exists(journal)) {
            try (lock) {
                clearCopies(folder);
            }
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(journal, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).startsWith(HEADER)) {
            throw new IOException(journal + " is not a dockenv change journal; delete it and check the project's "
                    + "dependency files and lock");
        }
        List<Entry> entries = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            int space = line.indexOf(' ');
            String kind = space < 0 ? "" : line.substring(0, space);
            String path = space < 0 ? "" : line.substring(space + 1);
            if (!kind.equals("present") && !kind.equals("absent") || !inside(root, path)) {
                throw new IOException(journal + " has a line dockenv did not write: " + line);
            }
            entries.add(new Entry(path, kind.equals("present")));
        }
        ChangeJournal change = new ChangeJournal(root, lines.get(0).substring(HEADER.length()), entries, lock);
        change.rollBack();
        return Optional.of(new Recovered(change.what, entries.stream().map(Entry::path).toList()));
    }

    private static void restore(Path root, List<Entry> entries) throws IOException {
        Path folder = root.resolve(FOLDER);
        for (int i = 0; i < entries.size(); i++) {
            Path file = root.resolve(entries.get(i).path());
            if (entries.get(i).present()) {
                Path copy = folder.resolve((i + 1) + ".before");
                byte[] before;
                try {
                    before = Files.readAllBytes(copy);
                } catch (NoSuchFileException e) {
                    throw new IOException("the copy of " + entries.get(i).path() + " made before the change is "
                            + "missing (" + copy + ")", e);
                }
                if (!Files.exists(file) || !java.util.Arrays.equals(Files.readAllBytes(file), before)) {
                    AtomicFiles.write(file, before);
                }
            } else {
                Files.deleteIfExists(file);
            }
        }
    }

    /** The folder's lock, when no other process holds it. */
    private static Optional<FileChannel> lock(Path folder) throws IOException {
        IgnoredFolder.create(folder, "journal of an add or remove in progress");
        FileChannel channel = FileChannel.open(folder.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            if (channel.tryLock() != null) {
                return Optional.of(channel);
            }
        } catch (OverlappingFileLockException e) {
            // held by this process: a change is open here
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        channel.close();
        return Optional.empty();
    }

    private static boolean hasCopies(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.anyMatch(file -> file.getFileName().toString().endsWith(".before"));
        }
    }

    private static void clearCopies(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                if (file.getFileName().toString().endsWith(".before")) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private static String relative(Path root, Path file) {
        Path absoluteRoot = root.toAbsolutePath().normalize();
        Path absolute = file.toAbsolutePath().normalize();
        if (!absolute.startsWith(absoluteRoot) || absolute.equals(absoluteRoot)) {
            throw new IllegalArgumentException(file + " is not a file inside " + root);
        }
        String relative = absoluteRoot.relativize(absolute).toString();
        if (relative.indexOf('\n') >= 0 || relative.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("a file name with a line break cannot be journaled: " + relative);
        }
        return relative;
    }

    private static boolean inside(Path root, String path) {
        if (path.isEmpty() || path.startsWith("/")) {
            return false;
        }
        Path absoluteRoot = root.toAbsolutePath().normalize();
        Path resolved = absoluteRoot.resolve(path).normalize();
        return resolved.startsWith(absoluteRoot) && !resolved.equals(absoluteRoot);
    }

    private static String oneLine(String text) {
        return text.replaceAll("[\\r\\n]+", " ");
    }
}
