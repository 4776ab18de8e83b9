package dev.dockenv.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dockenv.errors.ExitCode;
import dev.dockenv.errors.FileAccessException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tag, push, pull, save and load through the docker client: the command lines, the digest of a
 * push, every refusal of a registry typed from what the client printed (copied from Debian's
 * docker 20.10 and the 28 client against docker-registry 2.8 here), and archives written whole.
 */
class DockerCliRegistryTest {
    private static final String REF = "127.0.0.1:5000/team/shop:1.4.0";
    private static final String DIGEST = "sha256:6e76925938ff7d30a27f795424aa3c0a52715a58e18f52d349f62d112adf11fa";

    private final FakeDocker docker = new FakeDocker();
    private final List<String> progress = new ArrayList<>();

    @TempDir
    Path tmp;

    private DockerCli cli(Map<String, String> env) {
        return new DockerCli(List.of("docker"), docker, env);
    }

    private static List<String> push(String ref) {
        return List.of("docker", "push", ref);
    }

    @Test
    void aPushReturnsTheDigestTheRegistryGaveAndHandsOnEveryLine() {
        docker.answer(push(REF), """
                The push refers to repository [127.0.0.1:5000/team/shop]
                d95143b4e367: Preparing
                fc289e8eec1f: Preparing
                fc289e8eec1f: Mounted from exp/py
                d95143b4e367: Pushed
                1.4.0: digest: %s size: 741
                """.formatted(DIGEST));

        PushedImage pushed = cli(Map.of()).push(ImageReference.of(REF), progress::add);

        assertThat(pushed.digest()).isEqualTo(DIGEST);
        assertThat(pushed.byDigest()).isEqualTo("127.0.0.1:5000/team/shop@" + DIGEST);
        assertThat(progress).hasSize(6).contains("d95143b4e367: Pushed");
        assertThat(docker.calls().get(0).environment()).isEmpty();
    }

    /** The client resolves the credentials; dockenv only says which configuration folder the session names. */
    @Test
    void thePushUsesTheDockerConfigurationOfTheSession() {
        docker.answer(push(REF), "1.4.0: digest: " + DIGEST + " size: 741\n");

        cli(Map.of("DOCKER_CONFIG", "/tmp/cfg", "PATH", "/usr/bin")).push(ImageReference.of(REF), TransferProgress.quiet());

        assertThat(docker.calls().get(0).environment()).containsExactly(Map.entry("DOCKER_CONFIG", "/tmp/cfg"));
    }

    @Test
    void aClientThatNamesNoDigestIsAskedForTheRepositorysDigest() {
        docker.answer(push(REF), "Writing manifest to image destination\n");
        docker.answer(List.of("docker", "image", "inspect", "--format", "{{json .RepoDigests}}", REF),
                "[\"127.0.0.1:5000/other@sha256:" + "0".repeat(64) + "\",\"127.0.0.1:5000/team/shop@" + DIGEST + "\"]\n");

        assertThat(cli(Map.of()).push(ImageReference.of(REF), TransferProgress.quiet()).digest()).isEqualTo(DIGEST);
    }

    private RegistryRefusedException refusedPush(String stdout, String stderr) {
        docker.answer(push(REF), 1, stdout, stderr);
        return catchThrowableOfType(() -> cli(Map.of()).push(ImageReference.of(REF), TransferProgress.quiet()),
                RegistryRefusedException.class);
    }

    private static final String PREPARING = "The push refers to repository [127.0.0.1:5000/team/shop]\n"
            + "fc289e8eec1f: Preparing\n";

