package dev.dockenv.deps;

import dev.dockenv.io.ProjectFileCheck;
import dev.dockenv.io.Utf8File;
import dev.dockenv.errors.FileAccessException;
import dev.dockenv.errors.InputException;
import dev.dockenv.errors.IoFailures;
import dev.dockenv.errors.SourceLocation;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a requirements file and, transitively, the files it includes with {@code -r} and
 * {@code -c}, and resolves every local path the way pip does when it runs in the project root.
 * Paths that leave the project root are errors: a container build cannot see them.
 */
public final class RequirementsLoader {
    private static final Pattern URL_WITH_AUTHORITY = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://.*");
    private static final String OUTSIDE_HINT =
            "the project directory is all a container build can see: move it into the project";

    /**
     * Loads {@code file} (absolute, or relative to {@code projectRoot}). Locations in errors and in
     * the entries use paths as {@code file} was given, joined with the include paths.
     */
    public LoadedRequirements load(Path projectRoot, Path file) {
        return new Walk(projectRoot.toAbsolutePath().normalize()).run(file);
    }

    /** A file read as requirements or as constraints: pip reads each such pair once here. */
    private record Visit(Path path, boolean constraints) {
    }

    /** The state of one load: nothing is kept between loads. */
    private static final class Walk {
        private final Path root;
        private final Deque<Path> reading = new ArrayDeque<>();
        private final Deque<Path> readingShown = new ArrayDeque<>();
        private final Set<Visit> done = new HashSet<>();
        private final List<LoadedFile> files = new ArrayList<>();
        private final List<ResolvedLocalRequirement> locals = new ArrayList<>();
        private final List<ResolvedFindLinks> findLinks = new ArrayList<>();
        private final List<GlobalOption> indexOptions = new ArrayList<>();
        private final List<IncludeFile> remoteIncludes = new ArrayList<>();

        Walk(Path root) {
            this.root = root;
        }

        LoadedRequirements run(Path file) {
            Path absolute = root.resolve(file).normalize();
            if (!absolute.startsWith(root)) {
                throw new InputException(SourceLocation.of(file),
                        "the requirements file is outside the project directory " + root, OUTSIDE_HINT);
            }
            visit(absolute, file, false, null);
            return new LoadedRequirements(root, files, locals, findLinks, indexOptions, remoteIncludes);
        }

        private void visit(Path absolute, Path shown, boolean constraints, IncludeFile includedBy) {
            if (reading.contains(absolute)) {
                List<Path> chain = new ArrayList<>(readingShown);
                Collections.reverse(chain);
                chain.add(shown);
                throw new InputException(includedBy.location(), "requirements files include each other: "
                        + chain.stream().map(Path::toString).collect(Collectors.joining(" -> ")),
                        "remove one of the -r/-c lines");
            }
            if (!done.add(new Visit(absolute, constraints))) {
                return;
            }
            String content = read(absolute, shown, includedBy);
            RequirementsFile parsed = RequirementsFileParser.parse(shown, content);
            files.add(new LoadedFile(absolute, root.relativize(absolute), constraints, parsed));
            reading.push(absolute);
            readingShown.push(shown);
            for (RequirementsEntry entry : parsed.entries()) {
                if (entry instanceof IncludeFile include) {
                    follow(include, absolute, shown);
                } else if (entry instanceof LocalRequirement local) {
                    resolveLocal(local, absolute, constraints);
                } else if (entry instanceof GlobalOption option) {
                    collectOption(option, absolute);
                }
            }
            reading.pop();
            readingShown.pop();
        }

        private void follow(IncludeFile include, Path includer, Path includerShown) {
            if (include.isRemote()) {
                remoteIncludes.add(include);
                return;
            }
            String raw = FileUrls.isFileUrl(include.rawPath()) ? FileUrls.toPath(include.rawPath()) : include.rawPath();
            Path shownParent = includerShown.getParent();
            Path shown;
            Path absolute;
            try {
                shown = (shownParent == null ? Path.of(raw) : shownParent.resolve(raw)).normalize();
                absolute = includer.getParent().resolve(raw).normalize();
            } catch (InvalidPathException e) {
                throw new InputException(include.location(), "included file '" + include.rawPath()
                        + "' is not a path: " + e.getReason());
            }
            if (!absolute.startsWith(root)) {
                throw new InputException(include.location(), "included file '" + include.rawPath()
                        + "' is outside the project directory " + root, OUTSIDE_HINT);
            }
            visit(absolute, shown, include.kind() == IncludeFile.Kind.CONSTRAINTS, include);
        }

