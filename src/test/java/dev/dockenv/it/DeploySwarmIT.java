package dev.dockenv.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockenv.GitRepo;
import dev.dockenv.engine.DockerCli;
import dev.dockenv.engine.StackTask;
import dev.dockenv.it.support.Docker;
import dev.dockenv.it.support.DockenvCli;
import dev.dockenv.it.support.ItWorkspace;
import dev.dockenv.it.support.ProcessResult;
import dev.dockenv.it.support.RequestLoop;
import dev.dockenv.it.support.ServerEngine;
import dev.dockenv.it.support.SwarmStacks;
import dev.dockenv.it.support.TestProject;
import dev.dockenv.it.support.TestRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * dockenv deploy swarm on a real single-node Swarm (issue 10, must have 6): "the server" engine
 * (scripts/ensure-swarm.sh) is the manager, reached with -H; the release is built and pushed to the
 * test registry by the main engine with the test's own docker login, and Swarm pulls it with the
 * login the client sends along. Version 1.0.0 runs 2 replicas that answer with the env file's
 * variable; 1.1.0 (a new commit, the stack file of the first deploy left uncommitted beside it)
 * rolls out while a loop of HTTP requests sees no failure; a broken 1.2.0 is rolled back by Swarm,
 * dockenv exits 10 with the task's error, and 1.1.0 still answers. The stack is removed afterwards.
 *
 * <p>This kernel has no IPVS, so the routing mesh cannot balance here: the test deploys with
 * {@code --endpoint-mode dnsrr} and reaches the replicas from a container on the stack's attachable
 * network.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeploySwarmIT {
    private ItWorkspace ws;
    private DockenvCli dockenv;
    private TestRegistry registry;
    private String repository;
    private String stack;
    private final List<String> pushed = new ArrayList<>();

    @BeforeAll
    void setUp() {
        Docker.requireEngine();
        SwarmStacks.requireManager();
        registry = TestRegistry.require();
        ws = ItWorkspace.open("dockenv-swarmit");
        dockenv = ws.dockenv();
    }

    @AfterAll
    void cleanUp() {
        if (stack != null) {
            SwarmStacks.remove(SwarmStacks.engine(Optional.empty()), stack, List.of(stack + "_default"));
        }
        if (repository != null) {
            SwarmStacks.removeImages(repository);
        }
        Docker.removeImages(pushed.toArray(String[]::new));
        Docker.removeImages(ServerEngine.mainImages("dockenv-swarmshop").toArray(String[]::new));
        ItWorkspace.closeIfOpened(ws);
    }

    private static String pyproject(String version, String repository) {
        return """
                [project]
                name = "swarmshop"
                version = "%s"
                dependencies = []

                [tool.dockenv]
                command = ["python", "server.py"]
                ports = [8000]

                [tool.dockenv.release]
                repository = "%s"
                """.formatted(version, repository);
    }

    private ProcessResult deploy(TestProject p, Path config, String... more) {
        List<String> args = new ArrayList<>(List.of("-H", ServerEngine.host(), "deploy", "swarm", "--stack", stack,
                "--endpoint-mode", "dnsrr", "--env-file", "prod.env", "--wait-timeout", "180"));
        args.addAll(List.of(more));
        ProcessResult r = dockenv.withEnv("DOCKER_CONFIG", config.toString()).run(p.dir(), args.toArray(String[]::new));
        pushed.addAll(r.stdout().lines().filter(l -> l.contains("@sha256:")).map(l -> l.replaceFirst("@sha256:.*$", ""))
                .toList());
        return r;
    }

    private static void release(TestProject p, String version, String repository) throws Exception {
        Files.writeString(p.dir().resolve("pyproject.toml"), pyproject(version, repository));
        Files.writeString(p.dir().resolve("VERSION"), version + "\n");
        GitRepo.commitAll(p.dir(), version);
    }

    @Test
    void twoReplicasRollForwardWithoutAFailedRequestAndABrokenReleaseIsRolledBack() throws Exception {
        repository = registry.newRepository("swarmshop");
        stack = Docker.uniqueName("swarmit").replace("-", "");
        String network = stack + "_default";
        String app = stack + "_app";
        TestProject p = ws.project("swarmshop").file(".python-version", "3.11\n")
                .file("pyproject.toml", pyproject("1.0.0", repository))
                .file("server.py", RequestLoop.APP)
                .file("VERSION", "1.0.0\n")
                .file(".gitignore", "prod.env\n")
                .file("prod.env", "GREETING=hello-from-env-file\n");
        GitRepo.commitAll(p.dir(), "1.0.0");
        Path config = registry.login(ws.path("docker-config-swarm"));
        DockerCli server = SwarmStacks.engine(Optional.empty());

        ProcessResult first = deploy(p, config, "--replicas", "2");
        assertThat(first.exitCode()).as(first.describe()).isZero();
        assertThat(first.stdout()).contains("app: new " + repository + ":1.0.0");
        assertThat(first.stderr()).contains("deploying the stack " + stack + " to " + ServerEngine.host(),
                "app runs 2 replicas of " + repository + ":1.0.0 on the network " + network + " as app");
        Path file = p.dir().resolve("deploy/stack.yaml");
        assertThat(Files.readString(file)).contains("version: \"3.9\"", "      replicas: 2\n", "      - \"../prod.env\"\n",
                "        order: \"start-first\"\n").doesNotContain("hello-from-env-file");
        assertThat(server.stackTasks(stack).stream().filter(StackTask::running).toList()).as("dockenv waited for both")
                .hasSize(2).allMatch(t -> t.image().startsWith(repository + ":1.0.0@sha256:"));
        List<String> answers = RequestLoop.answers(network, app, 10);
        assertThat(answers).allMatch(a -> a.startsWith("1.0.0 hello-from-env-file "));
        assertThat(answers.stream().map(a -> a.split(" ")[2]).distinct()).as("both replicas answer").hasSize(2);

        // 1.1.0 while requests run; the stack file is not committed and does not make the tree dirty
        release(p, "1.1.0", repository);
        RequestLoop loop = RequestLoop.start(network, app);
        ProcessResult second;
        JsonNode seen;
        try {
            second = deploy(p, config);
            Thread.sleep(4000);
            seen = loop.stop();
        } finally {
            loop.remove();
        }
        assertThat(second.exitCode()).as(second.describe()).isZero();
        System.out.println("DeploySwarmIT: 2 replicas rolled from 1.0.0 to 1.1.0, the loop saw " + seen);
        assertThat(second.stdout()).contains("app: " + repository + ":1.0.0 -> " + repository + ":1.1.0");
        assertThat(second.stderr()).contains("(" + repository + ":1.1.0, 2 replicas)");
        assertThat(seen.path("failed").asInt()).as("failed requests: " + seen.path("errors")).isZero();
        assertThat(seen.path("ok").asInt()).isGreaterThan(50);
        assertThat(seen.path("versions").path("1.0.0").asInt()).as("answers of 1.0.0").isPositive();
        assertThat(seen.path("versions").path("1.1.0").asInt()).as("answers of 1.1.0").isPositive();
        assertThat(RequestLoop.versions(network, app, 10)).containsOnly("1.1.0");

        // a release that does not start: Swarm rolls back, dockenv says so with the task's error
        Files.writeString(p.dir().resolve("server.py"), "raise SystemExit('broken release: no config')\n");
        release(p, "1.2.0", repository);
        ProcessResult broken = deploy(p, config, "-q");
        System.out.println("DeploySwarmIT: the broken release's deploy said:\n" + broken.stderr());
        assertThat(broken.exitCode()).as(broken.describe()).isEqualTo(10);
        assertThat(broken.stderr()).contains("Swarm did not roll out " + repository + ":1.2.0")
                .contains("rolled the app back to its previous image").contains("broken release: no config");
        assertThat(RequestLoop.versions(network, app, 10)).as("the previous release still answers").containsOnly("1.1.0");
        assertThat(server.stackTasks(stack).stream().filter(StackTask::running).toList()).hasSize(2)
                .allMatch(t -> t.image().startsWith(repository + ":1.1.0@sha256:"));
    }
}
