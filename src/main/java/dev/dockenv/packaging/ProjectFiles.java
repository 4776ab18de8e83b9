package dev.dockenv.packaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Project-relative paths named in packaging files: kept inside the project, globs expanded. */
final class ProjectFiles {
    private ProjectFiles() {
    }

    /** {@code relative} normalized ('/'-separated, no "./"), or empty when it leaves the project. */
    static Optional<String> inside(Path root, String relative) {
        if (relative.startsWith("/") || relative.matches("^[A-Za-z]:.*")) {
            return Optional.empty();
        }
        Path normalized;
        try {
            normalized = root.resolve(relative).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            return Optional.empty(); // a NUL byte: no file of the project
        }
        if (!normalized.startsWith(root) || normalized.equals(root)) {
            return Optional.empty();
        }
        return Optional.of(root.relativize(normalized).toString().replace('\\', '/'));
    }

    /** The project's regular files that a path or glob pattern (as setuptools' license_files) names. */
    static List<String> glob(Path root, String pattern) {
        if (!pattern.matches(".*[*?\\[].*")) {
            return inside(root, pattern).filter(p -> Files.isRegularFile(root.resolve(p))).stream().toList();
        }
        if (pattern.startsWith("/") || pattern.contains("..")) {
            return List.of();
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        // a pattern names files as deep as its segments: never walk further (virtualenvs, node_modules)
        int depth = pattern.contains("**") ? 4 : pattern.split("/").length;
        try (Stream<Path> walk = Files.walk(root, depth)) {
            return walk.filter(Files::isRegularFile).map(root::relativize)
                    .filter(matcher::matches)
                    .map(p -> p.toString().replace('\\', '/'))
                    .filter(p -> !p.startsWith(".git/") && !p.contains("/.git/"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }
}
