package dev.dockenv.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockenv.errors.DockenvException;
import dev.dockenv.errors.ExitCode;
import dev.dockenv.io.Sha256;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which engine the docker client talks to, decided as docker decides it: -H, then DOCKER_HOST,
 * then DOCKER_CONTEXT, then config.json's currentContext, else the default socket; a context's host
 * read from the client's context store in a temporary DOCKER_CONFIG (written with Jackson as docker
 * writes it).
 */
class EngineEndpointsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path config;

    private final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void ownConfig() {
        env.put("DOCKER_CONFIG", config.toString());
    }

    private void context(String name, String host) throws IOException {
        Path meta = config.resolve("contexts/meta").resolve(Sha256.hex(name)).resolve("meta.json");
        Files.createDirectories(meta.getParent());
        JSON.writeValue(meta.toFile(), Map.of("Name", name, "Metadata", Map.of("Description", "test"),
                "Endpoints", Map.of("docker", Map.of("Host", host, "SkipTLSVerify", false))));
    }

    private void currentContext(String name) throws IOException {
        JSON.writeValue(config.resolve("config.json").toFile(), Map.of("auths", Map.of("registry.example:5000",
                Map.of("auth", "eDp5")), "currentContext", name));
    }

    private EngineEndpoint resolve(String option) {
        return EngineEndpoints.resolve(Optional.ofNullable(option), env);
    }

    @Test
    void nothingChosenIsTheDefaultSocket() throws IOException {
        JSON.writeValue(config.resolve("config.json").toFile(), Map.of("auths", Map.of()));

        assertThat(resolve(null)).isEqualTo(new EngineEndpoint("unix:///var/run/docker.sock",
                EngineEndpoint.Source.DEFAULT, Optional.empty()));
    }

    @Test
    void theCurrentContextOfConfigJsonChoosesItsHost() throws IOException {
        context("server", "ssh://deploy@server.example");
        currentContext("server");

        EngineEndpoint e = resolve(null);

        assertThat(e.host()).isEqualTo("ssh://deploy@server.example");
        assertThat(e.source()).isEqualTo(EngineEndpoint.Source.CURRENT_CONTEXT);
        assertThat(e.context()).hasValue("server");
        assertThat(e.describe()).isEqualTo("ssh://deploy@server.example (context server, docker context use)");
    }

    @Test
    void dockerContextComesBeforeTheCurrentContext() throws IOException {
        context("server", "ssh://deploy@server.example");
        context("other", "unix:///run/other.sock");
        currentContext("server");
        env.put("DOCKER_CONTEXT", "other");

        EngineEndpoint e = resolve(null);

        assertThat(e.host()).isEqualTo("unix:///run/other.sock");
        assertThat(e.source()).isEqualTo(EngineEndpoint.Source.DOCKER_CONTEXT);
        assertThat(e.context()).hasValue("other");
    }

    @Test
    void theFilesThatChooseTheEngineAreTheConfigurationAndTheChosenContextsMetadata() throws IOException {
        context("server", "ssh://deploy@server.example");
        currentContext("server");
        assertThat(EngineEndpoints.configFile(env)).isEqualTo(config.resolve("config.json"));
        assertThat(EngineEndpoints.contextFile(env))
                .hasValue(config.resolve("contexts/meta").resolve(Sha256.hex("server")).resolve("meta.json"));
        env.put("DOCKER_CONTEXT", "other");
        assertThat(EngineEndpoints.contextFile(env)).hasValue(config.resolve("contexts/meta")
                .resolve(Sha256.hex("other")).resolve("meta.json"));
        env.put("DOCKER_CONTEXT", "default");
        assertThat(EngineEndpoints.contextFile(env)).as("the default context has no metadata").isEmpty();
        env.put("DOCKER_HOST", "unix:///run/x.sock");
        assertThat(EngineEndpoints.contextFile(env)).as("DOCKER_HOST overrides contexts").isEmpty();
    }

    @Test
    void dockerHostComesBeforeEveryContext() throws IOException {
        context("server", "ssh://deploy@server.example");
        currentContext("server");
        env.put("DOCKER_CONTEXT", "server");
        env.put("DOCKER_HOST", "tcp://10.0.0.5:2375");

        EngineEndpoint e = resolve(null);

        assertThat(e.host()).isEqualTo("tcp://10.0.0.5:2375");
        assertThat(e.source()).isEqualTo(EngineEndpoint.Source.DOCKER_HOST);
        assertThat(e.context()).isEmpty();
    }

    @Test
    void anEmptyDockerHostIsTheDefaultEngineAsForDocker() throws IOException {
        context("server", "ssh://deploy@server.example");
        currentContext("server");
        env.put("DOCKER_HOST", "");

        assertThat(resolve(null).host()).isEqualTo(EngineEndpoint.DEFAULT_HOST);
    }

    @Test
    void theOptionComesFirst() throws IOException {
        context("server", "ssh://deploy@server.example");
        currentContext("server");
        env.put("DOCKER_CONTEXT", "server");
        env.put("DOCKER_HOST", "tcp://10.0.0.5:2375");

        EngineEndpoint e = resolve("unix:///run/dockenv-server/docker.sock");

        assertThat(e.host()).isEqualTo("unix:///run/dockenv-server/docker.sock");
        assertThat(e.source()).isEqualTo(EngineEndpoint.Source.OPTION);
        assertThat(e.clientOptions()).containsExactly("-H", "unix:///run/dockenv-server/docker.sock");
        assertThat(e.describe()).isEqualTo("unix:///run/dockenv-server/docker.sock (-H)");
    }

    @Test
    void theDefaultContextByNameIsTheDefaultSocket() throws IOException {
        currentContext("default");

        assertThat(resolve(null).source()).isEqualTo(EngineEndpoint.Source.DEFAULT);
        env.put("DOCKER_CONTEXT", "default");
        assertThat(resolve(null).host()).isEqualTo(EngineEndpoint.DEFAULT_HOST);
    }

    @Test
    void aContextWithoutMetadataIsNamedWithAnUnknownHost() {
        env.put("DOCKER_CONTEXT", "gone");

        EngineEndpoint e = resolve(null);

        assertThat(e.host()).isEmpty();
        assertThat(e.context()).hasValue("gone");
        assertThat(e.onThisMachine()).isFalse();
        assertThat(e.key()).isEqualTo("context:gone");
    }

    @Test
    void configJsonThatIsNotJsonChoosesNoContext() throws IOException {
        Files.writeString(config.resolve("config.json"), "{\"currentContext\": ");

        assertThat(resolve(null).source()).isEqualTo(EngineEndpoint.Source.DEFAULT);
    }

    @Test
    void theConfigFolderIsHomesDockerFolderWithoutDockerConfig(@TempDir Path home) throws IOException {
        env.remove("DOCKER_CONFIG");
        env.put("HOME", home.toString());
        Path dotDocker = home.resolve(".docker");
        Files.createDirectories(dotDocker);
        Path meta = dotDocker.resolve("contexts/meta").resolve(Sha256.hex("box")).resolve("meta.json");
        Files.createDirectories(meta.getParent());
        JSON.writeValue(meta.toFile(), Map.of("Name", "box", "Endpoints", Map.of("docker", Map.of("Host", "tcp://box:2375"))));
        JSON.writeValue(dotDocker.resolve("config.json").toFile(), Map.of("currentContext", "box"));

        assertThat(resolve(null).host()).isEqualTo("tcp://box:2375");
    }

    @Test
    void anAddressWithoutSchemeIsTcpAsForDocker() {
        assertThat(resolve("10.0.0.5:2375").host()).isEqualTo("tcp://10.0.0.5:2375");
    }

    @Test
    void somethingThatIsNoAddressIsAUsageError() {
        DockenvException e = catchThrowableOfType(() -> resolve("http ://x"), DockenvException.class);

        assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(e.getMessage()).contains("'http ://x' (-H) is not an engine address");
        assertThat(e.hint()).isPresent();
    }

    @Test
    void onlyUnixSocketsAreOnThisMachine() {
        assertThat(resolve("unix:///run/x.sock").onThisMachine()).isTrue();
        assertThat(resolve("tcp://127.0.0.1:2375").onThisMachine()).isFalse();
        assertThat(resolve("ssh://me@box").onThisMachine()).isFalse();
    }

    @Test
    void docker_compose129GetsTheContextByNameForDockerContextWhichItDoesNotRead() throws IOException {
        context("server", "ssh://deploy@server.example");
        env.put("DOCKER_CONTEXT", "server");

        EngineEndpoint e = resolve(null);

        assertThat(e.clientOptions()).isEmpty(); // the docker client reads DOCKER_CONTEXT itself
        assertThat(e.standaloneComposeOptions()).containsExactly("--context", "server");
        assertThat(resolve("tcp://box:2375").standaloneComposeOptions()).containsExactly("-H", "tcp://box:2375");
    }

    /** The warm path's socket is the chosen engine's own, never the local default when another is chosen. */
    @Test
    void theFastSocketIsTheChosenEnginesOnly(@TempDir Path sockets) throws IOException {
        Path sock = sockets.resolve("server.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(sock));

            assertThat(LocalEngineSocket.forEndpoint(resolve("unix://" + sock))).isPresent();
            assertThat(LocalEngineSocket.forEndpoint(resolve("tcp://127.0.0.1:2375"))).isEmpty();
            assertThat(LocalEngineSocket.forEndpoint(resolve("ssh://me@box"))).isEmpty();
            context("server", "ssh://deploy@server.example");
            env.put("DOCKER_CONTEXT", "server");
            assertThat(LocalEngineSocket.forEndpoint(resolve(null))).isEmpty();
            context("local", "unix://" + sock);
            env.put("DOCKER_CONTEXT", "local");
            assertThat(LocalEngineSocket.forEndpoint(resolve(null))).isPresent();
            assertThat(List.of(resolve(null).key(), resolve("tcp://box:2375").key())).doesNotHaveDuplicates();
        }
    }
}
