package dev.dockenv.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;

/**
 * Whether a project has tests for pytest to run: a tests/ or test/ folder, a conftest.py or pytest.ini,
 * {@code [tool.pytest.ini_options]} in pyproject.toml, or a test_*.py or *_test.py file, looked for
 * at most three folders deep and never in a virtualenv, a cache or dockenv's own folder.
 */
final class ProjectTests {
    private static final Set<String> SKIPPED = Set.of(".git", ".venv", "venv", "node_modules", ".dockenv", ".tox",
            "__pycache__", ".mypy_cache", ".pytest_cache", "build", "dist");

    private ProjectTests() {
    }

    static boolean present(Path root) {
        if (Files.isDirectory(root.resolve("tests")) || Files.isDirectory(root.resolve("test"))
                || Files.isRegularFile(root.resolve("conftest.py")) || Files.isRegularFile(root.resolve("pytest.ini"))) {
            return true;
        }
        try {
            Path pyproject = root.resolve("pyproject.toml");
            if (Files.isRegularFile(pyproject) && Files.readString(pyproject).contains("[tool.pytest.ini_options]")) {
                return true;
            }
            boolean[] found = {false};
            Files.walkFileTree(root, Set.of(), 4, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return !dir.equals(root) && SKIPPED.contains(dir.getFileName().toString())
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String name = file.getFileName().toString();
                    if (name.endsWith(".py") && (name.startsWith("test_") || name.endsWith("_test.py"))) {
                        found[0] = true;
                        return FileVisitResult.TERMINATE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    return FileVisitResult.CONTINUE;
                }
            });
            return found[0];
        } catch (IOException e) {
            throw new UncheckedIOException("cannot look for tests in " + root, e);
        }
    }
}
