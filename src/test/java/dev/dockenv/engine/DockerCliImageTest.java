package dev.dockenv.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dockenv.errors.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Is an image there, and what is it: the question every build and run starts with. */
class DockerCliImageTest {
    static final String LABELLED = "dockenv-engine-seam-probe:labels";
    static final List<String> INSPECT_LABELLED = inspect(LABELLED);

    static final String PODMAN_IMAGE = "localhost/dockenv-probe:labels";
    static final String PODMAN_IMAGE_ID = "c65ee4c6b6fe7e7d16a31516f1c256c0b9c810a32384503ada8474bd40eb8fce";

    /** An engine the client reaches over TCP: the unix socket shortcut is not taken, the client is asked. */
    private static final Map<String, String> REMOTE = Map.of("DOCKER_HOST", "tcp://127.0.0.1:2375");

    private final FakeDocker docker = new FakeDocker();

    @TempDir
    Path tmp;

    static List<String> inspect(String reference) {
        return List.of("docker", "image", "inspect", reference);
    }

    /** The warm path's question when it goes through the client: the ID alone, nothing to parse. */
    static List<String> imageId(String reference) {
        return List.of("docker", "image", "inspect", "--format", "{{.Id}}", reference);
    }

    private DockerCli cli(Map<String, String> env) {
        return new DockerCli(List.of("docker"), docker, env);
    }

    @Test
    void theLaunchersProbeAsksForTheImageAloneOrWithTheServicesContainersInOneInspect() {
        String id = DockerOutputs.IMAGE_ID;
        assertThat(cli(Map.of()).readinessProbe("x:dev", id, List.of())).hasValue(new EngineProbe(
                List.of("docker", "image", "inspect", "--format", "{{.Id}}", "x:dev"), id + "\n"));
        String db = "a".repeat(64);
        String cache = "b".repeat(64);
        EngineProbe probe = cli(Map.of()).readinessProbe("x:dev", id, List.of(
                new ContainerStatus(db, "db", "running", "Up 3 seconds (healthy)"),
                new ContainerStatus(cache, "cache", "running", "Up 3 seconds"))).orElseThrow();
        assertThat(probe.command()).containsExactly("docker", "inspect", "--format", DockerCli.PROBE_FORMAT, "x:dev", db,
                cache);
        assertThat(probe.expectedOutput()).isEqualTo(id + "\n" + db + " running healthy\n" + cache + " running\n");
        assertThat(new DockerCli(List.of("podman"), docker, Map.of()).readinessProbe("x:dev", id,
                List.of(new ContainerStatus(db, "db", "running", "Up")))).as("podman's templates differ").isEmpty();
        assertThat(cli(Map.of()).readinessProbe("x:dev", id, List.of(new ContainerStatus("short", "db", "running", "Up"))))
                .as("only full IDs name one container for sure").isEmpty();
        assertThat(docker.commands()).as("nothing asked to make it").isEmpty();
    }

    @Test
    void anImageThereIsDescribedWithItsLabelsAsWritten() {
        docker.answer(INSPECT_LABELLED, DockerOutputs.INSPECT_LABELLED);

        ImageSummary image = cli(Map.of()).inspectImage(LABELLED).orElseThrow();

        assertThat(image.id()).isEqualTo(DockerOutputs.IMAGE_ID);
        assertThat(image.size()).isZero();
        assertThat(image.created()).isEqualTo("2026-12-05T18:02:41.63426219Z");
        assertThat(image.labels()).containsOnly(Map.entry("a.b", "x=y"), Map.entry("empty", ""),
                Map.entry("multi", "line1\nline2"), Map.entry("uni", "café \"q\""));
        assertThat(docker.commands()).containsExactly(INSPECT_LABELLED);
        assertThat(docker.calls().get(0).environment()).isEmpty();
    }

    @Test
    void anImageWithoutLabels() {
        docker.answer(inspect("python:3.11-slim"), DockerOutputs.INSPECT_UNLABELLED);

        ImageSummary image = cli(Map.of()).inspectImage("python:3.11-slim").orElseThrow();

        assertThat(image.id()).isEqualTo("sha256:382b1976c5f32f6c31e1f0e4dc9b8a1e199c9838a39ed4f8483cef8e170666c6");
        assertThat(image.size()).isEqualTo(190842781L);
        assertThat(image.created()).isEqualTo("2026-12-05T18:01:13.609537236Z");
        assertThat(image.labels()).isEmpty();
    }

    /** What the 20.10 and 28 clients, a docker client in front of Podman, and podman itself say. */
    @ParameterizedTest
    @ValueSource(strings = {"Error: No such image: nope:absent",
            "Error response from daemon: no such image: nope:absent: No such image: nope:absent",
            "Error response from daemon: failed to find image nope:absent: docker.io/library/nope:absent: No such image",
            "Error: inspecting object: nope:absent: image not known"})
    void anImageThatIsNotThereIsAbsent(String stderr) {
        docker.answer(inspect("nope:absent"), 1, "[]\n", stderr + "\n");

        assertThat(cli(Map.of()).inspectImage("nope:absent")).isEmpty();
    }

