package dev.dockenv.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.dockenv.decision.InstallDecider;
import dev.dockenv.errors.ExitCode;
import dev.dockenv.errors.FileAccessException;
import dev.dockenv.errors.InputException;
import dev.dockenv.project.ProjectScanner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 8, campaign item 10: a project file that is a dangling link, a loop of links, a named pipe
 * or a link to /dev/zero is an error naming it (exit 4; a folder: exit 9 "Is a directory", as for
 * item 7), never "no Python project found",
 * a hang or an endless read; a file, an include, a local path or a lock's directory that leads
 * outside the project is refused: nothing outside the project enters a build.
 */
class SpecialFilesTest {
    private static final Duration NO_HANG = Duration.ofSeconds(20);

    @TempDir
    Path tmp;

    enum Kind { DANGLING_LINK, LINK_LOOP, FIFO, FOLDER, DEV_ZERO, LINK_OUTSIDE }

    /** Every project file dockenv reads by its name, each made into each kind of special file. */
    static Stream<Arguments> specialFiles() {
        return Stream.of("requirements.txt", "pyproject.toml", ".python-version", "environment.yml", "dockenv.toml",
                "uv.lock", "pylock.toml", "setup.py", "setup.cfg", "Pipfile", "requirements-dev.txt",
                "requirements_docs.txt", "constraints.txt", "requirements/base.txt", "requirements/test.txt",
                "poetry.lock", "pdm.lock", "Pipfile.lock", "environment.yaml", "apt.txt", "postBuild", "runtime.txt",
                ".dockerignore", "MANIFEST.in", "Procfile")
                .flatMap(name -> Stream.of(Kind.values()).map(kind -> Arguments.of(name, kind)));
    }

    /** A project folder marked by .git alone, so that the special file is its only project file. */
    private Path project() throws Exception {
        Path project = Files.createDirectories(tmp.resolve("shop"));
        Files.createDirectories(project.resolve(".git"));
        return project;
    }

    private static void make(Path project, String name, Kind kind) throws Exception {
        Path file = project.resolve(name);
        Files.createDirectories(file.getParent());
        switch (kind) {
            case DANGLING_LINK -> Files.createSymbolicLink(file, Path.of("missing.txt"));
            case LINK_LOOP -> {
                Files.createSymbolicLink(file, Path.of("loop-b"));
                Files.createSymbolicLink(file.resolveSibling("loop-b"), file.getFileName());
            }
            case FIFO -> {
                Process mkfifo = new ProcessBuilder("mkfifo", file.toString()).inheritIO().start();
                assertThat(mkfifo.waitFor()).isZero();
            }
            case FOLDER -> Files.createDirectories(file);
            case DEV_ZERO -> Files.createSymbolicLink(file, Path.of("/dev/zero"));
            case LINK_OUTSIDE -> Files.createSymbolicLink(file, Path.of("/etc/passwd"));
            default -> throw new IllegalStateException();
        }
    }

