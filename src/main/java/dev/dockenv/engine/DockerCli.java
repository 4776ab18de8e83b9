package dev.dockenv.engine;

import dev.dockenv.engine.EngineInfo.BuilderKind;
import dev.dockenv.io.BackgroundTask;
import dev.dockenv.run.HostUser;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * {@link Engine} through the docker command-line client (see docs/architecture.md for why): it
 * honours DOCKER_HOST, contexts, TLS settings and credential helpers exactly as the user's own
 * {@code docker} does. The client is {@code $DOCKENV_DOCKER} or {@code docker} on PATH. What the
 * client says about the engine and its images is read as JSON ({@link DockerJson}).
 *
 * <p>Podman's own client ({@code DOCKENV_DOCKER=podman}) is recognized by its name or by its version
 * report, and spoken to in its {@link EngineDialect}: its version report names no separate engine
 * (a local podman is its own engine; {@code podman info} proves it can start), its builds take no
 * {@code --progress}, and rootless it runs containers with {@code --userns=keep-id}.
 */
public final class DockerCli implements Engine {
    private final List<String> client;
    private final ProcessRunner processes;
    private final Map<String, String> environment;
    private final HostFiles hostFiles;
    private final EngineEndpoint endpoint;
    /** The engine's versions, asked once; started early by {@link #prefetchInfo()} when a build is coming. */
    private CompletableFuture<EngineInfo> info;

    public DockerCli(List<String> client, ProcessRunner processes, Map<String, String> environment) {
        this(client, processes, environment, HostFiles.LOCAL, EngineEndpoints.resolve(Optional.empty(), environment));
    }

    DockerCli(List<String> client, ProcessRunner processes, Map<String, String> environment, HostFiles hostFiles) {
        this(client, processes, environment, hostFiles, EngineEndpoints.resolve(Optional.empty(), environment));
    }

    DockerCli(List<String> client, ProcessRunner processes, Map<String, String> environment, HostFiles hostFiles,
            EngineEndpoint endpoint) {
        this.client = List.copyOf(client);
        this.processes = processes;
        this.environment = Map.copyOf(environment);
        this.hostFiles = hostFiles;
        this.endpoint = endpoint;
    }

    /** The client named by DOCKENV_DOCKER (a path or a command name, taken whole), else {@code docker}. */
    public static DockerCli fromEnvironment(Map<String, String> env, ProcessRunner processes) {
        return fromEnvironment(env, processes, EngineEndpoints.resolve(Optional.empty(), env));
    }

    /** The same, talking to {@code endpoint} (chosen with {@code -H}, or as the client would choose it). */
    public static DockerCli fromEnvironment(Map<String, String> env, ProcessRunner processes, EngineEndpoint endpoint) {
        String configured = env.getOrDefault("DOCKENV_DOCKER", "").trim();
        List<String> client = List.of(configured.isEmpty() ? "docker" : configured);
        return new DockerCli(client, processes, env, HostFiles.LOCAL, endpoint);
    }

    /** The client and the options that point it at the chosen engine ({@code docker -H HOST}, {@code podman --url HOST}). */
    @Override
    public List<String> client() {
        List<String> line = new ArrayList<>(client);
        line.addAll(hostOptions());
        return List.copyOf(line);
    }

    @Override
    public EngineEndpoint endpoint() {
        return endpoint;
    }

    private List<String> hostOptions() {
        if (endpoint.source() != EngineEndpoint.Source.OPTION) {
            return List.of(); // DOCKER_HOST and contexts: the client reads them itself
        }
        return namedPodman() ? List.of("--url", endpoint.host()) : endpoint.clientOptions();
    }

