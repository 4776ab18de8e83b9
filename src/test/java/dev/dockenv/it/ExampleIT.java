package dev.dockenv.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.it.support.Docker;
import dev.dockenv.it.support.DockenvCli;
import dev.dockenv.it.support.ItWorkspace;
import dev.dockenv.it.support.ProcessResult;
import dev.dockenv.it.support.TestProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The bundled example (example/ in the checkout, its shared package from a local wheelhouse)
 * works as its README promises. It runs on a copy whose pyproject.toml names the project uniquely,
 * so its images never meet a developer's own runs of the example.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExampleIT {
    private ItWorkspace ws;
    private TestProject example;
    private DockenvCli dockenv;

    @BeforeAll
    void copyTheExample() throws IOException {
        Docker.requireEngine();
        ws = ItWorkspace.open("dockenv-exampleit");
        dockenv = ws.dockenv();
        Path copy = ws.copy(DockenvCli.checkoutHome().resolve("example"), "example");
        String name = Docker.uniqueName("it-example");
        String pyproject = Files.readString(copy.resolve("pyproject.toml"));
        assertThat(pyproject).contains("name = \"example-app\"");
        Files.writeString(copy.resolve("pyproject.toml"), pyproject.replace("name = \"example-app\"", "name = \"" + name + "\""));
        example = ws.track(TestProject.existing(name, copy));
    }

    @AfterAll
    void cleanUp() {
        ItWorkspace.closeIfOpened(ws);
    }

    @Test
    void theExampleRunsItsApp() {
        ProcessResult r = dockenv.run(example.dir(), "run", "--", "python", "app.py", "one", "two");

        assertThat(r.exitCode()).as(r.describe()).isZero();
        assertThat(r.stdout()).as(r.describe()).contains("hello, dockenv!")
                .contains("python 3.11")
                .contains(" in /app\n")
                .contains("arguments: one two\n");

        ProcessResult byDefault = dockenv.run(example.dir(), "run");
        assertThat(byDefault.exitCode()).as(byDefault.describe()).isZero();
        assertThat(byDefault.stdout()).as("[tool.dockenv] command and env")
                .startsWith("hello, dockenv! nice to see you.\n");
        assertThat(byDefault.stderr()).doesNotContain("building");
    }
}
