package dev.dockenv.context;

import dev.dockenv.errors.DockenvException;
import dev.dockenv.errors.ExitCode;
import java.io.File;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lists the files of a build context: what lies under a root directory and is not excluded by the
 * ignore rules. Symbolic links are kept as links, never followed; excluded directories are not read
 * unless an exception pattern could re-include something below them. A directory that is itself excluded
 * but holds an included path is listed too, so every entry's parents are present.
 */
public final class ContextFiles {

    private ContextFiles() {
    }

    /**
     * Every included entry under {@code root}, sorted by path in byte order.
     *
     * @throws DockenvException (BAD_INPUT) if the root is not a directory or an included path cannot be read
     */
    public static List<ContextEntry> walk(Path root, IgnoreRules rules) {
        Collector collector = new Collector(realDirectory(root), rules);
        collector.walkTree(collector.root);
        return collector.result();
    }

    /**
     * The included entries among the given paths, relative to {@code root}; directories are expanded
     * recursively and the parent directories of every path are listed as well. Sorted by path in byte order.
     *
     * @throws DockenvException (BAD_INPUT) if a selected path does not exist, is outside the root or goes
     *     through a symbolic link
     */
    public static List<ContextEntry> walkSelected(Path root, List<String> relativePaths, IgnoreRules rules) {
        Collector collector = new Collector(realDirectory(root), rules);
        for (String selected : relativePaths) {
            String path = selectedPath(collector.root, selected);
            if (path.equals(".")) {
                collector.walkTree(collector.root);
                continue;
            }
            Path file = collector.root.resolve(path);
            BasicFileAttributes attrs;
            try {
                attrs = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                throw new DockenvException(ExitCode.BAD_INPUT,
                        "\"" + selected + "\" does not exist in " + collector.root,
                        "paths are relative to the project directory", e);
            } catch (IOException e) {
                throw ContextErrors.unreadable(file, e);
            }
            if (attrs.isDirectory()) {
                collector.walkTree(file);
            } else if (!rules.excludes(path)) {
                collector.add(path, file, attrs);
            }
        }
        return collector.result();
    }

    private static Path realDirectory(Path root) {
        if (!Files.isDirectory(root)) {
            throw new DockenvException(ExitCode.BAD_INPUT, root + " is not a directory", null);
        }
        try {
            return root.toRealPath();
        } catch (IOException e) {
            throw ContextErrors.unreadable(root, e);
        }
    }

    /** Cleans a selected path, refusing one that leaves the root or passes through a symbolic link. */
    private static String selectedPath(Path root, String selected) {
        String path = SlashPath.clean(selected.replace(File.separatorChar, '/'));
        if (path.startsWith("/") || path.equals("..") || path.startsWith("../") || Path.of(selected).isAbsolute()) {
            throw new DockenvException(ExitCode.BAD_INPUT, "\"" + selected + "\" is not inside the project directory",
                    "give paths relative to " + root);
        }
        if (!path.equals(".")) {
            for (String ancestor : SlashPath.ancestors(path)) {
                if (Files.isSymbolicLink(root.resolve(ancestor))) {
                    throw new DockenvException(ExitCode.BAD_INPUT,
                            "\"" + selected + "\" goes through the symbolic link " + ancestor,
                            "select the link itself or the directory it points to", null);
                }
            }
        }
        return path;
    }

    /** Gathers entries from one or more walks under the same root. */
    private static final class Collector {
        private final Path root;
        private final IgnoreRules rules;
        private final Map<String, ContextEntry> included = new HashMap<>();

        Collector(Path root, IgnoreRules rules) {
            this.root = root;
            this.rules = rules;
        }

        void walkTree(Path start) {
            try {
                Files.walkFileTree(start, Set.of(), Integer.MAX_VALUE, new Visitor());
            } catch (IOException e) {
                throw ContextErrors.unreadable(start, e);
            }
        }

        void add(String path, Path file, BasicFileAttributes attrs) {
            ContextEntry entry = entryFor(path, file, attrs);
            if (entry != null) {
                included.put(path, entry);
            }
        }

        List<ContextEntry> result() {
            Map<String, ContextEntry> all = new HashMap<>(included);
            for (String path : included.keySet()) {
                for (String ancestor : SlashPath.ancestors(path)) {
                    all.computeIfAbsent(ancestor, a -> ContextEntry.directory(a, root.resolve(a)));
                }
            }
            List<ContextEntry> sorted = new ArrayList<>(all.values());
            sorted.sort(ContextEntry.PATH_ORDER);
            return List.copyOf(sorted);
        }

        private ContextEntry entryFor(String path, Path file, BasicFileAttributes attrs) {
            try {
                if (attrs.isSymbolicLink()) {
                    String target = Files.readSymbolicLink(file).toString();
                    return ContextEntry.symlink(path, file, target.replace(File.separatorChar, '/'));
                }
                if (attrs.isDirectory()) {
                    return ContextEntry.directory(path, file);
                }
                if (attrs.isRegularFile()) {
                    return ContextEntry.file(path, file, attrs.size(), isExecutable(file, attrs));
                }
                return null;
            } catch (IOException e) {
                throw ContextErrors.unreadable(file, e);
            }
        }

        /**
         * The owner-execute bit; where the file system has no POSIX permissions every file counts as
         * executable, as the Docker CLI on Windows sends them all with mode 0755.
         */
        private static boolean isExecutable(Path file, BasicFileAttributes attrs) throws IOException {
            if (attrs instanceof PosixFileAttributes posix) {
                return posix.permissions().contains(PosixFilePermission.OWNER_EXECUTE);
            }
            try {
                return Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS)
                        .contains(PosixFilePermission.OWNER_EXECUTE);
            } catch (UnsupportedOperationException e) {
                return true;
            }
        }

        private final class Visitor extends SimpleFileVisitor<Path> {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                String path = SlashPath.relative(root, dir);
                if (path.isEmpty()) {
                    return FileVisitResult.CONTINUE;
                }
                if (rules.excludes(path)) {
                    return rules.mayContainIncluded(path) ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
                }
                included.put(path, ContextEntry.directory(path, dir));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String path = SlashPath.relative(root, file);
                if (!rules.excludes(path)) {
                    add(path, file, attrs);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return failed(file, e);
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                return e == null ? FileVisitResult.CONTINUE : failed(dir, e);
            }

            /** An unreadable path only matters if it would be in the context (as with BuildKit). */
            private FileVisitResult failed(Path file, IOException e) {
                String path = SlashPath.relative(root, file);
                if (!path.isEmpty() && rules.excludes(path)) {
                    return FileVisitResult.CONTINUE;
                }
                throw ContextErrors.unreadable(file, e);
            }
        }
    }
}
