package dev.dockenv.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.dockenv.decision.InstallDecider;
import dev.dockenv.errors.DockenvException;
import dev.dockenv.errors.ExitCode;
import dev.dockenv.errors.InputException;
import dev.dockenv.project.Project;
import dev.dockenv.project.ProjectScanner;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 8, campaign item 8: bytes that are not UTF-8 in any file dockenv reads are bad input (exit
 * 4) at the file and the line, never a crash (exit 1) or a silent replacement.
 */
class UndecodableFilesTest {
    @TempDir
    Path tmp;

    /** Each file kind: its name, a valid first line, and what its second line starts with before the bad byte. */
    static Stream<Arguments> fileKinds() {
        return Stream.of(
                Arguments.of("pyproject.toml", "[project]", "name = \"shop"),
                Arguments.of("dockenv.toml", "# dockenv", "base-image = \"python:3.11-slim"),
                Arguments.of(".python-version", "# pinned", "3.11"),
                Arguments.of("runtime.txt", "# pinned", "python-3.11"),
                Arguments.of("poetry.lock", "# poetry", "[metadata]"),
                Arguments.of("pdm.lock", "# pdm", "[metadata]"),
                Arguments.of("uv.lock", "version = 1", "# "),
                Arguments.of("pylock.toml", "lock-version = \"1.0\"", "# "),
                Arguments.of("Pipfile", "[packages]", "requests = \"*"),
                Arguments.of("setup.cfg", "[metadata]", "name = shop"),
                Arguments.of("environment.yml", "name: shop", "dependencies: [python"),
                Arguments.of("requirements.txt", "flask", "requests"));
    }

    static Stream<Arguments> badBytes() {
        return fileKinds().flatMap(kind -> Stream.of(
                Arguments.of(kind.get()[0], kind.get()[1], kind.get()[2], (byte) 0xFF, false),
                Arguments.of(kind.get()[0], kind.get()[1], kind.get()[2], (byte) 0xC3, true)));
    }

    /** A small project (a pinned Python and a requirements file) with {@code name} written as given. */
    private Path project(String name, String first, String second, byte bad, boolean atEnd) throws Exception {
        Path project = Files.createDirectories(tmp.resolve("shop"));
        Files.writeString(project.resolve("requirements.txt"), "requests==2.31.0\n");
        if (name.equals("setup.cfg")) {
            Files.writeString(project.resolve("setup.py"), "from setuptools import setup\nsetup()\n");
        }
        if (name.equals("poetry.lock") || name.equals("pdm.lock")) {
            Files.writeString(project.resolve("pyproject.toml"), "[project]\nname = \"shop\"\nversion = \"1\"\n"
                    + "requires-python = \">=3.11\"\n" + (name.equals("poetry.lock")
                    ? "[tool.poetry]\nname = \"shop\"\n" : "[tool.pdm]\n"));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes((first + "\n" + second).getBytes(StandardCharsets.UTF_8));
        bytes.write(bad);
        if (!atEnd) {
            bytes.writeBytes("\"\n".getBytes(StandardCharsets.UTF_8));
        }
        Files.write(project.resolve(name), bytes.toByteArray());
        return project;
    }

    @ParameterizedTest(name = "{0} with 0x{3} (at the end: {4})")
    @MethodSource("badBytes")
    void aByteThatIsNotUtf8IsBadInputAtItsLine(String name, String first, String second, byte bad, boolean atEnd)
            throws Exception {
        Path project = project(name, first, second, bad, atEnd);
        Throwable thrown = catchThrowable(() -> {
            Project scanned = ProjectScanner.scan(project);
            InstallDecider.decide(scanned, Map.of());
        });
        assertThat(thrown).isInstanceOf(InputException.class);
        InputException e = (InputException) thrown;
        assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(e.location().file().getFileName()).hasToString(name);
        assertThat(e.location().line()).isEqualTo(2);
        int column = second.getBytes(StandardCharsets.UTF_8).length + 1;
        assertThat(e.location().column()).isEqualTo(column);
        int offset = first.length() + 1 + second.length();
        assertThat(e.getMessage()).contains(name + ":2:" + column + ": ")
                .contains("not valid UTF-8 text at line 2 (byte 0x" + String.format("%02X", bad & 0xff)
                        + " at byte offset " + offset + ")");
        assertThat(e.hint()).contains("save it as UTF-8");
    }

    @ParameterizedTest(name = "{0} with a byte-order mark")
    @MethodSource("fileKinds")
    void aByteOrderMarkIsNoUtf8Error(String name, String first, String second) throws Exception {
        Path project = project(name, first, second, (byte) 'x', false);
        Path file = project.resolve(name);
        byte[] text = Files.readAllBytes(file);
        ByteArrayOutputStream withBom = new ByteArrayOutputStream();
        withBom.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        withBom.writeBytes(text);
        Files.write(file, withBom.toByteArray());
        Throwable thrown = catchThrowable(() -> InstallDecider.decide(ProjectScanner.scan(project), Map.of()));
        // the stand-in content need not be a valid file of its kind; only its decoding matters here
        if (thrown != null) {
            assertThat(thrown).isInstanceOf(DockenvException.class);
            assertThat(thrown.getMessage()).doesNotContain("UTF-8").doesNotContain("\uFEFF");
        }
    }

    @Test
    void statusNamesTheFileInOneLine() throws Exception {
        Path project = project("pyproject.toml", "[project]", "name = \"shop", (byte) 0xFF, false);
        CliHarness cli = new CliHarness(tmp.resolve("cache"));
        assertThat(cli.run(project, "status")).isEqualTo(4);
        assertThat(cli.out).isEmpty();
        assertThat(cli.err).isEqualTo("dockenv: error: " + project.resolve("pyproject.toml")
                + ":2:13: the file is not valid UTF-8 text at line 2 (byte 0xFF at byte offset 22)\n"
                + "dockenv: hint: save it as UTF-8\n");
    }
}
