package dev.dockenv.it;

import static dev.dockenv.it.support.ResultAssertions.assertModuleMissing;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.it.support.Docker;
import dev.dockenv.it.support.DockenvCli;
import dev.dockenv.it.support.ItWorkspace;
import dev.dockenv.it.support.LocalPackageIndex;
import dev.dockenv.it.support.ProcessResult;
import dev.dockenv.it.support.TestProject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Named requirements sets on the real engine: requirements_base.txt and requirements_parser.txt
 * chosen in dockenv.toml are installed, requirements_docs.txt (not chosen) is not, and
 * constraints.txt holds greeting at 1.0.0 although the index also serves 1.1.0. A set file that
 * appears invalidates the warm-run cache; another file does not.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequirementSetsIT {
    private ItWorkspace ws;
    private LocalPackageIndex index;
    private DockenvCli dockenv;

    @BeforeAll
    void setUp() {
        Docker.requireEngine();
        ws = ItWorkspace.open("dockenv-setsit", "greeting-1.0.0", "greeting-1.1.0", "colorsay-2.0.0",
                "devtool-0.3.0");
        index = ws.index();
        dockenv = ws.dockenv();
    }

    @AfterAll
    void cleanUp() {
        ItWorkspace.closeIfOpened(ws);
    }

    @Test
    void theChosenSetsAreInstalledUnderTheConstraintsAndTheOthersAreNot() {
        TestProject p = ws.project("sets").file(".python-version", "3.11\n")
                .file("requirements_base.txt", "greeting\n")
                .file("requirements_parser.txt", "colorsay>=2\n")
                .file("requirements_docs.txt", "devtool==0.3.0\n")
                .file("constraints.txt", "greeting==1.0.0\n")
                .file("dockenv.toml", """
                        requirements = ["base", "parser"]
                        index-url = "%s"
                        """.formatted(index.url()));

        ProcessResult r = dockenv.run(p.dir(), "run", "--", "python", "-c",
                "import greeting, colorsay; print(greeting.__version__, colorsay.say('x'))");
        assertThat(r.exitCode()).as(r.describe()).isZero();
        assertThat(r.stdout()).as("constraints.txt holds greeting at 1.0.0").startsWith("1.0.0 ");
        assertModuleMissing(dockenv.run(p.dir(), "run", "--", "python", "-c", "import devtool"), "devtool");

        ProcessResult status = dockenv.run(p.dir(), "status");
        assertThat(status.stdout()).contains("base (requirements_base.txt): base stage, [tool.dockenv] requirements",
                "parser (requirements_parser.txt): base stage", "docs (requirements_docs.txt): not installed",
                "constraints constraints.txt");

        DockenvCli timed = dockenv.withEnv("DOCKENV_TIMING", "1");
        assertThat(timed.run(p.dir(), "run", "--", "true").stderr()).contains("warm hit");
        p.file("notes.txt", "not a requirements file\n");
        assertThat(timed.run(p.dir(), "run", "--", "true").stderr()).as("another file keeps the cache")
                .contains("warm hit");
        p.file("requirements_extra.txt", "devtool==0.3.0\n");
        ProcessResult afterNewSet = timed.run(p.dir(), "run", "--", "true");
        assertThat(afterNewSet.exitCode()).as(afterNewSet.describe()).isZero();
        assertThat(afterNewSet.stderr()).as("a new set is an input of the scan").contains("warm miss");
        assertThat(timed.run(p.dir(), "run", "--", "true").stderr()).contains("warm hit");
    }
}
