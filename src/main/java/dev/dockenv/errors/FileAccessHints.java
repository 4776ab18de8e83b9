package dev.dockenv.errors;

import dev.dockenv.errors.IoFailures.Cause;
import dev.dockenv.errors.IoFailures.Operation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The hint for a {@link FileAccessException}: what to do about this reason on this path. It looks
 * at the file system (who owns the folder that refuses, which part of a path is a file, whether a
 * full disk is also docker's) and never fails: a hint it cannot work out is a plainer hint.
 */
final class FileAccessHints {
    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_./:@%+=,-]+");
    private static final String ELSEWHERE = "; or set DOCKENV_CACHE_DIR to another folder";

    private FileAccessHints() {
    }

    /** What the hints ask of the file system; tests substitute their own (as root every access is allowed). */
    interface FileSystemView {
        FileSystemView LOCAL = new Local();

        boolean exists(Path p);

        boolean isDirectory(Path p);

        boolean isSymbolicLink(Path p);

        boolean canRead(Path p);

        boolean canWrite(Path p);

        boolean canEnter(Path p);

        /** Owner and mode, e.g. "root, drwxr-xr-x". */
        Optional<String> ownerAndMode(Path p);

        Optional<String> owner(Path p);

        String user();

        /** The user's home folder, below which a file not owned by the user was most likely left by root. */
        Optional<Path> home();

        /** Docker's (or podman's) data folder when it is on the same file system as {@code p}. */
        Optional<Path> containerDataOnSameFileSystem(Path p);
    }

    static String of(Cause cause, Operation operation, Path path, Path cacheDirectory, FileSystemView fs) {
        try {
            return path == null ? withoutPath(cause) : withPath(cause, operation, absolute(path), cacheDirectory, fs);
        } catch (RuntimeException e) {
            return path == null ? withoutPath(cause) : "check " + path + " (ls -ld " + shell(path) + ")";
        }
    }

    private static String withPath(Cause cause, Operation operation, Path path, Path cacheDirectory,
            FileSystemView fs) {
        boolean inCache = cacheDirectory != null && path.startsWith(absolute(cacheDirectory));
        String elsewhere = inCache ? ELSEWHERE : "";
        return switch (cause) {
            case PERMISSION_DENIED -> permission(path, operation, cacheDirectory == null ? null
                    : absolute(cacheDirectory), fs) + elsewhere;
            case NOT_PERMITTED -> notPermitted(path, fs) + elsewhere;
            case READ_ONLY -> path + " is on a file system mounted read-only (findmnt -T "
                    + shell(existingOr(path, fs)) + " shows it)"
                    + (inCache ? "; set DOCKENV_CACHE_DIR to a writable folder" : "");
            case NO_SPACE -> noSpace(path, fs) + (inCache ? "; or set DOCKENV_CACHE_DIR to a folder on another disk" : "");
            case QUOTA -> "your disk quota on the file system holding " + path
                    + " is used up (quota -s shows it): delete some of your files there" + elsewhere;
            case IS_A_DIRECTORY -> path + " is a folder where dockenv expects a file: "
                    + (inCache ? "remove it (rm -r " + shell(path) + "; dockenv makes its cache again)"
                            : "rename or remove it");
            case NOT_A_DIRECTORY -> notADirectory(path, cacheDirectory, fs);
            case SYMLINK_LOOP -> loop(path, fs);
            case NOT_FOUND -> notFound(path, fs);
            case EXISTS -> "something is already at " + path + ": move it away and run the command again";
            case NOT_EMPTY -> path + " is not empty: move what is in it away, or remove it";
            case TOO_MANY_OPEN_FILES -> "too many files are open: raise the limit (ulimit -n) or close other programs";
            case NAME_TOO_LONG -> "the path is longer than the file system allows: use shorter folder names"
                    + elsewhere;
            case IO_ERROR -> "the disk or network file system holding " + path
                    + " failed: check the device (dmesg), remount it, and run the command again";
            case OTHER -> "check " + path + " (ls -ld " + shell(path) + ")" + elsewhere;
        };
    }

    private static String withoutPath(Cause cause) {
        return switch (cause) {
            case NO_SPACE -> "a file system is full: free space on it (df -h shows which)";
            case PERMISSION_DENIED, NOT_PERMITTED -> "a file or folder dockenv uses is not accessible to you: "
                    + "set DOCKENV_DEBUG=1 to see which";
            case TOO_MANY_OPEN_FILES -> "too many files are open: raise the limit (ulimit -n) or close other programs";
            default -> "set DOCKENV_DEBUG=1 to see where it happened";
        };
    }

    /**
     * Which folder or file refuses: the first folder on the way the user cannot enter, else the
     * file they cannot read or write, else the folder they cannot create or replace a file in.
     */
    private static String permission(Path path, Operation operation, Path cache, FileSystemView fs) {
        Path blamed = null;
        String need = null;
        List<Path> prefixes = prefixes(path);
        for (Path p : prefixes.subList(0, prefixes.size() - 1)) {
            if (!fs.exists(p)) {
                break;
            }
            if (!fs.canEnter(p)) {
                blamed = p;
                need = "x";
                break;
            }
        }
        Path parent = path.getParent();
        if (blamed == null && fs.exists(path)) {
            boolean read = operation != Operation.WRITE;
            boolean write = operation != Operation.READ;
            if (read && !fs.canRead(path)) {
                blamed = path;
                need = "r";
            } else if (write && parent != null && fs.exists(parent) && !fs.canWrite(parent)) {
                blamed = parent; // dockenv writes a temporary file beside the target, then renames it
                need = "w";
            } else if (write && !fs.canWrite(path)) {
                blamed = path;
                need = "w";
            } else if (fs.isDirectory(path) && !fs.canEnter(path)) {
                blamed = path;
                need = "x";
            }
        } else if (blamed == null) {
            Path existing = deepestExisting(prefixes, fs);
            if (existing != null && !fs.canWrite(existing)) {
                blamed = existing;
                need = "w";
            }
        }
        if (blamed == null) {
            return "the permissions of " + path + " allow it, so an ACL, SELinux or AppArmor, or the mount refused"
                    + " (getfacl " + shell(path) + ", ls -Z " + shell(path) + ")";
        }
        String user = fs.user();
        String can = switch (need) {
            case "x" -> "enter";
            case "r" -> "read";
            default -> fs.isDirectory(blamed) ? "create files in" : "write";
        };
        StringBuilder s = new StringBuilder(blamed.toString());
        fs.ownerAndMode(blamed).ifPresent(om -> s.append(" (").append(om).append(')'));
        s.append(": ").append(user).append(" cannot ").append(can).append(" it; ");
        Optional<String> owner = fs.owner(blamed);
        Optional<Path> home = fs.home().map(FileAccessHints::absolute);
        boolean yours = home.isPresent() && blamed.startsWith(home.get()) && !blamed.equals(home.get())
                || cache != null && blamed.startsWith(cache);
        if (owner.isPresent() && owner.get().equals(user)) {
            s.append("chmod u+").append(need).append(' ').append(shell(blamed));
        } else if (yours) {
            // typically left by a container that ran as root: give it back (never offered for folders above home)
            s.append("make it yours again: sudo chown -R ").append(shell(user)).append(' ').append(shell(blamed));
        } else {
            s.append("ask its owner or an administrator for access, or use a folder you own");
        }
        return s.toString();
    }

    /** EPERM where the permissions allow it: most often an immutable (chattr +i) file or folder. */
    private static String notPermitted(Path path, FileSystemView fs) {
        Path folder = path.getParent() == null ? path : existingOr(path.getParent(), fs);
        String both = fs.exists(path) && !folder.equals(path) ? shell(folder) + " " + shell(path) : shell(folder);
        return "the system refused although the permissions allow it: is "
                + (fs.exists(path) ? path + " or its folder" : folder) + " immutable or append-only? (lsattr -d "
                + both + " shows an i or an a; sudo chattr -i removes it)";
    }

    private static String noSpace(Path path, FileSystemView fs) {
        Path where = existingOr(path, fs);
        StringBuilder s = new StringBuilder("the file system holding ").append(where)
                .append(" is full: free space there (df -h ").append(shell(where))
                .append("; df -i when it is out of inodes)");
        fs.containerDataOnSameFileSystem(where).ifPresent(data -> s.append("; it also holds the container engine's ")
                .append("data (").append(data).append("): docker system prune removes stopped containers, ")
                .append("unused images and build cache"));
        return s.toString();
    }

    private static String notADirectory(Path path, Path cacheDirectory, FileSystemView fs) {
        Path file = null;
        for (Path p : prefixes(path)) {
            if (!fs.exists(p)) {
                break;
            }
            if (!fs.isDirectory(p)) {
                file = p;
                break;
            }
        }
        if (file == null) {
            return "a part of " + path + " is not a folder (namei -l " + shell(path) + " shows each part)";
        }
        Path cache = cacheDirectory == null ? null : absolute(cacheDirectory);
        if (cache != null && file.equals(cache)) {
            return file + " is a file, and dockenv's cache must be a folder: move the file away, "
                    + "or set DOCKENV_CACHE_DIR to a folder";
        }
        if (cache != null && cache.startsWith(file)) {
            return file + " is a file on the way to dockenv's cache folder " + cache
                    + ": move it away, or set DOCKENV_CACHE_DIR to another folder";
        }
        if (cache != null && file.startsWith(cache)) {
            return file + " is a file where dockenv's cache needs a folder: remove it (dockenv makes its cache again)";
        }
        return file + " is a file where a folder is expected: rename or move it";
    }

    private static String loop(Path path, FileSystemView fs) {
        for (Path p : prefixes(path)) {
            if (fs.isSymbolicLink(p) && !fs.exists(p)) {
                return p + " is a symbolic link that leads back to itself (ls -l " + shell(p)
                        + " shows where it points): fix or remove it";
            }
        }
        return path + " goes through a loop of symbolic links (namei -l " + shell(path) + " shows each step)";
    }

    private static String notFound(Path path, FileSystemView fs) {
        for (Path p : prefixes(path)) {
            if (!fs.exists(p)) {
                if (fs.isSymbolicLink(p)) {
                    return p + " is a symbolic link to something that does not exist (ls -l " + shell(p) + ")";
                }
                return p + " does not exist: was it moved or deleted while dockenv ran? Run the command again";
            }
        }
        return path + " was not there when dockenv looked: run the command again";
    }

    /** The path and each folder above it, from the root down. */
    private static List<Path> prefixes(Path path) {
        List<Path> out = new ArrayList<>();
        Path p = path.getRoot();
        if (p != null) {
            out.add(p);
        }
        for (Path name : path) {
            p = p == null ? name : p.resolve(name);
            out.add(p);
        }
        return out;
    }

    private static Path deepestExisting(List<Path> prefixes, FileSystemView fs) {
        Path existing = null;
        for (Path p : prefixes) {
            if (!fs.exists(p)) {
                break;
            }
            existing = p;
        }
        return existing;
    }

    /** The path itself or the deepest folder above it that exists (what df and findmnt can be asked about). */
    private static Path existingOr(Path path, FileSystemView fs) {
        Path existing = deepestExisting(prefixes(path), fs);
        return existing == null ? path : existing;
    }

    private static Path absolute(Path p) {
        return p.toAbsolutePath().normalize();
    }

    /** The path as a shell word. */
    static String shell(Object path) {
        String s = String.valueOf(path);
        return SHELL_SAFE.matcher(s).matches() ? s : "'" + s.replace("'", "'\\''") + "'";
    }

    /** The real file system, as the user running dockenv sees it. */
    private static final class Local implements FileSystemView {
        @Override
        public boolean exists(Path p) {
            return Files.exists(p);
        }

        @Override
        public boolean isDirectory(Path p) {
            return Files.isDirectory(p);
        }

        @Override
        public boolean isSymbolicLink(Path p) {
            return Files.isSymbolicLink(p);
        }

        @Override
        public boolean canRead(Path p) {
            return Files.isReadable(p);
        }

        @Override
        public boolean canWrite(Path p) {
            return Files.isWritable(p);
        }

        @Override
        public boolean canEnter(Path p) {
            return Files.isExecutable(p);
        }

        @Override
        public Optional<String> ownerAndMode(Path p) {
            try {
                String mode = (Files.isDirectory(p) ? "d" : "-") + PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(p));
                return Optional.of("owner " + Files.getOwner(p).getName() + ", " + mode);
            } catch (IOException | UnsupportedOperationException e) {
                return Optional.empty();
            }
        }

        @Override
        public Optional<String> owner(Path p) {
            try {
                return Optional.of(Files.getOwner(p, LinkOption.NOFOLLOW_LINKS).getName());
            } catch (IOException | UnsupportedOperationException e) {
                return Optional.empty();
            }
        }

        @Override
        public String user() {
            return System.getProperty("user.name");
        }

        @Override
        public Optional<Path> home() {
            String home = System.getProperty("user.home");
            return home == null || home.isBlank() || home.equals("?") ? Optional.empty() : Optional.of(Path.of(home));
        }

        @Override
        public Optional<Path> containerDataOnSameFileSystem(Path p) {
            String home = System.getProperty("user.home");
            List<Path> candidates = new ArrayList<>(List.of(Path.of("/var/lib/docker"), Path.of("/var/lib/containers")));
            if (home != null) {
                candidates.add(Path.of(home, ".local/share/docker"));
                candidates.add(Path.of(home, ".local/share/containers"));
            }
            try {
                var store = Files.getFileStore(p);
                for (Path c : candidates) {
                    if (Files.isDirectory(c) && Files.getFileStore(c).equals(store)) {
                        return Optional.of(c);
                    }
                }
            } catch (IOException | SecurityException e) {
                // unknown: say nothing about docker
            }
            return Optional.empty();
        }
    }
}