    private static String expected(Kind kind) {
        return switch (kind) {
            case DANGLING_LINK -> "is a symbolic link to missing.txt, which does not exist";
            case LINK_LOOP -> "is a symbolic link that never reaches a file";
            case FIFO -> "is a named pipe (FIFO), not a regular file";
            case FOLDER -> "";
            case DEV_ZERO -> "is a link to a device, not a regular file";
            case LINK_OUTSIDE -> "leads to /etc/passwd, outside the project directory";
        };
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("specialFiles")
    void aSpecialProjectFileIsNamedWithWhatIsWrong(String name, Kind kind) throws Exception {
        Path project = project();
        make(project, name, kind);
        Throwable thrown = assertTimeoutPreemptively(NO_HANG, () -> catchThrowable(
                () -> InstallDecider.decide(ProjectScanner.scan(project), Map.of())));
        if (kind == Kind.FOLDER) {
            // as item 7 has it: a folder where a file is expected is a file access error, with the path and reason
            assertThat(thrown).isInstanceOfSatisfying(FileAccessException.class, e -> {
                assertThat(e.exitCode()).isEqualTo(ExitCode.FILE_ACCESS);
                assertThat(e.getMessage()).isEqualTo("cannot read " + project.resolve(name) + ": Is a directory");
                assertThat(e.hint()).hasValue(project.resolve(name)
                        + " is a folder where dockenv expects a file: rename or remove it");
            });
            return;
        }
        assertThat(thrown).isInstanceOf(InputException.class);
        InputException e = (InputException) thrown;
        assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(e.location().file()).isEqualTo(project.resolve(name));
        assertThat(e.problem()).startsWith(expected(kind));
        if (kind == Kind.LINK_OUTSIDE) {
            assertThat(e.hint()).hasValue("the project directory is all a container build can see: copy the file "
                    + "into the project");
        }
    }

    @Test
    void statusOnAPipeSaysSoAtOnce() throws Exception {
        Path project = project();
        make(project, "requirements.txt", Kind.FIFO);
        CliHarness cli = new CliHarness(tmp.resolve("cache"));
        int code = assertTimeoutPreemptively(NO_HANG, () -> cli.run(project, "status"));
        assertThat(code).isEqualTo(4);
        assertThat(cli.err).isEqualTo("dockenv: error: " + project.resolve("requirements.txt")
                + ": is a named pipe (FIFO), not a regular file\n"
                + "dockenv: hint: dockenv reads project files only from regular files\n");
    }

    @Test
    void anIncludeThatLeadsOutsideIsRefusedAtItsLine() throws Exception {
        Path project = project();
        Files.writeString(project.resolve("requirements.txt"), "flask\n-r more.txt\n");
        Files.createSymbolicLink(project.resolve("more.txt"), Path.of("/etc/passwd"));
        Throwable thrown = catchThrowable(() -> ProjectScanner.scan(project));
        assertThat(thrown).isInstanceOf(InputException.class);
        InputException e = (InputException) thrown;
        assertThat(e.location().file()).isEqualTo(project.resolve("requirements.txt"));
        assertThat(e.location().line()).isEqualTo(2);
        assertThat(e.problem()).isEqualTo("included file 'more.txt' (" + project.resolve("more.txt") + ") leads to "
                + "/etc/passwd, outside the project directory " + project.toRealPath());
    }

    @Test
    void anIncludeThatIsAPipeIsRefusedAtItsLineWithoutHanging() throws Exception {
        Path project = project();
        Files.writeString(project.resolve("requirements.txt"), "flask\n-r more.txt\n");
        make(project, "more.txt", Kind.FIFO);
        Throwable thrown = assertTimeoutPreemptively(NO_HANG, () -> catchThrowable(() -> ProjectScanner.scan(project)));
        assertThat(thrown).isInstanceOf(InputException.class);
        assertThat(((InputException) thrown).location().line()).isEqualTo(2);
        assertThat(((InputException) thrown).problem()).contains("is a named pipe (FIFO)");
    }

    @Test
    void aLocalPathLinkedOutsideIsRefusedAtItsLine() throws Exception {
        Path project = project();
        Files.createDirectories(project.resolve("libs"));
        Files.createSymbolicLink(project.resolve("libs/seed"), Path.of("/etc"));
        Files.writeString(project.resolve("requirements.txt"), "flask\n./libs/seed\n");
        Throwable thrown = catchThrowable(() -> ProjectScanner.scan(project));
        assertThat(thrown).isInstanceOf(InputException.class);
        InputException e = (InputException) thrown;
        assertThat(e.location().line()).isEqualTo(2);
        assertThat(e.problem()).isEqualTo("local requirement './libs/seed' leads to /etc, outside the project "
                + "directory " + project.toRealPath());
    }

    @ParameterizedTest
    @MethodSource("outsidePaths")
    void aLockedDirectoryOutsideTheProjectIsRefused(String path) throws Exception {
        Path project = project();
        Files.createDirectories(tmp.resolve("outside"));
        Files.createDirectories(project.resolve("libs"));
        Files.createSymbolicLink(project.resolve("libs/away"), tmp.resolve("outside"));
        Files.writeString(project.resolve(".python-version"), "3.11\n");
        Files.writeString(project.resolve("pylock.toml"), """
                lock-version = "1.0"
                created-by = "test"

                [[packages]]
                name = "away"
                directory = { path = "%s" }
                """.formatted(path));
        Throwable thrown = catchThrowable(() -> InstallDecider.decide(ProjectScanner.scan(project), Map.of()));
        assertThat(thrown).isInstanceOf(InputException.class);
        InputException e = (InputException) thrown;
        assertThat(e.location().file().getFileName()).hasToString("pylock.toml");
        assertThat(e.problem()).startsWith("package 'away' is installed from '" + path + "'")
                .contains("outside the project directory");
    }

    static Stream<String> outsidePaths() {
        return Stream.of("/etc", "../outside", "libs/away");
    }

    @Test
    void aSetupCfgFileDirectiveLinkedOutsideIsRefused() throws Exception {
        Path project = project();
        Files.writeString(project.resolve("setup.py"), "from setuptools import setup\nsetup()\n");
        Files.writeString(project.resolve("setup.cfg"), "[metadata]\nname = shop\n[options]\n"
                + "install_requires = file: reqs.in\n");
        Files.createSymbolicLink(project.resolve("reqs.in"), Path.of("/etc/passwd"));
        Throwable thrown = catchThrowable(() -> ProjectScanner.scan(project));
        assertThat(thrown).isInstanceOf(InputException.class);
        assertThat(((InputException) thrown).location().file()).isEqualTo(project.resolve("reqs.in"));
        assertThat(((InputException) thrown).problem()).startsWith("leads to /etc/passwd, outside the project");
    }

    @Test
    void aDynamicDependenciesFileThatIsAPipeIsNamedWithoutHanging() throws Exception {
        Path project = project();
        Files.writeString(project.resolve("pyproject.toml"), """
                [project]
                name = "shop"
                version = "1"
                dynamic = ["dependencies"]
                [build-system]
                requires = ["setuptools"]
                build-backend = "setuptools.build_meta"
                [tool.setuptools.dynamic]
                dependencies = {file = ["reqs.in"]}
                """);
        make(project, "reqs.in", Kind.FIFO);
        Throwable thrown = assertTimeoutPreemptively(NO_HANG, () -> catchThrowable(() -> ProjectScanner.scan(project)));
        assertThat(thrown).isInstanceOf(InputException.class);
        assertThat(((InputException) thrown).location().file()).isEqualTo(project.resolve("reqs.in"));
        assertThat(((InputException) thrown).problem()).isEqualTo("is a named pipe (FIFO), not a regular file");
    }
}
