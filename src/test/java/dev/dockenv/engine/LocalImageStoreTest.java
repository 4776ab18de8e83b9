package dev.dockenv.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a Docker engine keeps its tags on this machine, and what its tag record shows. */
class LocalImageStoreTest {
    static final String ID = "sha256:" + "75a43dfbf7082238b0eddd2a4a46b7133f10f0a3035b78079a48ad1939f4d025";
    static final List<String> INFO = List.of("docker", "info", "--format", DockerCli.STORE_FORMAT);

    @TempDir
    Path tmp;

    private Path root() throws Exception {
        Path root = tmp.resolve("docker");
        Files.createDirectories(root.resolve("image/overlay2"));
        // as the engine writes it: compact JSON, tags within their repository
        Files.writeString(root.resolve("image/overlay2/repositories.json"), "{\"Repositories\":{\"dockenv-shop\":{"
                + "\"dockenv-shop:dev\":\"" + ID + "\",\"dockenv-shop:dev-0123456789ab\":\"" + ID + "\"},"
                + "\"python\":{\"python:3.11-slim\":\"sha256:" + "1".repeat(64) + "\"}}}");
        return root;
    }

    private Path socket() throws Exception {
        Files.writeString(tmp.resolve("docker.pid"), "4242\n");
        Files.createDirectories(tmp.resolve("proc/4242"));
        Files.writeString(tmp.resolve("proc/4242/comm"), "dockerd\n");
        return Files.writeString(tmp.resolve("docker.sock"), "");
    }

    private Optional<LocalImageStore> at(String host, String root, String driver) {
        return LocalImageStore.at(host, root, driver, "20.10.24+dfsg1", tmp.resolve("proc"));
    }

    @Test
    void theTagRecordShowsATagAsItsImageOnly() throws Exception {
        LocalImageStore store = at("unix://" + socket(), root().toString(), "overlay2").orElseThrow();

        assertThat(store.shows("dockenv-shop:dev-0123456789ab", ID)).isTrue();
        assertThat(store.shows("dockenv-shop:dev-0123456789ab", "sha256:" + "2".repeat(64))).as("another image").isFalse();
        assertThat(store.shows("dockenv-shop:dev-ffffffffffff", ID)).as("a tag the engine does not have").isFalse();
        assertThat(store.shows("dockenv-shop:dev-0123456789ab\":\"x", ID)).as("no quote in a reference").isFalse();
        assertThat(store.shows("dockenv-shop:dev-0123456789ab", "75a43dfb")).as("a whole ID only").isFalse();
    }

    @Test
    void theFilesAreTheSocketThePidFileBesideItAndTheTagRecord() throws Exception {
        Path socket = socket();
        LocalImageStore store = at("unix://" + socket, root().toString(), "overlay2").orElseThrow();
        assertThat(store.files()).containsExactly(socket, tmp.resolve("docker.pid"),
                tmp.resolve("docker/image/overlay2/repositories.json"));
        assertThat(LocalImageStore.engineFiles("unix://" + socket)).as("stamped before the engine is asked")
                .containsExactly(socket, tmp.resolve("docker.pid"));
        assertThat(LocalImageStore.engineFiles("tcp://127.0.0.1:2375")).isEmpty();
        assertThat(store.containerFile("a".repeat(64))).isEqualTo(tmp.resolve("docker/containers/" + "a".repeat(64)
                + "/config.v2.json"));
    }

    @Test
    void aPidFileThatNamesNoRunningDockerdOfThisMachineMeansTheSocketIsNotItsEngines() throws Exception {
        String root = root().toString();
        String host = "unix://" + socket();
        Files.writeString(tmp.resolve("proc/4242/comm"), "containerd\n");
        assertThat(at(host, root, "overlay2")).as("another program has that pid now").isEmpty();
        Files.writeString(tmp.resolve("proc/4242/comm"), "dockerd\n");
        Files.writeString(tmp.resolve("docker.pid"), "4343\n");
        assertThat(at(host, root, "overlay2")).as("no such process (a VM's engine, a stale file)").isEmpty();
        Files.delete(tmp.resolve("docker.pid"));
        assertThat(at(host, root, "overlay2")).as("no pid file beside the socket").isEmpty();
    }

    @Test
    void onlyEnginesThatWriteEachHealthChecksResultToTheContainersFileAreReadForHealth() throws Exception {
        assertThat(LocalImageStore.writesHealthToDisk("20.10.24+dfsg1")).isTrue();
        assertThat(LocalImageStore.writesHealthToDisk("23.0.6")).isTrue();
        assertThat(LocalImageStore.writesHealthToDisk("24.0.7")).isFalse();
        assertThat(LocalImageStore.writesHealthToDisk("28.2.2")).isFalse();
        assertThat(LocalImageStore.writesHealthToDisk("dev")).isFalse();
        String host = "unix://" + socket();
        String root = root().toString();
        String id = "c".repeat(64);
        Files.createDirectories(tmp.resolve("docker/containers/" + id));
        Files.writeString(tmp.resolve("docker/containers/" + id + "/config.v2.json"),
                RUNNING + "\"Health\":{\"Status\":\"healthy\",\"FailingStreak\":0,\"Log\":[]}}}");
        LocalImageStore old = LocalImageStore.at(host, root, "overlay2", "20.10.24", tmp.resolve("proc")).orElseThrow();
        LocalImageStore recent = LocalImageStore.at(host, root, "overlay2", "28.2.2", tmp.resolve("proc")).orElseThrow();
        assertThat(old.runningState(id, Optional.of("healthy"))).isPresent();
        assertThat(recent.runningState(id, Optional.of("healthy"))).as("a result kept in memory only").isEmpty();
        Files.writeString(tmp.resolve("docker/containers/" + id + "/config.v2.json"), RUNNING + "\"Health\":null}}");
        assertThat(recent.runningState(id, Optional.empty())).as("a state without a check is written on change")
                .isPresent();
    }

