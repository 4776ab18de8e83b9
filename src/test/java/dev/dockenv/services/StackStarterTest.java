package dev.dockenv.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockenv.config.ConfigReader;
import dev.dockenv.config.TomlDocument;
import dev.dockenv.engine.BuildProgress;
import dev.dockenv.engine.BuildRequest;
import dev.dockenv.engine.Compose;
import dev.dockenv.engine.ComposeProject;
import dev.dockenv.engine.ContainerStatus;
import dev.dockenv.engine.Engine;
import dev.dockenv.engine.EngineInfo;
import dev.dockenv.engine.ImageSummary;
import dev.dockenv.engine.ProcessRunner;
import dev.dockenv.errors.ExitCode;
import dev.dockenv.stack.StackPlan;
import dev.dockenv.stack.StackPlanner;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The orchestration of starting services, against an engine and a compose that answer as scripted. */
class StackStarterTest {
    private static final Path ROOT = Path.of("/home/ada/shop");
    private static final ComposeProject PROJECT = new ComposeProject("dockenv-shop-0a1b2c3d",
            ROOT.resolve(".dockenv/stack/compose.yaml"), ROOT, Optional.empty());

    /** Engine answers: one listing of containers per look, the last one repeated. */
    private final Deque<List<ContainerStatus>> listings = new ArrayDeque<>();
    private final List<List<String>> composeCalls = new ArrayList<>();
    private final List<String> progress = new ArrayList<>();
    private ProcessRunner.Result upResult = new ProcessRunner.Result(0, "", "");
    private int sleeps;

    private static StackPlan plan(String services) {
        var settings = ConfigReader.read(TomlDocument.parse(ROOT.resolve("pyproject.toml"),
                "[tool.dockenv.services]\n" + services), List.of("tool", "dockenv")).stack();
        return StackPlanner.plan("shop", ROOT, settings, Set.of());
    }

    private StackStarter starter() {
        return new StackStarter(new ScriptedEngine(), new RecordingCompose(), progress::add, d -> sleeps++);
    }

    private static ContainerStatus c(String service, String state, String status) {
        return new ContainerStatus("id-" + service, service, state, status);
    }

    /** As docker-compose 1.29 without paramiko answers for an ssh:// engine (Debian's does not bring it). */
    @Test
    void aComposeThatCannotReachAnSshEngineSaysWhatToInstall() {
        RuntimeException e = StackStarter.upFailure(plan("db = \"postgres:16\"\n"), List.of("db"), "Traceback (most "
                + "recent call last):\n  File \"/usr/lib/python3/dist-packages/docker/api/client.py\", line 176\n"
                + "docker.errors.DockerException: Install paramiko package to enable ssh:// support\n");

        assertThat(e).isInstanceOf(dev.dockenv.engine.EngineException.class)
                .hasMessageContaining("Install paramiko package to enable ssh:// support");
        assertThat(((dev.dockenv.engine.EngineException) e).hint()).hasValueSatisfying(h ->
                assertThat(h).contains("apt-get install python3-paramiko", "docker compose v2"));
        assertThat(dev.dockenv.engine.Compose.installationHint("port is already allocated")).isEmpty();
    }

    @Test
    void readyServicesCostOneLookAndNoCompose() {
        listings.add(List.of(c("db", "running", "Up 1 minute (healthy)"), c("cache", "running", "Up 1 minute (healthy)")));
        starter().ensureReady(PROJECT, plan("db = \"postgres:16\"\ncache = \"redis:7\"\n"), List.of("db", "cache"));
        assertThat(composeCalls).isEmpty();
        assertThat(progress).isEmpty();
    }

    @Test
    void missingServicesAreStartedAndWaitedForUntilHealthy() {
        listings.add(List.of(c("cache", "running", "Up 1 minute (healthy)")));
        listings.add(List.of(c("db", "running", "Up 1 second (health: starting)"), c("cache", "running", "Up (healthy)")));
        listings.add(List.of(c("db", "running", "Up 2 seconds (health: starting)"), c("cache", "running", "Up (healthy)")));
        listings.add(List.of(c("db", "running", "Up 3 seconds (healthy)"), c("cache", "running", "Up (healthy)")));
        starter().ensureReady(PROJECT, plan("db = \"postgres:16\"\ncache = \"redis:7\"\n"), List.of("db", "cache"));
        assertThat(composeCalls).containsExactly(List.of("up", "-d", "--no-build", "--no-color", "db"));
        assertThat(sleeps).isEqualTo(2);
        assertThat(progress.get(0)).isEqualTo("Starting db");
        assertThat(progress.get(1)).startsWith("Ready: db, cache (");
    }

