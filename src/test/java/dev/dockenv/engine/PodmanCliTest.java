package dev.dockenv.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dockenv.engine.EngineInfo.BuilderKind;
import dev.dockenv.errors.ExitCode;
import dev.dockenv.run.HostUser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Podman's own client ({@code DOCKENV_DOCKER=podman}): what DockerCli asks it, and what it makes of
 * the answers Podman 4.3.1 gave here (src/test/resources/podman, {@link PodmanOutputs}).
 */
class PodmanCliTest {
    private static final List<String> VERSION = List.of("podman", "version", "--format", "{{json .}}");
    private static final List<String> INFO = List.of("podman", "info", "--format", "{{json .}}");
    private static final HostUser ROOT = new HostUser(0, 0, "root");
    private static final HostUser ME = new HostUser(4242, 4242, "dockenvtest");
    private static final byte[] CONTEXT = "a tar stream".getBytes(StandardCharsets.UTF_8);
    private static final List<String> BUILD = List.of("podman", "build", "-f", "Dockerfile", "-t", "demo:1", "-");

    private final FakeDocker podman = new FakeDocker();
    private final Set<Path> executables = new HashSet<>(Set.of(Path.of("/usr/libexec/podman/catatonit")));
    private final Map<Path, String> texts = new HashMap<>();
    private final HostFiles files = new HostFiles() {
        @Override
        public boolean executable(Path path) {
            return executables.contains(path);
        }

        @Override
        public Optional<String> read(Path path) {
            return Optional.ofNullable(texts.get(path));
        }
    };

    private DockerCli cli(String client, Map<String, String> env) {
        return new DockerCli(List.of(client), podman, env, files);
    }

    private DockerCli podman() {
        return cli("podman", Map.of("DOCKENV_DOCKER", "podman"));
    }

    @Test
    void rootfulPodmanIsItsOwnEngineAndBuildsWithBuildah() {
        podman.answer(VERSION, PodmanOutputs.read("version-4.3.1.json")).answer(INFO, PodmanOutputs.read("info-rootful.json"));

        EngineInfo info = podman().info();

        assertThat(info).isEqualTo(new EngineInfo("podman", "4.3.1", "4.3.1", "4.3.1", "linux", "amd64", true,
                BuilderKind.BUILDKIT, EngineDialect.PODMAN, false));
        assertThat(podman.commands()).containsExactly(VERSION, INFO);
    }

    @Test
    void rootlessPodmanSaysSo() {
        podman.answer(VERSION, PodmanOutputs.read("version-4.3.1.json")).answer(INFO, PodmanOutputs.read("info-rootless.json"));

        EngineInfo info = podman().info();

        assertThat(info.rootless()).isTrue();
        assertThat(podman().endpointDescription()).hasValue("this machine, rootless");
    }

    /** A docker alias of podman (podman-docker's /usr/bin/docker) is recognized by its version report. */
    @Test
    void aDockerNamedClientThatReportsLikePodmanSpeaksPodman() {
        List<String> version = List.of("/usr/bin/docker", "version", "--format", "{{json .}}");
        List<String> info = List.of("/usr/bin/docker", "info", "--format", "{{json .}}");
        podman.answer(version, PodmanOutputs.read("version-4.3.1.json")).answer(info, PodmanOutputs.read("info-rootless.json"));
        DockerCli alias = cli("/usr/bin/docker", Map.of());

        assertThat(alias.dialect()).as("before it is asked").isEqualTo(EngineDialect.DOCKER);
        assertThat(alias.info().dialect()).isEqualTo(EngineDialect.PODMAN);
        assertThat(alias.dialect()).isEqualTo(EngineDialect.PODMAN);
        assertThat(alias.runOptions(ME)).containsExactly("--userns=keep-id");
    }

