package dev.dockenv.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.it.support.Docker;
import dev.dockenv.it.support.DockenvCli;
import dev.dockenv.it.support.Exec;
import dev.dockenv.it.support.ItWorkspace;
import dev.dockenv.it.support.ProcessResult;
import dev.dockenv.it.support.TestProject;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * postBuild and build commands see the project files they need (issue 8): the files they name and
 * those build-inputs lists, and only those are part of the environment's identity. The base image
 * stand-in has no compiler, so the steps here use a project file without one: a generator script
 * run by Python and a data file copied into the image.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BuildInputsIT {
    private static final String POSTBUILD = "#!/bin/sh\nset -e\n"
            + "python native/gen.py > /opt/generated.txt\n"
            + "cp data/greeting.txt /opt/\n";

    private ItWorkspace ws;
    private DockenvCli dockenv;
    private TestProject project;

    @BeforeAll
    void setUp() throws Exception {
        Docker.requireEngine();
        ws = ItWorkspace.open("dockenv-buildinputsit");
        dockenv = ws.dockenv();
        project = ws.project("inputs")
                .file(".python-version", "3.11\n")
                .file("requirements.txt", "")
                .file("app.py", "print('app v1')\n")
                .file("native/gen.py", "print('generated v1')\n")
                .file("data/greeting.txt", "hello from data\n")
                .file("postBuild", POSTBUILD);
        Files.setPosixFilePermissions(project.path("postBuild"), PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @AfterAll
    void cleanUp() {
        ItWorkspace.closeIfOpened(ws);
    }

    private String build() {
        ProcessResult build = dockenv.run(project.dir(), "build");
        assertThat(build.exitCode()).as(build.describe()).isZero();
        return build.stdout().strip();
    }

    @Test
    @Order(1)
    void thePostBuildSeesTheFilesItNamesAndOnlyTheyRebuild() {
        String first = build();
        String firstId = Docker.imageId(first);
        ProcessResult run = dockenv.run(project.dir(), "run", "--", "cat", "/opt/generated.txt", "/opt/greeting.txt");
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.stdout()).isEqualTo("generated v1\nhello from data\n");

        ProcessResult status = dockenv.run(project.dir(), "status");
        assertThat(DockenvCli.statusRow(status, "build steps")).as(status.describe())
                .startsWith("see data/greeting.txt (named by postBuild), native/gen.py (named by postBuild), postBuild");

        project.file("app.py", "print('app v2')\n");
        String afterSourceEdit = build();
        assertThat(afterSourceEdit).as("a source edit is not a build input").isEqualTo(first);
        assertThat(Docker.imageId(afterSourceEdit)).isEqualTo(firstId);
        ProcessResult warm = dockenv.run(project.dir(), "run", "--", "python", "app.py");
        assertThat(warm.stdout()).as(warm.describe()).isEqualTo("app v2\n");
        assertThat(warm.stderr()).as("nothing rebuilt").doesNotContain("building");

        project.file("native/gen.py", "print('generated v2')\n");
        ProcessResult rerun = dockenv.run(project.dir(), "run", "--", "cat", "/opt/generated.txt");
        assertThat(rerun.exitCode()).as(rerun.describe()).isZero();
        assertThat(rerun.stdout()).as("an edit of what postBuild reads rebuilds").isEqualTo("generated v2\n");
        assertThat(build()).isNotEqualTo(first);
        assertThat(Docker.imageId(build())).isNotEqualTo(firstId);
    }

    @Test
    @Order(2)
    void aFileTheStepDoesNotNameGetsAHintAndBuildInputsGivesIt() throws Exception {
        project.file("native/extra.py", "print('extra')\n")
                .file("postBuild", POSTBUILD + "cd native && python extra.py > /opt/extra.txt\n");
        ProcessResult failed = dockenv.run(project.dir(), "build");
        assertThat(failed.exitCode()).as(failed.describe()).isEqualTo(6);
        assertThat(failed.stderr()).as(failed.describe())
                .contains("can't open file '/app/native/extra.py'")
                .contains("dockenv: hint: build steps (build commands and postBuild) run in /app and see only these "
                        + "project files: postBuild, data/greeting.txt, native/gen.py (and the dependency files), "
                        + "not the whole project; native/extra.py is in the project but not among them: list the files "
                        + "or folders they read in build-inputs");

        project.file("dockenv.toml", "build-inputs = [\"native\"]\n");
        ProcessResult run = dockenv.run(project.dir(), "run", "--", "cat", "/opt/extra.txt");
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.stdout()).isEqualTo("extra\n");
        ProcessResult status = dockenv.run(project.dir(), "status");
        assertThat(DockenvCli.statusRow(status, "build steps")).as(status.describe())
                .startsWith("see data/greeting.txt (named by postBuild), native (build-inputs), postBuild");
    }

    @Test
    @Order(3)
    void aBuildInputOutsideTheProjectIsAnErrorAtItsLine() {
        project.file("dockenv.toml", "build-inputs = [\"native\",\n  \"../elsewhere.c\"]\n");
        ProcessResult status = dockenv.run(project.dir(), "status");
        assertThat(status.exitCode()).as(status.describe()).isEqualTo(4);
        assertThat(status.stderr()).contains("dockenv.toml:2:3: build-inputs: '../elsewhere.c' leaves the project folder");
        project.file("dockenv.toml", "build-inputs = [\"native\"]\n");
    }

    @Test
    @Order(4)
    void theLegacyBuilderCopiesTheInputsIn() {
        DockenvCli classic = dockenv.withEnv("DOCKER_BUILDKIT", "0");
        ProcessResult run = classic.run(project.dir(), "run", "--rebuild", "--", "cat", "/opt/generated.txt",
                "/opt/extra.txt");
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.stdout()).isEqualTo("generated v2\nextra\n");
    }

    @Test
    @Order(5)
    void initsDockerfileBuildsWithPlainDockerBuild() {
        ProcessResult init = dockenv.run(project.dir(), "init");
        assertThat(init.exitCode()).as(init.describe()).isZero();
        assertThat(project.read("Dockerfile")).contains("--mount=type=bind,source=native,target=/app/native,rw");
        String tag = project.repository() + ":plain-docker-build";
        ProcessResult build = Exec.of(Docker.command(List.of("build", "--target", "prod",
                        "--label", TestProject.LABEL_PROJECT + "=" + project.name(), "-t", tag, ".")))
                .env("DOCKER_BUILDKIT", "1").dir(project.dir()).timeout(Duration.ofMinutes(4)).run();
        assertThat(build.exitCode()).as(build.describe()).isZero();
        ProcessResult run = Docker.run("run", "--rm", tag, "cat", "/opt/generated.txt", "/opt/extra.txt");
        assertThat(run.stdout()).as(run.describe()).isEqualTo("generated v2\nextra\n");
    }

    /** The issue's own case: a postBuild that compiles the project's C file (gcc from Debian, about a minute). */
    @Test
    @Order(6)
    void aPostBuildCompilesTheProjectsCFile() throws Exception {
        TestProject c = ws.project("cgreet")
                .file(".python-version", "3.11\n")
                .file("requirements.txt", "")
                .file("dockenv.toml", "apt = [\"gcc\", \"libc6-dev\"]\n")
                .file("native/greet.c", "int greet(void) { return 42; }\n")
                .file("postBuild", "#!/bin/sh\nset -e\nmkdir -p /opt/lib\n"
                        + "gcc -shared -fPIC -o /opt/lib/libgreet.so native/greet.c\n");
        Files.setPosixFilePermissions(c.path("postBuild"), PosixFilePermissions.fromString("rwxr-xr-x"));
        ProcessResult run = dockenv.run(c.dir(), "run", "--", "python", "-c",
                "import ctypes; print(ctypes.CDLL('/opt/lib/libgreet.so').greet())");
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.stdout()).isEqualTo("42\n");
    }
}
