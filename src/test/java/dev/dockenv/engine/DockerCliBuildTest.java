package dev.dockenv.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dockenv.errors.ExitCode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The docker build command lines DockerCli runs, and what it makes of a build that fails. */
class DockerCliBuildTest {
    private static final byte[] CONTEXT = "a tar stream".getBytes(StandardCharsets.UTF_8);
    private static final BuildRequest.ContextWriter WRITE_CONTEXT = out -> out.write(CONTEXT);
    private static final List<String> LEGACY_BUILD = List.of("docker", "build", "-f", "Dockerfile", "--force-rm",
            "-t", "demo:1", "-");
    private static final List<String> BUILDKIT_BUILD = List.of("docker", "build", "-f", "Dockerfile",
            "--progress=plain", "-t", "demo:1", "-");

    private final FakeDocker docker = new FakeDocker();
    private final List<String> steps = new ArrayList<>();
    private final List<String> lines = new ArrayList<>();
    private final BuildProgress progress = new BuildProgress() {
        @Override
        public void step(String description) {
            steps.add(description);
        }

        @Override
        public void line(String line) {
            lines.add(line);
        }
    };

    private DockerCli cli(Map<String, String> env) {
        return new DockerCli(List.of("docker"), docker, env);
    }

    private static BuildRequest request(boolean buildKit) {
        return new BuildRequest(WRITE_CONTEXT, "Dockerfile", Optional.empty(), List.of("demo:1"), Map.of(), Map.of(),
                false, false, false, buildKit, Map.of());
    }

    /** Labels, build arguments and secrets in the order of their names, so equal requests are equal command lines. */
    @Test
    void aBuildKitBuildWithEveryOption() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("dev.dockenv.version", "0.1.0");
        labels.put("dev.dockenv.target", "dev");
        labels.put("dev.dockenv.project-root", "/home/me/shop");
        labels.put("dev.dockenv.project", "shop");
        labels.put("dev.dockenv.inputs", "0123abcd");
        Map<String, String> args = new LinkedHashMap<>();
        args.put("PIP_TRUSTED_HOST", "127.0.0.1");
        args.put("PIP_INDEX_URL", "http://127.0.0.1:3141/simple");
        args.put("PIP_EXTRA_INDEX_URL", "https://example.org/simple");
        args.put("HTTP_PROXY", "http://proxy:3128");
        args.put("A", "x=y z");
        Map<String, Path> secrets = new LinkedHashMap<>();
        secrets.put("pip-netrc", Path.of("/tmp/dockenv-secrets/netrc"));
        secrets.put("npmrc", Path.of("/tmp/dockenv-secrets/npmrc"));
        secrets.put("c", Path.of("/tmp/dockenv-secrets/c"));
        secrets.put("b", Path.of("/tmp/dockenv-secrets/b"));
        secrets.put("a-token", Path.of("/tmp/dockenv-secrets/token"));
        BuildRequest request = new BuildRequest(WRITE_CONTEXT, ".dockenv/Dockerfile", Optional.of("dev"),
                List.of("dockenv/shop:dev-0123abcd", "dockenv/shop:dev"), labels, args, true, true, true, true, secrets);
        List<String> expected = List.of("docker", "build", "-f", ".dockenv/Dockerfile", "--progress=plain",
                "--target", "dev", "-t", "dockenv/shop:dev-0123abcd", "-t", "dockenv/shop:dev",
                "--label", "dev.dockenv.inputs=0123abcd", "--label", "dev.dockenv.project=shop",
                "--label", "dev.dockenv.project-root=/home/me/shop", "--label", "dev.dockenv.target=dev",
                "--label", "dev.dockenv.version=0.1.0",
                "--build-arg", "A=x=y z", "--build-arg", "HTTP_PROXY=http://proxy:3128",
                "--build-arg", "PIP_EXTRA_INDEX_URL=https://example.org/simple",
                "--build-arg", "PIP_INDEX_URL=http://127.0.0.1:3141/simple", "--build-arg", "PIP_TRUSTED_HOST=127.0.0.1",
                "--network", "host",
                "--secret", "id=a-token,src=/tmp/dockenv-secrets/token", "--secret", "id=b,src=/tmp/dockenv-secrets/b",
                "--secret", "id=c,src=/tmp/dockenv-secrets/c", "--secret", "id=npmrc,src=/tmp/dockenv-secrets/npmrc",
                "--secret", "id=pip-netrc,src=/tmp/dockenv-secrets/netrc",
                "--no-cache", "--pull", "-");
        docker.answer(expected, "#1 [internal] load remote build context\n#1 DONE 0.0s\n");

