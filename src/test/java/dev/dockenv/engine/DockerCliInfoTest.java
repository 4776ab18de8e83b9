package dev.dockenv.engine;

import static dev.dockenv.engine.DockerOutputs.CANNOT_CONNECT;
import static dev.dockenv.engine.DockerOutputs.PERMISSION_DENIED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dockenv.engine.EngineInfo.BuilderKind;
import dev.dockenv.errors.ExitCode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What DockerCli asks the client about itself and its engine, and what it makes of the answers. */
class DockerCliInfoTest {
    static final List<String> VERSION = List.of("docker", "version", "--format", "{{json .}}");
    static final List<String> BUILDX = List.of("docker", "buildx", "version");

    private final FakeDocker docker = new FakeDocker();

    private DockerCli cli(Map<String, String> env) {
        return new DockerCli(List.of("docker"), docker, env);
    }

    @Test
    void aDocker2010ClientAndEngineBuildWithBuildKitWithoutAskingForBuildx() {
        docker.answer(VERSION, DockerOutputs.VERSION_20);

        EngineInfo info = cli(Map.of()).info();

        assertThat(info).isEqualTo(new EngineInfo("docker", "20.10.24+dfsg1", "20.10.24+dfsg1", "1.41", "linux",
                "amd64", false, BuilderKind.BUILDKIT, EngineDialect.DOCKER, false));
        assertThat(docker.commands()).containsExactly(VERSION);
        assertThat(docker.calls().get(0).environment()).as("nothing added to the user's environment").isEmpty();
    }

    @Test
    void theAnswerIsKeptForTheSessionsOtherQuestions() {
        docker.answer(VERSION, DockerOutputs.VERSION_20);
        DockerCli cli = cli(Map.of());

        assertThat(cli.info()).isSameAs(cli.info());
        assertThat(docker.commands()).containsExactly(VERSION);
    }

    @Test
    void aPrefetchedAnswerIsTheOneInfoReturnsAndTheQuestionIsAskedOnce() {
        docker.answer(VERSION, DockerOutputs.VERSION_20);
        DockerCli cli = cli(Map.of());

        cli.prefetchInfo();
        cli.prefetchInfo();
        EngineInfo info = cli.info();

        assertThat(info.serverVersion()).isEqualTo("20.10.24+dfsg1");
        assertThat(cli.info()).isSameAs(info);
        assertThat(docker.commands()).containsExactly(VERSION);
    }

    @Test
    void aPrefetchThatFailsFailsInfoWithTheEnginesOwnError() {
        docker.answer(VERSION, 1, DockerOutputs.VERSION_20_NO_SERVER, CANNOT_CONNECT);
        DockerCli cli = cli(Map.of());

        cli.prefetchInfo();
        EngineUnreachableException e = catchThrowableOfType(EngineUnreachableException.class, cli::info);

        assertThat(e.exitCode()).isEqualTo(ExitCode.ENGINE_UNREACHABLE);
        assertThat(e.getMessage()).contains("Cannot connect to the Docker daemon");
    }

    @Test
    void anUnansweredQuestionIsAskedAgainNextTime() {
        docker.answer(VERSION, 1, DockerOutputs.VERSION_20_NO_SERVER, CANNOT_CONNECT);
        DockerCli cli = cli(Map.of());

        catchThrowableOfType(EngineUnreachableException.class, cli::info);
        catchThrowableOfType(EngineUnreachableException.class, cli::info);

        assertThat(docker.commands()).containsExactly(VERSION, VERSION);
    }

    @Test
    void aClientFrom23OnBuildsWithBuildKitOnlyWhenItHasBuildx() {
        docker.answer(VERSION, DockerOutputs.VERSION_28)
                .answer(BUILDX, 1, "", "docker: unknown command: docker buildx\n\nRun 'docker --help' for more information\n");

        EngineInfo info = cli(Map.of()).info();

        assertThat(info.clientVersion()).isEqualTo("28.2.2");
        assertThat(info.serverVersion()).isEqualTo("20.10.24+dfsg1");
        assertThat(info.builder()).isEqualTo(BuilderKind.LEGACY);
        assertThat(docker.commands()).containsExactly(VERSION, BUILDX);
    }

    @Test
    void aClientFrom23OnWithBuildxBuildsWithBuildKit() {
        docker.answer(VERSION, DockerOutputs.VERSION_28)
                .answer(BUILDX, "github.com/docker/buildx v0.24.0 d0e5e86\n");

        assertThat(cli(Map.of()).info().builder()).isEqualTo(BuilderKind.BUILDKIT);
    }

    @ParameterizedTest
    @CsvSource({"0, LEGACY", "false, LEGACY", "FALSE, LEGACY", "1, BUILDKIT", "true, BUILDKIT", "' 0 ', LEGACY"})
    void docker_buildkitDecidesAsItDoesForDocker(String value, BuilderKind expected) {
        docker.answer(VERSION, DockerOutputs.VERSION_28);

        assertThat(cli(Map.of("DOCKER_BUILDKIT", value)).info().builder()).isEqualTo(expected);
        assertThat(docker.commands()).as("no buildx question when the user chose").containsExactly(VERSION);
    }

