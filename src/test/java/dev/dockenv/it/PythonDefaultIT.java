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
 * A project that pins no Python, where no registry is reachable (issue 8, "what a new user hit" 5):
 * dockenv's default python:3.13-slim cannot be pulled; the error names the Python images the
 * engine has (the python:3.11-slim stand-in) and the ways to choose one, and DOCKENV_PYTHON, the
 * user's default for every project, is one of them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PythonDefaultIT {
    private ItWorkspace ws;

    @BeforeAll
    void setUp() {
        Docker.requireEngine();
        ws = ItWorkspace.open("dockenv-pythondefault");
    }

    @AfterAll
    void cleanUp() {
        ItWorkspace.closeIfOpened(ws);
    }

    @Test
    void withoutARegistryTheErrorNamesTheLocalPythonImagesAndDockenvPythonChoosesOne() {
        assertThat(Docker.run("image", "inspect", "python:3.13-slim").exitCode())
                .as("this test needs an engine without python:3.13-slim").isNotZero();
        TestProject p = ws.project("unpinned").delete(".python-version").file("requirements.txt", "")
                .file("app.py", "import sys\nprint(sys.version_info[:2])\n");

        ProcessResult r = ws.dockenv().run(p.dir(), "run", "--", "python", "app.py");

        assertThat(r.exitCode()).as(r.describe()).isEqualTo(6);
        assertThat(r.stderr()).as(r.describe()).contains("dockenv: error: cannot pull the base image python:3.13-slim: ")
                .containsPattern("dockenv: hint: the engine has [^\\n]*python:3\\.11-slim[^\\n]*: choose Python 3\\.11[^\\n]*"
                        + "\\.python-version[^\\n]*DOCKENV_PYTHON=3\\.11");

        DockenvCli user311 = ws.dockenv().withEnv("DOCKENV_PYTHON", "3.11");
        ProcessResult ran = user311.run(p.dir(), "run", "--", "python", "app.py");
        assertThat(ran.exitCode()).as(ran.describe()).isZero();
        assertThat(ran.stdout()).isEqualTo("(3, 11)\n");
        assertThat(DockenvCli.statusRow(user311.runOk(p.dir(), "status"), "python")).isEqualTo("3.11 (from DOCKENV_PYTHON)");

        ProcessResult bad = ws.dockenv().withEnv("DOCKENV_PYTHON", "eleven").run(p.dir(), "status");
        assertThat(bad.exitCode()).as(bad.describe()).isEqualTo(2);
        assertThat(bad.stderr()).contains("DOCKENV_PYTHON='eleven' is not a Python version");
    }
}