        cli(Map.of()).build(request, progress);

        assertThat(docker.commands()).containsExactly(expected);
        FakeDocker.Call call = docker.calls().get(0);
        assertThat(call.environment()).containsExactly(Map.entry("DOCKER_BUILDKIT", "1"));
        assertThat(call.stdin()).as("the context goes to the client's stdin").isEqualTo(CONTEXT);
    }

    /** A context that can be written out as a folder of the given size: a Dockerfile and one file. */
    private static BuildRequest.ContextWriter folderContext(long bytes) {
        return folderContext(bytes, 3);
    }

    private static BuildRequest.ContextWriter folderContext(long bytes, int entries) {
        return new BuildRequest.ContextWriter() {
            @Override
            public void writeTo(OutputStream out) throws IOException {
                out.write(CONTEXT);
            }

            @Override
            public long directoryBytes() {
                return bytes;
            }

            @Override
            public int directoryEntries() {
                return entries;
            }

            @Override
            public void writeToDirectory(Path dir) throws IOException {
                Files.writeString(dir.resolve("Dockerfile"), "FROM scratch\n");
                Files.createDirectories(dir.resolve("project"));
                Files.writeString(dir.resolve("project/pyproject.toml"), "[project]\n");
            }
        };
    }

    private static BuildRequest request(BuildRequest.ContextWriter context, boolean buildKit) {
        return new BuildRequest(context, "Dockerfile", Optional.empty(), List.of("demo:1"), Map.of(), Map.of(),
                false, false, false, buildKit, Map.of());
    }

    /**
     * BuildKit gets a small context as a private folder (it syncs a folder's files sooner than it
     * unpacks a streamed tar), the Dockerfile named in it; the folder is gone once the build is over.
     */
    @Test
    void aSmallContextGoesToBuildKitAsAPrivateFolderRemovedAfterTheBuild() {
        List<Path> seen = new ArrayList<>();
        docker.answerAnyBuild("#1 [internal] load build context\n#1 DONE 0.0s\n", command -> {
            Path folder = Path.of(command.get(command.size() - 1));
            seen.add(folder);
            assertThat(command.subList(0, 4)).containsExactly("docker", "build", "-f",
                    folder.resolve("Dockerfile").toString());
            assertThat(folder.resolve("project/pyproject.toml")).hasContent("[project]");
            assertThat(folder.getFileName().toString()).startsWith("dockenv-context-");
            try {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });

        cli(Map.of()).build(request(folderContext(100), true), progress);

        assertThat(seen).hasSize(1);
        assertThat(docker.calls().get(0).stdin()).as("nothing is streamed").isEmpty();
        assertThat(seen.get(0)).doesNotExist();
    }

    @Test
    void theFolderIsRemovedWhenTheBuildFailsToo() {
        List<Path> seen = new ArrayList<>();
        docker.answerAnyBuild("", command -> {
            seen.add(Path.of(command.get(command.size() - 1)));
            throw new UncheckedIOException(new IOException("the client died"));
        });

        catchThrowable(() -> cli(Map.of()).build(request(folderContext(100), true), progress));

        assertThat(seen).hasSize(1);
        assertThat(seen.get(0)).doesNotExist();
    }

    /** A large context (bytes or files), the legacy builder and one that can only be streamed go to stdin as a tar. */
    @Test
    void aLargeContextOrTheLegacyBuilderIsStreamed() {
        docker.answer(BUILDKIT_BUILD, "#1 [internal] load remote build context\n#1 DONE 0.0s\n");
        docker.answer(LEGACY_BUILD, "Successfully built 382b1976c5f3\n");

        cli(Map.of()).build(request(folderContext(ContextFolder.MAX_BYTES + 1), true), progress);
        cli(Map.of()).build(request(folderContext(100, ContextFolder.MAX_ENTRIES + 1), true), progress);
        cli(Map.of()).build(request(folderContext(100), false), progress);
        cli(Map.of()).build(request(true), progress);

        assertThat(docker.commands()).containsExactly(BUILDKIT_BUILD, BUILDKIT_BUILD, LEGACY_BUILD, BUILDKIT_BUILD);
        assertThat(docker.calls()).allSatisfy(call -> assertThat(call.stdin()).isEqualTo(CONTEXT));
    }

    @Test
    void aLegacyBuildRemovesAFailedStepsContainerAndSaysWhichBuilder() {
        docker.answer(LEGACY_BUILD, "Step 1/1 : FROM python:3.11-slim\n ---> 382b1976c5f3\n"
                + "Successfully built 382b1976c5f3\nSuccessfully tagged demo:1\n");

        cli(Map.of("DOCKER_BUILDKIT", "1")).build(request(false), progress);

        assertThat(docker.commands()).containsExactly(LEGACY_BUILD);
        assertThat(docker.calls().get(0).environment()).as("the request's builder, whatever the user's environment")
                .containsExactly(Map.entry("DOCKER_BUILDKIT", "0"));
        assertThat(docker.calls().get(0).stdin()).isEqualTo(CONTEXT);
        assertThat(steps).containsExactly("[1/1] FROM python:3.11-slim");
    }

    @Test
    void aBuildKitStepThatFailsIsReportedWithItsOwnOutput() {
        docker.answer(BUILDKIT_BUILD, 1, DockerOutputs.BUILDKIT_RUN_FAILS, "");

        BuildFailedException e = catchThrowableOfType(BuildFailedException.class,
                () -> cli(Map.of()).build(request(true), progress));

        assertThat(e.exitCode()).isEqualTo(ExitCode.BUILD_FAILED);
        assertThat(e.exitCode().code()).isEqualTo(6);
        assertThat(e.step()).isEqualTo("[3/3] RUN echo \"no such thing\" >&2 && exit 3");
        assertThat(e.stepOutput()).containsExactly("no such thing");
        assertThat(e.reason()).isEqualTo("executor failed running [/bin/sh -c echo \"no such thing\" >&2 && exit 3]: "
                + "exit code: 3");
        assertThat(e.getMessage()).isEqualTo("image build failed at " + e.step() + ": " + e.reason());
        assertThat(steps).containsExactly("[1/3] FROM docker.io/library/python:3.11-slim", "[2/3] RUN echo preparing",
                "[3/3] RUN echo \"no such thing\" >&2 && exit 3");
        assertThat(lines).as("every line reaches the progress").hasSize(
                (int) DockerOutputs.BUILDKIT_RUN_FAILS.lines().count());
    }

    @Test
    void aLegacyStepThatFailsIsReportedWithItsOwnOutput() {
        docker.answer(LEGACY_BUILD, 3, DockerOutputs.LEGACY_RUN_FAILS, "");

        BuildFailedException e = catchThrowableOfType(BuildFailedException.class,
                () -> cli(Map.of()).build(request(false), progress));

        assertThat(e.exitCode().code()).isEqualTo(6);
        assertThat(e.step()).isEqualTo("RUN echo \"no such thing\" >&2 && exit 3");
        assertThat(e.stepOutput()).containsExactly("no such thing");
        assertThat(e.reason()).isEqualTo("exit code 3");
    }

    @Test
    void aBaseImageBuildKitCannotPullIsOneLineNamingIt() {
        docker.answer(BUILDKIT_BUILD, 1, DockerOutputs.BUILDKIT_PULL_FAILS, "");

        BuildFailedException e = catchThrowableOfType(BuildFailedException.class,
                () -> cli(Map.of()).build(request(true), progress));

        assertThat(e.exitCode().code()).isEqualTo(6);
        assertThat(e.getMessage()).isEqualTo("cannot pull the base image nosuchregistry.invalid/python:3.11-slim: "
                + "nosuchregistry.invalid cannot be reached from the engine (no such host)");
        assertThat(e.stepOutput()).isEmpty();
        assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).contains("base-image"));
    }

    @Test
    void aBaseImageTheLegacyBuilderCannotPullIsOneLineNamingIt() {
        docker.answer(LEGACY_BUILD, 1, DockerOutputs.LEGACY_PULL_FAILS, "");

        BuildFailedException e = catchThrowableOfType(BuildFailedException.class,
                () -> cli(Map.of()).build(request(false), progress));

        assertThat(e.exitCode().code()).isEqualTo(6);
        assertThat(e.getMessage()).isEqualTo("cannot pull the base image nosuchregistry.invalid/python:3.11-slim: "
                + "nosuchregistry.invalid cannot be reached from the engine (no such host)");
        assertThat(e.step()).isEqualTo("FROM nosuchregistry.invalid/python:3.11-slim");
    }

    @Test
    void runMountForTheLegacyBuilderIsARefusalThatSaysHowToGetBuildKit() {
        docker.answer(LEGACY_BUILD, 1, DockerOutputs.LEGACY_RUN_MOUNT, "");

        EngineException e = catchThrowableOfType(EngineException.class,
                () -> cli(Map.of()).build(request(false), progress));

        assertThat(e.exitCode()).isEqualTo(ExitCode.ENGINE_ERROR);
        assertThat(e.exitCode().code()).isEqualTo(8);
        assertThat(e.getMessage()).isEqualTo("the Dockerfile uses RUN --mount, which needs BuildKit, and this docker "
                + "client (docker) builds with the legacy builder");
        assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).contains("buildx", "dockenv init --force"));
    }

    @Test
    void buildKitWithoutBuildxIsARefusalThatSaysHowToBuild() {
        docker.answer(BUILDKIT_BUILD, 1, DockerOutputs.NO_BUILDX, "");

        EngineException e = catchThrowableOfType(EngineException.class,
                () -> cli(Map.of("DOCKER_BUILDKIT", "1")).build(request(true), progress));

        assertThat(e.exitCode().code()).isEqualTo(8);
        assertThat(e.getMessage()).isEqualTo("this docker client (docker) has no buildx component, so it cannot build "
                + "with BuildKit (DOCKER_BUILDKIT=1)");
        assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).startsWith("unset DOCKER_BUILDKIT"));
    }

    @Test
    void noEngineIsUnreachable() {
        docker.answer(BUILDKIT_BUILD, 1, "", DockerOutputs.CANNOT_CONNECT);

        EngineUnreachableException e = catchThrowableOfType(EngineUnreachableException.class,
                () -> cli(Map.of()).build(request(true), progress));

        assertThat(e.exitCode().code()).isEqualTo(5);
        assertThat(e.getMessage()).isEqualTo("container engine unreachable: Cannot connect to the Docker daemon at "
                + "unix:///tmp/nope.sock. Is the docker daemon running?");
    }

    @Test
    void noClientProgramIsUnreachable() {
        docker.uninstalled("docker");

        EngineUnreachableException e = catchThrowableOfType(EngineUnreachableException.class,
                () -> cli(Map.of()).build(request(true), progress));

        assertThat(e.getMessage()).startsWith("cannot start the docker client 'docker'");
    }

    @Test
    void aContextThatCannotBeWrittenFailsWithItsOwnError() {
        docker.answer(BUILDKIT_BUILD, 1, "", "");
        UncheckedIOException cause = new UncheckedIOException(new java.io.IOException("app.py changed while it was read"));
        BuildRequest request = new BuildRequest(out -> {
            throw cause;
        }, "Dockerfile", Optional.empty(), List.of("demo:1"), Map.of(), Map.of(), false, false, false, true, Map.of());

        assertThat(catchThrowable(() -> cli(Map.of()).build(request, progress))).isSameAs(cause);
    }
}