        private void resolveLocal(LocalRequirement local, Path file, boolean constraints) {
            Path resolved;
            try {
                resolved = local.resolve(root);
            } catch (InvalidPathException e) {
                throw new InputException(local.location(), "local requirement '" + local.rawPath()
                        + "' is not a path: " + e.getReason());
            }
            if (!resolved.startsWith(root)) {
                String hint = OUTSIDE_HINT;
                Path besideFile = file.getParent().resolve(local.path()).normalize();
                if (!file.getParent().equals(root) && besideFile.startsWith(root)) {
                    hint = "pip resolves '" + local.rawPath() + "' against the project root (where it runs), not "
                            + "against the requirements file's directory: write '"
                            + displayRelative(root.relativize(besideFile)) + "'";
                }
                throw new InputException(local.location(), "local requirement '" + local.rawPath()
                        + "' resolves to " + resolved + ", outside the project directory " + root, hint);
            }
            insideThroughLinks(resolved, local.location(), "local requirement '" + local.rawPath() + "'");
            locals.add(new ResolvedLocalRequirement(local, resolved, root.relativize(resolved),
                    resolved.equals(root), constraints));
        }

        private static String displayRelative(Path relative) {
            String s = relative.toString();
            return s.isEmpty() ? "." : "./" + s;
        }

        private void collectOption(GlobalOption option, Path file) {
            switch (option.name()) {
                case GlobalOption.INDEX_URL, GlobalOption.EXTRA_INDEX_URL, GlobalOption.TRUSTED_HOST ->
                        indexOptions.add(option);
                case GlobalOption.FIND_LINKS -> findLinks(option, file);
                default -> {
                    // other options change how pip resolves, not where it looks
                }
            }
        }

        private void findLinks(GlobalOption option, Path file) {
            String value = option.value().orElseThrow();
            if (!FileUrls.isFileUrl(value) && URL_WITH_AUTHORITY.matcher(value).matches()) {
                indexOptions.add(option);
                return;
            }
            String path = FileUrls.isFileUrl(value) ? FileUrls.toPath(value) : value;
            Path besideFile = file.getParent().resolve(path).normalize();
            Path resolved = Files.exists(besideFile) ? besideFile : root.resolve(path).normalize();
            if (!resolved.startsWith(root)) {
                throw new InputException(option.location(), "--find-links location '" + value + "' resolves to "
                        + resolved + ", outside the project directory " + root, OUTSIDE_HINT);
            }
            insideThroughLinks(resolved, option.location(), "--find-links location '" + value + "'");
            findLinks.add(new ResolvedFindLinks(option, resolved, root.relativize(resolved)));
        }

        /** A path inside the project that a link leads out of it is refused at the line naming it. */
        private void insideThroughLinks(Path resolved, SourceLocation at, String what) {
            try {
                ProjectFileCheck.requireInside(root, resolved);
            } catch (InputException e) {
                throw new InputException(at, what + " " + e.problem(), e.hint().orElse(null));
            }
        }

        private String read(Path absolute, Path shown, IncludeFile includedBy) {
            try {
                ProjectFileCheck.requireRegularFile(absolute, shown);
                ProjectFileCheck.requireInside(root, absolute, shown);
            } catch (InputException e) {
                if (includedBy == null) {
                    throw e;
                }
                throw new InputException(includedBy.location(), "included file '" + includedBy.rawPath() + "' ("
                        + shown + ") " + e.problem(), e.hint().orElse(null));
            } catch (FileAccessException e) {
                if (includedBy == null || e.kind() != IoFailures.Cause.IS_A_DIRECTORY) {
                    throw e;
                }
                throw new InputException(includedBy.location(), "included file '" + includedBy.rawPath() + "' ("
                        + shown + ") is a folder, not a requirements file", "name a file of it (-r "
                        + includedBy.rawPath().replaceAll("/+$", "") + "/base.txt), or remove the line");
            }
            byte[] bytes;
            try {
                bytes = Utf8File.bytes(absolute);
            } catch (InputException e) {
                if (!e.problem().equals(Utf8File.NOT_FOUND)) {
                    throw e;
                }
                if (includedBy == null) {
                    throw new InputException(SourceLocation.of(shown), "requirements file not found");
                }
                throw new InputException(includedBy.location(), "included file '" + includedBy.rawPath()
                        + "' not found (looked for " + shown + ")",
                        "paths after -r and -c are relative to the directory of the file that contains them");
            }
            return Utf8File.decode(shown, bytes);
        }
    }
}