    @Test
    void anEngineElsewhereOrFilesThatAreNotThereHaveNoStore() throws Exception {
        String root = root().toString();
        Path socket = socket();
        assertThat(at("tcp://10.0.0.2:2376", root, "overlay2")).as("not this machine's socket").isEmpty();
        assertThat(at("ssh://me@host", root, "overlay2")).isEmpty();
        assertThat(at("unix://" + tmp.resolve("gone.sock"), root, "overlay2")).as("no socket").isEmpty();
        assertThat(at("unix://" + socket, root, "vfs")).as("another driver's folder").isEmpty();
        assertThat(at("unix://" + socket, tmp.resolve("elsewhere").toString(), "overlay2"))
                .as("a data root this machine does not hold").isEmpty();
        assertThat(at("unix://" + socket, root, "../overlay2")).as("a driver is a name").isEmpty();
    }

    static final String RUNNING = "{\"StreamConfig\":{},\"State\":{\"Running\":true,\"Paused\":false,"
            + "\"Restarting\":false,\"OOMKilled\":false,\"RemovalInProgress\":false,\"Dead\":false,\"Pid\":32311,"
            + "\"ExitCode\":0,\"Error\":\"\",\"StartedAt\":\"2026-12-06T19:41:01.103862717Z\","
            + "\"FinishedAt\":\"0001-01-01T00:00:00Z\",";

    @Test
    void aContainersFileSaysItRunsAsThisStartOfItInThisHealth() {
        String healthy = RUNNING + "\"Health\":{\"Status\":\"healthy\",\"FailingStreak\":0,\"Log\":[]}},\"ID\":\"c1\"}";
        assertThat(LocalImageStore.runningStateIn(healthy, Optional.of("healthy"))).hasValueSatisfying(text -> {
            assertThat(text).startsWith("\"State\":{\"Running\":true,").contains("\"Pid\":32311,",
                    "\"StartedAt\":\"2026-12-06T19:41:01.103862717Z\"").endsWith("\"Health\":{\"Status\":\"healthy\"");
            assertThat(healthy).contains(text);
        });
        assertThat(LocalImageStore.runningStateIn(healthy, Optional.of("starting"))).as("another health").isEmpty();
        assertThat(LocalImageStore.runningStateIn(healthy, Optional.empty())).as("a check it was not seen with").isEmpty();

        String plain = RUNNING + "\"Health\":null},\"ID\":\"c2\"}";
        assertThat(LocalImageStore.runningStateIn(plain, Optional.empty())).hasValueSatisfying(
                text -> assertThat(text).endsWith("\"Health\":null}"));

        String stopped = plain.replace("\"Running\":true", "\"Running\":false");
        assertThat(LocalImageStore.runningStateIn(stopped, Optional.empty())).isEmpty();
        String paused = plain.replace("\"Paused\":false", "\"Paused\":true");
        assertThat(LocalImageStore.runningStateIn(paused, Optional.empty())).isEmpty();
        assertThat(LocalImageStore.runningStateIn("{\"State\":{\"Status\":\"running\"}}", Optional.empty()))
                .as("a layout this reading does not know").isEmpty();
    }

    @Test
    void dockerCliAsksTheEngineWhereItsFilesAreAndPodmanHasNone() throws Exception {
        FakeDocker docker = new FakeDocker();
        docker.answer(INFO, "20.10.24+dfsg1 overlay2 " + root() + "\n");
        Path socket = socket();
        Files.writeString(tmp.resolve("docker.pid"), "999999999\n"); // above any pid_max
        DockerCli cli = new DockerCli(List.of("docker"), docker, Map.of("DOCKER_HOST", "unix://" + socket));

        assertThat(cli.localImageStore()).as("this test's pid file names no dockerd of this machine").isEmpty();
        assertThat(docker.commands()).containsExactly(INFO);

        FakeDocker failing = new FakeDocker();
        failing.answer(INFO, 1, "", "Cannot connect to the Docker daemon\n");
        assertThat(new DockerCli(List.of("docker"), failing, Map.of("DOCKER_HOST", "unix://" + socket))
                .localImageStore()).isEmpty();

        FakeDocker podman = new FakeDocker();
        assertThat(new DockerCli(List.of("podman"), podman, Map.of()).localImageStore()).isEqualTo(Optional.empty());
        assertThat(podman.commands()).as("podman keeps its images otherwise: nothing asked").isEmpty();
    }
}