    @Test
    void noLoginIsItsOwnRefusalWithTheLoginCommand() {
        RegistryRefusedException e = refusedPush(PREPARING, "no basic auth credentials\n");

        assertThat(e.refusal()).isInstanceOf(RegistryRefusal.NotLoggedIn.class);
        assertThat(e.exitCode()).isEqualTo(ExitCode.REGISTRY_REFUSED);
        assertThat(e.exitCode().code()).isEqualTo(12);
        assertThat(e.getMessage()).isEqualTo("cannot push " + REF + ": not logged in to 127.0.0.1:5000 (docker has no "
                + "credentials for it)");
        assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).contains("run `docker login 127.0.0.1:5000`"));
    }

    @Test
    void rejectedCredentialsAreUnauthorized() {
        RegistryRefusedException e = refusedPush(PREPARING, "unauthorized: authentication required\n");

        assertThat(e.refusal()).isInstanceOf(RegistryRefusal.Unauthorized.class);
        assertThat(e.getMessage()).isEqualTo("cannot push " + REF + ": 127.0.0.1:5000 rejected the credentials docker "
                + "has for it (unauthorized: authentication required)");
        assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).contains("`docker login 127.0.0.1:5000` again"));
        assertThat(e.exitCode()).isEqualTo(ExitCode.REGISTRY_REFUSED);
    }

    /** "connection refused" is the registry's host here, not the engine: exit 12, not 5. */
    @Test
    void aClosedPortIsAnUnreachableRegistryNotAnUnreachableEngine() {
        RegistryRefusedException e = refusedPush("The push refers to repository [127.0.0.1:5999/team/shop]\n",
                "Get \"http://127.0.0.1:5999/v2/\": dial tcp 127.0.0.1:5999: connect: connection refused\n");

        assertThat(e).isNotNull();
        assertThat(e.refusal()).isInstanceOf(RegistryRefusal.Unreachable.class);
        assertThat(e.getMessage()).startsWith("cannot push " + REF + ": 127.0.0.1:5000 cannot be reached (Get ")
                .doesNotContain("\n");
    }

    @Test
    void anUnknownHostIsUnreachable() {
        String ref = "nosuchhost.invalid/team/shop:1";
        docker.answer(push(ref), 1, "The push refers to repository [nosuchhost.invalid/team/shop]\n",
                "Get \"https://nosuchhost.invalid/v2/\": dial tcp: lookup nosuchhost.invalid on 10.255.255.53:53: "
                        + "no such host\n");

        RegistryRefusedException e = catchThrowableOfType(() -> cli(Map.of()).push(ImageReference.of(ref),
                TransferProgress.quiet()), RegistryRefusedException.class);

        assertThat(e.refusal()).isInstanceOf(RegistryRefusal.Unreachable.class);
        assertThat(e.refusal().registry()).isEqualTo("nosuchhost.invalid");
        assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).contains("nosuchhost.invalid"));
    }

    @Test
    void anEngineNobodyAnswersIsStillTheEngine() {
        docker.answer(push(REF), 1, "", DockerOutputs.CANNOT_CONNECT);

        EngineUnreachableException e = catchThrowableOfType(() -> cli(Map.of()).push(ImageReference.of(REF),
                TransferProgress.quiet()), EngineUnreachableException.class);

        assertThat(e.exitCode()).isEqualTo(ExitCode.ENGINE_UNREACHABLE);
    }

    @Test
    void anImageTheEngineDoesNotHaveIsTheEnginesError() {
        docker.answer(push(REF), 1, "The push refers to repository [127.0.0.1:5000/team/shop]\n",
                "An image does not exist locally with the tag: 127.0.0.1:5000/team/shop\n");

        EngineException e = catchThrowableOfType(() -> cli(Map.of()).push(ImageReference.of(REF),
                TransferProgress.quiet()), EngineException.class);

        assertThat(e).isNotInstanceOf(RegistryRefusedException.class);
        assertThat(e.exitCode()).isEqualTo(ExitCode.ENGINE_ERROR);
        assertThat(e.getMessage()).contains("the engine has no image tagged " + REF);
    }

    /** A push killed half way (SIGKILL to the client): a failure with the client's words, repeatable. */
    @Test
    void aStoppedPushIsAnotherRefusalNamingTheSignal() {
        RegistryRefusedException e = refusedPush(PREPARING + "d95143b4e367: Pushing\n", "");
        docker.answer(push(REF), 137, PREPARING, "");

        RegistryRefusedException killed = catchThrowableOfType(() -> cli(Map.of()).push(ImageReference.of(REF),
                TransferProgress.quiet()), RegistryRefusedException.class);

        assertThat(e.refusal()).isInstanceOf(RegistryRefusal.Other.class);
        assertThat(killed.getMessage()).contains("docker push was stopped by signal 9");
    }

    @Test
    void aPullOfATagTheRegistryLacksIsNotFound() {
        String ref = "127.0.0.1:5000/team/shop:nope";
        docker.answer(List.of("docker", "pull", ref), 1, "", "Error response from daemon: manifest for " + ref
                + " not found: manifest unknown: manifest unknown\n");

        RegistryRefusedException e = catchThrowableOfType(() -> cli(Map.of()).pull(ImageReference.of(ref),
                TransferProgress.quiet()), RegistryRefusedException.class);

        assertThat(e.refusal()).isInstanceOf(RegistryRefusal.NotFound.class);
        assertThat(e.getMessage()).startsWith("cannot pull " + ref + ": 127.0.0.1:5000 has no such image");
    }

    @Test
    void aTagIsOneClientCall() {
        docker.answer(List.of("docker", "tag", "sha256:abc", REF), "");

        cli(Map.of()).tag("sha256:abc", ImageReference.of(REF));

        assertThat(docker.commands()).containsExactly(List.of("docker", "tag", "sha256:abc", REF));
    }

    @Test
    void tagOfAnImageThatIsNotThereIsTheEnginesError() {
        docker.answer(List.of("docker", "tag", "nope:absent", REF), 1, "",
                "Error response from daemon: No such image: nope:absent\n");

        EngineException e = catchThrowableOfType(() -> cli(Map.of()).tag("nope:absent", ImageReference.of(REF)),
                EngineException.class);

        assertThat(e.getMessage()).isEqualTo("cannot tag nope:absent as " + REF
                + ": Error response from daemon: No such image: nope:absent");
    }

    private static final List<String> SAVE = List.of("docker", "save", REF, "127.0.0.1:5000/team/shop:latest");

    private static List<ImageReference> saved() {
        return List.of(ImageReference.of(REF), ImageReference.of("127.0.0.1:5000/team/shop:latest"));
    }

    @Test
    void aSaveIsTheClientsTarCompressedWithGzip() throws IOException {
        docker.answer(SAVE, "the tar docker save wrote");
        Path archive = tmp.resolve("out/shop-1.4.0.tar.gz");

        cli(Map.of()).save(saved(), archive);

        try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(archive))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("the tar docker save wrote");
        }
        assertThat(Files.list(archive.getParent())).containsExactly(archive);
    }

    @Test
    void aFailedSaveLeavesNoArchiveAndAnEarlierOneAsItWas() throws IOException {
        docker.answer(SAVE, 1, "half a tar", "Error response from daemon: reference does not exist\n");
        Path archive = Files.writeString(tmp.resolve("shop.tar.gz"), "the earlier archive");

        EngineException e = catchThrowableOfType(() -> cli(Map.of()).save(saved(), archive), EngineException.class);

        assertThat(e.getMessage()).isEqualTo("cannot save " + REF + ", 127.0.0.1:5000/team/shop:latest to " + archive
                + ": Error response from daemon: reference does not exist");
        assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).contains("docker image ls"));
        assertThat(Files.readString(archive)).isEqualTo("the earlier archive");
        assertThat(Files.list(tmp)).containsExactly(archive);
    }

    @Test
    void anArchiveInAFolderThatIsAFileIsAFileAccessErrorNamingIt() throws IOException {
        docker.answer(SAVE, "tar");
        Path file = Files.writeString(tmp.resolve("dist"), "a file");
        Path archive = file.resolve("shop.tar.gz");

        FileAccessException e = catchThrowableOfType(() -> cli(Map.of()).save(saved(), archive),
                FileAccessException.class);

        assertThat(e.exitCode()).isEqualTo(ExitCode.FILE_ACCESS);
        assertThat(e.getMessage()).contains(file.toString()).contains("Not a directory");
        assertThat(docker.commands()).isEmpty();
    }

    @Test
    void loadNamesWhatItLoaded() throws IOException {
        Path archive = tmp.resolve("shop.tar.gz");
        try (GZIPOutputStream out = new GZIPOutputStream(Files.newOutputStream(archive))) {
            out.write("tar".getBytes(StandardCharsets.UTF_8));
        }
        docker.answer(List.of("docker", "load", "-i", archive.toString()), "Loaded image: " + REF + "\n"
                + "Loaded image: 127.0.0.1:5000/team/shop:latest\nLoaded image ID: sha256:abc\n");

        assertThat(cli(Map.of()).load(archive)).containsExactly(REF, "127.0.0.1:5000/team/shop:latest", "sha256:abc");
    }

    @Test
    void loadOfAMissingArchiveIsAFileAccessErrorWithoutTheClient() {
        Path archive = tmp.resolve("absent.tar.gz");

        FileAccessException e = catchThrowableOfType(() -> cli(Map.of()).load(archive), FileAccessException.class);

        assertThat(e.getMessage()).isEqualTo("cannot read " + archive + ": No such file or directory");
        assertThat(docker.commands()).isEmpty();
    }

    @Test
    void loadOfSomethingElseIsTheEnginesErrorWithAHint() throws IOException {
        Path archive = Files.writeString(tmp.resolve("notes.tar.gz"), "hello\n");
        docker.answer(List.of("docker", "load", "-i", archive.toString()), 1, "",
                "Error processing tar file(exit status 1): unexpected EOF\n");

        EngineException e = catchThrowableOfType(() -> cli(Map.of()).load(archive), EngineException.class);

        assertThat(e.getMessage()).isEqualTo("cannot load " + archive
                + ": Error processing tar file(exit status 1): unexpected EOF");
        assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).contains("docker save"));
    }

}
