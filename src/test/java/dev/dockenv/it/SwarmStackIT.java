package dev.dockenv.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockenv.compose.ComposeModel;
import dev.dockenv.compose.ComposeYaml;
import dev.dockenv.compose.Deploy;
import dev.dockenv.compose.Healthcheck;
import dev.dockenv.compose.Network;
import dev.dockenv.compose.RestartPolicy;
import dev.dockenv.compose.Service;
import dev.dockenv.compose.StackSamples;
import dev.dockenv.compose.UpdateConfig;
import dev.dockenv.engine.DockerCli;
import dev.dockenv.engine.StackTask;
import dev.dockenv.it.support.Docker;
import dev.dockenv.it.support.ProcessResult;
import dev.dockenv.it.support.RequestLoop;
import dev.dockenv.it.support.ServerEngine;
import dev.dockenv.it.support.SwarmStacks;
import dev.dockenv.it.support.TestRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Swarm stacks rendered from the compose model, deployed by {@code docker stack deploy} (Engine
 * 20.10) on the single-node Swarm of "the server" (scripts/ensure-swarm.sh) through dockenv's
 * engine operations: every deploy key the model writes is what Swarm takes, and the request loop
 * that DeploySwarmIT trusts to see no failure during a start-first update does see failures when
 * one replica is replaced stop-first (a tiny HTTP app answering its version, pushed to the test
 * registry and pulled by Swarm with the test's own login).
 *
 * <p>This machine's kernel has no IPVS, so Swarm's routing mesh (ingress ports, virtual IPs)
 * cannot balance here: the app is reached by DNS round robin ({@code endpoint_mode: dnsrr}) from a
 * container on the stack's attachable overlay network.
 */
class SwarmStackIT {
    private static final Duration LIMIT = Duration.ofMinutes(3);

    @TempDir
    Path tmp;

    /** The loop can see a failure: one replica replaced stop-first leaves nobody to answer for a while. */
    @Test
    void oneReplicaReplacedStopFirstLeavesRequestsUnanswered() throws IOException {
        rollOut(1, UpdateConfig.Order.STOP_FIRST, (stack, seen, server) ->
                assertThat(seen.path("failed").asInt()).as("failed requests: " + seen).isPositive());
    }

    interface Outcome {
        void check(String stack, JsonNode seen, DockerCli server);
    }

    /**
     * Version 1 with {@code replicas}, a loop of requests, version 2 rolled out in {@code order};
     * {@code outcome} judges what the loop saw; then every replica must answer version 2.
     */
    private void rollOut(int replicas, UpdateConfig.Order order, Outcome outcome) throws IOException {
        SwarmStacks.requireManager();
        TestRegistry registry = TestRegistry.require();
        Path config = registry.login(tmp.resolve("docker-config"));
        String repository = registry.newRepository("swarm-app");
        String stack = "dockenvit" + UUID.randomUUID().toString().substring(0, 6);
        String network = stack + "_front";
        RequestLoop loop = null;
        DockerCli server = SwarmStacks.engine(Optional.of(config));
        List<String> images = new ArrayList<>();
        try {
            for (String version : List.of("1", "2")) {
                images.add(pushApp(repository, version, config));
            }
            server.stackDeploy(stack, writeStack(repository + ":1", replicas, order), Map.of(), line -> { });
            assertThat(SwarmStacks.awaitRunning(server, stack, replicas, repository + ":1", LIMIT))
                    .as(() -> SwarmStacks.describe(server, stack)).isTrue();
            assertThat(RequestLoop.versions(network, stack + "_app", 10)).as("version 1 answers").containsOnly("1");

            loop = RequestLoop.start(network, stack + "_app");

            List<String> progress = new ArrayList<>();
            server.stackDeploy(stack, writeStack(repository + ":2", replicas, order), Map.of(), progress::add);
            assertThat(progress).anyMatch(l -> l.contains("Updating service " + stack + "_app"));
            assertThat(SwarmStacks.awaitRunning(server, stack, replicas, repository + ":2", LIMIT))
                    .as(() -> SwarmStacks.describe(server, stack)).isTrue();
            // after the last old task stopped (its 3 s of answering included), a little more of the loop
            sleep(Duration.ofSeconds(5));
            JsonNode seen = loop.stop();
            System.out.println("SwarmStackIT: " + replicas + " replica(s) updated " + order + ", the loop saw " + seen);
            outcome.check(stack, seen, server);

            List<StackTask> running = server.stackTasks(stack).stream().filter(StackTask::running).toList();
            assertThat(running).hasSize(replicas).allMatch(t -> t.image().startsWith(repository + ":2@sha256:"));
            assertThat(running).extracting(StackTask::service).containsOnly(stack + "_app");
            assertThat(RequestLoop.versions(network, stack + "_app", 20)).as("every replica answers version 2").containsOnly("2");
        } finally {
            if (loop != null) {
                loop.remove();
            }
            SwarmStacks.remove(server, stack, List.of(network));
            SwarmStacks.removeImages(repository);
            for (String image : images) {
                Docker.run("image", "rm", "-f", image);
            }
        }
    }

    /** The golden stack file (every deploy key the model writes) is what Engine 20.10's stack deploy takes, value for value. */
    @Test
    void stackDeployTakesTheRepresentativeStackFileAsWritten() throws IOException {
        SwarmStacks.requireManager();
        String stack = "dockenvit" + UUID.randomUUID().toString().substring(0, 6);
        Path file = tmp.resolve("stack.yaml");
        Files.writeString(file, ComposeYaml.renderStack(StackSamples.representative()));
        Files.writeString(tmp.resolve("prod.env"), "MODE=prod\n");
        DockerCli server = SwarmStacks.engine(Optional.empty());
        try {
            // its images are in no registry here: the services are made, their tasks cannot start
            ProcessResult deploy = ServerEngine.docker("stack", "deploy", "--resolve-image", "never", "-c", file.toString(),
                    stack);
            assertThat(deploy.exitCode()).as(deploy.describe()).isZero();
            assertThat(deploy.output()).doesNotContain("Ignoring unsupported options");
            String spec = ServerEngine.docker("service", "inspect", stack + "_web", "--format",
                    "{{json .Spec}}").assertOk().stdout();
            JsonNode web = new ObjectMapper().readTree(spec);
            assertThat(web.path("Mode").path("Replicated").path("Replicas").asInt()).isEqualTo(3);
            JsonNode update = web.path("UpdateConfig");
            assertThat(update.path("Parallelism").asInt()).isEqualTo(1);
            assertThat(update.path("Delay").asLong()).isEqualTo(2_000_000_000L);
            assertThat(update.path("FailureAction").asText()).isEqualTo("rollback");
            assertThat(update.path("Monitor").asLong()).isEqualTo(15_000_000_000L);
            assertThat(update.path("Order").asText()).isEqualTo("start-first");
            assertThat(web.path("RollbackConfig").path("FailureAction").asText()).isEqualTo("pause");
            assertThat(web.path("RollbackConfig").path("Order").asText()).isEqualTo("stop-first");
            JsonNode task = web.path("TaskTemplate");
            assertThat(task.path("RestartPolicy").path("Condition").asText()).isEqualTo("any");
            assertThat(task.path("RestartPolicy").path("MaxAttempts").asInt()).isEqualTo(3);
            assertThat(task.path("Resources").path("Limits").path("NanoCPUs").asLong()).isEqualTo(500_000_000L);
            assertThat(task.path("Resources").path("Limits").path("MemoryBytes").asLong()).isEqualTo(256L << 20);
            assertThat(task.path("ContainerSpec").path("Env").toString()).contains("PORT=8000").contains("MODE=prod");
            assertThat(task.path("ContainerSpec").path("Healthcheck").path("Retries").asInt()).isEqualTo(3);
            assertThat(task.path("ContainerSpec").path("Init").asBoolean()).isTrue();
            assertThat(web.path("EndpointSpec").path("Ports").toString()).contains("\"TargetPort\":8000")
                    .contains("\"PublishedPort\":80").contains("\"PublishMode\":\"ingress\"")
                    .contains("\"TargetPort\":9100").contains("\"PublishMode\":\"host\"");
            String worker = ServerEngine.docker("service", "inspect", stack + "_worker", "--format",
                    "{{json .Spec.EndpointSpec.Mode}}").assertOk().stdout().strip();
            assertThat(worker).isEqualTo("\"dnsrr\"");
            assertThat(ServerEngine.docker("network", "inspect", "shop_backend", "--format", "{{.Attachable}}")
                    .assertOk().stdout().strip()).isEqualTo("true");
        } finally {
            SwarmStacks.remove(server, stack, List.of("shop_backend"));
        }
    }

    /** The check can fail: stack deploy refuses what the stack rendering refuses to write. */
    @Test
    void stackDeployRefusesAComposeRenderingWithoutVersion() throws IOException {
        SwarmStacks.requireManager();
        Path file = tmp.resolve("compose.yaml");
        Files.writeString(file, ComposeYaml.render(ComposeModel.builder()
                .service("app", Service.builder().image(Docker.BASE_IMAGE).build()).build()));
        ProcessResult deploy = ServerEngine.docker("stack", "deploy", "--resolve-image", "never", "-c", file.toString(),
                "dockenvit-refused");
        assertThat(deploy.exitCode()).isNotZero();
        assertThat(deploy.stderr()).contains("unsupported Compose file version");
    }

    private Path writeStack(String image, int replicas, UpdateConfig.Order order) throws IOException {
        Service app = Service.builder()
                .image(image)
                .network("front")
                .healthcheck(Healthcheck.cmd("python3", "-c", "import urllib.request; "
                        + "urllib.request.urlopen('http://127.0.0.1:8000/', timeout=2)")
                        .interval(Duration.ofSeconds(1)).timeout(Duration.ofSeconds(2)).retries(3).build())
                .stopGracePeriod(Duration.ofSeconds(10))
                .deploy(Deploy.builder()
                        .replicas(replicas)
                        .endpointMode(Deploy.EndpointMode.DNSRR)
                        .updateConfig(UpdateConfig.builder().parallelism(1).delay(Duration.ofSeconds(1))
                                .order(order).failureAction(UpdateConfig.FailureAction.ROLLBACK)
                                .monitor(Duration.ofSeconds(3)).build())
                        .restartPolicy(RestartPolicy.builder(RestartPolicy.Condition.ANY).build())
                        .build())
                .build();
        ComposeModel model = ComposeModel.builder().header("SwarmStackIT").service("app", app)
                .network("front", Network.DEFAULT.asAttachable()).build();
        Path file = tmp.resolve("stack-" + UUID.randomUUID() + ".yaml");
        Files.writeString(file, ComposeYaml.renderStack(model));
        return file;
    }

    /** Builds the app answering {@code version} on the main engine and pushes it with the test's login. */
    private String pushApp(String repository, String version, Path config) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("app-" + version));
        Files.writeString(dir.resolve("server.py"), RequestLoop.APP);
        Files.writeString(dir.resolve("VERSION"), version + "\n");
        Files.writeString(dir.resolve("Dockerfile"), "FROM " + Docker.BASE_IMAGE + "\nCOPY server.py VERSION /app/\n"
                + "CMD [\"python3\", \"/app/server.py\"]\n");
        String image = repository + ":" + version;
        Docker.runOk("build", "-q", "-t", image, dir.toString());
        Docker.exec("push", image).env("DOCKER_CONFIG", config.toString()).run().assertOk();
        return image;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
