package dev.dockenv.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.it.support.Docker;
import dev.dockenv.it.support.DockenvCli;
import dev.dockenv.it.support.ItWorkspace;
import dev.dockenv.it.support.ProcessResult;
import dev.dockenv.it.support.TestProject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 8, campaign item 2: a value that would add a Dockerfile instruction never reaches a build.
 * {@code dockenv build} exits 4 at the value's file:line:column, and no image is tagged (so the
 * injected RUN never ran). Neither project needs the network: dockenv refuses before the engine.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InjectionIT {
    private ItWorkspace ws;
    private DockenvCli dockenv;

    @BeforeAll
    void open() {
        Docker.requireEngine();
        ws = ItWorkspace.open("dockenv-injectionit");
        dockenv = ws.dockenv();
    }

    @AfterAll
    void cleanUp() {
        ItWorkspace.closeIfOpened(ws);
    }

    @Test
    void aBaseImageCarryingARunIsRefusedAndNothingIsBuilt() {
        TestProject p = ws.project("inject-base");
        p.file("requirements.txt", "")
                .file("dockenv.toml", "base-image = \"python:3.11-slim AS pre\\nRUN echo INJECTED > /injected.txt\\n"
                        + "FROM pre\"\n");
        ProcessResult build = dockenv.run(p.dir(), "build");
        assertThat(build.exitCode()).as(build.describe()).isEqualTo(4);
        assertThat(build.stderr()).as(build.describe())
                .contains("dockenv.toml:1:1: base-image: 'python:3.11-slim AS pre\\nRUN echo INJECTED > /injected.txt"
                        + "\\nFROM pre' is not a Docker image reference: it holds a line break")
                .doesNotContain("Exception");
        assertNothingTagged(p);
    }

    @Test
    void aCondaVariableCarryingARunIsRefusedAndNothingIsBuilt() {
        TestProject p = ws.project("inject-conda");
        p.file("environment.yml", """
                name: x
                dependencies:
                  - python=3.11
                variables:
                  X: "one\\nRUN echo INJECTED > /injected.txt"
                """);
        ProcessResult build = dockenv.run(p.dir(), "build");
        assertThat(build.exitCode()).as(build.describe()).isEqualTo(4);
        assertThat(build.stderr()).as(build.describe())
                .contains("environment.yml:5:6: variables: X holds a line break")
                .doesNotContain("Exception");
        assertNothingTagged(p);
    }

    private static void assertNothingTagged(TestProject p) {
        assertThat(p.images()).as("images labelled with the project").isEmpty();
        String listed = Docker.runOk("image", "ls", "-q", p.repository()).stdout().strip();
        assertThat(listed).as("images of " + p.repository()).isEmpty();
    }
}
