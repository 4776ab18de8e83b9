package dev.dockenv.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.GitRepo;
import dev.dockenv.engine.ServiceUpdate;
import dev.dockenv.engine.StackService;
import dev.dockenv.engine.StackTask;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dockenv deploy swarm against in-memory engines: what it refuses before building, what it hands
 * docker stack deploy, how many replicas, and how it tells a finished rollout from a rolled back
 * one. (DeploySwarmIT runs it on a real Swarm.)
 */
class DeploySwarmCommandTest {
    private static final String SERVER = "tcp://manager.example.com:2375";
    private static final String IMAGE = "registry.example.com/team/shop:1.4.0";
    private static final String DIGEST = "@sha256:" + "a".repeat(64);

    @TempDir
    Path tmp;

    private Path project() throws Exception {
        Path dir = tmp.resolve("shop");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("pyproject.toml"), """
                [project]
                name = "shop"
                version = "1.4.0"
                dependencies = []

                [tool.dockenv]
                command = ["python", "app.py"]
                ports = [8000]

                [tool.dockenv.release]
                repository = "registry.example.com/team/shop"

                [tool.dockenv.services]
                db = { image = "postgres:16", deploy = true }
                """);
        Files.writeString(dir.resolve("app.py"), "print('shop')\n");
        Files.writeString(dir.resolve(".gitignore"), "prod.env\n");
        GitRepo.commitAll(dir, "first");
        Files.writeString(dir.resolve("prod.env"), "DOCKENV_SECRET_DB=s3cret\nGREETING=hello\n");
        return dir;
    }

    private static CliHarness harness(Path cache, FakeEngine manager) {
        CliHarness cli = new CliHarness(cache);
        cli.engine.pipInspect = "{\"version\": \"1\", \"pip_version\": \"23.0.1\", \"installed\": []}";
        cli.engines.put(SERVER, manager);
        return cli;
    }

    /** What Swarm does with a deploy: every service converged, {@code replicas} tasks of the deployed image running. */
    private static void converges(FakeEngine manager, int replicas) {
        manager.afterStackDeploy = stack -> {
            manager.stackServices.put(stack, List.of(new StackService(stack + "_app", "replicated", replicas, replicas,
                    IMAGE), new StackService(stack + "_db", "replicated", 1, 1, "postgres:16")));
            List<StackTask> tasks = new ArrayList<>();
            for (int i = 1; i <= replicas; i++) {
                tasks.add(new StackTask("t" + i, stack + "_app." + i, IMAGE + DIGEST, "running", "running", ""));
            }
            manager.stackTasks.put(stack, tasks);
        };
    }

    @Test
    void anEngineThatIsNoSwarmManagerIsRefusedBeforeAnythingIsBuilt() throws Exception {
        Path dir = project();
        FakeEngine manager = new FakeEngine();
        manager.swarmManager = false;
        CliHarness cli = harness(tmp.resolve("cache"), manager);

        int code = cli.run(dir, "-H", SERVER, "deploy", "swarm");

        assertThat(code).as(cli.err).isEqualTo(13);
        assertThat(cli.err).contains("the engine at " + SERVER + " (-H) is not a Swarm manager", "docker swarm init");
        assertThat(cli.engine.builds).isEmpty();
        assertThat(cli.engine.pushes).isEmpty();
        assertThat(manager.stackDeploys).isEmpty();
    }

    @Test
    void theReleaseIsPushedThenDeployedAsAStackWithTheEnvFilesVariablesForInterpolation() throws Exception {
        Path dir = project();
        FakeEngine manager = new FakeEngine();
        converges(manager, 2);
        CliHarness cli = harness(tmp.resolve("cache"), manager);

        int code = cli.run(dir, "-H", SERVER, "deploy", "swarm", "--replicas", "2", "--env-file", "prod.env");

        assertThat(code).as(cli.err).isZero();
        assertThat(cli.engine.builds).as("built by the local engine").isNotEmpty();
        assertThat(cli.engine.pushes).contains(IMAGE);
        assertThat(manager.builds).isEmpty();
        String file = Files.readString(dir.resolve("deploy/stack.yaml"));
        assertThat(manager.stackDeploys.get("shop")).containsExactly(file);
        assertThat(file).contains("image: \"" + IMAGE + "\"", "      replicas: 2\n", "      - \"../prod.env\"\n",
                "${DOCKENV_SECRET_DB:?").doesNotContain("s3cret");
        assertThat(manager.stackVariables.get("shop")).containsEntry("DOCKENV_SECRET_DB", "s3cret");
        assertThat(cli.out).contains("app: new " + IMAGE + "\n", "db: new postgres:16\n");
        assertThat(cli.err).contains("the Swarm manager is " + SERVER, "deploying the stack shop to " + SERVER,
                "app runs 2 replicas of " + IMAGE + ", published on port 8000 of every node");
        assertThat(cli.err).doesNotContain("s3cret");
    }

    @Test
    void withoutReplicasAStackKeepsTheNumberItRunsAndANewOneGetsOne() throws Exception {
        Path dir = project();
        FakeEngine manager = new FakeEngine();
        manager.stackServices.put("shop", List.of(new StackService("shop_app", "replicated", 3, 3,
                "registry.example.com/team/shop:1.3.0")));
        converges(manager, 3);
        CliHarness cli = harness(tmp.resolve("cache"), manager);

        assertThat(cli.run(dir, "-H", SERVER, "deploy", "swarm", "-q")).as(cli.err).isZero();
        assertThat(manager.stackDeploys.get("shop").get(0)).contains("      replicas: 3\n");
        assertThat(cli.out).contains("app: registry.example.com/team/shop:1.3.0 -> " + IMAGE + "\n");

        FakeEngine fresh = new FakeEngine();
        converges(fresh, 1);
        CliHarness again = harness(tmp.resolve("cache2"), fresh);
        assertThat(again.run(dir, "-H", SERVER, "deploy", "swarm", "-q", "--stack", "shop-b", "--endpoint-mode",
                "dnsrr")).as(again.err).isZero();
        assertThat(fresh.stackDeploys.get("shop-b").get(0)).contains("      replicas: 1\n",
                "      endpoint_mode: \"dnsrr\"\n").doesNotContain("ports:");
        assertThat(again.err).contains("on the network shop-b_default as app");
    }

    @Test
    void anUpdateSwarmRolledBackIsExitTenWithTheTasksErrorsAndLogs() throws Exception {
        Path dir = project();
        FakeEngine manager = new FakeEngine();
        manager.serviceUpdates.put("shop_app", new ServiceUpdate("completed", "2026-12-01T10:00:00Z", "update completed"));
        manager.afterStackDeploy = stack -> {
            manager.stackServices.put(stack, List.of(new StackService("shop_app", "replicated", 1, 1,
                    "registry.example.com/team/shop:1.3.0")));
            manager.stackTasks.put(stack, List.of(
                    new StackTask("n1", "shop_app.1", IMAGE + DIGEST, "shutdown", "failed",
                            "task: non-zero exit (1): dockerexec: unhealthy container"),
                    new StackTask("o1", "shop_app.1", "registry.example.com/team/shop:1.3.0" + DIGEST, "running",
                            "running", "")));
            manager.serviceUpdates.put("shop_app", new ServiceUpdate("rollback_completed", "2026-12-06T10:00:00Z",
                    "rollback completed"));
            manager.serviceLogs.put("shop_app", "shop_app.1.n1@node | Traceback: no module named flask");
        };
        CliHarness cli = harness(tmp.resolve("cache"), manager);

        int code = cli.run(dir, "-H", SERVER, "deploy", "swarm", "-q");

        assertThat(code).as(cli.err).isEqualTo(10);
        assertThat(cli.err).contains("Swarm did not roll out " + IMAGE + " and rolled the app back to its previous "
                + "image (rollback_completed: rollback completed)", "shop_app.1: failed (task: non-zero exit (1)",
                "no module named flask", "hint: the new release runs but its health check fails");
    }

    @Test
    void theHintFollowsWhyTheNewTasksFailed() {
        StackTask unhealthy = new StackTask("a", "s_app.1", IMAGE, "shutdown", "failed", "task: non-zero exit (137): "
                + "dockerexec: unhealthy container");
        StackTask exited = new StackTask("b", "s_app.1", IMAGE, "shutdown", "failed", "task: non-zero exit (1)");
        StackTask unpulled = new StackTask("c", "s_app.1", IMAGE, "shutdown", "rejected", "No such image: " + IMAGE);

        assertThat(DeploySwarmCommand.hint(List.of(unhealthy), "/healthz", "s_app")).contains("health check fails",
                "--health-path /healthz");
        assertThat(DeploySwarmCommand.hint(List.of(exited), "/", "s_app")).contains("stops as it starts");
        assertThat(DeploySwarmCommand.hint(List.of(unpulled), "/", "s_app")).contains("docker login");
        assertThat(DeploySwarmCommand.hint(List.of(), "/", "s_app")).contains("start command");
    }

    @Test
    void anOlderUpdatesRollbackIsNotThisDeploysFailure() throws Exception {
        Path dir = project();
        FakeEngine manager = new FakeEngine();
        ServiceUpdate old = new ServiceUpdate("rollback_completed", "2026-12-01T10:00:00Z", "rollback completed");
        manager.serviceUpdates.put("shop_app", old);
        converges(manager, 1);
        CliHarness cli = harness(tmp.resolve("cache"), manager);

        assertThat(cli.run(dir, "-H", SERVER, "deploy", "swarm", "-q")).as(cli.err).isZero();
    }

    @Test
    void theDeployTableGivesWhatTheOptionsDoNotAndAnOptionWins() throws Exception {
        Path dir = project();
        Files.writeString(dir.resolve("pyproject.toml"), Files.readString(dir.resolve("pyproject.toml")) + """

                [tool.dockenv.deploy]
                env-file = "prod.env"
                health-path = "/healthz"
                replicas = 3
                """);
        GitRepo.commitAll(dir, "deploy settings");
        FakeEngine manager = new FakeEngine();
        converges(manager, 3);
        CliHarness cli = harness(tmp.resolve("cache"), manager);

        assertThat(cli.run(dir, "-H", SERVER, "deploy", "swarm", "-q")).as(cli.err).isZero();
        String file = manager.stackDeploys.get("shop").get(0);
        assertThat(file).contains("      replicas: 3\n", "c.request('GET','/healthz')", "      - \"../prod.env\"\n");
        assertThat(manager.stackVariables.get("shop")).containsEntry("DOCKENV_SECRET_DB", "s3cret");

        converges(manager, 2);
        assertThat(cli.run(dir, "-H", SERVER, "deploy", "swarm", "-q", "--replicas", "2", "--health-path", "/ping"))
                .as(cli.err).isZero();
        assertThat(manager.stackDeploys.get("shop").get(1)).contains("      replicas: 2\n", "c.request('GET','/ping')");

        Files.delete(dir.resolve("prod.env"));
        CliHarness missing = harness(tmp.resolve("cache"), new FakeEngine());
        assertThat(missing.run(dir, "-H", SERVER, "deploy", "swarm")).as(missing.err).isEqualTo(2);
        assertThat(missing.err).contains("the env file " + dir.resolve("prod.env") + " that env-file of the deploy "
                + "settings names (", "pyproject.toml:");
        assertThat(missing.engine.builds).isEmpty();
    }

    @Test
    void aBadEndpointModeReplicasOrTimeoutIsAUsageError() throws Exception {
        Path dir = project();
        for (List<String> args : List.of(List.of("--endpoint-mode", "mesh"), List.of("--replicas", "-1"),
                List.of("--wait-timeout", "0"), List.of("--stack", "Shop App"))) {
            FakeEngine manager = new FakeEngine();
            CliHarness cli = harness(tmp.resolve("cache"), manager);
            List<String> line = new ArrayList<>(List.of("-H", SERVER, "deploy", "swarm"));
            line.addAll(args);

            assertThat(cli.run(dir, line.toArray(String[]::new))).as(args + ": " + cli.err).isEqualTo(2);
            assertThat(cli.err).contains(args.get(0));
            assertThat(cli.engine.builds).isEmpty();
        }
    }

    @Test
    void aRolloutIsDoneWhenEveryWantedTaskRunsTheNewImageAndNoOldOneRuns() {
        List<StackService> services = List.of(new StackService("s_app", "replicated", 2, 2, IMAGE));
        StackTask newOne = new StackTask("a", "s_app.1", IMAGE + DIGEST, "running", "running", "");
        StackTask newTwo = new StackTask("b", "s_app.2", IMAGE + DIGEST, "running", "running", "");
        StackTask starting = new StackTask("c", "s_app.2", IMAGE + DIGEST, "running", "starting", "");
        StackTask oldRunning = new StackTask("d", "s_app.2", "r/shop:1.3.0" + DIGEST, "shutdown", "running", "");
        StackTask oldDone = new StackTask("e", "s_app.2", "r/shop:1.3.0" + DIGEST, "shutdown", "shutdown", "");

        assertThat(SwarmRollout.done(services, List.of(newOne, newTwo, oldDone), IMAGE, 2)).isTrue();
        assertThat(SwarmRollout.done(services, List.of(newOne, starting, oldRunning), IMAGE, 2)).isFalse();
        assertThat(SwarmRollout.done(services, List.of(newOne, newTwo, oldRunning), IMAGE, 2))
                .as("the old task of a start-first update still runs").isFalse();
        assertThat(SwarmRollout.done(services, List.of(newOne), IMAGE, 2)).isFalse();
        assertThat(SwarmRollout.done(List.of(new StackService("s_app", "replicated", 1, 2, IMAGE)),
                List.of(newOne, newTwo), IMAGE, 2)).isFalse();
        assertThat(SwarmRollout.summary(List.of(newOne, starting, oldRunning), IMAGE, 2))
                .isEqualTo("1/2 running, 1 starting, 1 of the previous image still running");
    }

    @Test
    void aRolloutThatNeverConvergesIsLateWithWhereItsTasksStood() throws Exception {
        FakeEngine engine = new FakeEngine();
        engine.stackServices.put("s", List.of(new StackService("s_app", "replicated", 0, 1, IMAGE)));
        engine.stackTasks.put("s", List.of(new StackTask("a", "s_app.1", IMAGE + DIGEST, "running", "preparing",
                "No such image: " + IMAGE)));
        List<String> progress = new ArrayList<>();

        SwarmRollout.Outcome outcome = new SwarmRollout(engine, d -> { }).await("s", "s_app", IMAGE, 1,
                Optional.empty(), Duration.ZERO, progress::add);

        assertThat(outcome).isInstanceOf(SwarmRollout.Outcome.Late.class);
        assertThat(((SwarmRollout.Outcome.Late) outcome).tasks()).singleElement()
                .satisfies(t -> assertThat(t.error()).contains("No such image"));
        assertThat(progress).containsExactly("0/1 running, 1 starting");
    }
}
