package dev.dockenv.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.dockenv.it.support.Docker;
import dev.dockenv.it.support.DockenvCli;
import dev.dockenv.it.support.Exec;
import dev.dockenv.it.support.ItWorkspace;
import dev.dockenv.it.support.ProcessResult;
import dev.dockenv.it.support.TestProject;
import dev.dockenv.plan.MicromambaImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A conda project (environment.yml) on the real engine, up to the network: no registry and no
 * conda channel is reachable from the test machines, so the micromamba base image cannot be
 * pulled. What is shown: dockenv reads the project, plans and renders the micromamba build, sends
 * it to the engine (BuildKit and the legacy builder), and stops where the engine resolves the base
 * image, with one line naming the image and a hint, the build's exit code, no stack trace, nothing
 * tagged and nothing written into the project; {@code dockenv init} writes a Dockerfile that plain
 * {@code docker build} accepts as far as the same point.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CondaIT {
    private static final String IMAGE = MicromambaImage.DEFAULT_IMAGE;

    private ItWorkspace ws;
    private DockenvCli dockenv;

    @BeforeAll
    void setUp() {
        Docker.requireEngine();
        assumeFalse(Docker.imageExists(IMAGE), IMAGE + " is on this engine: the build would go past the base image");
        ws = ItWorkspace.open("dockenv-condait");
        dockenv = ws.dockenv();
    }

    @AfterAll
    void cleanUp() {
        ItWorkspace.closeIfOpened(ws);
    }

    private TestProject condaProject(String prefix) {
        TestProject project = ws.project(prefix);
        // the Python version comes from environment.yml alone
        return project.delete(".python-version")
                .file("environment.yml", """
                        name: geo
                        channels:
                          - conda-forge
                        dependencies:
                          - python=3.11
                          - numpy>=1.26
                          - pip:
                              - -r requirements.txt
                              - -e .
                        """)
                .file("requirements.txt", "requests>=2.31\n")
                .file("requirements-dev.txt", "pytest>=8\n")
                .file("pyproject.toml", "[project]\nname = \"" + project.name() + "\"\nversion = \"0.1.0\"\n"
                        + "dependencies = [\"rich\"]\n")
                .file("app.py", "print('geo')\n");
    }

    /** Every file of the project with its content, to show a failed build wrote nothing. */
    private static Map<String, String> snapshot(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            Map<String, String> out = new TreeMap<>();
            for (Path p : files.toList()) {
                out.put(dir.relativize(p).toString(), Files.isRegularFile(p) ? Files.readString(p) : "<dir>");
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertStopsAtTheBaseImage(ProcessResult r, TestProject project, Map<String, String> before) {
        assertThat(r.exitCode()).as(r.describe()).isEqualTo(6);
        List<String> errors = DockenvCli.linesContaining(r.stderr(), "dockenv: error:");
        assertThat(errors).as(r.describe()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("dockenv: error: cannot pull the base image " + IMAGE + ": ")
                .contains("cannot be reached from the engine"));
        assertThat(DockenvCli.linesContaining(r.stderr(), "dockenv: hint:")).as(r.describe()).singleElement()
                .satisfies(line -> assertThat(line).contains("base-image"));
        assertThat(r.stderr()).as(r.describe()).doesNotContain("Exception").doesNotContain("\tat ")
                .doesNotContain("container engine unreachable").doesNotContain("output of the failing step");
        assertThat(project.images()).as("a failed build tags nothing").isEmpty();
        assertThat(snapshot(project.dir())).as("a failed build writes nothing into the project").isEqualTo(before);
    }

    @Test
    void statusShowsTheCondaEnvironmentAndItsBaseImage() {
        TestProject project = condaProject("condastatus");

        ProcessResult status = dockenv.runOk(project.dir(), "status");

        assertThat(DockenvCli.statusRow(status, "conda")).isEqualTo("environment.yml: 2 conda packages, 2 pip lines "
                + "from conda-forge; built with micromamba");
        assertThat(DockenvCli.statusRow(status, "base image")).isEqualTo(IMAGE);
        assertThat(DockenvCli.statusRow(status, "python")).isEqualTo("3.11 (from environment.yml)");
    }

    @Test
    void buildGetsAsFarAsTheMicromambaImageWithTheDefaultBuilder() {
        TestProject project = condaProject("condabuildkit");
        Map<String, String> before = snapshot(project.dir());

        ProcessResult r = dockenv.run(project.dir(), "build");

        assertThat(r.stderr()).as(r.describe()).contains("dockenv: building " + project.repository() + ":dev-");
        assertStopsAtTheBaseImage(r, project, before);
    }

    @Test
    void buildGetsAsFarAsTheMicromambaImageWithTheLegacyBuilder() {
        TestProject project = condaProject("condalegacy");
        Map<String, String> before = snapshot(project.dir());

        ProcessResult r = dockenv.withEnv("DOCKER_BUILDKIT", "0").run(project.dir(), "build", "--target", "prod");

        assertThat(r.stderr()).as(r.describe()).contains("FROM " + IMAGE + " AS base");
        assertStopsAtTheBaseImage(r, project, before);
    }

    @Test
    void runStopsAtTheSamePointWithTheSameLine() {
        TestProject project = condaProject("condarun");
        Map<String, String> before = snapshot(project.dir());

        ProcessResult r = dockenv.run(project.dir(), "run", "--", "python", "-c", "import numpy");

        assertStopsAtTheBaseImage(r, project, before);
    }

    @Test
    void initWritesWhatPlainDockerBuildReadsAndThatBuildStopsAtTheBaseImage() {
        TestProject project = condaProject("condainit");

        ProcessResult init = dockenv.runOk(project.dir(), "init");

        assertThat(init.stdout()).contains("wrote Dockerfile", "wrote .dockenv/conda/environment.yml",
                "wrote .dockenv/conda/pip-requirements.txt");
        assertThat(project.read(".dockenv/conda/environment.yml")).contains("  - \"numpy>=1.26\"");
        for (String builder : List.of("1", "0")) {
            ProcessResult build = Exec.of(Docker.command(List.of("build", "--target", "dev", "-t",
                            project.repository() + ":plain", ".")))
                    .env("DOCKER_BUILDKIT", builder).dir(project.dir()).timeout(Duration.ofMinutes(2)).run();
            assertThat(build.exitCode()).as(build.describe()).isNotZero();
            String out = build.stdout() + build.stderr();
            // the Dockerfile parsed, the context was read, and the first thing the build needs is the image
            assertThat(out).as(build.describe()).containsAnyOf("load metadata for docker.io/" + IMAGE,
                    "Step 1/", "FROM " + IMAGE).contains("registry-1.docker.io")
                    .doesNotContainIgnoringCase("parse error").doesNotContainIgnoringCase("unknown instruction")
                    .doesNotContain("failed to compute cache key");
        }
        assertThat(Docker.imageExists(project.repository() + ":plain")).isFalse();
    }
}
