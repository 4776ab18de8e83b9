package dev.dockenv.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.it.support.Docker;
import dev.dockenv.it.support.DockenvCli;
import dev.dockenv.it.support.ItWorkspace;
import dev.dockenv.it.support.ProcessResult;
import dev.dockenv.it.support.TestProject;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** apt.txt and postBuild, as repo2docker reads them, reach the environment image. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Repo2DockerFilesIT {
    private ItWorkspace ws;
    private DockenvCli dockenv;
    private TestProject project;

    @BeforeAll
    void setUp() throws Exception {
        Docker.requireEngine();
        ws = ItWorkspace.open("dockenv-repo2dockerit");
        dockenv = ws.dockenv();
        project = ws.project("r2d")
                .file(".python-version", "3.11\n")
                .file("apt.txt", "# tools the notebooks shell out to\njq\n\n")
                .file("postBuild", "#!/bin/sh\nset -e\necho built-by-postBuild > /opt/postbuild-marker\n");
        // not executable on purpose: repo2docker makes it so, and so does dockenv
        Files.setPosixFilePermissions(project.path("postBuild"), PosixFilePermissions.fromString("rw-r--r--"));
    }

    @AfterAll
    void cleanUp() {
        ItWorkspace.closeIfOpened(ws);
    }

    @Test
    void aptPackagesAndThePostBuildScriptAreInTheEnvironment() {
        ProcessResult r = dockenv.run(project.dir(), "run", "--", "sh", "-c",
                "jq --version && cat /opt/postbuild-marker");
        assertThat(r.exitCode()).as(r.describe()).isZero();
        assertThat(r.stdout()).as(r.describe()).startsWith("jq-").contains("built-by-postBuild");
        ProcessResult status = dockenv.run(project.dir(), "status");
        assertThat(status.stdout()).contains("apt.txt", "postBuild");
    }

    @Test
    void aBadAptLineIsAnErrorAtItsLine() throws Exception {
        TestProject bad = ws.project("r2dbad").file("requirements.txt", "").file("apt.txt", "jq\nrm -rf /\n");
        ProcessResult r = dockenv.run(bad.dir(), "status");
        assertThat(r.exitCode()).as(r.describe()).isEqualTo(4);
        assertThat(r.stderr()).contains("apt.txt:2:");
    }
}
