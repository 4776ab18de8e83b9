package dev.dockenv.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.it.support.Docker;
import dev.dockenv.it.support.DockenvCli;
import dev.dockenv.it.support.ItWorkspace;
import dev.dockenv.it.support.LocalPackageIndex;
import dev.dockenv.it.support.ProcessResult;
import dev.dockenv.it.support.TestProject;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A project that declares its test tools as an optional-dependency group, as Flask's tutorial does
 * ({@code [project.optional-dependencies] test = ["pytest"]}): {@code dockenv run} finds them in the
 * dev environment without any setting, and prod does not carry them (issue 8, "what a new user hit" 1).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DevExtrasIT {
    private ItWorkspace ws;
    private LocalPackageIndex index;
    private DockenvCli dockenv;

    @BeforeAll
    void setUp() {
        Docker.requireEngine();
        ws = ItWorkspace.open("dockenv-devextras");
        index = ws.track(LocalPackageIndex.builder(ws.path("index"))
                .fixtures(List.of("greeting-1.0.0", "devtool-0.3.0")).start());
        dockenv = ws.dockenv();
    }

    @AfterAll
    void cleanUp() {
        ItWorkspace.closeIfOpened(ws);
    }

    @Test
    void aTestExtraIsInTheDevEnvironmentAndNotInProd() {
        TestProject p = ws.project("tutorial").file("pyproject.toml", """
                [project]
                name = "flaskr"
                version = "1.0.0"
                dependencies = ["greeting"]

                [project.optional-dependencies]
                test = ["devtool"]

                [tool.dockenv]
                python = "3.11"
                command = ["python", "-c", "import greeting"]
                index-url = "%s"
                """.formatted(index.url()));
        ProcessResult tool = dockenv.run(p.dir(), "run", "--", "devtool");
        assertThat(tool.exitCode()).as(tool.describe()).isZero();

        String prod = dockenv.runOk(p.dir(), "build", "--target", "prod").stdout().strip();
        ProcessResult inProd = Docker.run("run", "--rm", prod, "python", "-c", "import devtool");
        assertThat(inProd.exitCode()).as(inProd.describe()).isNotZero();
        assertThat(inProd.stderr()).contains("No module named 'devtool'");
        ProcessResult app = Docker.run("run", "--rm", prod);
        assertThat(app.exitCode()).as(app.describe()).isZero();
    }
}
