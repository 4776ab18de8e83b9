package dev.dockenv.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The socket shortcut is taken only where the docker client would use that same socket. */
class LocalEngineSocketTest {
    @TempDir
    Path tmp;

    @Test
    void anExplicitUnixDockerHostIsUsed() throws Exception {
        Path sock = Files.createFile(tmp.resolve("docker.sock"));
        assertThat(LocalEngineSocket.forEnvironment(Map.of("DOCKER_HOST", "unix://" + sock, "HOME", tmp.toString())))
                .isPresent();
    }

    /** As for docker, DOCKER_HOST comes before DOCKER_CONTEXT: its socket is the engine the client talks to. */
    @Test
    void dockerHostComesBeforeDockerContext() throws Exception {
        Path sock = Files.createFile(tmp.resolve("docker.sock"));
        assertThat(LocalEngineSocket.forEnvironment(Map.of("DOCKER_HOST", "unix://" + sock,
                "DOCKER_CONTEXT", "remote"))).isPresent();
    }

    @Test
    void remoteHostsContextsAndPodmanGoThroughTheClient() throws Exception {
        Path sock = Files.createFile(tmp.resolve("docker.sock"));
        assertThat(LocalEngineSocket.forEnvironment(Map.of("DOCKER_HOST", "tcp://10.0.0.1:2376"))).isEmpty();
        assertThat(LocalEngineSocket.forEnvironment(Map.of("DOCKER_HOST", "ssh://me@box"))).isEmpty();
        // a context (whose endpoint dockenv reads as the client's own context store holds it, or not at all)
        assertThat(LocalEngineSocket.forEnvironment(Map.of("DOCKER_CONTEXT", "remote", "DOCKER_CONFIG",
                tmp.toString()))).isEmpty();
        assertThat(LocalEngineSocket.forEnvironment(Map.of("DOCKER_HOST", "unix://" + sock,
                "DOCKENV_DOCKER", "podman"))).isEmpty();
        assertThat(LocalEngineSocket.forEnvironment(Map.of("DOCKER_HOST", "unix://" + tmp.resolve("missing.sock"))))
                .isEmpty();
    }

    @Test
    void aCurrentContextInTheClientsConfigGoesThroughTheClient() throws Exception {
        Files.createDirectories(tmp.resolve(".docker"));
        Files.writeString(tmp.resolve(".docker/config.json"), "{\"auths\": {}, \"currentContext\": \"colima\"}");
        assertThat(LocalEngineSocket.forEnvironment(Map.of("HOME", tmp.toString()))).isEmpty();
    }
}