    @Test
    void podmansServiceBehindADockerClientIsPodmanAndBuildsWithBuildKit() {
        docker.answer(VERSION, DockerOutputs.VERSION_PODMAN_SERVICE);

        EngineInfo info = cli(Map.of()).info();

        assertThat(info).isEqualTo(new EngineInfo("docker", "20.10.24+dfsg1", "4.3.1", "1.41", "linux", "amd64", true,
                BuilderKind.BUILDKIT, EngineDialect.DOCKER, false));
        assertThat(docker.commands()).containsExactly(VERSION);
    }

    @Test
    void noEngineIsUnreachableWithTheClientsOwnWordsAndAWayOut() {
        docker.answer(VERSION, 1, DockerOutputs.VERSION_20_NO_SERVER, CANNOT_CONNECT);

        EngineUnreachableException e = catchThrowableOfType(EngineUnreachableException.class, () -> cli(Map.of()).info());

        assertThat(e.exitCode()).isEqualTo(ExitCode.ENGINE_UNREACHABLE);
        assertThat(e.exitCode().code()).isEqualTo(5);
        assertThat(e.getMessage()).isEqualTo("container engine unreachable: Cannot connect to the Docker daemon at "
                + "unix:///tmp/nope.sock. Is the docker daemon running?");
        assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).startsWith("start Docker"));
    }

    @Test
    void anEngineAtDockerHostIsNamedInTheHint() {
        docker.answer(VERSION, 1, DockerOutputs.VERSION_20_NO_SERVER, CANNOT_CONNECT);

        EngineUnreachableException e = catchThrowableOfType(EngineUnreachableException.class,
                () -> cli(Map.of("DOCKER_HOST", "unix:///tmp/nope.sock")).info());

        assertThat(e.hint()).hasValue("is the engine at unix:///tmp/nope.sock running and reachable from here? check it "
                + "with `docker info`; DOCKER_HOST chose it (unset it for the local engine)");
    }

    @Test
    void aSocketTheUserMayNotUseSaysHowToGetAccess() {
        docker.answer(VERSION, 1, DockerOutputs.VERSION_20_NO_SERVER, PERMISSION_DENIED);

        EngineUnreachableException e = catchThrowableOfType(EngineUnreachableException.class, () -> cli(Map.of()).info());

        assertThat(e.getMessage()).startsWith("container engine unreachable: permission denied while trying to connect");
        assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).contains("usermod -aG docker"));
    }

    @Test
    void anAnswerWithoutAServerIsUnreachable() {
        docker.answer(VERSION, DockerOutputs.VERSION_20_NO_SERVER);

        EngineUnreachableException e = catchThrowableOfType(EngineUnreachableException.class, () -> cli(Map.of()).info());

        assertThat(e.exitCode()).isEqualTo(ExitCode.ENGINE_UNREACHABLE);
    }

    @Test
    void noClientProgramIsUnreachableWithHowToInstallOne() {
        docker.uninstalled("docker");

        EngineUnreachableException e = catchThrowableOfType(EngineUnreachableException.class, () -> cli(Map.of()).info());

        assertThat(e.getMessage()).startsWith("cannot start the docker client 'docker': Cannot run program \"docker\"");
        assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).contains("DOCKENV_DOCKER"));
        assertThat(e.exitCode().code()).isEqualTo(5);
    }

    @Test
    void dockenv_dockerNamesTheClientWhole() {
        List<String> command = List.of("/opt/my docker/bin/docker", "version", "--format", VERSION.get(3));
        docker.answer(command, DockerOutputs.VERSION_20);

        DockerCli cli = DockerCli.fromEnvironment(Map.of("DOCKENV_DOCKER", " /opt/my docker/bin/docker "), docker);

        assertThat(cli.client()).containsExactly("/opt/my docker/bin/docker");
        assertThat(cli.info().clientPath()).isEqualTo("/opt/my docker/bin/docker");
        assertThat(docker.commands()).containsExactly(command);
        assertThat(DockerCli.fromEnvironment(Map.of("DOCKENV_DOCKER", "  "), docker).client()).containsExactly("docker");
        assertThat(DockerCli.fromEnvironment(Map.of(), docker).client()).containsExactly("docker");
    }

    @ParameterizedTest
    @CsvSource({"20.10.24+dfsg1, 20", "28.2.2, 28", "4.3.1, 4", "23-rc1, 23", "' 27.0.3 ', 27", "'', 0", "dev, 0"})
    void majorVersion(String version, int major) {
        assertThat(DockerCli.majorVersion(version)).isEqualTo(major);
    }
}
