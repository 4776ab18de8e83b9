package dev.dockenv.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dockenv.errors.ExitCode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An engine chosen with -H (or DOCKER_HOST, a context) is the one every client call talks to. */
class DockerCliHostTest {
    private static final String SERVER = "tcp://10.0.0.5:2375";
    private static final EngineEndpoint OPTION = new EngineEndpoint(SERVER, EngineEndpoint.Source.OPTION, Optional.empty());

    private final FakeDocker docker = new FakeDocker();

    @TempDir
    Path config;

    private DockerCli cli(EngineEndpoint endpoint) {
        return new DockerCli(List.of("docker"), docker, Map.of("DOCKER_CONFIG", config.toString()), HostFiles.LOCAL,
                endpoint);
    }

    @Test
    void everyQueryCarriesTheOption() {
        docker.answer(List.of("docker", "-H", SERVER, "image", "inspect", "--format", "{{.Id}}", "img:1"),
                DockerOutputs.IMAGE_ID + "\n");

        DockerCli cli = cli(OPTION);

        assertThat(cli.imageId("img:1")).hasValue(DockerOutputs.IMAGE_ID);
        assertThat(cli.client()).containsExactly("docker", "-H", SERVER);
        assertThat(cli.endpoint()).isEqualTo(OPTION);
    }

    @Test
    void composeIsPointedAtItToo() {
        docker.answer(List.of("docker", "-H", SERVER, "compose", "version", "--short"), 125, "", "unknown command\n")
                .answer(List.of("docker-compose", "version", "--short"), "1.29.2\n");

        Compose compose = cli(OPTION).compose().orElseThrow();

        ComposeProject project = new ComposeProject("p", Path.of("/p/compose.yaml"), Path.of("/p"), Optional.empty());
        assertThat(compose.commandLine(project, List.of("ps"))).startsWith("docker-compose", "-H", SERVER);
    }

    @Test
    void docker_compose129IsGivenTheContextDockerContextNames() {
        EngineEndpoint context = new EngineEndpoint("ssh://deploy@server", EngineEndpoint.Source.DOCKER_CONTEXT,
                Optional.of("server"));
        docker.answer(List.of("docker", "compose", "version", "--short"), 125, "", "unknown command\n")
                .answer(List.of("docker-compose", "version", "--short"), "1.29.2\n");

        Compose compose = cli(context).compose().orElseThrow();

        ComposeProject project = new ComposeProject("p", Path.of("/p/compose.yaml"), Path.of("/p"), Optional.empty());
        assertThat(compose.commandLine(project, List.of("ps"))).startsWith("docker-compose", "--context", "server");
    }

    @Test
    void anUnreachableChosenEngineIsNamedWithWhatChoseIt() {
        docker.answer(List.of("docker", "-H", SERVER, "version", "--format", "{{json .}}"), 1,
                DockerOutputs.VERSION_20_NO_SERVER, "error during connect: Get \"http://10.0.0.5:2375/v1.24/version\": "
                        + "dial tcp 10.0.0.5:2375: connect: connection refused\n");

        EngineUnreachableException e = catchThrowableOfType(() -> cli(OPTION).info(), EngineUnreachableException.class);

        assertThat(e.exitCode()).isEqualTo(ExitCode.ENGINE_UNREACHABLE);
        assertThat(e.getMessage()).startsWith("container engine unreachable (" + SERVER + " (-H)): error during connect");
        assertThat(e.hint()).hasValue("is the engine at " + SERVER + " running and reachable from here? check it with "
                + "`docker -H " + SERVER + " info`; -H chose it");
    }

    @Test
    void anSshAddressBecomesSshsOwnArguments() {
        assertThat(DockerCli.sshTarget("ssh://deploy@server")).isEqualTo("deploy@server");
        assertThat(DockerCli.sshTarget("ssh://deploy@server:2222")).isEqualTo("-p 2222 deploy@server");
        assertThat(DockerCli.sshTarget("ssh://server:22/")).isEqualTo("-p 22 server");
    }

    @Test
    void anSshEngineIsCheckedOverSsh() {
        EngineEndpoint ssh = new EngineEndpoint("ssh://deploy@server", EngineEndpoint.Source.DOCKER_HOST, Optional.empty());
        docker.answer(List.of("docker", "version", "--format", "{{json .}}"), 1, DockerOutputs.VERSION_20_NO_SERVER,
                "error during connect: Get \"http://docker.example.com/v1.24/version\": command [ssh -l deploy -- server "
                        + "docker system dial-stdio] has exited with exit status 255\n");

        EngineUnreachableException e = catchThrowableOfType(() -> cli(ssh).info(), EngineUnreachableException.class);

        assertThat(e.getMessage()).contains("(ssh://deploy@server (DOCKER_HOST))");
        assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).contains("`ssh deploy@server docker info`")
                .contains("DOCKER_HOST chose it"));
    }
}
