package dev.dockenv.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * A Python project on disk for integration tests, with a unique name: its folder is
 * {@code <parent>/<name>} and a pyproject.toml written by a test uses {@link #name()} too, so the
 * project's images ({@code dockenv-<name>}, label {@code dev.dockenv.project=<name>}) never meet
 * another test's or a developer's. Every project pins {@code .python-version} to 3.11 (the only
 * base image here is python:3.11-slim).
 *
 * <pre>{@code
 * TestProject p = TestProject.create(tmp, "run")
 *         .file("requirements.txt", "--index-url " + index.url() + "\ngreeting\n")
 *         .file("app.py", "import greeting\n");
 * ...
 * p.removeImages(); // in @AfterAll
 * }</pre>
 */
public final class TestProject {
    public static final String LABEL_PROJECT = "dev.dockenv.project";

    private final String name;
    private final Path dir;

    private TestProject(String name, Path dir) {
        this.name = name;
        this.dir = dir;
    }

    /** A new project folder {@code parent/it-<prefix>-<12 hex>} holding {@code .python-version} (3.11). */
    public static TestProject create(Path parent, String prefix) {
        String name = Docker.uniqueName("it-" + prefix);
        Path dir = parent.resolve(name);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TestProject(name, dir).file(".python-version", "3.11\n");
    }

    /** An existing folder (say a copy of example/) whose pyproject.toml names it {@code name}. */
    public static TestProject existing(String name, Path dir) {
        return new TestProject(name, dir);
    }

    /** The project's name: its folder's name, and the name a test's pyproject.toml should give. */
    public String name() {
        return name;
    }

    public Path dir() {
        return dir;
    }

    public Path path(String relative) {
        return dir.resolve(relative);
    }

    /** The image repository dockenv uses: {@code dockenv-<name>}. */
    public String repository() {
        return "dockenv-" + name;
    }

    /** Writes (or replaces) a file, creating its folders. */
    public TestProject file(String relative, String content) {
        try {
            Path p = dir.resolve(relative);
            Files.createDirectories(p.getParent());
            Files.writeString(p, content, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public TestProject mkdirs(String relative) {
        try {
            Files.createDirectories(dir.resolve(relative));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String read(String relative) {
        try {
            return Files.readString(dir.resolve(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public TestProject delete(String relative) {
        try {
            Files.deleteIfExists(dir.resolve(relative));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Gives the whole project to the non-root test user. */
    public TestProject chownToTestUser() {
        TestUser.chown(dir);
        return this;
    }

    /**
     * The engine's images labelled {@code dev.dockenv.project=<name>}, as sorted
     * {@code "<repository>:<tag> <full image id>"} lines.
     */
    public List<String> images() {
        String out = Docker.runOk("image", "ls", "--no-trunc", "--filter", "label=" + LABEL_PROJECT + "=" + name,
                "--format", "{{.Repository}}:{{.Tag}} {{.ID}}").stdout();
        return out.lines().map(String::strip).filter(l -> !l.isEmpty()).sorted().toList();
    }

    /** The ids of containers (running or not, with {@code all}) labelled with this project. */
    public List<String> containers(boolean all) {
        List<String> args = all ? List.of("ps", "-a", "-q", "--filter", "label=" + LABEL_PROJECT + "=" + name)
                : List.of("ps", "-q", "--filter", "label=" + LABEL_PROJECT + "=" + name);
        return Docker.runOk(args).stdout().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    /** Removes the project's containers and every image labelled with its name. For @AfterAll. */
    public void removeImages() {
        List<String> containers = containers(true);
        if (!containers.isEmpty()) {
            Docker.removeContainers(containers.toArray(String[]::new));
        }
        List<String> ids = images().stream().map(l -> l.substring(l.indexOf(' ') + 1)).distinct().toList();
        if (!ids.isEmpty()) {
            String[] args = new String[ids.size() + 2];
            args[0] = "rmi";
            args[1] = "-f";
            System.arraycopy(ids.toArray(String[]::new), 0, args, 2, ids.size());
            Docker.run(Arrays.asList(args), Duration.ofMinutes(2));
        }
    }

    @Override
    public String toString() {
        return name + " (" + dir + ")";
    }
}
