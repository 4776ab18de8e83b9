package dev.dockenv.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.it.support.Docker;
import dev.dockenv.it.support.DockenvCli;
import dev.dockenv.it.support.Exec;
import dev.dockenv.it.support.ItWorkspace;
import dev.dockenv.it.support.LocalPackageIndex;
import dev.dockenv.it.support.ProcessResult;
import dev.dockenv.it.support.TestProject;
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
 * {@code dockenv init} writes a Dockerfile, .dockerignore and compose.yaml that stand on their own
 * (plain {@code docker build --target dev}, {@code docker-compose config}), refuses to overwrite
 * without --force, and afterwards dockenv builds from the user's Dockerfile; a hand-written
 * multi-stage Dockerfile is used as is, {@code --target} choosing its stage.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InitIT {
    private static final List<String> WRITTEN = List.of("Dockerfile", ".dockerignore", "compose.yaml");

    private ItWorkspace ws;
    private LocalPackageIndex index;
    private DockenvCli dockenv;
    private TestProject project;
    private ProcessResult init;

    @BeforeAll
    void initOnce() {
        Docker.requireEngine();
        ws = ItWorkspace.open("dockenv-initit", "greeting-1.0.0", "devtool-0.3.0");
        index = ws.index();
        dockenv = ws.dockenv();
        project = ws.project("init");
        project.file("pyproject.toml", """
                [project]
                name = "%s"
                version = "0.1.0"
                dependencies = ["greeting"]

                [tool.dockenv]
                index-url = "%s"
                command = ["python", "app.py"]
                ports = [8000]
                env = { APP_MODE = "compose $HOME" }
                """.formatted(project.name(), index.url()))
                .file("requirements-dev.txt", "devtool\n")
                .file("app.py", "import greeting\nprint(greeting.hello('init'))\n");
        init = dockenv.run(project.dir(), "init");
    }

    @AfterAll
    void cleanUp() {
        ItWorkspace.closeIfOpened(ws);
    }

    @Test
    @Order(1)
    void initWritesTheDockerfileDockerignoreAndComposeFile() {
        assertThat(init.exitCode()).as(init.describe()).isZero();
        for (String f : WRITTEN) {
            assertThat(project.path(f)).isRegularFile();
            assertThat(init.stdout()).contains("wrote " + f);
        }
        assertThat(project.read("Dockerfile")).contains("AS base", "AS dev", "AS prod");
        assertThat(project.images()).as("init builds nothing").isEmpty();
    }

    @Test
    @Order(2)
    void initRefusesToOverwriteWithoutForce() {
        project.file("Dockerfile", project.read("Dockerfile") + "# my own edit\n");

        ProcessResult again = dockenv.run(project.dir(), "init");

        assertThat(again.exitCode()).as(again.describe()).isEqualTo(7);
        assertThat(again.stderr()).contains("Dockerfile", "--force");
        assertThat(project.read("Dockerfile")).as("nothing was written").endsWith("# my own edit\n");

        ProcessResult forced = dockenv.run(project.dir(), "init", "--force");
        assertThat(forced.exitCode()).as(forced.describe()).isZero();
        assertThat(project.read("Dockerfile")).doesNotContain("# my own edit");
    }

    @Test
    @Order(3)
    void theWrittenDockerfileBuildsWithPlainDockerBuild() {
        String tag = project.repository() + ":plain-docker-build";
        ProcessResult build = Exec.of(Docker.command(List.of("build", "--target", "dev",
                        "--build-arg", "PIP_INDEX_URL=" + index.url(), "--network", "host",
                        "--label", TestProject.LABEL_PROJECT + "=" + project.name(), "-t", tag, ".")))
                .env("DOCKER_BUILDKIT", "1").dir(project.dir()).timeout(Duration.ofMinutes(4)).run();
        assertThat(build.exitCode()).as(build.describe()).isZero();

        ProcessResult run = Docker.run("run", "--rm", "-v", project.dir() + ":/app", tag, "sh", "-c",
                "devtool && python app.py && echo \"$APP_MODE\"");
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.stdout()).startsWith("devtool ok\nhello, init\n");
        assertThat(run.stdout()).as("[tool.dockenv] env values are literal strings, as in compose.yaml ($$)")
                .isEqualTo("devtool ok\nhello, init\ncompose $HOME\n");
    }

    @Test
    @Order(4)
    void theWrittenComposeFileValidates() {
        ProcessResult config = Exec.of("docker-compose", "-f", "compose.yaml", "config").dir(project.dir())
                .timeout(Duration.ofMinutes(1)).run();
        assertThat(config.exitCode()).as(config.describe()).isZero();
        assertThat(config.stdout()).as(config.describe())
                .contains("app:", "target: dev", project.repository() + ":dev", "/app")
                .contains("127.0.0.1:8000:8000")
                // config prints a compose file again, where $$ is a literal $: the value stays "compose $HOME"
                .contains("APP_MODE: compose $$HOME");
    }

    @Test
    @Order(5)
    void afterInitDockenvBuildsFromTheUsersDockerfile() {
        ProcessResult status = dockenv.runOk(project.dir(), "status");
        assertThat(DockenvCli.statusRow(status, "dockerfile")).isEqualTo("Dockerfile (yours)");

        ProcessResult run = dockenv.run(project.dir(), "run", "--", "sh", "-c", "devtool && python app.py");
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.stdout()).isEqualTo("devtool ok\nhello, init\n");
        assertThat(run.stderr()).contains("your Dockerfile");

        // the user's Dockerfile is what gets built: an edit to it is a new image
        String dockerfile = project.read("Dockerfile");
        assertThat(dockerfile).contains(" AS dev\n");
        project.file("Dockerfile", dockerfile.replace(" AS dev\n", " AS dev\nRUN echo edited > /edited.txt\n"));
        ProcessResult edited = dockenv.run(project.dir(), "run", "--", "cat", "/edited.txt");
        assertThat(edited.exitCode()).as(edited.describe()).isZero();
        assertThat(edited.stdout()).isEqualTo("edited\n");
    }

    @Test
    void aHandWrittenDockerfileIsUsedWithTargetChoosingTheStage() {
        TestProject custom = ws.project("custom");
        custom.file("requirements.txt", "greeting==1.0.0\n")
                .file("Dockerfile", """
                        FROM python:3.11-slim AS base
                        ARG PIP_INDEX_URL
                        COPY requirements.txt /tmp/requirements.txt
                        RUN python3 -m venv /opt/venv && /opt/venv/bin/pip install -r /tmp/requirements.txt
                        ENV PATH=/opt/venv/bin:$PATH
                        RUN echo base > /stage.txt

                        FROM base AS tools
                        RUN echo tools > /stage.txt

                        FROM base AS dev
                        RUN echo dev > /stage.txt

                        FROM base AS release
                        RUN echo release > /stage.txt
                        """);
        DockenvCli withIndex = dockenv.withEnv("PIP_INDEX_URL", index.url());

        ProcessResult status = withIndex.runOk(custom.dir(), "status");
        assertThat(DockenvCli.statusRow(status, "dockerfile")).isEqualTo("Dockerfile (yours)");
        ProcessResult dev = withIndex.run(custom.dir(), "run", "--", "sh", "-c",
                "cat /stage.txt && python -c 'import greeting; print(greeting.hello(\"custom\"))'");
        assertThat(dev.exitCode()).as(dev.describe()).isZero();
        assertThat(dev.stdout()).as("dev is the default stage when there is one").isEqualTo("dev\nhello, custom\n");

        ProcessResult tools = withIndex.run(custom.dir(), "run", "--target", "tools", "--", "cat", "/stage.txt");
        assertThat(tools.exitCode()).as(tools.describe()).isZero();
        assertThat(tools.stdout()).isEqualTo("tools\n");

        ProcessResult release = withIndex.run(custom.dir(), "build", "--target", "release");
        assertThat(release.exitCode()).as(release.describe()).isZero();
        String ref = release.stdout().strip();
        assertThat(Docker.runOk("run", "--rm", ref, "cat", "/stage.txt").stdout()).isEqualTo("release\n");
        assertThat(Docker.imageLabels(ref)).containsEntry("dev.dockenv.target", "release");

        ProcessResult unknown = withIndex.run(custom.dir(), "run", "--target", "nope", "--", "true");
        assertThat(unknown.exitCode()).as(unknown.describe()).isEqualTo(2);
        assertThat(unknown.stderr()).contains("nope", "tools", "dev");
    }
}
