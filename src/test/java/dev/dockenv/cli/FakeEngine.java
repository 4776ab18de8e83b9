package dev.dockenv.cli;

import dev.dockenv.engine.BuildProgress;
import dev.dockenv.engine.BuildRequest;
import dev.dockenv.engine.Engine;
import dev.dockenv.engine.EngineInfo;
import dev.dockenv.engine.EngineUnreachableException;
import dev.dockenv.engine.ImageSummary;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An in-memory engine for unit tests of the command layer's orchestration (which image is looked
 * up, when a build happens, what gets handed to docker run). The integration tests use the real one.
 */
final class FakeEngine implements Engine {
    final Map<String, ImageSummary> images = new HashMap<>();
    final List<BuildRequest> builds = new ArrayList<>();
    final List<byte[]> contexts = new ArrayList<>();
    boolean reachable = true;
    /** The engine this one stands for (the harness sets the one the command chose). */
    dev.dockenv.engine.EngineEndpoint endpoint = dev.dockenv.engine.EngineEndpoint.defaultEngine();
    /** How often the warm path asked for an image's ID. */
    int imageIdQuestions;

    @Override
    public dev.dockenv.engine.EngineEndpoint endpoint() {
        return endpoint;
    }

    @Override
    public Optional<String> imageId(String reference) {
        imageIdQuestions++;
        return inspectImage(reference).map(ImageSummary::id);
    }
    /** What {@link #localImages} answers, whatever the repository. */
    final List<String> localImages = new ArrayList<>();

    @Override
    public EngineInfo info() {
        check();
        return new EngineInfo("docker", "20.10.24", "20.10.24", "1.41", "linux", "amd64", false,
                EngineInfo.BuilderKind.BUILDKIT, dev.dockenv.engine.EngineDialect.DOCKER, false);
    }

    @Override
    public Optional<ImageSummary> inspectImage(String reference) {
        check();
        return Optional.ofNullable(images.get(reference));
    }

    @Override
    public void build(BuildRequest request, BuildProgress progress) {
        check();
        builds.add(request);
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        try {
            request.context().writeTo(tar);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        contexts.add(tar.toByteArray());
        ImageSummary summary = new ImageSummary("sha256:" + "ab".repeat(32), 1234, "2026-11-21T00:00:00Z",
                request.labels());
        request.tags().forEach(t -> images.put(t, summary));
    }

    @Override
    public String runForOutput(String image, List<String> entrypointAndArgs) {
        check();
        return "root:x:0:0:root:/root:/bin/bash\n--dockenv-group--\nroot:x:0:\n";
    }

    @Override
    public dev.dockenv.engine.ProcessRunner.Result runCapturing(List<String> dockerRunArgs) {
        check();
        return new dev.dockenv.engine.ProcessRunner.Result(0, "", "");
    }

    @Override
    public List<String> client() {
        List<String> client = new ArrayList<>(List.of("docker"));
        client.addAll(endpoint.clientOptions()); // as DockerCli: -H HOST when the option chose the engine
        return List.copyOf(client);
    }

    @Override
    public Optional<String> composeVersion() {
        return Optional.empty();
    }

    /** The compose implementation {@link #compose} answers (none unless a test sets one). */
    dev.dockenv.engine.Compose compose;
    /** The containers each compose project has, as {@link #composeContainers} answers. */
    final Map<String, List<dev.dockenv.engine.ContainerStatus>> containers = new HashMap<>();
    /** What each container printed. */
    final Map<String, String> logs = new HashMap<>();

    @Override
    public Optional<dev.dockenv.engine.Compose> compose() {
        check();
        return Optional.ofNullable(compose);
    }

    @Override
    public List<dev.dockenv.engine.ContainerStatus> composeContainers(String project) {
        check();
        return List.copyOf(containers.getOrDefault(project, List.of()));
    }

    @Override
    public String containerLogs(String containerId, int lines) {
        check();
        return logs.getOrDefault(containerId, "");
    }

    @Override
    public List<String> composeVolumes(String project) {
        return List.of();
    }

    @Override
    public Optional<String> lastHealthOutput(String containerId) {
        check();
        return Optional.empty();
    }

    private void check() {
        if (!reachable) {
            throw new EngineUnreachableException("container engine unreachable: fake", "start it");
        }
    }

    @Override
    public List<String> localImages(String repository) {
        check();
        return List.copyOf(localImages);
    }
}
