package dev.dockenv.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.dockenv.decision.InstallDecider;
import dev.dockenv.errors.ExitCode;
import dev.dockenv.errors.InputException;
import dev.dockenv.project.ProjectScanner;
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
 * Issue 8, campaign item 9: 20,000 levels of nesting in any file dockenv reads (a setup.py literal,
 * YAML, JSON, TOML arrays and inline tables, a marker's parentheses) are bad input (exit 4) at the
 * file and the line where the limit is passed, never a stack overflow.
 */
class DeepNestingTest {
    private static final int LEVELS = 20_000;

    @TempDir
    Path tmp;

    private static String open(String s) {
        return s.repeat(LEVELS);
    }

    private static String marker() {
        return open("(") + "python_version >= '3'" + ")".repeat(LEVELS);
    }

    /** The file, its content (the deep value on its line 2 or 3), and that line. */
    static Stream<Arguments> deepFiles() {
        String pyproject = "[project]\nname = \"shop\"\nversion = \"1\"\n";
        return Stream.of(
                Arguments.of("setup.py list", "setup.py", "from setuptools import setup\n"
                        + "setup(name='shop', install_requires=" + open("[") + "]".repeat(LEVELS) + ")\n", 2),
                Arguments.of("setup.py dict", "setup.py", "from setuptools import setup\n"
                        + "setup(name='shop', extras_require=" + open("{'a': ") + "1" + "}".repeat(LEVELS) + ")\n", 2),
                Arguments.of("setup.py tuple", "setup.py", "from setuptools import setup\n"
                        + "setup(name='shop', install_requires=" + open("(") + "'a'" + ",)".repeat(LEVELS) + ")\n", 2),
                Arguments.of("setup.cfg marker", "setup.cfg", "[metadata]\nname = shop\n[options]\ninstall_requires =\n"
                        + "    requests; " + marker() + "\n", 5),
                Arguments.of("environment.yml flow", "environment.yml", "name: shop\ndependencies: " + open("[")
                        + "]".repeat(LEVELS) + "\n", 2),
                Arguments.of("environment.yml block", "environment.yml", "name: shop\ndependencies:\n" + open("- ")
                        + "python\n", 3),
                Arguments.of("environment.yml mappings", "environment.yml", "name: shop\ndependencies: "
                        + open("{a: ") + "b" + "}".repeat(LEVELS) + "\n", 2),
                Arguments.of("environment.yml pip marker", "environment.yml", "name: shop\ndependencies:\n- pip\n"
                        + "- pip:\n  - \"requests; " + marker().replace("'", "'") + "\"\n", 5),
                Arguments.of("Pipfile.lock array", "Pipfile.lock", "{\n\"_meta\": " + open("[") + "]".repeat(LEVELS)
                        + "}\n", 2),
                Arguments.of("Pipfile.lock object", "Pipfile.lock", "{\n\"_meta\": " + open("{\"a\": ") + "1"
                        + "}".repeat(LEVELS) + "}\n", 2),
                Arguments.of("pyproject.toml array", "pyproject.toml", pyproject + "dependencies = " + open("[")
                        + "]".repeat(LEVELS) + "\n", 4),
                Arguments.of("pyproject.toml inline table", "pyproject.toml", pyproject + "x = " + open("{a = ")
                        + "1" + "}".repeat(LEVELS) + "\n", 4),
                Arguments.of("pyproject.toml marker", "pyproject.toml", pyproject + "dependencies = [\"requests; "
                        + marker() + "\"]\n", 4),
                Arguments.of("dockenv.toml", "dockenv.toml", "# settings\nports = " + open("[") + "]".repeat(LEVELS)
                        + "\n", 2),
                Arguments.of("Pipfile", "Pipfile", "[packages]\nrequests = " + open("{a = ") + "1"
                        + "}".repeat(LEVELS) + "\n", 2),
                Arguments.of("uv.lock", "uv.lock", "version = 1\nx = " + open("[") + "]".repeat(LEVELS) + "\n", 2),
                Arguments.of("poetry.lock", "poetry.lock", "# poetry\nx = " + open("[") + "]".repeat(LEVELS) + "\n", 2),
                Arguments.of("pdm.lock", "pdm.lock", "# pdm\nx = " + open("{a = ") + "1" + "}".repeat(LEVELS) + "\n", 2),
                Arguments.of("pylock.toml marker", "pylock.toml", "lock-version = \"1.0\"\ncreated-by = \"x\"\n"
                        + "[[packages]]\nname = \"a\"\nversion = \"1\"\nmarker = \"" + marker() + "\"\n", 6),
                Arguments.of("requirements.txt marker", "requirements.txt", "flask\nrequests; " + marker() + "\n", 2),
                Arguments.of("requirements.txt or-chain", "requirements.txt", "flask\nrequests; "
                        + "python_version >= '3' or ".repeat(LEVELS) + "python_version >= '3'\n", 2));
    }

    private Path project(String name, String content) throws Exception {
        Path project = Files.createDirectories(tmp.resolve("shop"));
        if (!name.equals("requirements.txt")) {
            Files.writeString(project.resolve("requirements.txt"), "requests==2.31.0\n");
        }
        if (name.equals("setup.cfg")) {
            Files.writeString(project.resolve("setup.py"), "from setuptools import setup\nsetup()\n");
        }
        if (name.equals("poetry.lock") || name.equals("pdm.lock") || name.equals("uv.lock")) {
            Files.writeString(project.resolve("pyproject.toml"), "[project]\nname = \"shop\"\nversion = \"1\"\n"
                    + "requires-python = \">=3.11\"\n" + (name.equals("poetry.lock")
                    ? "[tool.poetry]\nname = \"shop\"\n" : name.equals("pdm.lock") ? "[tool.pdm]\n" : ""));
        }
        if (name.equals("Pipfile.lock")) {
            Files.writeString(project.resolve("Pipfile"), "[packages]\nrequests = \"*\"\n");
        }
        Files.writeString(project.resolve(name), content);
        return project;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deepFiles")
    void deepNestingIsBadInputAtItsLine(String label, String name, String content, int line) throws Exception {
        Path project = project(name, content);
        Throwable thrown = catchThrowable(() -> InstallDecider.decide(ProjectScanner.scan(project), Map.of()));
        assertThat(thrown).isInstanceOf(InputException.class);
        InputException e = (InputException) thrown;
        assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(e.location().file().getFileName()).hasToString(name);
        assertThat(e.location().line()).isEqualTo(line);
        assertThat(e.problem()).containsAnyOf("nested deeper than 100 levels", "more than 128 levels",
                "more than 1000 comparisons");
    }

    @Test
    void statusSaysItInOneLine() throws Exception {
        Path project = project("environment.yml", "name: shop\ndependencies: " + open("[") + "]".repeat(LEVELS) + "\n");
        CliHarness cli = new CliHarness(tmp.resolve("cache"));
        assertThat(cli.run(project, "status")).isEqualTo(4);
        assertThat(cli.err).isEqualTo("dockenv: error: " + project.resolve("environment.yml")
                + ":2:114: this list or mapping is nested deeper than 100 levels\n"
                + "dockenv: hint: write the file with fewer levels\n");
    }
}
