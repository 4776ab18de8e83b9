package dev.dockenv.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.engine.Compose;
import dev.dockenv.engine.ComposeProject;
import dev.dockenv.engine.ContainerStatus;
import dev.dockenv.engine.ProcessRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stack's commands against the in-memory engine: names checked, compose's absence told, compose driven. */
class StackCommandsTest {
    @TempDir
    Path tmp;
    Path project;
    CliHarness cli;
    final List<List<String>> composeCalls = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        project = Files.createDirectories(tmp.resolve("shop"));
        Files.writeString(project.resolve(".python-version"), "3.11\n");
        Files.writeString(project.resolve("pyproject.toml"), """
                [project]
                name = "shop"
                version = "0.1"

                [tool.dockenv.services]
                db = "postgres:16"
                cache = "redis:7"
                """);
        cli = new CliHarness(tmp.resolve("cache"));
    }

    private void withCompose() {
        cli.engine.compose = new Compose() {
            @Override
            public String version() {
                return "docker-compose 1.29.2";
            }

            @Override
            public List<String> commandLine(ComposeProject p, List<String> args) {
                List<String> line = new ArrayList<>(List.of("docker-compose"));
                line.addAll(p.options());
                line.addAll(args);
                return line;
            }

            @Override
            public ProcessRunner.Result run(ComposeProject p, List<String> args) {
                composeCalls.add(List.copyOf(args));
                return new ProcessRunner.Result(0, "", "");
            }

            @Override
            public int attach(ComposeProject p, List<String> args) {
                composeCalls.add(List.copyOf(args));
                return 0;
            }
        };
    }

    @Test
    void withoutComposeTheStackIsExitElevenWithHowToGetIt() {
        assertThat(cli.run(project, "ps")).isEqualTo(11);
        assertThat(cli.err).contains("the services of shop (db, cache) are run by docker compose, which is not installed")
                .contains("hint: install the compose plugin");
    }

    @Test
    void anUnknownNameIsAUsageErrorWithASuggestion() {
        withCompose();
        assertThat(cli.run(project, "logs", "cahce")).isEqualTo(2);
        assertThat(cli.err).contains("unknown service 'cahce'", "did you mean 'cache'?");
        assertThat(cli.run(project, "exec", "dbb", "psql")).isEqualTo(2);
        assertThat(cli.run(project, "up", "-d", "web")).isEqualTo(2);
        assertThat(composeCalls).isEmpty();
    }

    @Test
    void aProjectWithoutServicesHasNoStack() throws Exception {
        Files.writeString(project.resolve("pyproject.toml"), "[project]\nname = \"shop\"\nversion = \"0.1\"\n");
        assertThat(cli.run(project, "down")).isEqualTo(2);
        assertThat(cli.err).contains("shop has no services", "[tool.dockenv.services]");
    }

    @Test
    void downAndDownVolumesGoThroughComposeAndVolumesForgetThePasswords() throws Exception {
        withCompose();
        Path secrets = project.resolve(".dockenv/stack/secrets.env");
        assertThat(cli.run(project, "down")).isZero();
        assertThat(composeCalls).containsExactly(List.of("down", "--remove-orphans"));
        assertThat(project.resolve(".dockenv/stack/compose.yaml")).exists();
        assertThat(secrets).exists();
        assertThat(cli.run(project, "down", "--volumes")).isZero();
        assertThat(composeCalls.get(1)).isEqualTo(List.of("down", "--remove-orphans", "--volumes"));
        assertThat(secrets).doesNotExist();
    }

    @Test
    void theStacksFilesAreOutOfGitEvenWithoutPasswords() throws Exception {
        withCompose();
        Files.writeString(project.resolve("pyproject.toml"), "[project]\nname = \"shop\"\nversion = \"0.1\"\n\n"
                + "[tool.dockenv.services]\ncache = \"redis:7\"\n");
        assertThat(cli.run(project, "ps")).isZero();
        assertThat(project.resolve(".dockenv/stack/compose.yaml")).exists();
        assertThat(project.resolve(".dockenv/stack/secrets.env")).doesNotExist();
        assertThat(Files.readAllLines(project.resolve(".dockenv/stack/.gitignore"))).contains("*");
    }

    @Test
    void statusListsTheServicesWhetherTheyRunAndWhatTheAppGets() {
        String stack = dev.dockenv.stack.StackPlanner.composeProject("shop", project);
        cli.engine.containers.put(stack, List.of(new ContainerStatus("1", "db", "running", "Up 5 minutes (healthy)")));
        assertThat(cli.run(project, "status")).isZero();
        assertThat(cli.out).contains("services    db: postgres:16 (preset: postgres), up 5 minutes (healthy)\n",
                "            cache: redis:7 (preset: redis), not running\n",
                "stack       " + stack + "; the app depends on db, cache and gets DATABASE_URL, PGDATABASE, PGHOST, "
                        + "PGPASSWORD, PGPORT, PGUSER, REDIS_URL\n");
        assertThat(project.resolve(".dockenv/stack")).as("status writes nothing").doesNotExist();
    }

    @Test
    void upOfServicesStartsThemAndWaitsForThem() {
        withCompose();
        String stack = dev.dockenv.stack.StackPlanner.composeProject("shop", project);
        cli.engine.containers.put(stack, List.of(new ContainerStatus("1", "db", "running", "Up (healthy)"),
                new ContainerStatus("2", "cache", "running", "Up (healthy)")));
        assertThat(cli.run(project, "up", "-d", "db")).isZero();
        assertThat(composeCalls).as("a compose file compose has not applied: every running service brought up to date")
                .containsExactly(List.of("up", "-d", "--no-build", "--no-color", "db", "cache"));
        assertThat(cli.err).contains("dockenv: Updating db, cache");
        assertThat(project.resolve(".dockenv/stack/applied")).exists();
        composeCalls.clear();
        assertThat(cli.run(project, "up", "-d", "db")).isZero();
        assertThat(composeCalls).as("the same file, already ready: nothing to start").isEmpty();
        cli.engine.containers.put(stack, List.of(new ContainerStatus("1", "db", "exited", "Exited (1) 1 second ago"),
                new ContainerStatus("2", "cache", "running", "Up (healthy)")));
        // db is not running: compose is asked to start it, and it stops again
        assertThat(cli.run(project, "up", "-d", "db")).isEqualTo(10);
        assertThat(composeCalls.get(0)).isEqualTo(List.of("up", "-d", "--no-build", "--no-color", "db"));
        assertThat(composeCalls.get(composeCalls.size() - 1)).isEqualTo(List.of("stop", "db"));
    }

    /**
     * What compose applied is remembered per engine: services running on a second engine (-H) are
     * brought up to date there too, not taken as current because the first engine's are.
     */
    @Test
    void eachEngineGetsTheComposeFileApplied() {
        withCompose();
        FakeEngine server = new FakeEngine();
        server.compose = cli.engine.compose;
        cli.engines.put("unix:///run/dockenv-server/docker.sock", server);
        String stack = dev.dockenv.stack.StackPlanner.composeProject("shop", project);
        List<ContainerStatus> running = List.of(new ContainerStatus("1", "db", "running", "Up (healthy)"),
                new ContainerStatus("2", "cache", "running", "Up (healthy)"));
        cli.engine.containers.put(stack, running);
        server.containers.put(stack, running);
        assertThat(cli.run(project, "up", "-d", "db")).as(cli.err).isZero();
        assertThat(composeCalls).containsExactly(List.of("up", "-d", "--no-build", "--no-color", "db", "cache"));
        composeCalls.clear();

        assertThat(cli.run(project, "-H", "unix:///run/dockenv-server/docker.sock", "up", "-d", "db")).as(cli.err).isZero();
        assertThat(composeCalls).as("the server's running services brought up to date there")
                .containsExactly(List.of("up", "-d", "--no-build", "--no-color", "db", "cache"));
        composeCalls.clear();
        assertThat(cli.run(project, "up", "-d", "db")).as(cli.err).isZero();
        assertThat(cli.run(project, "-H", "unix:///run/dockenv-server/docker.sock", "up", "-d", "db")).isZero();
        assertThat(composeCalls).as("both engines have it applied: nothing to do on either").isEmpty();
    }
}
