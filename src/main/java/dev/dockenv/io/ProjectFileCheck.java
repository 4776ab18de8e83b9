package dev.dockenv.io;

import dev.dockenv.errors.InputException;
import dev.dockenv.errors.IoFailures;
import dev.dockenv.errors.SourceLocation;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What dockenv asks of a file it reads from a project before it opens it: that it is a regular
 * file (a symbolic link is followed to one), not a folder, a named pipe (opening one would wait for
 * a writer forever), a device ({@code /dev/zero} never ends), a socket, a dangling link or a loop of
 * links; with a project root, that the file it reaches is inside the project, since a container
 * build sees nothing else. Each failure is an {@link InputException} (exit 4) naming the file and
 * what is wrong; a folder, like a file the user may not read, is a file access error (exit 9:
 * "Is a directory", as the operating system says it).
 */
public final class ProjectFileCheck {
    /** The most dockenv reads of one project file. */
    public static final long MAX_BYTES = 64L * 1024 * 1024;
    public static final String OUTSIDE_HINT =
            "the project directory is all a container build can see: copy the file into the project";
    private static final String LINK_HINT = "fix the link or remove it";
    private static final int S_IFMT = 0170000;
    private static final int S_IFIFO = 0010000;
    private static final int S_IFCHR = 0020000;
    private static final int S_IFBLK = 0060000;
    private static final int S_IFSOCK = 0140000;

    private ProjectFileCheck() {
    }

    /** Whether anything is at {@code path}: a file, a folder, a special file, or a link even if it leads nowhere. */
    public static boolean present(Path path) {
        return Files.exists(path, LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * Checks {@code file} (absent is fine: readers say "not found" where it matters) and, when it
     * is a link, that it leads to a regular file inside {@code root}.
     */
    public static void checkInProject(Path root, Path file) {
        if (!present(file)) {
            return;
        }
        requireRegularFile(file);
        requireInside(root, file);
    }

    /**
     * That the file {@code path} reaches (following links) is inside {@code root}, also reached
     * through links: a link to /etc/passwd, or into ../other, is refused here. Absent paths pass.
     */
    public static void requireInside(Path root, Path path) {
        requireInside(root, path, path);
    }

    /** {@link #requireInside(Path, Path)}, naming the path as {@code shown}. */
    public static void requireInside(Path root, Path path, Path shown) {
        Path real;
        Path realRoot;
        try {
            realRoot = root.toRealPath();
            real = path.toRealPath();
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException e) {
            throw IoFailures.reading(path, e);
        }
        if (!real.startsWith(realRoot)) {
            throw new InputException(SourceLocation.of(shown), "leads to " + real + ", outside the project directory "
                    + realRoot, OUTSIDE_HINT);
        }
    }

    /**
     * That {@code file} is a regular file or a link to one, and not larger than {@link #MAX_BYTES}.
     * A missing file passes (the read reports it).
     */
    public static void requireRegularFile(Path file) {
        requireRegularFile(file, file);
    }

    /** {@link #requireRegularFile(Path)}, naming the file as {@code shown}. */
    public static void requireRegularFile(Path file, Path shown) {
        BasicFileAttributes own;
        try {
            own = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException e) {
            throw IoFailures.reading(file, e);
        }
        BasicFileAttributes target = own;
        if (own.isSymbolicLink()) {
            target = followed(file, shown);
        }
        if (target.isDirectory()) {
            // as when the operating system refuses to read a folder: a file access error (exit 9)
            throw IoFailures.reading(shown, new FileSystemException(shown.toString(), null, "Is a directory"));
        }
        if (!target.isRegularFile()) {
            throw new InputException(SourceLocation.of(shown), (own.isSymbolicLink() ? "is a link to " : "is ")
                    + special(file) + ", not a regular file", "dockenv reads project files only from regular files");
        }
        if (target.size() > MAX_BYTES) {
            throw new InputException(SourceLocation.of(shown), tooLarge(target.size()));
        }
    }

    /** The problem of a file larger than {@link #MAX_BYTES}; {@code size} when known, else -1. */
    static String tooLarge(long size) {
        String limit = MAX_BYTES / (1024 * 1024) + " MiB dockenv reads from a project file";
        return size > MAX_BYTES ? "the file is " + size + " bytes, more than the " + limit
                : "the file is larger than the " + limit;
    }

    private static BasicFileAttributes followed(Path link, Path shown) {
        try {
            return Files.readAttributes(link, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new InputException(SourceLocation.of(shown), "is a symbolic link to " + linkTarget(link)
                    + ", which does not exist", LINK_HINT);
        } catch (FileSystemException e) {
            if (e.getReason() != null && e.getReason().contains("symbolic links")) {
                throw new InputException(SourceLocation.of(shown), "is a symbolic link that never reaches a file ("
                        + e.getReason() + ": a loop of links)", LINK_HINT);
            }
            throw IoFailures.reading(link, e);
        } catch (IOException e) {
            throw IoFailures.reading(link, e);
        }
    }

    private static String linkTarget(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return "a path";
        }
    }

    /** "a named pipe (FIFO)", "a device", "a socket": what a file that is neither a file nor a folder is. */
    private static String special(Path file) {
        int mode;
        try {
            mode = (Integer) Files.getAttribute(file, "unix:mode");
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return "a special file";
        }
        return switch (mode & S_IFMT) {
            case S_IFIFO -> "a named pipe (FIFO)";
            case S_IFCHR, S_IFBLK -> "a device";
            case S_IFSOCK -> "a socket";
            default -> "a special file";
        };
    }
}