    @Override
    public EngineInfo info() {
        CompletableFuture<EngineInfo> answer = infoFuture(false);
        try {
            return answer.join();
        } catch (CompletionException e) {
            synchronized (this) {
                if (info == answer) {
                    info = null; // no answer: asked again next time
                }
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    @Override
    public void prefetchInfo() {
        infoFuture(true);
    }

    /** The engine's versions when they were asked and answered already; nothing is asked here. */
    private synchronized Optional<EngineInfo> knownInfo() {
        return info == null || !info.isDone() || info.isCompletedExceptionally() ? Optional.empty()
                : Optional.of(info.join());
    }

    /** The one question for the engine's versions: on a daemon thread when prefetched, else on the caller's. */
    private synchronized CompletableFuture<EngineInfo> infoFuture(boolean background) {
        if (info == null) {
            if (background) {
                info = BackgroundTask.start("dockenv-engine-info", this::probe);
            } else {
                try {
                    info = CompletableFuture.completedFuture(probe());
                } catch (RuntimeException e) {
                    return CompletableFuture.failedFuture(e); // asked again next time
                }
            }
        }
        return info;
    }

    private EngineInfo probe() {
        ProcessRunner.Result r = query(List.of("version", "--format", "{{json .}}"));
        if (!r.ok()) {
            throw unreachable(r.stderr());
        }
        DockerJson.Versions v = DockerJson.versions(r.stdout());
        if (v.server().isBlank()) {
            throw unreachable(r.stderr().isBlank() ? "the client's version report names no engine" : r.stderr());
        }
        boolean rootless = false;
        if (v.dialect() == EngineDialect.PODMAN) {
            ProcessRunner.Result podmanInfo = query(List.of("info", "--format", "{{json .}}"));
            if (!podmanInfo.ok()) {
                throw podmanCannotStart(podmanInfo.stderr());
            }
            DockerJson.PodmanInfo podman = DockerJson.podmanInfo(podmanInfo.stdout());
            rootless = podman.rootless();
            if (rootless && podman.mappedUids() == 1) {
                throw new EngineException("rootless podman has no subordinate user ids for "
                        + environment.getOrDefault("USER", "this user") + " (none in /etc/subuid and /etc/subgid): "
                        + "it maps only the user's own uid, so it cannot unpack images whose files belong to other "
                        + "users (Debian's python images among them)", SUBORDINATE_IDS_HINT);
            }
        }
        return new EngineInfo(String.join(" ", client), v.client(), v.server(), v.apiVersion(), v.os(), v.arch(),
                v.podman(), builderFor(v.client(), v.podman()), v.dialect(), rootless);
    }

    /**
     * The dialect of the client: Podman's when its program is named podman (known without starting
     * anything, so the warm path asks nothing), else what its version report said when it was asked
     * (a {@code docker} alias of podman), else Docker's.
     */
    public EngineDialect dialect() {
        if (namedPodman()) {
            return EngineDialect.PODMAN;
        }
        return knownInfo().map(EngineInfo::dialect).orElse(EngineDialect.DOCKER);
    }

    private boolean namedPodman() {
        String program = Path.of(client.get(0)).getFileName().toString().toLowerCase(Locale.ROOT);
        return program.contains("podman");
    }

    /**
     * What {@code docker run} needs to run as {@code user} with files in the project owned by that
     * user: nothing for Docker (and rootful Podman), which take {@code --user} as the host's ids.
     * Rootless Podman maps the container's ids into the user's subordinate range, so the user's own
     * uid is kept with {@code --userns=keep-id}. Podman's {@code --init} starts catatonit: a
     * machine without it gets an error naming the package instead of Podman's "container-init
     * binary not found" after the launch.
     */
    @Override
    public List<String> runOptions(HostUser user) {
        if (dialect() != EngineDialect.PODMAN) {
            return List.of();
        }
        requirePodmanInit();
        boolean rootless = knownInfo().map(EngineInfo::rootless).orElseGet(() -> !user.isRoot() && !remotePodman());
        return rootless ? List.of("--userns=keep-id") : List.of();
    }

    /** Podman's client talking to a service elsewhere (CONTAINER_HOST, a connection), whose ids are not the caller's. */
    private boolean remotePodman() {
        return !environment.getOrDefault("CONTAINER_HOST", "").isBlank()
                || !environment.getOrDefault("CONTAINER_CONNECTION", "").isBlank();
    }

    /** Where Podman 4 looks for catatonit (containers.conf's init_path and helper_binaries_dir defaults). */
    private static final List<String> PODMAN_INIT = List.of("/usr/libexec/podman/catatonit",
            "/usr/local/libexec/podman/catatonit", "/usr/local/lib/podman/catatonit", "/usr/lib/podman/catatonit");

    private void requirePodmanInit() {
        if (remotePodman() || PODMAN_INIT.stream().anyMatch(p -> hostFiles.executable(Path.of(p)))
                || containersConfSetsInitPath()) {
            return;
        }
        throw new EngineException("podman cannot start the init process dockenv runs containers with (--init): "
                + "catatonit is not installed (" + PODMAN_INIT.get(0) + " is missing)",
                "install it (sudo apt-get install catatonit), or set init_path in containers.conf");
    }

    private boolean containersConfSetsInitPath() {
        List<Path> files = new ArrayList<>(List.of(Path.of("/usr/share/containers/containers.conf"),
                Path.of("/etc/containers/containers.conf")));
        String configHome = environment.getOrDefault("XDG_CONFIG_HOME", "");
        String home = environment.getOrDefault("HOME", "");
        if (!configHome.isBlank()) {
            files.add(Path.of(configHome, "containers", "containers.conf"));
        } else if (!home.isBlank()) {
            files.add(Path.of(home, ".config", "containers", "containers.conf"));
        }
        return files.stream().map(hostFiles::read).flatMap(Optional::stream)
                .anyMatch(text -> text.lines().anyMatch(l -> l.strip().startsWith("init_path")));
    }

    private static final String SUBORDINATE_IDS_HINT = "rootless Podman needs the uidmap package and ranges for "
            + "your user in /etc/subuid and /etc/subgid (sudo usermod --add-subuids 100000-165535 --add-subgids "
            + "100000-165535 $USER), then `podman system migrate`";

    private EngineUnreachableException podmanCannotStart(String stderr) {
        String line = stderr.lines().filter(l -> !l.isBlank() && !l.contains("level=warning"))
                .reduce((a, b) -> b).orElse("").strip();
        String lower = line.toLowerCase(Locale.ROOT);
        String hint = lower.contains("newuidmap") || lower.contains("subuid") || lower.contains("uid_map")
                || lower.contains("user namespace")
                ? SUBORDINATE_IDS_HINT
                : "`podman info` shows what Podman needs; `dockenv doctor` checks the setup";
        return new EngineUnreachableException("container engine unreachable: podman cannot start: "
                + (line.isEmpty() ? "`podman info` failed" : line), hint);
    }

    private BuilderKind builderFor(String clientVersion, boolean podman) {
        String forced = environment.get("DOCKER_BUILDKIT");
        if (forced != null && !forced.isBlank()) {
            return forced.trim().equals("0") || forced.trim().equalsIgnoreCase("false")
                    ? BuilderKind.LEGACY : BuilderKind.BUILDKIT;
        }
        if (podman) {
            return BuilderKind.BUILDKIT;
        }
        if (majorVersion(clientVersion) < 23) {
            return BuilderKind.BUILDKIT;
        }
        return query(List.of("buildx", "version")).ok() ? BuilderKind.BUILDKIT : BuilderKind.LEGACY;
    }

    public static int majorVersion(String version) {
        try {
            return Integer.parseInt(version.trim().split("[.+-]")[0]);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The chosen engine's own socket, when it is a unix socket here (never for Podman's client, which has its own service). */
    private Optional<LocalEngineSocket> fastSocket() {
        return namedPodman() ? Optional.empty() : LocalEngineSocket.forEndpoint(endpoint);
    }

    @Override
    public Optional<String> imageId(String reference) {
        Optional<LocalEngineSocket> socket = fastSocket();
        if (socket.isPresent()) {
            try {
                return socket.get().imageId(reference);
            } catch (IOException | RuntimeException e) {
                // not the answer expected from a local engine: ask the client, which knows best
            }
        }
        // the ID alone, printed bare: this is the warm path when the socket is not used, so nothing to parse
        return inspect(reference, List.of("--format", "{{.Id}}")).map(String::trim);
    }

    /**
     * {@code docker image inspect --format {{.Id}} REFERENCE} alone; with services, one untyped
     * {@code docker inspect} of the image and the containers: a line per object, the ID, then for a
     * container its state and health when it has a check (the raw-JSON template works on both kinds).
     * Podman's client: the image alone (its inspect templates differ), no probe with services.
     */
    @Override
    public Optional<EngineProbe> readinessProbe(String reference, String imageId, List<ContainerStatus> services) {
        List<String> command = new ArrayList<>(client());
        if (services.isEmpty()) {
            command.addAll(List.of("image", "inspect", "--format", "{{.Id}}", reference));
            return Optional.of(new EngineProbe(command, imageId + "\n"));
        }
        if (namedPodman() || !services.stream().allMatch(s -> s.id().matches("[0-9a-f]{64}"))) {
            return Optional.empty();
        }
        command.addAll(List.of("inspect", "--format", PROBE_FORMAT, reference));
        StringBuilder expected = new StringBuilder(imageId).append('\n');
        for (ContainerStatus service : services) {
            command.add(service.id());
            expected.append(service.id()).append(' ').append(service.state())
                    .append(service.health().map(h -> " " + h.name().toLowerCase(Locale.ROOT)).orElse("")).append('\n');
        }
        return Optional.of(new EngineProbe(command, expected.toString()));
    }

    /** The engine's version, storage driver and data root (a root may hold blanks: it comes last). */
    static final String STORE_FORMAT = "{{.ServerVersion}} {{.Driver}} {{.DockerRootDir}}";

    @Override
    public Optional<LocalImageStore> localImageStore() {
        if (namedPodman() || knownInfo().map(i -> i.dialect() == EngineDialect.PODMAN).orElse(false)) {
            return Optional.empty();
        }
        try {
            ProcessRunner.Result r = query(List.of("info", "--format", STORE_FORMAT));
            String line = r.stdout().strip();
            String[] answer = line.split(" ", 3);
            if (!r.ok() || answer.length != 3 || line.indexOf('\n') >= 0) {
                return Optional.empty();
            }
            return LocalImageStore.at(endpoint.host(), answer[2], answer[1], answer[0], Path.of("/proc"));
        } catch (RuntimeException e) {
            return Optional.empty(); // the launcher asks the engine instead
        }
    }

    /** The ID; for a container, its state and its health when it has a check (index: no error on an image). */
    static final String PROBE_FORMAT = "{{.Id}}{{with index . \"State\"}} {{.Status}}"
            + "{{with index . \"Health\"}} {{.Status}}{{end}}{{end}}";

    @Override
    public Optional<ImageSummary> inspectImage(String reference) {
        Optional<String> json = inspect(reference, List.of());
        if (json.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(DockerJson.image(json.get()).orElseThrow(() -> new EngineException(
                "cannot inspect image " + reference + ": the client described no image", null)));
    }

    /** What {@code image inspect} prints for the reference, empty when the engine has no such image. */
    private Optional<String> inspect(String reference, List<String> options) {
        List<String> args = new ArrayList<>(List.of("image", "inspect"));
        args.addAll(options);
        args.add(reference);
        ProcessRunner.Result r = query(args);
        if (!r.ok()) {
            if (isNoSuchImage(r.stderr())) {
                return Optional.empty();
            }
            throw unreachableOrError(r.stderr(), "cannot inspect image " + reference);
        }
        return Optional.of(r.stdout());
    }

    @Override
    public void build(BuildRequest request, BuildProgress progress) {
        boolean podmanClient = dialect() == EngineDialect.PODMAN;
        Optional<Path> folder = request.useBuildKit() && !podmanClient ? ContextFolder.write(request.context())
                : Optional.empty();
        try {
            build(request, progress, podmanClient, folder);
        } finally {
            folder.ifPresent(ContextFolder::delete);
        }
    }

    private void build(BuildRequest request, BuildProgress progress, boolean podmanClient, Optional<Path> folder) {
        String dockerfile = folder.map(f -> f.resolve(request.dockerfilePath()).toString())
                .orElse(request.dockerfilePath());
        List<String> args = new ArrayList<>(List.of("build", "-f", dockerfile));
        if (podmanClient) {
            // Buildah: no --progress, mounts and secrets always; it removes a failed step's container itself
        } else if (request.useBuildKit()) {
            args.add("--progress=plain");
        } else {
            args.add("--force-rm"); // the legacy builder otherwise keeps a failed step's container
        }
        request.target().ifPresent(t -> args.addAll(List.of("--target", t)));
        for (String tag : request.tags()) {
            args.addAll(List.of("-t", tag));
        }
        request.labels().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(l -> args.addAll(List.of("--label", l.getKey() + "=" + l.getValue())));
        request.buildArgs().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(a -> args.addAll(List.of("--build-arg", a.getKey() + "=" + a.getValue())));
        if (request.hostNetwork()) {
            args.addAll(List.of("--network", "host"));
        }
        request.secrets().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(s -> args.addAll(List.of("--secret", "id=" + s.getKey() + ",src=" + s.getValue())));
        if (request.noCache()) {
            args.add("--no-cache");
        }
        if (request.pull()) {
            args.add("--pull");
        }
        args.add(folder.map(Path::toString).orElse("-"));
        Map<String, String> env = new HashMap<>();
        if (!podmanClient) {
            env.put("DOCKER_BUILDKIT", request.useBuildKit() ? "1" : "0");
        }
        BuildLog log = new BuildLog(progress);
        int code;
        try {
            code = processes.stream(command(args), env,
                    folder.isPresent() ? null : out -> request.context().writeTo(out), log::accept);
        } catch (IOException e) {
            throw clientMissing(e);
        } catch (CompletionException e) {
            // writing the context failed (e.g. a file changed while it was sent): that error, not its wrapper
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
        Optional<BuildFailedException> failure = log.failure(code);
        if (failure.isPresent()) {
            BuildFailedException f = failure.get();
            String all = String.join("\n", f.stepOutput());
            String everything = String.join("\n", log.tail());
            if (!request.useBuildKit() && (everything.contains("--mount option requires BuildKit")
                    || everything.contains("Unknown flag: mount"))) {
                throw new EngineException("the Dockerfile uses RUN --mount, which needs BuildKit, and this docker "
                        + "client (" + String.join(" ", client) + ") builds with the legacy builder",
                        "install the buildx plugin, set DOCKENV_DOCKER to a client with BuildKit, or remove the "
                                + "--mount options (dockenv init --force writes a Dockerfile for this builder)");
            }
            if (f.step().isEmpty() && all.contains("buildx component is missing")) {
                throw new EngineException("this docker client (" + String.join(" ", client)
                        + ") has no buildx component, so it cannot build with BuildKit (DOCKER_BUILDKIT="
                        + environment.getOrDefault("DOCKER_BUILDKIT", "") + ")",
                        "unset DOCKER_BUILDKIT to use the legacy builder, install the buildx plugin, "
                                + "or set DOCKENV_DOCKER to a client with BuildKit");
            }
            if (f.step().isEmpty() && isUnreachable(all)) {
                throw unreachable(all);
            }
            if (podmanClient) {
                Optional<BuildFailedException> shortName = BaseImageFailure.podmanShortName(f, everything);
                if (shortName.isPresent()) {
                    throw shortName.get();
                }
            }
            throw BaseImageFailure.explain(f).map(BuildFailedException.class::cast).orElse(f);
        }
    }

    @Override
    public String runForOutput(String image, List<String> entrypointAndArgs) {
        List<String> args = new ArrayList<>(List.of("run", "--rm", "--network", "none", "--user", "0:0",
                "--entrypoint", entrypointAndArgs.get(0), image));
        args.addAll(entrypointAndArgs.subList(1, entrypointAndArgs.size()));
        ProcessRunner.Result r = call(args);
        if (!r.ok()) {
            throw unreachableOrError(r.stderr(), "cannot run " + String.join(" ", entrypointAndArgs) + " in " + image);
        }
        return r.stdout();
    }

    @Override
    public ProcessRunner.Result runCapturing(List<String> dockerRunArgs) {
        List<String> args = new ArrayList<>(List.of("run"));
        args.addAll(dockerRunArgs);
        ProcessRunner.Result r = call(args);
        if (!r.ok() && isUnreachable(r.stderr())) {
            throw unreachable(r.stderr());
        }
        return r;
    }

    @Override
    public Optional<String> composeVersion() {
        if (dialect() == EngineDialect.PODMAN) {
            // docker-compose would talk to Docker's engine, not to Podman; podman 4.3 has no compose command
            try {
                ProcessRunner.Result r = processes.run(List.of("podman-compose", "--version"), Map.of(), null);
                return r.ok() ? r.stdout().lines().findFirst().map(String::strip) : Optional.empty();
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        return compose().map(Compose::version);
    }

    @Override
    public Optional<Compose> compose() {
        if (dialect() == EngineDialect.PODMAN) {
            return Optional.empty();
        }
        ProcessRunner.Result plugin = query(List.of("compose", "version", "--short"));
        if (plugin.ok() && !plugin.stdout().isBlank()) {
            List<String> command = new ArrayList<>(client());
            command.add("compose");
            return Optional.of(new ComposeCli(command, "docker compose " + plugin.stdout().trim(), processes));
        }
        try {
            ProcessRunner.Result standalone = processes.run(List.of("docker-compose", "version", "--short"),
                    Map.of(), null);
            if (standalone.ok()) {
                List<String> command = new ArrayList<>(List.of("docker-compose"));
                command.addAll(endpoint.standaloneComposeOptions());
                return Optional.of(new ComposeCli(command, "docker-compose "
                        + standalone.stdout().trim(), processes));
            }
        } catch (IOException e) {
            // not installed
        }
        return Optional.empty();
    }

    @Override
    public List<ContainerStatus> composeContainers(String project) {
        Optional<LocalEngineSocket> socket = fastSocket();
        if (socket.isPresent()) {
            try {
                return socket.get().composeContainers(project);
            } catch (IOException | RuntimeException e) {
                // ask the client
            }
        }
        ProcessRunner.Result r = query(List.of("ps", "-a", "--no-trunc", "--filter",
                "label=com.docker.compose.project=" + project, "--format", ContainerListing.FORMAT));
        if (!r.ok()) {
            throw unreachableOrError(r.stderr(), "cannot list the containers of " + project);
        }
        return ContainerListing.fromLines(r.stdout());
    }

    @Override
    public List<String> composeVolumes(String project) {
        ProcessRunner.Result r = query(List.of("volume", "ls", "-q", "--filter", "label=com.docker.compose.project="
                + project));
        if (!r.ok()) {
            throw unreachableOrError(r.stderr(), "cannot list the volumes of " + project);
        }
        return r.stdout().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    @Override
    public Optional<ContainerImage> containerImage(String containerId) {
        ProcessRunner.Result r = query(List.of("container", "inspect", "--format", "{{json .Config.Image}} {{json .Image}}",
                containerId));
        if (!r.ok()) {
            if (r.stderr().toLowerCase(java.util.Locale.ROOT).contains("no such")) {
                return Optional.empty();
            }
            throw unreachableOrError(r.stderr(), "cannot inspect the container " + containerId);
        }
        String line = r.stdout().strip();
        int space = line.indexOf("\" \"");
        if (space < 0) {
            throw new EngineException("the engine described the container " + containerId + " as '" + line
                    + "', not as its image's reference and ID", "check that the engine is Docker or Podman");
        }
        return Optional.of(new ContainerImage(DockerJson.string(line.substring(0, space + 1)),
                DockerJson.string(line.substring(space + 2))));
    }

    @Override
    public String containerLogs(String containerId, int lines) {
        ProcessRunner.Result r = query(List.of("logs", "--tail", Integer.toString(lines), containerId));
        return (r.stdout() + r.stderr()).strip();
    }

    @Override
    public Optional<String> lastHealthOutput(String containerId) {
        ProcessRunner.Result r = query(List.of("inspect", "--format",
                "{{if .State.Health}}{{range .State.Health.Log}}{{json .Output}}\n{{end}}{{end}}", containerId));
        if (!r.ok()) {
            return Optional.empty();
        }
        List<String> outputs = r.stdout().lines().filter(l -> l.startsWith("\"")).toList();
        if (outputs.isEmpty()) {
            return Optional.empty();
        }
        String text = DockerJson.string(outputs.get(outputs.size() - 1)).strip();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    @Override
    public void tag(String source, ImageReference target) {
        if (source.isEmpty() || source.startsWith("-") || source.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("not an image reference or ID: " + source);
        }
        ProcessRunner.Result r = query(List.of("tag", source, target.text()));
        if (!r.ok()) {
            throw unreachableOrError(r.stderr(), "cannot tag " + source + " as " + target);
        }
    }

    /** The digest line of a push: "TAG: digest: sha256:HEX size: N". */
    private static final java.util.regex.Pattern PUSHED_DIGEST = java.util.regex.Pattern.compile(
            ".*\\bdigest: (sha256:[0-9a-f]{64})\\b.*");

    @Override
    public PushedImage push(ImageReference reference, TransferProgress progress) {
        List<String> output = transfer("push", reference, progress);
        Optional<String> digest = output.stream().map(PUSHED_DIGEST::matcher).filter(java.util.regex.Matcher::matches)
                .map(m -> m.group(1)).reduce((a, b) -> b);
        return new PushedImage(reference, digest.orElseGet(() -> repoDigest(reference)));
    }

    /** The digest the engine recorded for the pushed repository (for a client that prints none, such as podman). */
    private String repoDigest(ImageReference reference) {
        ProcessRunner.Result r = query(List.of("image", "inspect", "--format", "{{json .RepoDigests}}",
                reference.text()));
        if (r.ok()) {
            String prefix = reference.repository() + "@";
            for (String entry : DockerJson.strings(r.stdout())) {
                String bare = entry.replaceFirst("^(docker\\.io/|localhost/)", "");
                if (entry.startsWith(prefix) || bare.startsWith(prefix)) {
                    return entry.substring(entry.indexOf('@') + 1);
                }
            }
        }
        throw new EngineException("pushed " + reference + ", but the client named no digest for it", null);
    }

    @Override
    public void pull(ImageReference reference, TransferProgress progress) {
        transfer("pull", reference, progress);
    }

    /**
     * Runs {@code docker push|pull REFERENCE} with the user's credentials (DOCKER_CONFIG as the
     * session's environment names it, the rest as the client resolves it), each line to
     * {@code progress}; returns the lines, or throws what the failure was.
     */
    private List<String> transfer(String operation, ImageReference reference, TransferProgress progress) {
        List<String> lines = new ArrayList<>();
        int code;
        try {
            code = processes.stream(command(List.of(operation, reference.text())), clientConfig(), null, line -> {
                lines.add(line);
                progress.line(line);
            });
        } catch (IOException e) {
            throw clientMissing(e);
        }
        if (code != 0) {
            throw transferFailure(operation, reference, String.join("\n", lines), code);
        }
        return lines;
    }

    /** The client's configuration folder, when the session's environment names one. */
    private Map<String, String> clientConfig() {
        String config = environment.getOrDefault("DOCKER_CONFIG", "");
        return config.isBlank() ? Map.of() : Map.of("DOCKER_CONFIG", config);
    }

    private RuntimeException transferFailure(String operation, ImageReference reference, String output, int code) {
        if (isEngineUnreachable(output)) {
            return unreachable(output);
        }
        String lower = output.toLowerCase(Locale.ROOT);
        if (operation.equals("push") && (lower.contains("does not exist locally") || lower.contains("no such image")
                || lower.contains("image not known"))) {
            return new EngineException("cannot push " + reference + ": the engine has no image tagged " + reference,
                    "build it and tag it first");
        }
        if (output.isBlank()) {
            output = "docker " + operation + " stopped with exit code " + code + " and printed nothing";
        } else if (code > 128) {
            output = output + "\ndocker " + operation + " was stopped by signal " + (code - 128);
        }
        return new RegistryRefusedException(operation, reference, RegistryRefusal.classify(reference, output));
    }

    /** The client could not talk to the engine itself (not to a registry). */
    private static boolean isEngineUnreachable(String output) {
        String s = output.toLowerCase(Locale.ROOT);
        return s.contains("cannot connect to the docker daemon") || s.contains("is the docker daemon running")
                || s.contains("error during connect") || s.contains("permission denied while trying to connect")
                || s.contains("cannot connect to podman") || s.contains("context not found");
    }

    @Override
    public void save(List<ImageReference> references, Path archive) {
        if (references.isEmpty()) {
            throw new IllegalArgumentException("no image to save");
        }
        List<String> args = new ArrayList<>(List.of("save"));
        references.forEach(r -> args.add(r.text()));
        ProcessRunner.Result[] result = new ProcessRunner.Result[1];
        IOException[] writeFailure = new IOException[1];
        try {
            dev.dockenv.io.AtomicFiles.write(archive, out -> {
                java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(
                        new WriteFailures(out, writeFailure), 1 << 16);
                try {
                    result[0] = processes.runTo(command(args), Map.of(), gzip);
                } catch (IOException e) {
                    if (writeFailure[0] != null) {
                        throw writeFailure[0];
                    }
                    throw clientMissing(e);
                }
                if (!result[0].ok()) {
                    throw saveFailure(references, archive, result[0].stderr());
                }
                gzip.finish();
            });
        } catch (IOException e) {
            throw dev.dockenv.errors.IoFailures.writing(archive, e);
        }
    }

    private RuntimeException saveFailure(List<ImageReference> references, Path archive, String stderr) {
        if (isUnreachable(stderr)) {
            return unreachable(stderr);
        }
        String names = String.join(", ", references.stream().map(ImageReference::text).toList());
        String lower = stderr.toLowerCase(Locale.ROOT);
        String hint = lower.contains("does not exist") || lower.contains("no such image") || lower.contains("not known")
                ? "every image to save must exist on the engine: `docker image ls` lists them" : null;
        return new EngineException("cannot save " + names + " to " + archive + ": " + firstLine(stderr), hint);
    }

    /** Remembers the IOException a write threw, so that a full disk is told from a client that failed. */
    private static final class WriteFailures extends java.io.FilterOutputStream {
        private final IOException[] failure;

        WriteFailures(java.io.OutputStream out, IOException[] failure) {
            super(out);
            this.failure = failure;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                failure[0] = e;
                throw e;
            }
        }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (IOException e) {
                failure[0] = e;
                throw e;
            }
        }
    }

    @Override
    public List<String> load(Path archive) {
        Path file = archive.toAbsolutePath();
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            if (in.read() < 0) {
                throw new EngineException("cannot load " + file + ": the file is empty",
                        "give an archive `docker save` or `dockenv save` wrote");
            }
        } catch (IOException e) {
            throw dev.dockenv.errors.IoFailures.reading(file, e);
        }
        ProcessRunner.Result r = call(List.of("load", "-i", file.toString()));
        if (!r.ok()) {
            if (isUnreachable(r.stderr())) {
                throw unreachable(r.stderr());
            }
            throw new EngineException("cannot load " + file + ": " + firstLine(r.stderr()),
                    "give an archive `docker save` or `dockenv save` wrote (a tar, or a tar compressed with gzip)");
        }
        List<String> loaded = new ArrayList<>();
        for (String line : r.stdout().lines().map(String::strip).toList()) {
            if (line.startsWith("Loaded image: ")) {
                loaded.add(line.substring("Loaded image: ".length()).strip());
            } else if (line.startsWith("Loaded image ID: ")) {
                loaded.add(line.substring("Loaded image ID: ".length()).strip());
            } else if (line.startsWith("Loaded image(s): ")) { // podman
                for (String ref : line.substring("Loaded image(s): ".length()).split(",")) {
                    loaded.add(ref.strip());
                }
            }
        }
        return List.copyOf(loaded);
    }

    /** Where the engine the client talks to is, and why that one: {@code -H}, DOCKER_HOST, a context, the default. */
    public Optional<String> endpointDescription() {
        if (dialect() == EngineDialect.PODMAN) {
            if (endpoint.source() == EngineEndpoint.Source.OPTION) {
                return Optional.of(endpoint.host() + " (-H)");
            }
            String remote = environment.getOrDefault("CONTAINER_HOST", "");
            if (!remote.isBlank()) {
                return Optional.of(remote + " (CONTAINER_HOST)");
            }
            return Optional.of("this machine, " + (info().rootless() ? "rootless" : "rootful"));
        }
        if (!endpoint.host().isEmpty()) {
            return Optional.of(endpoint.describe());
        }
        ProcessRunner.Result r = query(List.of("context", "inspect"));
        if (!r.ok()) {
            return Optional.of(endpoint.describe());
        }
        return DockerJson.context(r.stdout()).map(DockerJson.Context::endpoint);
    }

    /** Where the engine keeps its data (for free-disk checks), when it says. */
    public Optional<String> rootDir() {
        ProcessRunner.Result r = query(List.of("info", "--format", "{{json .}}"));
        return r.ok() ? DockerJson.rootDir(r.stdout()) : Optional.empty();
    }

    /**
     * A question to the engine (version, info, an image's description): bounded, so that an engine
     * that accepts connections and never answers is an error, not a hang. The limit is
     * {@code DOCKENV_ENGINE_TIMEOUT} seconds, 30 by default.
     */
    @Override
    public List<String> localImages(String repository) {
        ProcessRunner.Result r = query(List.of("image", "ls", "--format", "{{.Repository}}:{{.Tag}}", repository));
        if (!r.ok()) {
            return List.of();
        }
        // podman names images in full (docker.io/library/python:3.11-slim); docker as written
        return r.stdout().lines().map(String::strip).filter(l -> !l.isEmpty() && !l.endsWith(":<none>"))
                .map(l -> l.replaceFirst("^docker\\.io/library/", "").replaceFirst("^docker\\.io/", ""))
                .distinct().sorted().toList();
    }

    /** A stack's name as docker takes it (it prefixes the services and networks with it). */
    private static final java.util.regex.Pattern STACK_NAME = java.util.regex.Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_-]*");

    private static String stackName(String stack) {
        if (!STACK_NAME.matcher(stack).matches()) {
            throw new IllegalArgumentException("'" + stack + "' is not a stack name: letters, digits, '_' and '-', "
                    + "starting with a letter or digit");
        }
        return stack;
    }

    @Override
    public void stackDeploy(String stack, Path stackFile, Map<String, String> variables, TransferProgress progress) {
        List<String> lines = new ArrayList<>();
        Map<String, String> environment = new java.util.HashMap<>(variables);
        environment.putAll(clientConfig());
        int code;
        try {
            code = processes.stream(command(List.of("stack", "deploy", "--compose-file", stackFile.toString(),
                    "--with-registry-auth", "--prune", stackName(stack))), environment, null, line -> {
                        lines.add(line);
                        progress.line(line);
                    });
        } catch (IOException e) {
            throw clientMissing(e);
        }
        if (code != 0) {
            String output = String.join("\n", lines);
            if (isEngineUnreachable(output)) {
                throw unreachable(output);
            }
            String lower = output.toLowerCase(Locale.ROOT);
            String hint = lower.contains("not a swarm manager")
                    ? "the engine is not a Swarm manager: `docker swarm init` makes it a single-node Swarm, or point "
                            + "-H at a manager of yours"
                    : null;
            throw new EngineException("docker stack deploy of " + stackFile + " as the stack " + stack + " failed: "
                    + (output.isBlank() ? "exit code " + code : lastLines(output, 5)), hint);
        }
    }

    @Override
    public boolean swarmManager() {
        ProcessRunner.Result r = query(List.of("info", "--format", "{{.Swarm.LocalNodeState}} {{.Swarm.ControlAvailable}}"));
        if (!r.ok() && isUnreachable(r.stderr())) {
            throw unreachable(r.stderr());
        }
        // podman's info has no Swarm: it is no manager
        return r.ok() && r.stdout().strip().equals("active true");
    }

    @Override
    public Optional<ServiceUpdate> serviceUpdate(String service) {
        ProcessRunner.Result r = query(List.of("service", "inspect", "--format", "{{json .UpdateStatus}}", service));
        if (!r.ok()) {
            if (r.stderr().toLowerCase(Locale.ROOT).contains("no such service")) {
                return Optional.empty();
            }
            throw unreachableOrError(r.stderr(), "cannot inspect the service " + service);
        }
        String json = r.stdout().strip();
        if (json.isEmpty() || json.equals("null")) {
            return Optional.empty();
        }
        Map<String, String> status = DockerJson.flatObject(json);
        String state = status.getOrDefault("State", "");
        return state.isEmpty() ? Optional.empty() : Optional.of(new ServiceUpdate(state,
                status.getOrDefault("StartedAt", ""), status.getOrDefault("Message", "")));
    }

    @Override
    public String serviceLogs(String service, int lines) {
        ProcessRunner.Result r = query(List.of("service", "logs", "--tail", Integer.toString(lines), "--no-trunc",
                service));
        return (r.stdout() + r.stderr()).strip();
    }

    @Override
    public List<StackService> stackServices(String stack) {
        ProcessRunner.Result r = query(List.of("stack", "services", "--format", StackListing.FORMAT, stackName(stack)));
        if (!r.ok()) {
            if (r.stderr().toLowerCase(Locale.ROOT).contains("nothing found in stack")) {
                return List.of();
            }
            throw unreachableOrError(r.stderr(), "cannot list the services of the stack " + stack);
        }
        return StackListing.services(r.stdout());
    }

    @Override
    public List<StackTask> stackTasks(String stack) {
        ProcessRunner.Result r = query(List.of("stack", "ps", "--no-trunc", "--format", StackListing.FORMAT,
                stackName(stack)));
        if (!r.ok()) {
            if (r.stderr().toLowerCase(Locale.ROOT).contains("nothing found in stack")) {
                return List.of();
            }
            throw unreachableOrError(r.stderr(), "cannot list the tasks of the stack " + stack);
        }
        return StackListing.tasks(r.stdout());
    }

    @Override
    public void stackRemove(String stack) {
        ProcessRunner.Result r = query(List.of("stack", "rm", stackName(stack)));
        if (!r.ok() && !(r.stdout() + r.stderr()).toLowerCase(Locale.ROOT).contains("nothing found in stack")) {
            throw unreachableOrError(r.stderr().isBlank() ? r.stdout() : r.stderr(), "cannot remove the stack " + stack);
        }
    }

    private static String lastLines(String text, int count) {
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
    }

    private ProcessRunner.Result query(List<String> args) {
        Duration limit = queryLimit();
        try {
            return processes.runWithin(command(args), Map.of(), limit).orElseThrow(() -> new EngineUnreachableException(
                    "container engine unreachable: it did not answer `docker " + String.join(" ", args) + "` within "
                            + limit.toSeconds() + " s", (endpoint.source() != EngineEndpoint.Source.DEFAULT
                            ? "the engine at " + endpoint.describe() + " accepts connections but does not answer: "
                            + "restart it" : "the engine accepts connections but does not "
                            + "answer: restart it (systemctl restart docker)")
                            + "; DOCKENV_ENGINE_TIMEOUT sets how long dockenv waits"));
        } catch (IOException e) {
            throw clientMissing(e);
        }
    }

    private Duration queryLimit() {
        String configured = environment.getOrDefault("DOCKENV_ENGINE_TIMEOUT", "");
        if (configured.matches("[0-9]{1,5}") && Integer.parseInt(configured) > 0) {
            return Duration.ofSeconds(Integer.parseInt(configured));
        }
        return Duration.ofSeconds(30);
    }

    private ProcessRunner.Result call(List<String> args) {
        try {
            return processes.run(command(args), Map.of(), null);
        } catch (IOException e) {
            throw clientMissing(e);
        }
    }

    private List<String> command(List<String> args) {
        List<String> cmd = new ArrayList<>(client());
        cmd.addAll(args);
        return cmd;
    }

    private EngineUnreachableException clientMissing(IOException e) {
        return new EngineUnreachableException("cannot start the docker client '" + String.join(" ", client) + "': "
                + e.getMessage(), "install Docker (e.g. the docker.io package), or set DOCKENV_DOCKER to its client");
    }

    private static boolean isNoSuchImage(String stderr) {
        String s = stderr.toLowerCase(Locale.ROOT);
        return s.contains("no such image") || s.contains("no such object") || s.contains("image not known");
    }

    static boolean isUnreachable(String stderr) {
        String s = stderr.toLowerCase(Locale.ROOT);
        return s.contains("cannot connect to the docker daemon") || s.contains("error during connect")
                || s.contains("is the docker daemon running") || s.contains("permission denied while trying to connect")
                || s.contains("connection refused") || s.contains("no such host")
                || s.contains("failed to connect") || s.contains("context not found")
                || s.contains("cannot connect to podman");
    }

    private RuntimeException unreachableOrError(String stderr, String what) {
        if (isUnreachable(stderr)) {
            return unreachable(stderr);
        }
        return new EngineException(what + ": " + firstLine(stderr), null);
    }

    private EngineUnreachableException unreachable(String stderr) {
        String line = firstLine(stderr);
        String lower = line.toLowerCase(Locale.ROOT);
        String hint;
        if (lower.contains("permission denied")) {
            hint = "your user may not use the engine's socket: add it to the docker group "
                    + "(sudo usermod -aG docker $USER) and log in again";
        } else if (endpoint.source() != EngineEndpoint.Source.DEFAULT) {
            hint = remoteHint();
        } else {
            hint = "start Docker (e.g. sudo systemctl start docker, or Docker Desktop); "
                    + "`dockenv doctor` checks the setup";
        }
        String at = endpoint.source() == EngineEndpoint.Source.DEFAULT || line.contains(endpoint.host())
                ? "" : " (" + endpoint.describe() + ")";
        return new EngineUnreachableException("container engine unreachable" + at + ": "
                + (line.isEmpty() ? "the docker client gave no answer" : line), hint);
    }

    /** {@code ssh://USER@HOST:PORT/...} as ssh's own arguments: {@code -p PORT USER@HOST}. */
    static String sshTarget(String host) {
        String rest = host.substring("ssh://".length());
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        int colon = authority.lastIndexOf(':');
        if (colon > authority.indexOf('@') && colon > 0 && authority.substring(colon + 1).matches("[0-9]+")) {
            return "-p " + authority.substring(colon + 1) + " " + authority.substring(0, colon);
        }
        return authority;
    }

    /** Where the chosen engine came from, and how to check it or choose another. */
    private String remoteHint() {
        String host = endpoint.host().isEmpty() ? "the context's engine" : endpoint.host();
        String check = endpoint.host().startsWith("ssh://")
                ? "check that `ssh " + sshTarget(endpoint.host()) + " docker info` works"
                : "check it with `docker" + (endpoint.source() == EngineEndpoint.Source.OPTION
                        ? " -H " + endpoint.host() : "") + " info`";
        String choice = switch (endpoint.source()) {
            case OPTION -> "-H chose it";
            case DOCKER_HOST -> "DOCKER_HOST chose it (unset it for the local engine)";
            case DOCKER_CONTEXT -> "DOCKER_CONTEXT=" + endpoint.context().orElse("") + " chose it";
            case CURRENT_CONTEXT -> "the docker context " + endpoint.context().orElse("")
                    + " chose it (`docker context use default` for the local engine)";
            case DEFAULT -> "";
        };
        return "is the engine at " + host + " running and reachable from here? " + check + "; " + choice;
    }

    private static String firstLine(String text) {
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                return line.trim();
            }
        }
        return "";
    }
}