    @Test
    void noEngineIsUnreachable() {
        docker.answer(inspect("nope:absent"), 1, "[]\n", DockerOutputs.CANNOT_CONNECT);

        EngineUnreachableException e = catchThrowableOfType(EngineUnreachableException.class,
                () -> cli(Map.of()).inspectImage("nope:absent"));

        assertThat(e.exitCode().code()).isEqualTo(5);
    }

    @Test
    void anEngineThatRefusesIsAnEngineErrorWithItsWords() {
        docker.answer(INSPECT_LABELLED, 1, "[]\n", DockerOutputs.API_TOO_NEW);

        EngineException e = catchThrowableOfType(EngineException.class, () -> cli(Map.of()).inspectImage(LABELLED));

        assertThat(e).isNotInstanceOf(EngineUnreachableException.class);
        assertThat(e.exitCode()).isEqualTo(ExitCode.ENGINE_ERROR);
        assertThat(e.exitCode().code()).isEqualTo(8);
        assertThat(e.getMessage()).isEqualTo("cannot inspect image " + LABELLED + ": Error response from daemon: "
                + "client version 1.50 is too new. Maximum supported API version is 1.41");
    }

    @Test
    void theImageIdOfAnEngineBeyondTheLocalSocketComesFromTheClient() {
        docker.answer(imageId(LABELLED), DockerOutputs.IMAGE_ID + "\n");

        assertThat(cli(REMOTE).imageId(LABELLED)).hasValue(DockerOutputs.IMAGE_ID);
        assertThat(docker.commands()).containsExactly(imageId(LABELLED));
    }

    @Test
    void theImageIdOfAnImageThatIsNotThereIsAbsent() {
        docker.answer(imageId("nope:absent"), 1, "[]\n", "Error: No such image: nope:absent\n");

        assertThat(cli(REMOTE).imageId("nope:absent")).isEmpty();
    }

    @Test
    void podmanIsAlwaysAskedThroughItsClient() {
        List<String> command = List.of("podman", "image", "inspect", "--format", "{{.Id}}", PODMAN_IMAGE);
        docker.answer(command, PODMAN_IMAGE_ID + "\n");

        DockerCli podman = new DockerCli(List.of("podman"), docker, Map.of("DOCKENV_DOCKER", "podman"));

        assertThat(podman.imageId(PODMAN_IMAGE)).hasValue(PODMAN_IMAGE_ID);
        assertThat(docker.commands()).containsExactly(command);
    }

    /** The RepoDigests Podman gives an image it built (an image ID digest under its local name). */
    private static final List<String> PODMAN_REPO_DIGESTS = List.of("localhost/dockenv-probe@sha256:658682cd99472049657a22ebd2b18dabd3fd34c8d0820b3999009c6615a5c5f3");

    @Test
    void podmansOwnInspectIsReadAsDockers() {
        List<String> command = List.of("podman", "image", "inspect", PODMAN_IMAGE);
        docker.answer(command, DockerOutputs.INSPECT_PODMAN);

        ImageSummary image = new DockerCli(List.of("podman"), docker, Map.of()).inspectImage(PODMAN_IMAGE).orElseThrow();

        assertThat(image).isEqualTo(new ImageSummary(PODMAN_IMAGE_ID, 11388, "2026-12-05T18:03:50.892665276Z",
                Map.of("a.b", "x=y", "empty", "", "uni", "café \\\"q\\\""), PODMAN_REPO_DIGESTS));
        assertThat(docker.commands()).containsExactly(command);
    }

    @Test
    void podmansServiceBehindADockerClientDescribesItsImagesAsDockerDoes() {
        docker.answer(inspect(PODMAN_IMAGE), DockerOutputs.INSPECT_PODMAN_SERVICE);

        ImageSummary image = cli(Map.of("DOCKER_HOST", "unix:///tmp/pm/podman.sock")).inspectImage(PODMAN_IMAGE)
                .orElseThrow();

        assertThat(image).isEqualTo(new ImageSummary("sha256:" + PODMAN_IMAGE_ID, 11388,
                "2026-12-05T18:03:50.892665276Z", Map.of("a.b", "x=y", "empty", "", "uni", "café \\\"q\\\""),
                PODMAN_REPO_DIGESTS));
    }

    @Test
    void anAnswerThatDescribesNoImageIsAnEngineError() {
        docker.answer(INSPECT_LABELLED, "[]\n");

        EngineException e = catchThrowableOfType(EngineException.class, () -> cli(Map.of()).inspectImage(LABELLED));

        assertThat(e.exitCode().code()).isEqualTo(8);
        assertThat(e.getMessage()).isEqualTo("cannot inspect image " + LABELLED + ": the client described no image");
    }

    @Test
    void aLocalSocketThatGivesNoAnswerFallsBackToTheClient() throws Exception {
        Path notASocket = Files.writeString(tmp.resolve("docker.sock"), "");
        docker.answer(imageId(LABELLED), DockerOutputs.IMAGE_ID + "\n");

        DockerCli cli = cli(Map.of("DOCKER_HOST", "unix://" + notASocket, "HOME", tmp.toString()));

        assertThat(cli.imageId(LABELLED)).hasValue(DockerOutputs.IMAGE_ID);
        assertThat(docker.commands()).containsExactly(imageId(LABELLED));
    }
}
