package dev.dockenv.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dockenv.errors.ExitCode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Containers DockerCli starts itself, and the questions `dockenv doctor` asks through it. */
class DockerCliRunTest {
    private static final String IMAGE = "sha256:382b1976c5f32f6c31e1f0e4dc9b8a1e199c9838a39ed4f8483cef8e170666c6";
    private static final List<String> READ_PASSWD = List.of("docker", "run", "--rm", "--network", "none", "--user",
            "0:0", "--entrypoint", "sh", IMAGE, "-c", "cat /etc/passwd");
    static final List<String> CONTEXT = List.of("docker", "context", "inspect");
    static final List<String> INFO = List.of("docker", "info", "--format", "{{json .}}");
    private static final List<String> COMPOSE_PLUGIN = List.of("docker", "compose", "version", "--short");
    private static final List<String> COMPOSE_STANDALONE = List.of("docker-compose", "version", "--short");

    private final FakeDocker docker = new FakeDocker();

    private DockerCli cli(Map<String, String> env) {
        return new DockerCli(List.of("docker"), docker, env);
    }

    @Test
    void aFileIsReadAsRootWithoutNetworkInAContainerThatIsRemoved() {
        docker.answer(READ_PASSWD, "root:x:0:0:root:/root:/bin/bash\n");

        String out = cli(Map.of()).runForOutput(IMAGE, List.of("sh", "-c", "cat /etc/passwd"));

        assertThat(out).isEqualTo("root:x:0:0:root:/root:/bin/bash\n");
        assertThat(docker.commands()).containsExactly(READ_PASSWD);
        assertThat(docker.calls().get(0).environment()).isEmpty();
    }

    @Test
    void aCommandThatCannotStartIsAnEngineError() {
        docker.answer(READ_PASSWD, 127, "", "docker: Error response from daemon: failed to create shim task: OCI runtime "
                + "create failed: runc create failed: unable to start container process: exec: \"sh\": executable file "
                + "not found in $PATH: unknown.\n");

        EngineException e = catchThrowableOfType(EngineException.class,
                () -> cli(Map.of()).runForOutput(IMAGE, List.of("sh", "-c", "cat /etc/passwd")));

        assertThat(e.exitCode()).isEqualTo(ExitCode.ENGINE_ERROR);
        assertThat(e.getMessage()).startsWith("cannot run sh -c cat /etc/passwd in " + IMAGE
                + ": docker: Error response from daemon: failed to create shim task");
    }

    @Test
    void readingAFileWithoutAnEngineIsUnreachable() {
        docker.answer(READ_PASSWD, 125, "", DockerOutputs.CANNOT_CONNECT);

        EngineUnreachableException e = catchThrowableOfType(EngineUnreachableException.class,
                () -> cli(Map.of()).runForOutput(IMAGE, List.of("sh", "-c", "cat /etc/passwd")));

        assertThat(e.exitCode().code()).isEqualTo(5);
    }

    @Test
    void aContainerThatFailsIsItsExitCodeAndOutput() {
        List<String> run = List.of("docker", "run", "--rm", "--network", "none", IMAGE, "sh", "-c", "exit 4");
        docker.answer(run, 4, "out\n", "err\n");

        ProcessRunner.Result r = cli(Map.of()).runCapturing(run.subList(2, run.size()));

        assertThat(r).isEqualTo(new ProcessRunner.Result(4, "out\n", "err\n"));
        assertThat(docker.commands()).containsExactly(run);
    }

    @Test
    void aContainerWithoutAnEngineIsUnreachable() {
        List<String> run = List.of("docker", "run", "--rm", IMAGE, "true");
        docker.answer(run, 125, "", "docker: " + DockerOutputs.CANNOT_CONNECT);

        EngineUnreachableException e = catchThrowableOfType(EngineUnreachableException.class,
                () -> cli(Map.of()).runCapturing(run.subList(2, run.size())));

        assertThat(e.exitCode().code()).isEqualTo(5);
    }

    @Test
    void composeIsThePluginWhenThereIsOne() {
        docker.answer(COMPOSE_PLUGIN, "2.29.1\n");

        assertThat(cli(Map.of()).composeVersion()).hasValue("docker compose 2.29.1");
        assertThat(docker.commands()).containsExactly(COMPOSE_PLUGIN);
    }

    @Test
    void composeIsTheStandaloneProgramWithoutThePlugin() {
        docker.answer(COMPOSE_PLUGIN, 125, "", "unknown flag: --short\nSee 'docker --help'.\n")
                .answer(COMPOSE_STANDALONE, "1.29.2\n");

        assertThat(cli(Map.of()).composeVersion()).hasValue("docker-compose 1.29.2");
        assertThat(docker.commands()).containsExactly(COMPOSE_PLUGIN, COMPOSE_STANDALONE);
        assertThat(docker.calls().get(1).environment()).isEmpty();
    }

    @Test
    void noComposeAtAll() {
        docker.answer(COMPOSE_PLUGIN, 125, "", "unknown flag: --short\n").uninstalled("docker-compose");

        assertThat(cli(Map.of()).composeVersion()).isEmpty();
    }

    @Test
    void theEndpointIsDockerHostWhenSetWithoutAskingTheClient() {
        assertThat(cli(Map.of("DOCKER_HOST", "ssh://me@box")).endpointDescription()).hasValue("ssh://me@box (DOCKER_HOST)");
        assertThat(docker.calls()).isEmpty();
    }

    @Test
    void theEndpointIsTheDefaultSocketWithoutAskingTheClient(@TempDir Path config) {
        assertThat(cli(Map.of("DOCKER_CONFIG", config.toString())).endpointDescription())
                .hasValue("unix:///var/run/docker.sock (default)");
        assertThat(docker.calls()).isEmpty();
    }

    @Test
    void aContextWhoseEndpointDockenvCannotReadIsDescribedByTheClient(@TempDir Path config) {
        docker.answer(CONTEXT, DockerOutputs.CONTEXT_DEFAULT);

        assertThat(cli(Map.of("DOCKER_CONFIG", config.toString(), "DOCKER_CONTEXT", "elsewhere")).endpointDescription())
                .hasValue("unix:///var/run/docker.sock (context default)");
        assertThat(docker.commands()).containsExactly(CONTEXT);
    }

    @Test
    void aContextTheClientCannotDescribeEitherIsNamed(@TempDir Path config) {
        docker.answer(CONTEXT, 125, "", "unknown command: docker context\n");

        assertThat(cli(Map.of("DOCKER_CONFIG", config.toString(), "DOCKER_CONTEXT", "elsewhere")).endpointDescription())
                .hasValue("context elsewhere (its endpoint not readable), DOCKER_CONTEXT");
    }

    @Test
    void theEnginesDataFolder() {
        docker.answer(INFO, DockerOutputs.INFO_20);

        assertThat(cli(Map.of()).rootDir()).hasValue("/var/lib/docker");
        assertThat(docker.commands()).containsExactly(INFO);
    }

    @Test
    void noDataFolderWhenTheEngineDoesNotSay() {
        docker.answer(INFO, 1, "", DockerOutputs.CANNOT_CONNECT);

        assertThat(cli(Map.of()).rootDir()).isEmpty();
    }

    /** The 20.10 client prints what it could not ask and exits 0; the 28 client exits 1. */
    @Test
    void noDataFolderWhenNoEngineAnswersTheClientsInfo() {
        docker.answer(INFO, 0, DockerOutputs.INFO_20_NO_SERVER, DockerOutputs.CANNOT_CONNECT);

        assertThat(cli(Map.of()).rootDir()).isEmpty();
    }
}
