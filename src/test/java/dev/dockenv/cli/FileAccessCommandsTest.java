package dev.dockenv.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.engine.LocalProcessRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file or folder that cannot be read or written is exit 9 with the path and the system's reason
 * and a hint, never "internal error" or "a bug", on every way out of dockenv: picocli's commands,
 * the plain run that skips picocli, and the launcher's command file. (Tests run as root, for whom
 * permissions never refuse: NonRootIT-style tests cover a cache the user cannot write.)
 */
class FileAccessCommandsTest {
    @TempDir
    Path tmp;
    Path project;
    CliHarness cli;

    @BeforeEach
    void setUp() throws Exception {
        project = Files.createDirectories(tmp.resolve("shop"));
        Files.writeString(project.resolve("requirements.txt"), "requests==2.31.0\n");
        Files.writeString(project.resolve(".python-version"), "3.11\n");
        cli = new CliHarness(tmp.resolve("cache"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"status", "build", "run python", "run --rebuild python", "shell"})
    void aCacheFolderThatIsAFileIsExitNine(String command) throws IOException {
        Path cache = Files.writeString(tmp.resolve("cache-file"), "not a folder");
        cli.env.put("DOCKENV_CACHE_DIR", cache.toString());
        cli.env.put("DOCKENV_EXEC_FILE", tmp.resolve("exec").toString());

        assertThat(cli.run(project, command.split(" "))).as(cli.err).isEqualTo(9);

        assertThat(cli.err).contains("dockenv: error: cannot use dockenv's cache folder " + cache + ": Not a directory\n")
                .contains("dockenv: hint: " + cache + " is a file, and dockenv's cache must be a folder: move the file "
                        + "away, or set DOCKENV_CACHE_DIR to a folder\n");
        notABug(cli.err);
        assertThat(cli.engine.builds).isEmpty(); // found before anything was built
    }

    @Test
    void aFileOnTheWayToTheCacheIsNamed() throws IOException {
        Path file = Files.writeString(tmp.resolve("xdg"), "not a folder");
        cli.env.remove("DOCKENV_CACHE_DIR");
        cli.env.put("XDG_CACHE_HOME", file.toString());

        assertThat(cli.run(project, "build")).isEqualTo(9);

        assertThat(cli.err).contains("cannot use dockenv's cache folder " + file.resolve("dockenv") + ": Not a directory")
                .contains("hint: " + file + " is a file on the way to dockenv's cache folder " + file.resolve("dockenv"));
        notABug(cli.err);
    }

    @Test
    void aCacheFolderThatIsALoopOfLinksIsExitNine() throws IOException {
        Path a = tmp.resolve("a");
        Files.createSymbolicLink(a, tmp.resolve("b"));
        Files.createSymbolicLink(tmp.resolve("b"), a);
        cli.env.put("DOCKENV_CACHE_DIR", a.toString());

        assertThat(cli.run(project, "status")).isEqualTo(9);

        assertThat(cli.err).contains("cannot use dockenv's cache folder " + a + ": Too many levels of symbolic links")
                .contains("hint: " + a + " is a symbolic link that leads back to itself");
        notABug(cli.err);
    }

    @Test
    void aFolderWhereAProjectFileIsWrittenIsExitNine() throws IOException {
        Files.createDirectories(project.resolve("Dockerfile"));

        assertThat(cli.run(project, "init", "--force")).isEqualTo(9);

        assertThat(cli.err).contains("dockenv: error: cannot write into " + project + ": " + project.resolve("Dockerfile")
                        + ": Is a directory\n")
                .contains("dockenv: hint: " + project.resolve("Dockerfile")
                        + " is a folder where dockenv expects a file: rename or remove it\n");
        notABug(cli.err);
    }

    @Test
    void aProjectFileThatIsNotUtf8IsBadInputNotAnIoFailure() throws IOException {
        Files.write(project.resolve(".python-version"), new byte[] {(byte) 0xff, '3', '\n'});

        assertThat(cli.run(project, "status")).isEqualTo(4);

        assertThat(cli.err).contains("dockenv: error: " + project.resolve(".python-version")
                + ":1:1: the file is not valid UTF-8 text at line 1 (byte 0xFF at byte offset 0)\n",
                "dockenv: hint: save it as UTF-8\n");
        notABug(cli.err);
    }

    @Test
    void theLaunchersCommandFileIsNamedWhenItCannotBeWritten() throws IOException {
        Path file = Files.writeString(tmp.resolve("tmp-file"), "");
        Path handoff = file.resolve("dockenv-exec.123");
        cli.env.put("DOCKENV_EXEC_FILE", handoff.toString());

        assertThat(cli.run(project, "run", "python")).isEqualTo(9); // the plain run, outside picocli

        assertThat(cli.err).contains("cannot write the launcher's command file " + handoff + ": Not a directory")
                .contains("hint: " + file + " is a file where a folder is expected");
        notABug(cli.err);
    }

    @Test
    void reportMapsEveryKindOfIoFailureAndLeavesBugsAlone() {
        StringWriter err = new StringWriter();
        Session session = new Session(tmp, Map.of("DOCKENV_CACHE_DIR", tmp.resolve("cache").toString()),
                new PrintWriter(new StringWriter()), new PrintWriter(err), new LocalProcessRunner(), false, () -> null);

        int full = DockenvCommand.report(new UncheckedIOException("cannot write " + project.resolve("pylock.toml"),
                new IOException("No space left on device")), new PrintWriter(err), session);
        assertThat(full).isEqualTo(9);
        assertThat(err.toString()).contains("dockenv: error: cannot write " + project.resolve("pylock.toml")
                + ": No space left on device\n", "dockenv: hint: the file system holding " + project + " is full");

        assertThat(DockenvCommand.report(new CompletionException(new UncheckedIOException(
                new java.nio.file.AccessDeniedException("/x"))), new PrintWriter(err), session)).isEqualTo(9);
        assertThat(DockenvCommand.report(new IOException("Input/output error"), new PrintWriter(err), session))
                .isEqualTo(9);
        notABug(err.toString());
        assertThat(DockenvCommand.exitCode(new UncheckedIOException(new IOException("x")))).isEqualTo(9);

        StringWriter bug = new StringWriter();
        assertThat(DockenvCommand.report(new IllegalStateException("oops"), new PrintWriter(bug), session)).isEqualTo(1);
        assertThat(bug.toString()).contains("internal error", "please report it");
    }

    private static void notABug(String err) {
        assertThat(err).doesNotContain("internal error").doesNotContainPattern("(?i)\\bbug\\b")
                .doesNotContain("Exception").doesNotContain("please report");
    }
}
