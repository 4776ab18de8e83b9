package dev.dockenv.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.it.support.Docker;
import dev.dockenv.it.support.DockenvCli;
import dev.dockenv.it.support.ItWorkspace;
import dev.dockenv.it.support.LocalPackageIndex;
import dev.dockenv.it.support.ProcessResult;
import dev.dockenv.it.support.Stacks;
import dev.dockenv.it.support.TestProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The launcher's warm run without a JVM (bin/dockenv, the record the JVM leaves in
 * {@code fast-runs/}), on the real engine: a warm {@code dockenv run} execs docker directly, and
 * every input the JVM would notice sends the run back to the JVM, which gets it right. Which way
 * each run went is read from {@code DOCKENV_FAST_TRACE}: "fast", or "jvm: " and the reason.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LauncherFastPathIT {
    private static final String VERSION = "import greeting; print(greeting.__version__)";

    private ItWorkspace ws;
    private LocalPackageIndex index;
    private TestProject project;
    private Path trace;
    private DockenvCli dockenv;
    private final List<TestProject> stacks = new ArrayList<>();

    @BeforeAll
    void setUp() throws IOException {
        Docker.requireEngine();
        ws = ItWorkspace.open("dockenv-fastpathit", "greeting-1.0.0", "greeting-1.1.0");
        index = ws.index();
        trace = ws.path("trace.txt");
        dockenv = ws.dockenv().withEnv("DOCKENV_FAST_TRACE", trace.toString());
        project = ws.project("fast")
                .file("requirements.txt", "--index-url " + index.url() + "\ngreeting==1.0.0\n")
                .file("app.py", "import greeting\nprint('app', greeting.__version__)\n")
                .mkdirs("sub");
    }

    @AfterAll
    void cleanUp() {
        stacks.forEach(p -> Stacks.remove(p.name()));
        ItWorkspace.closeIfOpened(ws);
    }

    /** Runs dockenv and returns the way the launcher went ("fast" or "jvm: why"), the run checked ok. */
    private String way(DockenvCli cli, Path dir, String expectedOut, String... args) {
        int before = traceLines().size();
        ProcessResult r = cli.run(dir, args);
        assertThat(r.exitCode()).as(r.describe()).isZero();
        assertThat(r.stdout()).as(r.describe()).isEqualTo(expectedOut);
        return lastWay(before);
    }

    private String lastWay(int before) {
        List<String> lines = traceLines();
        assertThat(lines).as("one trace line for the run").hasSize(before + 1);
        return lines.get(lines.size() - 1);
    }

    private List<String> traceLines() {
        try {
            return Files.exists(trace) ? Files.readAllLines(trace) : List.of();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The engine's tag record, when this test may read it (the launcher then stamps it instead of asking). */
    private static Optional<Path> engineTagRecord() {
        String[] where = Docker.runOk("info", "--format", "{{.Driver}} {{.DockerRootDir}}").stdout().strip().split(" ", 2);
        Path record = Path.of(where[1], "image", where[0], "repositories.json");
        return Files.isReadable(record) ? Optional.of(record) : Optional.empty();
    }

    private String record(Path dir, String command) {
        try {
            return Files.readString(dockenv.cacheDir().resolve("fast-runs" + dir).resolve("cmd-" + command));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String version(String dirVersion) {
        return dirVersion + "\n";
    }

    @Test
    @Order(1)
    void aWarmRunExecsDockerWithoutTheJvmAndTheRecordServesOtherArgumentsOfTheCommand() {
        assertThat(way(dockenv, project.dir(), version("1.0.0"), "run", "--", "python", "-c", VERSION))
                .isEqualTo("jvm: no record");
        assertThat(way(dockenv, project.dir(), version("1.0.0"), "run", "--", "python", "-c", VERSION)).isEqualTo("fast");
        assertThat(dockenv.cacheDir().resolve("fast-runs" + project.dir()).resolve("cmd-python")).isRegularFile();
        // other arguments, stdin and the exit code: the same record, the command's own behaviour
        int before = traceLines().size();
        ProcessResult exit = dockenv.run(project.dir(), "run", "python", "-c", "import sys; sys.exit(3)");
        assertThat(exit.exitCode()).as(exit.describe()).isEqualTo(3);
        assertThat(lastWay(before)).isEqualTo("fast");
        before = traceLines().size();
        ProcessResult echo = dockenv.exec(project.dir(), "run", "--", "python", "-c", "import sys; print(sys.stdin.read())")
                .stdin("from stdin").run();
        assertThat(echo.stdout()).as(echo.describe()).isEqualTo("from stdin\n");
        assertThat(lastWay(before)).isEqualTo("fast");
        // a script file is python's: the same record
        assertThat(way(dockenv, project.dir(), "app 1.0.0\n", "run", "app.py")).isEqualTo("fast");
        // another command has a record of its own (its hint when it is missing is its own)
        assertThat(way(dockenv, project.dir(), "x\n", "run", "--", "sh", "-c", "echo x")).isEqualTo("jvm: no record");
        assertThat(way(dockenv, project.dir(), "y\n", "run", "--", "sh", "-c", "echo y")).isEqualTo("fast");
        before = traceLines().size();
        ProcessResult missing = dockenv.run(project.dir(), "run", "--", "no-such-tool");
        assertThat(missing.exitCode()).isEqualTo(127);
        assertThat(missing.stderr()).contains("no-such-tool: command not found in the environment");
        assertThat(lastWay(before)).isEqualTo("jvm: no record");
        before = traceLines().size();
        assertThat(dockenv.run(project.dir(), "run", "--", "no-such-tool").stderr())
                .contains("no-such-tool: command not found in the environment", "dockenv add --dev no-such-tool");
        assertThat(lastWay(before)).isEqualTo("fast");
    }

    @Test
    @Order(2)
    void anOptionOrAMissingCommandAlwaysTakesTheJvm() {
        assertThat(way(dockenv, project.dir(), "1\n", "run", "-e", "X=1", "--", "sh", "-c", "echo $X"))
                .isEqualTo("jvm: options");
        assertThat(way(dockenv, project.dir(), "hi\n", "run", "--rebuild", "--", "echo", "hi")).isEqualTo("jvm: options");
    }

    @Test
    @Order(3)
    void anEditedRequirementsFileTakesTheJvmWhichBuildsTheChange() {
        project.file("requirements.txt", "--index-url " + index.url() + "\ngreeting==1.1.0\n");
        assertThat(way(dockenv, project.dir(), version("1.1.0"), "run", "--", "python", "-c", VERSION))
                .isEqualTo("jvm: inputs");
        assertThat(way(dockenv, project.dir(), version("1.1.0"), "run", "--", "python", "-c", VERSION)).isEqualTo("fast");
    }

    @Test
    @Order(4)
    void aScratchFileBesideTheProjectCostsOneJvmRunThenTheFolderIsStampedAgain() throws IOException {
        project.file("notes.txt", "todo\n");
        assertThat(way(dockenv, project.dir(), version("1.1.0"), "run", "--", "python", "-c", VERSION))
                .isEqualTo("jvm: inputs");
        assertThat(way(dockenv, project.dir(), version("1.1.0"), "run", "--", "python", "-c", VERSION)).isEqualTo("fast");
        project.delete("notes.txt");
    }

    @Test
    @Order(5)
    void inlineScriptMetadataIsTheJvmsToRead() {
        project.file("tool.py", "# /// script\n# requires-python = \">=3.11,<3.12\"\n# dependencies = []\n# ///\n"
                + "print('tool')\n");
        assertThat(way(dockenv, project.dir(), "tool\n", "run", "tool.py")).isEqualTo("jvm: script metadata");
        assertThat(way(dockenv, project.dir(), "tool\n", "run", "tool.py")).isEqualTo("jvm: script metadata");
        project.file("tool.py", "import greeting\nprint('tool', greeting.__version__)\n");
        assertThat(way(dockenv, project.dir(), "tool 1.1.0\n", "run", "tool.py")).as("tool.py is new in the folder")
                .isEqualTo("jvm: inputs");
        assertThat(way(dockenv, project.dir(), "tool 1.1.0\n", "run", "tool.py")).isEqualTo("fast");
    }

    @Test
    @Order(6)
    void theVariablesThatChangeARunTakeTheJvm() {
        String[] run = {"run", "--", "python", "-c", VERSION};
        assertThat(way(dockenv.withEnv("DOCKER_HOST", "unix:///var/run/docker.sock"), project.dir(), version("1.1.0"), run))
                .isEqualTo("jvm: conditions");
        assertThat(way(dockenv.withEnv("DOCKER_HOST", "unix:///var/run/docker.sock"), project.dir(), version("1.1.0"), run))
                .isEqualTo("fast");
        assertThat(way(dockenv, project.dir(), version("1.1.0"), run)).isEqualTo("jvm: conditions");
        assertThat(way(dockenv.withEnv("PIP_TRUSTED_HOST", "127.0.0.1"), project.dir(), version("1.1.0"), run))
                .isEqualTo("jvm: conditions");
        assertThat(way(dockenv.withEnv("DOCKENV_PYTHON", "3.11"), project.dir(), version("1.1.0"), run))
                .isEqualTo("jvm: conditions");
        assertThat(way(dockenv, project.dir(), version("1.1.0"), run)).isEqualTo("jvm: conditions");
        assertThat(way(dockenv, project.dir(), version("1.1.0"), run)).isEqualTo("fast");
    }

    @Test
    @Order(7)
    void aTerminalIsAConditionOfItsOwn() {
        String[] tty = {"run", "--", "python", "-c", "import sys; print('tty', sys.stdin.isatty())"};
        int before = traceLines().size();
        ProcessResult first = dockenv.runInTerminal(project.dir(), tty);
        assertThat(first.stdout()).as(first.describe()).contains("tty True");
        assertThat(lastWay(before)).isEqualTo("jvm: conditions");
        before = traceLines().size();
        ProcessResult second = dockenv.runInTerminal(project.dir(), tty);
        assertThat(second.stdout()).as(second.describe()).contains("tty True");
        assertThat(lastWay(before)).isEqualTo("fast");
        assertThat(way(dockenv, project.dir(), "tty False\n", tty)).isEqualTo("jvm: conditions");
    }

    @Test
    @Order(8)
    void aRemovedImageTakesTheJvmWhichBuildsItAgain() {
        List<String> images = project.images();
        assertThat(images).isNotEmpty();
        List<String> rmi = new ArrayList<>(List.of("rmi", "-f"));
        images.forEach(line -> rmi.add(line.split("\\s+")[0]));
        Docker.runOk(rmi);
        // where the launcher reads the engine's tag record, the record changed; else the engine's answer did
        assertThat(way(dockenv, project.dir(), version("1.1.0"), "run", "--", "python", "-c", VERSION))
                .isEqualTo(engineTagRecord().isPresent() ? "jvm: inputs" : "jvm: engine");
        assertThat(way(dockenv, project.dir(), version("1.1.0"), "run", "--", "python", "-c", VERSION)).isEqualTo("fast");
    }

    @Test
    @Order(9)
    void aProjectCreatedInTheFolderTheRunStartsInTakesTheJvm() {
        Path sub = project.path("sub");
        assertThat(way(dockenv, sub, version("1.1.0"), "run", "--", "python", "-c", VERSION)).isEqualTo("jvm: no record");
        assertThat(way(dockenv, sub, version("1.1.0"), "run", "--", "python", "-c", VERSION)).isEqualTo("fast");
        project.file("sub/.python-version", "3.11\n");
        assertThat(way(dockenv, sub, version("1.1.0"), "run", "--", "python", "-c", VERSION)).as("no marker")
                .isEqualTo("fast");
        project.file("sub/requirements.txt", "--index-url " + index.url() + "\ngreeting==1.0.0\n");
        assertThat(way(dockenv, sub, version("1.0.0"), "run", "--", "python", "-c", VERSION)).isEqualTo("jvm: inputs");
        assertThat(way(dockenv, sub, version("1.0.0"), "run", "--", "python", "-c", VERSION)).isEqualTo("fast");
        project.delete("sub/requirements.txt").delete("sub/.python-version");
        assertThat(way(dockenv, sub, version("1.1.0"), "run", "--", "python", "-c", VERSION)).isEqualTo("jvm: inputs");
    }

    @Test
    @Order(10)
    void anotherContextInTheClientsConfigurationTakesTheJvm() throws IOException {
        Path config = Files.createDirectories(ws.path("docker-config"));
        DockenvCli withConfig = dockenv.withEnv("DOCKER_CONFIG", config.toString());
        String[] run = {"run", "--", "python", "-c", VERSION};
        assertThat(way(withConfig, project.dir(), version("1.1.0"), run)).isEqualTo("jvm: conditions");
        assertThat(way(withConfig, project.dir(), version("1.1.0"), run)).isEqualTo("fast");
        Docker.runOk("--config", config.toString(), "context", "create", "same-engine", "--docker",
                "host=unix:///var/run/docker.sock");
        Docker.runOk("--config", config.toString(), "context", "use", "same-engine");
        assertThat(way(withConfig, project.dir(), version("1.1.0"), run)).isEqualTo("jvm: inputs");
        assertThat(way(withConfig, project.dir(), version("1.1.0"), run)).isEqualTo("fast");
        Docker.runOk("--config", config.toString(), "context", "update", "same-engine", "--description", "changed");
        assertThat(way(withConfig, project.dir(), version("1.1.0"), run)).isEqualTo("jvm: inputs");
    }

    @Test
    @Order(11)
    void aNewBuildOfDockenvTakesTheJvm() throws IOException {
        Path home = ws.path("dockenv-home");
        Files.createDirectories(home.resolve("bin"));
        Files.createDirectories(home.resolve("target"));
        Path launcher = dockenv.launcher();
        Files.copy(launcher, home.resolve("bin/dockenv"), StandardCopyOption.COPY_ATTRIBUTES);
        Path jar = home.resolve("target/dockenv.jar");
        Files.copy(launcher.getParent().getParent().resolve("target/dockenv.jar"), jar, StandardCopyOption.COPY_ATTRIBUTES);
        DockenvCli copy = DockenvCli.at(home, dockenv.cacheDir()).withEnv("DOCKENV_FAST_TRACE", trace.toString());
        String[] run = {"run", "--", "python", "-c", VERSION};
        assertThat(way(copy, project.dir(), version("1.1.0"), run)).isEqualTo("jvm: conditions");
        assertThat(way(copy, project.dir(), version("1.1.0"), run)).isEqualTo("fast");
        String dockenvVersion = copy.runOk(project.dir(), "--version").stdout();
        assertThat(dockenvVersion).startsWith("dockenv ");
        assertThat(way(copy, project.dir(), dockenvVersion, "--version")).isEqualTo("fast version");
        assertThat(way(copy, project.dir(), dockenvVersion, "-V")).isEqualTo("fast version");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(10)));
        assertThat(way(copy, project.dir(), version("1.1.0"), run)).isEqualTo("jvm: inputs");
        assertThat(way(copy, project.dir(), version("1.1.0"), run)).isEqualTo("fast");
        assertThat(way(copy, project.dir(), dockenvVersion, "--version")).isEqualTo("jvm: version");
        assertThat(way(copy, project.dir(), dockenvVersion, "--version")).isEqualTo("fast version");
    }

    @Test
    @Order(12)
    void whereTheEnginesFilesCanBeReadTheirStampsStandForTheEnginesAnswerAndATagMadeElsewhereCostsOneJvmRun() {
        Optional<Path> tags = engineTagRecord();
        Assumptions.assumeTrue(tags.isPresent(), "the engine's files are not readable here (not root, or not local)");
        String[] run = {"run", "--", "python", "-c", VERSION};
        way(dockenv, project.dir(), version("1.1.0"), run); // the record of this launcher (the last test's was another)
        assertThat(way(dockenv, project.dir(), version("1.1.0"), run)).isEqualTo("fast");
        List<String> fields = List.of(record(project.dir(), "python").split("\0", -1));
        assertThat(fields).as("the tag record and the socket are stamped").contains(tags.get().toString(),
                "/var/run/docker.sock");
        assertThat(fields).as("no docker client is asked").noneMatch(f -> f.equals("{{.Id}}"));
        String image = project.images().get(0).split("\\s+")[0];
        Docker.runOk("tag", image, "dockenv-fastpathit-elsewhere:1");
        try {
            assertThat(way(dockenv, project.dir(), version("1.1.0"), run)).isEqualTo("jvm: inputs");
            assertThat(way(dockenv, project.dir(), version("1.1.0"), run)).isEqualTo("fast");
        } finally {
            Docker.run("rmi", "dockenv-fastpathit-elsewhere:1");
        }
    }

    @Test
    @Order(13)
    void servicesThatStoppedOrGotUnhealthyTakeTheJvmWhichStartsThemAgain() {
        TestProject p = ws.project("fastsvc");
        p.file("pyproject.toml", """
                [project]
                name = "%s"
                version = "0.1"

                [tool.dockenv.services]
                cache = { image = "redis:7", healthcheck = { test = "redis-cli ping", interval = "1s" } }
                plain = "redis:7"
                """.formatted(p.name()));
        stacks.add(p);
        String[] run = {"run", "--", "python", "-c", "import os; print(os.environ['CACHE_REDIS_URL'][:8])"};
        assertThat(way(dockenv, p.dir(), "redis://\n", run)).isEqualTo("jvm: no record");
        assertThat(way(dockenv, p.dir(), "redis://\n", run)).isEqualTo("fast");
        List<String> projects = Stacks.projects(p.name());
        assertThat(projects).hasSize(1);
        String cache = Docker.runOk("ps", "-q", "--filter", "label=com.docker.compose.project=" + projects.get(0),
                "--filter", "label=com.docker.compose.service=cache").stdout().strip();
        if (engineTagRecord().isPresent()) {
            List<String> fields = List.of(record(p.dir(), "python").split("\0", -1));
            assertThat(fields).as("each service's container file is read, no docker client asked")
                    .anyMatch(f -> f.startsWith("/") && f.contains("/containers/" + cache))
                    .noneMatch(f -> f.equals("inspect"));
        }
        Docker.runOk("stop", cache);
        assertThat(way(dockenv, p.dir(), "redis://\n", run)).isEqualTo(engineTagRecord().isPresent() ? "jvm: services"
                : "jvm: engine");
        assertThat(Stacks.running(projects.get(0))).containsExactlyInAnyOrder("cache running", "plain running");
        assertThat(way(dockenv, p.dir(), "redis://\n", run)).isEqualTo("fast");
    }
}
