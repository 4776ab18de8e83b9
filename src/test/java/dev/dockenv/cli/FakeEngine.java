package dev.dockenv.cli;

import dev.dockenv.engine.BuildProgress;
import dev.dockenv.engine.BuildRequest;
import dev.dockenv.engine.Engine;
import dev.dockenv.engine.EngineInfo;
import dev.dockenv.engine.EngineUnreachableException;
import dev.dockenv.engine.EngineException;
import dev.dockenv.engine.ImageReference;
import dev.dockenv.engine.ImageSummary;
import dev.dockenv.engine.PushedImage;
import dev.dockenv.engine.RegistryRefusal;
import dev.dockenv.engine.RegistryRefusedException;
import dev.dockenv.engine.TransferProgress;
import dev.dockenv.errors.IoFailures;
import dev.dockenv.io.AtomicFiles;
import dev.dockenv.io.Sha256;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

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

    /** What {@link #runForOutput} prints for a command (entrypoint and arguments), before its default answer. */
    final Map<List<String>, String> outputs = new HashMap<>();
    /** What {@code pip inspect} prints in any image (null: the account files, as for any other command). */
    String pipInspect;

    @Override
    public String runForOutput(String image, List<String> entrypointAndArgs) {
        check();
        String answer = outputs.get(entrypointAndArgs);
        if (answer != null) {
            return answer;
        }
        if (pipInspect != null && entrypointAndArgs.contains("inspect")) {
            return pipInspect;
        }
        if (entrypointAndArgs.equals(dev.dockenv.sbom.PipInspectReport.COMMAND)) {
            // pip inspect for a release's SBOM: an environment with nothing installed
            return "{\"version\": \"1\", \"pip_version\": \"24.0\", \"installed\": [], "
                    + "\"environment\": {}}";
        }
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

    /** The image of each container, as {@link #containerImage} answers. */
    final Map<String, dev.dockenv.engine.ContainerImage> containerImages = new HashMap<>();

    @Override
    public Optional<dev.dockenv.engine.ContainerImage> containerImage(String containerId) {
        check();
        return Optional.ofNullable(containerImages.get(containerId));
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

    /** What the registries hold, by reference: what {@link #push} put there, or a test did. */
    final Map<String, ImageSummary> registry = new HashMap<>();
    /** The references pushed, in order. */
    final List<String> pushes = new ArrayList<>();
    /** How a registry (by host, docker.io for Docker Hub) refuses every push and pull, when a test says so. */
    final Map<String, RegistryRefusal> refusals = new HashMap<>();

    @Override
    public void tag(String source, ImageReference target) {
        check();
        ImageSummary image = images.get(source);
        if (image == null) {
            image = images.values().stream().filter(i -> i.id().equals(source)).findFirst()
                    .orElseThrow(() -> new EngineException("cannot tag " + source + " as " + target
                            + ": Error response from daemon: No such image: " + source, null));
        }
        images.put(target.text(), image);
    }

    @Override
    public PushedImage push(ImageReference reference, TransferProgress progress) {
        check();
        refuseIfTold("push", reference);
        ImageSummary image = images.get(reference.text());
        if (image == null) {
            throw new EngineException("cannot push " + reference + ": the engine has no image tagged " + reference,
                    "build it and tag it first");
        }
        progress.line("The push refers to repository [" + reference.repository() + "]");
        String digest = "sha256:" + Sha256.hex(image.id().getBytes(StandardCharsets.UTF_8));
        progress.line(reference.tag().orElse("latest") + ": digest: " + digest + " size: 528");
        registry.put(reference.text(), image);
        pushes.add(reference.text());
        return new PushedImage(reference, digest);
    }

    @Override
    public void pull(ImageReference reference, TransferProgress progress) {
        check();
        refuseIfTold("pull", reference);
        ImageSummary image = registry.get(reference.text());
        if (image == null) {
            throw new RegistryRefusedException("pull", reference, new RegistryRefusal.NotFound(
                    reference.registryHost(), "manifest unknown"));
        }
        images.put(reference.text(), image);
    }

    private void refuseIfTold(String operation, ImageReference reference) {
        RegistryRefusal refusal = refusals.get(reference.registryHost());
        if (refusal != null) {
            throw new RegistryRefusedException(operation, reference, refusal);
        }
    }

    /**
     * Writes a real gzip file (atomically, as the engine does): one line per image, "REFERENCE ID",
     * which {@link #load} reads back.
     */
    @Override
    public void save(List<ImageReference> references, Path archive) {
        check();
        StringBuilder text = new StringBuilder();
        for (ImageReference reference : references) {
            ImageSummary image = images.get(reference.text());
            if (image == null) {
                throw new EngineException("cannot save " + reference + " to " + archive
                        + ": Error response from daemon: reference does not exist", null);
            }
            text.append(reference.text()).append(' ').append(image.id()).append('\n');
        }
        try {
            AtomicFiles.write(archive, out -> {
                GZIPOutputStream gzip = new GZIPOutputStream(out);
                gzip.write(text.toString().getBytes(StandardCharsets.UTF_8));
                gzip.finish();
            });
        } catch (IOException e) {
            throw IoFailures.writing(archive, e);
        }
        saves.add(archive);
    }

    /** The archives {@link #save} wrote, in order. */
    final List<Path> saves = new ArrayList<>();

    @Override
    public List<String> load(Path archive) {
        check();
        String text;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(archive))) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw IoFailures.reading(archive, e);
        }
        List<String> loaded = new ArrayList<>();
        for (String line : text.lines().toList()) {
            String[] parts = line.split(" ");
            images.put(parts[0], new ImageSummary(parts[1], 1234, "2026-11-21T00:00:00Z", Map.of()));
            loaded.add(parts[0]);
        }
        return loaded;
    }

    /** The stack files each stack was deployed from, in order, and what they held. */
    final Map<String, List<String>> stackDeploys = new HashMap<>();
    /** The services and tasks of each stack, as {@link #stackServices} and {@link #stackTasks} answer. */
    final Map<String, List<dev.dockenv.engine.StackService>> stackServices = new HashMap<>();
    final Map<String, List<dev.dockenv.engine.StackTask>> stackTasks = new HashMap<>();
    /** When set, every stack deploy fails with this message (an engine that is no Swarm manager, say). */
    String stackDeployRefusal;
    /** The variables each stack's last deploy was given for interpolation. */
    final Map<String, Map<String, String>> stackVariables = new HashMap<>();
    /** Whether the engine says it is a Swarm manager. */
    boolean swarmManager = true;
    /** Each service's last update, as {@link #serviceUpdate} answers. */
    final Map<String, dev.dockenv.engine.ServiceUpdate> serviceUpdates = new HashMap<>();
    /**
     * Run after each stack deploy, before it returns: what Swarm does with the new specification
     * (a test sets the services, tasks and updates a deploy leads to).
     */
    java.util.function.Consumer<String> afterStackDeploy = stack -> { };

    @Override
    public boolean swarmManager() {
        check();
        return swarmManager;
    }

    /** What {@link #serviceLogs} answers, by service. */
    final Map<String, String> serviceLogs = new HashMap<>();

    @Override
    public String serviceLogs(String service, int lines) {
        check();
        return serviceLogs.getOrDefault(service, "");
    }

    @Override
    public Optional<dev.dockenv.engine.ServiceUpdate> serviceUpdate(String service) {
        check();
        return Optional.ofNullable(serviceUpdates.get(service));
    }

    @Override
    public void stackDeploy(String stack, Path stackFile, Map<String, String> variables, TransferProgress progress) {
        check();
        stackVariables.put(stack, Map.copyOf(variables));
        if (stackDeployRefusal != null) {
            throw new EngineException("docker stack deploy of " + stackFile + " as the stack " + stack + " failed: "
                    + stackDeployRefusal, null);
        }
        String text;
        try {
            text = Files.readString(stackFile);
        } catch (IOException e) {
            throw IoFailures.reading(stackFile, e);
        }
        stackDeploys.computeIfAbsent(stack, s -> new ArrayList<>()).add(text);
        progress.line("Updating service " + stack);
        afterStackDeploy.accept(stack);
    }

    @Override
    public List<dev.dockenv.engine.StackService> stackServices(String stack) {
        check();
        return List.copyOf(stackServices.getOrDefault(stack, List.of()));
    }

    @Override
    public List<dev.dockenv.engine.StackTask> stackTasks(String stack) {
        check();
        return List.copyOf(stackTasks.getOrDefault(stack, List.of()));
    }

    @Override
    public void stackRemove(String stack) {
        check();
        stackDeploys.remove(stack);
        stackServices.remove(stack);
        stackTasks.remove(stack);
    }
}
