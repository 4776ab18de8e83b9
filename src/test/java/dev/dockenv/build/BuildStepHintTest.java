package dev.dockenv.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.engine.BuildFailedException;
import dev.dockenv.project.Project;
import dev.dockenv.project.ProjectScanner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A build step that fails on a missing file gets a hint naming what build steps see. The messages
 * are the real ones of the tools in python:3.11-slim (and gcc's), run in /app without the file.
 */
class BuildStepHintTest {
    private static final String POSTBUILD_STEP = "[base 6/6] RUN --mount=type=bind,source=project/native/greet.c,"
            + "target=/app/native/greet.c,rw chmod +x postBuild     && ./postBuild";

    @TempDir
    Path root;

    @BeforeEach
    void setUp() throws Exception {
        Files.writeString(root.resolve("requirements.txt"), "");
        Files.createDirectories(root.resolve("native"));
        Files.writeString(root.resolve("native/greet.c"), "int greet(void) { return 42; }\n");
        Files.writeString(root.resolve("native/gen.py"), "print('x')\n");
        Files.writeString(root.resolve("postBuild"), "#!/bin/sh\nset -e\ngcc -shared -o /opt/libgreet.so native/greet.c\n"
                + "cd native && python gen.py\n");
        Files.setPosixFilePermissions(root.resolve("postBuild"), PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static BuildFailedException failure(String step, String line) {
        return new BuildFailedException(step, List.of("+ something", line), "process \"/bin/sh -c ./postBuild\" did not "
                + "complete successfully: exit code: 1");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "python: can't open file '/app/native/gen.py': [Errno 2] No such file or directory",
        "python3: can't open file '/app/native/gen.py': [Errno 2] No such file or directory",
        "cp: cannot stat 'native/gen.py': No such file or directory",
        "sh: 0: cannot open native/gen.py: No such file",
        "sh: 1: ./native/gen.py: not found",
        "cat: native/gen.py: No such file or directory",
        "bash: native/gen.py: No such file or directory",
        "FileNotFoundError: [Errno 2] No such file or directory: 'native/gen.py'",
        "gcc: error: native/gen.py: No such file or directory",
    })
    void aMissingProjectFileNamesWhatBuildStepsSee(String line) {
        Project project = ProjectScanner.scan(root);
        assertThat(BuildStepHint.of(project, failure(POSTBUILD_STEP, line))).hasValue(
                "build steps (build commands and postBuild) run in /app and see only these project files: postBuild, "
                + "native/greet.c (and the dependency files), not the whole project; native/gen.py is in the project "
                + "but not among them: list the files or folders they read in build-inputs in [tool.dockenv] of "
                + "pyproject.toml (or dockenv.toml), e.g. build-inputs = [\"native/gen.py\"]");
    }

    @Test
    void aFileMissingOutsideTheProjectGetsNoSuchHint() {
        Project project = ProjectScanner.scan(root);
        assertThat(BuildStepHint.of(project, failure(POSTBUILD_STEP,
                "cp: cannot stat '/etc/nothing': No such file or directory"))).isEmpty();
    }

    @Test
    void anotherFailureOfTheStepGetsNoSuchHint() {
        Project project = ProjectScanner.scan(root);
        assertThat(BuildStepHint.of(project, failure(POSTBUILD_STEP, "/bin/sh: 1: gcc: not found"))).isEmpty();
        assertThat(BuildStepHint.of(project, failure(POSTBUILD_STEP, "ERROR: No matching distribution found for x")))
                .isEmpty();
    }

    @Test
    void anotherStepGetsNoSuchHint() {
        Project project = ProjectScanner.scan(root);
        assertThat(BuildStepHint.of(project, failure("[base 3/6] RUN pip install -r requirements.txt",
                "ERROR: Could not open requirements file: [Errno 2] No such file or directory: 'requirements.txt'")))
                .isEmpty();
    }

    @Test
    void aBuildCommandOfDockenvTomlIsABuildStepToo() throws Exception {
        Files.delete(root.resolve("postBuild"));
        Files.writeString(root.resolve("dockenv.toml"), "build = [\"python   data/make.py\"]\n");
        Files.createDirectories(root.resolve("data"));
        Project project = ProjectScanner.scan(root);
        assertThat(BuildStepHint.of(project, failure("Step 9/12 : RUN python data/make.py",
                "python: can't open file '/app/data/make.py': [Errno 2] No such file or directory")))
                .hasValueSatisfying(h -> assertThat(h).startsWith("build steps (build commands and postBuild) run in /app "
                        + "and see no project file but the dependency files, not the whole project: list the files or "
                        + "folders they read in build-inputs in dockenv.toml, e.g. build-inputs = [\"native/greet.c\"]"));
    }
}
