package dev.dockenv.io;

import dev.dockenv.errors.IoFailures;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Writes files whole or not at all: a temporary file beside the target, then an atomic rename. */
public final class AtomicFiles {
    private static final Set<PosixFilePermission> PRIVATE_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> PRIVATE_FOLDER = PosixFilePermissions.fromString("rwx------");

    private AtomicFiles() {
    }

    public static void write(Path target, String content) throws IOException {
        write(target, content.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes the file whole. A failure names {@code target}, not the temporary file, with the
     * system's reason ({@link FileSystemException#getReason}), also for a full disk, which the JDK
     * reports without a path.
     */
    public static void write(Path target, byte[] content) throws IOException {
        write(target, content, null);
    }

    /**
     * Writes the file whole, readable by its owner alone (rw-------, whatever it had before), in a
     * folder made rwx------ when it does not exist yet: for dockenv's own cache files, so that even
     * a value that should never be there is not readable by other users.
     */
    public static void writePrivate(Path target, byte[] content) throws IOException {
        write(target, content, PRIVATE_FILE);
    }

    public static void writePrivate(Path target, String content) throws IOException {
        writePrivate(target, content.getBytes(StandardCharsets.UTF_8));
    }

    private static void write(Path target, byte[] content, Set<PosixFilePermission> permissions) throws IOException {
        try {
            Path tmp = temporaryBeside(target, content, permissions);
            try {
                replace(tmp, target);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw naming(target, e);
        }
    }

    /** Renames {@code tmp} over {@code target}, atomically where the file system can. */
    private static void replace(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Writes a file's content to a stream (a large file dockenv does not hold in memory). */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes the file whole from {@code content}, streamed: into a temporary file beside the target
     * (rw-r--r--, or the target's permissions when it exists), flushed to the disk, then renamed
     * over the target. A failure (an IOException or a RuntimeException of {@code content}) removes
     * the temporary file and leaves the target as it was; so does a JVM stopped by a signal. A
     * failure to write names {@code target} and the system's reason, as {@link #write(Path, byte[])}.
     */
    public static void write(Path target, Content content) throws IOException {
        try {
            Path tmp = temporaryBeside(target, new byte[0], null);
            tmp.toFile().deleteOnExit();
            try {
                try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING);
                        OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16)) {
                    content.writeTo(out);
                    out.flush();
                    channel.force(true);
                }
                replace(tmp, target);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw naming(target, e);
        }
    }

    /** Writes only if the target does not exist yet (atomically: a concurrent writer wins cleanly). */
    public static boolean writeIfAbsent(Path target, byte[] content) throws IOException {
        if (Files.exists(target)) {
            return false;
        }
        try {
            Path tmp = temporaryBeside(target, content, null);
            try {
                Files.createLink(target, tmp);
                return true;
            } catch (FileAlreadyExistsException e) {
                return false;
            } catch (UnsupportedOperationException | IOException e) {
                if (Files.exists(target)) {
                    return false;
                }
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                return true;
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw naming(target, e);
        }
    }

    /**
     * The failure as one about {@code target}: a failure on the temporary file beside it (or one
     * with no file at all, like ENOSPC from a write) is a failure to write the target. Failures on
     * another path (a folder above that cannot be made) keep theirs.
     */
    static IOException naming(Path target, IOException e) {
        Path dir = target.toAbsolutePath().getParent();
        String tmpPrefix = "." + target.getFileName() + ".";
        if (e instanceof FileSystemException fse && fse.getFile() != null) {
            Path file = Path.of(fse.getFile());
            boolean temporary = dir != null && dir.equals(file.toAbsolutePath().getParent())
                    && file.getFileName().toString().startsWith(tmpPrefix);
            if (!temporary) {
                return e;
            }
            String reason = IoFailures.reason(e);
            IOException renamed = e instanceof AccessDeniedException ? new AccessDeniedException(target.toString(), null, reason)
                    : e instanceof NoSuchFileException ? new NoSuchFileException(target.toString(), null, reason)
                    : new FileSystemException(target.toString(), null, reason);
            renamed.initCause(e);
            return renamed;
        }
        if (e instanceof FileSystemException) {
            return e;
        }
        FileSystemException named = new FileSystemException(target.toString(), null, IoFailures.reason(e));
        named.initCause(e);
        return named;
    }

    /**
     * The content in a new temporary file in the target's folder (created if needed), with the
     * target's permissions when it exists, else rw-r--r-- (temporary files start private); with
     * {@code permissions} given, those always, and a missing folder is made rwx------.
     */
    private static Path temporaryBeside(Path target, byte[] content, Set<PosixFilePermission> permissions)
            throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        try {
            if (permissions != null && posix && !Files.isDirectory(dir)) {
                Files.createDirectories(dir.getParent());
                try {
                    Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PRIVATE_FOLDER));
                } catch (FileAlreadyExistsException e) {
                    if (!Files.isDirectory(dir)) {
                        throw e;
                    }
                }
            }
            Files.createDirectories(dir);
        } catch (FileAlreadyExistsException e) {
            // createDirectories' way of saying that a file is where the folder should be
            FileSystemException notAFolder = new FileSystemException(e.getFile(), null, "Not a directory");
            notAFolder.initCause(e);
            throw notAFolder;
        }
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            Files.write(tmp, content);
            if (posix && permissions != null) {
                Files.setPosixFilePermissions(tmp, permissions);
            } else if (posix) {
                Files.setPosixFilePermissions(tmp, Files.exists(target)
                        ? Files.getPosixFilePermissions(target) : PosixFilePermissions.fromString("rw-r--r--"));
            }
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        return tmp;
    }
}