    @Test
    void dependenciesOfTheNamedServicesStartToo() {
        listings.add(List.of());
        listings.add(List.of(c("db", "running", "Up (healthy)"), c("mq", "running", "Up (healthy)")));
        starter().ensureReady(PROJECT, plan("db = \"postgres:16\"\nmq = { image = \"rabbitmq:3\", depends-on = [\"db\"] }\n"),
                List.of("mq"));
        assertThat(composeCalls).containsExactly(List.of("up", "-d", "--no-build", "--no-color", "db", "mq"));
    }

    @Test
    void anUnhealthyServiceIsAnErrorWithItsLogAndWhatWasStartedIsStopped() {
        listings.add(List.of());
        listings.add(List.of(c("db", "running", "Up 40 seconds (unhealthy)")));
        assertThatThrownBy(() -> starter().ensureReady(PROJECT, plan("db = \"postgres:16\"\n"), List.of("db")))
                .isInstanceOfSatisfying(ServiceFailure.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.SERVICE_FAILED);
                    assertThat(e.getMessage()).startsWith("/home/ada/shop/pyproject.toml:2:1: service 'db' (postgres:16) "
                            + "is unhealthy: its health check fails (it said: pg_isready: no response); its last lines:\n"
                            + "    LOG: starting\n    FATAL: bad config");
                    assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).contains("pg_isready"));
                });
        assertThat(composeCalls).containsExactly(List.of("up", "-d", "--no-build", "--no-color", "db"), List.of("stop", "db"));
    }

    @Test
    void aServiceThatExitsIsAnErrorWithItsExitCode() {
        listings.add(List.of());
        listings.add(List.of(c("db", "exited", "Exited (1) 1 second ago")));
        assertThatThrownBy(() -> starter().ensureReady(PROJECT, plan("db = \"postgres:16\"\n"), List.of("db")))
                .isInstanceOf(ServiceFailure.class).hasMessageContaining("stopped with exit code 1; its last lines:");
    }

    @Test
    void aServiceThatNeverGetsReadyIsAnErrorAfterItsHealthCheckGaveUp() {
        listings.add(List.of());
        listings.add(List.of(c("db", "running", "Up (health: starting)")));
        StackPlan plan = plan("db = { image = \"x/db:1\", healthcheck = { test = \"true\", interval = \"1s\", "
                + "timeout = \"1s\", retries = 2 } }\n");
        assertThatThrownBy(() -> starter().ensureReady(PROJECT, plan, List.of("db")))
                .isInstanceOf(ServiceFailure.class).hasMessageContaining("did not get ready within 14 s");
        assertThat(sleeps).isEqualTo(14 * 4); // every 250 ms until the patience is spent
        assertThat(composeCalls.get(composeCalls.size() - 1)).isEqualTo(List.of("stop", "db"));
    }

    @Test
    void aServiceComposeStartedNoContainerForIsAnErrorSoon() {
        listings.add(List.of());
        assertThatThrownBy(() -> starter().ensureReady(PROJECT, plan("db = \"postgres:16\"\n"), List.of("db")))
                .isInstanceOf(ServiceFailure.class).hasMessageContaining("has no container: compose started none for it");
        assertThat(sleeps).isEqualTo(20);
    }

    @Test
    void aFailedRefreshStopsOnlyWhatItBroughtUpFromNothing() {
        listings.add(List.of(c("cache", "running", "Up 1 minute (healthy)")));
        listings.add(List.of(c("cache", "running", "Up (unhealthy)"), c("db", "running", "Up (healthy)")));
        assertThatThrownBy(() -> starter().ensureReady(PROJECT, plan("db = \"postgres:16\"\ncache = \"redis:7\"\n"),
                List.of("db", "cache"), true)).isInstanceOf(ServiceFailure.class).hasMessageContaining("'cache'");
        assertThat(composeCalls).containsExactly(List.of("up", "-d", "--no-build", "--no-color", "db", "cache"),
                List.of("stop", "db"));
        assertThat(progress.get(0)).isEqualTo("Starting db; updating cache");
    }

    @Test
    void aTakenPortIsToldWithTheServiceAndThePort() {
        listings.add(List.of());
        upResult = new ProcessRunner.Result(1, "", """
                Creating dockenv-shop-0a1b2c3d_cache_1 ... error

                ERROR: for dockenv-shop-0a1b2c3d_cache_1  Cannot start service cache: driver failed programming external \
                connectivity on endpoint dockenv-shop-0a1b2c3d_cache_1 (4f1c): Error starting userland proxy: listen \
                tcp4 127.0.0.1:16379: bind: address already in use
                """);
        assertThatThrownBy(() -> starter().ensureReady(PROJECT, plan("cache = { image = \"redis:7\", ports = [\"16379:6379\"] }\n"),
                List.of("cache"))).isInstanceOf(ServiceFailure.class)
                .hasMessageContaining("service 'cache' (redis:7) cannot publish port 16379 on this machine");
        assertThat(composeCalls.get(composeCalls.size() - 1)).isEqualTo(List.of("stop", "cache"));
    }

    @Test
    void anImageThatCannotBePulledIsToldWithTheService() {
        listings.add(List.of());
        upResult = new ProcessRunner.Result(1, "", """
                Pulling search (example/search:1.2)...
                Get "https://registry-1.docker.io/v2/": dial tcp: lookup registry-1.docker.io on 10.255.255.53:53: no such host
                """);
        assertThatThrownBy(() -> starter().ensureReady(PROJECT, plan("db = \"postgres:16\"\nsearch = \"example/search:1.2\"\n"),
                List.of("db", "search"))).isInstanceOf(ServiceFailure.class)
                .hasMessageContaining("service 'search' (example/search:1.2) cannot start: its image cannot be pulled")
                .hasMessageContaining("no such host");
    }

    @Test
    void anyOtherComposeFailureShowsWhatComposeSaid() {
        listings.add(List.of());
        upResult = new ProcessRunner.Result(1, "", "ERROR: Something else entirely\n");
        assertThatThrownBy(() -> starter().ensureReady(PROJECT, plan("db = \"postgres:16\"\n"), List.of("db")))
                .hasMessageContaining("cannot start db: compose says\n    ERROR: Something else entirely");
    }

    private final class RecordingCompose implements Compose {
        @Override
        public String version() {
            return "docker-compose 1.29.2";
        }

        @Override
        public List<String> commandLine(ComposeProject project, List<String> args) {
            return args;
        }

        @Override
        public ProcessRunner.Result run(ComposeProject project, List<String> args) {
            composeCalls.add(List.copyOf(args));
            return args.get(0).equals("up") ? upResult : new ProcessRunner.Result(0, "", "");
        }

        @Override
        public int attach(ComposeProject project, List<String> args) {
            throw new UnsupportedOperationException();
        }
    }

    private final class ScriptedEngine implements Engine {
        @Override
        public List<ContainerStatus> composeContainers(String project) {
            assertThat(project).isEqualTo(PROJECT.name());
            return listings.size() > 1 ? listings.poll() : listings.peek();
        }

        @Override
        public String containerLogs(String containerId, int lines) {
            return containerId.equals("id-db") ? "LOG: starting\nFATAL: bad config" : "";
        }

        @Override
        public List<String> composeVolumes(String project) {
            return List.of();
        }

        @Override
        public Optional<dev.dockenv.engine.ContainerImage> containerImage(String containerId) {
            throw new AssertionError("the starter does not ask for a container's image");
        }

        @Override
        public Optional<String> lastHealthOutput(String containerId) {
            return containerId.equals("id-db") ? Optional.of("pg_isready: no response\n") : Optional.empty();
        }

        @Override
        public Optional<Compose> compose() {
            return Optional.of(new RecordingCompose());
        }

        @Override
        public EngineInfo info() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<ImageSummary> inspectImage(String reference) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void build(BuildRequest request, BuildProgress progress) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String runForOutput(String image, List<String> entrypointAndArgs) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ProcessRunner.Result runCapturing(List<String> dockerRunArgs) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<String> client() {
            return List.of("docker");
        }

        @Override
        public Optional<String> composeVersion() {
            return Optional.of("docker-compose 1.29.2");
        }

        @Override
        public List<String> localImages(String repository) {
            return List.of();
        }

        @Override
        public void tag(String source, dev.dockenv.engine.ImageReference target) {
            throw new UnsupportedOperationException();
        }

        @Override
        public dev.dockenv.engine.PushedImage push(dev.dockenv.engine.ImageReference reference,
                dev.dockenv.engine.TransferProgress progress) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void pull(dev.dockenv.engine.ImageReference reference, dev.dockenv.engine.TransferProgress progress) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void save(List<dev.dockenv.engine.ImageReference> references, java.nio.file.Path archive) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<String> load(java.nio.file.Path archive) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void stackDeploy(String stack, java.nio.file.Path stackFile, java.util.Map<String, String> variables,
                dev.dockenv.engine.TransferProgress progress) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String serviceLogs(String service, int lines) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean swarmManager() {
            throw new UnsupportedOperationException();
        }

        @Override
        public java.util.Optional<dev.dockenv.engine.ServiceUpdate> serviceUpdate(String service) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<dev.dockenv.engine.StackService> stackServices(String stack) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<dev.dockenv.engine.StackTask> stackTasks(String stack) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void stackRemove(String stack) {
            throw new UnsupportedOperationException();
        }
    }
}
