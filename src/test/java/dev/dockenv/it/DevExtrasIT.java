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

    /**
     * A command the environment does not have is one dockenv line naming it and the environment,
     * with the extra that would bring it, exit 127; never the init's message alone. A warm run (from
     * the run cache) says the same; a command that exists runs as before, its arguments untouched,
     * and its exit code is the run's (issue 8, "what a new user hit" 2).
     */
    @Test
    void aCommandThatIsNotInTheEnvironmentIsOneLineWithTheExtraThatBringsIt() {
        TestProject p = ws.project("missing").file("pyproject.toml", """
                [project]
                name = "missing"
                version = "1.0.0"
                dependencies = ["greeting"]

                [project.optional-dependencies]
                lint = ["devtool"]

                [tool.dockenv]
                python = "3.11"
                index-url = "%s"
                """.formatted(index.url()));
        ProcessResult cold = dockenv.run(p.dir(), "run", "--", "devtool", "--check");
        ProcessResult warm = dockenv.run(p.dir(), "run", "--", "devtool");
        String image = DockenvCli.statusRow(dockenv.runOk(p.dir(), "status"), "image").split(" ")[0];

        for (ProcessResult r : List.of(cold, warm)) {
            assertThat(r.exitCode()).as(r.describe()).isEqualTo(127);
            assertThat(r.stderr()).as(r.describe()).endsWith("dockenv: error: devtool: command not found in the "
                    + "environment " + image + "\ndockenv: hint: devtool is declared in pyproject.toml "
                    + "[project.optional-dependencies] lint, which the environment does not install: add \"lint\" to "
                    + "extras in the dockenv settings, or run `dockenv add --dev devtool`\n")
                    .doesNotContain("tini");
        }
        ProcessResult unknown = dockenv.run(p.dir(), "run", "--", "no-such-tool");
        assertThat(unknown.exitCode()).as(unknown.describe()).isEqualTo(127);
        assertThat(unknown.stderr()).as(unknown.describe()).contains("dockenv: error: no-such-tool: command not "
                + "found in the environment", "dockenv: hint: if a package provides it, `dockenv add --dev no-such-tool`");

        ProcessResult runs = dockenv.run(p.dir(), "run", "--", "python", "-c",
                "import sys; print(sys.argv[1:]); raise SystemExit(4)", "a b", "$HOME", "'");
        assertThat(runs.exitCode()).as(runs.describe()).isEqualTo(4);
        assertThat(runs.stdout()).isEqualTo("['a b', '$HOME', \"'\"]\n");
    }
}