    @Test
    void aPodmanThatCannotStartIsUnreachableWithItsOwnWordsAndWhatRootlessNeeds() {
        podman.answer(VERSION, PodmanOutputs.read("version-4.3.1.json")).answer(INFO, 125, "",
                "time=\"2026-12-05T20:58:32Z\" level=warning msg=\"\\\"/\\\" is not a shared mount\"\n"
                        + "Error: cannot set up namespace using \"/usr/bin/newuidmap\": exit status 1\n");

        EngineUnreachableException e = catchThrowableOfType(EngineUnreachableException.class, () -> podman().info());

        assertThat(e.exitCode()).isEqualTo(ExitCode.ENGINE_UNREACHABLE);
        assertThat(e.getMessage()).isEqualTo("container engine unreachable: podman cannot start: Error: cannot set up "
                + "namespace using \"/usr/bin/newuidmap\": exit status 1");
        assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).contains("/etc/subuid", "uidmap"));
    }

    /**
     * A user without /etc/subuid ranges: podman info succeeds ("Using rootless single mapping"), but
     * the base image cannot even be unpacked ("potentially insufficient UIDs or GIDs available in
     * user namespace (requested 0:42 for /etc/gshadow)"), so dockenv says so before any build.
     */
    @Test
    void rootlessPodmanWithoutSubordinateIdsIsRefusedWithTheWayOut() {
        podman.answer(VERSION, PodmanOutputs.read("version-4.3.1.json"))
                .answer(INFO, PodmanOutputs.read("info-rootless-no-subids.json"));

        EngineException e = catchThrowableOfType(EngineException.class,
                () -> cli("podman", Map.of("USER", "nosubid")).info());

        assertThat(e.getMessage()).isEqualTo("rootless podman has no subordinate user ids for nosubid (none in "
                + "/etc/subuid and /etc/subgid): it maps only the user's own uid, so it cannot unpack images whose "
                + "files belong to other users (Debian's python images among them)");
        assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).contains("usermod --add-subuids", "uidmap"));
    }

    /** Known from the client's name alone: the warm path starts no process to decide. */
    @Test
    void rootlessPodmanKeepsTheUsersIdsRootfulAndDockerNeedNothing() {
        assertThat(podman().runOptions(ME)).containsExactly("--userns=keep-id");
        assertThat(cli("/usr/bin/podman", Map.of()).runOptions(ME)).containsExactly("--userns=keep-id");
        assertThat(podman().runOptions(ROOT)).isEmpty();
        assertThat(cli("podman", Map.of("CONTAINER_HOST", "unix:///run/podman/podman.sock")).runOptions(ME)).isEmpty();
        assertThat(cli("docker", Map.of()).runOptions(ME)).isEmpty();
        assertThat(podman.commands()).isEmpty();
    }

    @Test
    void withoutCatatonitPodmansInitCannotStartSoTheRunIsRefusedNamingThePackage() {
        executables.clear();

        EngineException e = catchThrowableOfType(EngineException.class, () -> podman().runOptions(ME));

        assertThat(e.getMessage()).isEqualTo("podman cannot start the init process dockenv runs containers with "
                + "(--init): catatonit is not installed (/usr/libexec/podman/catatonit is missing)");
        assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).contains("apt-get install catatonit"));
        assertThat(cli("docker", Map.of()).runOptions(ME)).as("docker has its own init").isEmpty();

        texts.put(Path.of("/etc/containers/containers.conf"), "[containers]\ninit_path = \"/usr/bin/tini\"\n");
        assertThat(podman().runOptions(ROOT)).as("an init_path of the user's choice").isEmpty();
    }

    /** docker-compose talks to Docker's engine, not Podman's: only podman-compose counts. */
    @Test
    void composeIsPodmanCompose() {
        podman.uninstalled("podman-compose");
        assertThat(podman().composeVersion()).isEmpty();

        FakeDocker withCompose = new FakeDocker().answer(List.of("podman-compose", "--version"),
                "podman-compose version: 1.0.3\n['podman', '--version', '']\nusing podman version: 4.3.1\n");
        assertThat(new DockerCli(List.of("podman"), withCompose, Map.of(), files).composeVersion())
                .hasValue("podman-compose version: 1.0.3");
    }

    @Test
    void aBuildHasNoProgressOptionNorBuildKitVariable() {
        podman.answer(BUILD, "STEP 1/1: FROM python:3.11-slim\nCOMMIT demo:1\n--> 382b1976c5f\n"
                + "Successfully tagged localhost/demo:1\n");
        List<String> steps = new ArrayList<>();

        podman().build(request(), recorder(steps));

        assertThat(podman.commands()).containsExactly(BUILD);
        assertThat(podman.calls().get(0).environment()).isEmpty();
        assertThat(podman.calls().get(0).stdin()).isEqualTo(CONTEXT);
        assertThat(steps).containsExactly("[1/1] FROM python:3.11-slim");
    }

    /** What podman build printed here for a failing RUN in the second of two stages (exit code 3). */
    @Test
    void aFailingStepIsReportedWithItsOwnOutput() {
        podman.answer(BUILD, 3, """
                [1/2] STEP 1/2: FROM python:3.11-slim AS a
                [1/2] STEP 2/2: RUN echo hi
                --> Using cache b63c320895c3aad74d4fb89cd5e5124f6ccb165eb38a78210eebcf6244337409
                --> b63c320895c
                [2/2] STEP 1/2: FROM b63c320895c3aad74d4fb89cd5e5124f6ccb165eb38a78210eebcf6244337409 AS b
                [2/2] STEP 2/2: RUN echo out; echo err >&2; exit 3
                out
                err
                Error: building at STEP "RUN echo out; echo err >&2; exit 3": while running runtime: exit status 3
                """, "");
        List<String> steps = new ArrayList<>();

        BuildFailedException e = catchThrowableOfType(BuildFailedException.class,
                () -> podman().build(request(), recorder(steps)));

        assertThat(e.exitCode().code()).isEqualTo(6);
        assertThat(e.step()).isEqualTo("RUN echo out; echo err >&2; exit 3");
        assertThat(e.stepOutput()).containsExactly("out", "err");
        assertThat(e.reason()).isEqualTo("exit code 3");
        assertThat(steps).containsExactly("[1/2 1/2] FROM python:3.11-slim AS a", "[1/2 2/2] RUN echo hi",
                "[2/2 1/2] FROM b63c320895c3aad74d4fb89cd5e5124f6ccb165eb38a78210eebcf6244337409 AS b",
                "[2/2 2/2] RUN echo out; echo err >&2; exit 3");
    }

    /** Debian's registries.conf names no unqualified-search registry: a base image podman lacks cannot be found. */
    @Test
    void aBaseImageShortNamePodmanCannotResolveSaysHowToBringTheImage() {
        podman.answer(BUILD, 125, """
                STEP 1/2: FROM python:3.11-slim AS system
                Error: creating build container: short-name "python:3.11-slim" did not resolve to an alias and no \
                unqualified-search registries are defined in "/etc/containers/registries.conf"
                """, "");

        BuildFailedException e = catchThrowableOfType(BuildFailedException.class,
                () -> podman().build(request(), BuildProgress.silent()));

        assertThat(e.exitCode().code()).isEqualTo(6);
        assertThat(e.getMessage()).isEqualTo("cannot find the base image python:3.11-slim: podman's store has no "
                + "python:3.11-slim and podman cannot tell which registry the short name means (short-name "
                + "\"python:3.11-slim\" did not resolve to an alias and no unqualified-search registries are defined in "
                + "\"/etc/containers/registries.conf\")");
        assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).contains(
                "podman pull docker.io/library/python:3.11-slim", "docker save python:3.11-slim | podman load",
                "unqualified-search-registries"));
    }

    /** Podman's unreachable registry is Docker's: the same one-line explanation. */
    @Test
    void anUnreachableRegistryIsTheBaseImageFailure() {
        podman.answer(BUILD, 125, """
                STEP 1/2: FROM docker.io/library/nosuchimage:1
                Trying to pull docker.io/library/nosuchimage:1...
                Error: creating build container: initializing source docker://nosuchimage:1: pinging container \
                registry registry-1.docker.io: Get "https://registry-1.docker.io/v2/": dial tcp: lookup \
                registry-1.docker.io on 10.255.255.53:53: no such host
                """, "");

        BuildFailedException e = catchThrowableOfType(BuildFailedException.class,
                () -> podman().build(request(), BuildProgress.silent()));

        assertThat(e.getMessage()).startsWith("cannot pull the base image nosuchimage:1: registry-1.docker.io cannot "
                + "be reached from the engine");
    }

    private static BuildRequest request() {
        return new BuildRequest(out -> out.write(CONTEXT), "Dockerfile", Optional.empty(), List.of("demo:1"), Map.of(),
                Map.of(), false, false, false, true, Map.of());
    }

    private static BuildProgress recorder(List<String> steps) {
        return new BuildProgress() {
            @Override
            public void step(String description) {
                steps.add(description);
            }

            @Override
            public void line(String line) {
            }
        };
    }
}
