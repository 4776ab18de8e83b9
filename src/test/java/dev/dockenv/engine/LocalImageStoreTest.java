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
    static final List<String> INFO = List.of("docker", "info", "--format", "{{.Driver}} {{.DockerRootDir}}");

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
        return Files.writeString(tmp.resolve("docker.sock"), "");
    }

    @Test
    void theTagRecordShowsATagAsItsImageOnly() throws Exception {
        LocalImageStore store = LocalImageStore.at("unix://" + socket(), root().toString(), "overlay2").orElseThrow();

        assertThat(store.shows("dockenv-shop:dev-0123456789ab", ID)).isTrue();
        assertThat(store.shows("dockenv-shop:dev-0123456789ab", "sha256:" + "2".repeat(64))).as("another image").isFalse();
        assertThat(store.shows("dockenv-shop:dev-ffffffffffff", ID)).as("a tag the engine does not have").isFalse();
        assertThat(store.shows("dockenv-shop:dev-0123456789ab\":\"x", ID)).as("no quote in a reference").isFalse();
        assertThat(store.shows("dockenv-shop:dev-0123456789ab", "75a43dfb")).as("a whole ID only").isFalse();
    }

    @Test
    void theFilesAreTheSocketThePidFileBesideItAndTheTagRecord() throws Exception {
        Path socket = socket();
        LocalImageStore without = LocalImageStore.at("unix://" + socket, root().toString(), "overlay2").orElseThrow();
        assertThat(without.files()).containsExactly(socket, tmp.resolve("docker/image/overlay2/repositories.json"));
        assertThat(without.containerFile("a".repeat(64))).isEqualTo(tmp.resolve("docker/containers/" + "a".repeat(64)
                + "/config.v2.json"));

        Path pid = Files.writeString(tmp.resolve("docker.pid"), "42");
        LocalImageStore with = LocalImageStore.at("unix://" + socket, root().toString(), "overlay2").orElseThrow();
        assertThat(with.files()).containsExactly(socket, pid, tmp.resolve("docker/image/overlay2/repositories.json"));
    }

    @Test
    void anEngineElsewhereOrFilesThatAreNotThereHaveNoStore() throws Exception {
        String root = root().toString();
        Path socket = socket();
        assertThat(LocalImageStore.at("tcp://10.0.0.2:2376", root, "overlay2")).as("not this machine's socket").isEmpty();
        assertThat(LocalImageStore.at("ssh://me@host", root, "overlay2")).isEmpty();
        assertThat(LocalImageStore.at("unix://" + tmp.resolve("gone.sock"), root, "overlay2")).as("no socket").isEmpty();
        assertThat(LocalImageStore.at("unix://" + socket, root, "vfs")).as("another driver's folder").isEmpty();
        assertThat(LocalImageStore.at("unix://" + socket, tmp.resolve("elsewhere").toString(), "overlay2"))
                .as("a data root this machine does not hold (a VM's, a remote engine's)").isEmpty();
        assertThat(LocalImageStore.at("unix://" + socket, root, "../overlay2")).as("a driver is a name").isEmpty();
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
        docker.answer(INFO, "overlay2 " + root() + "\n");
        Path socket = socket();
        DockerCli cli = new DockerCli(List.of("docker"), docker, Map.of("DOCKER_HOST", "unix://" + socket));

        assertThat(cli.localImageStore()).map(LocalImageStore::socket).contains(socket);
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
