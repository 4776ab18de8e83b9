package dev.dockenv.engine;

import dev.dockenv.run.HostUser;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The container engine, as dockenv needs it. Only this package talks to Docker. */
public interface Engine {

    /** Versions and capabilities; throws {@link EngineUnreachableException} when nobody answers. */
    EngineInfo info();

    /**
     * Starts asking for {@link #info()} in the background, when the caller knows it will need it
     * (a build is coming) and has other work to do meanwhile; {@link #info()} then waits for that
     * answer. Nothing for engines whose answer is free.
     */
    default void prefetchInfo() {
    }

    Optional<ImageSummary> inspectImage(String reference);

    /**
     * The client command that checks, without dockenv, that {@code reference} is still the image
     * {@code imageId} and that each of {@code services} (ready compose containers) still runs, with
     * the same health; empty when this engine's client cannot be asked that in one command.
     */
    default Optional<EngineProbe> readinessProbe(String reference, String imageId, List<ContainerStatus> services) {
        return Optional.empty();
    }

    /**
     * The engine's record of its image tags on this machine, when it keeps one this process can read
     * ({@link LocalImageStore}); asks the engine where its files are. Empty for engines elsewhere,
     * Podman, and files this user may not read.
     */
    default Optional<LocalImageStore> localImageStore() {
        return Optional.empty();
    }

    /** Just the image's ID, when it exists: the warm path's only question, so implementations make it cheap. */
    default Optional<String> imageId(String reference) {
        return inspectImage(reference).map(ImageSummary::id);
    }

    /** Builds and tags an image; a failure throws {@link BuildFailedException} and tags nothing. */
    void build(BuildRequest request, BuildProgress progress);

    /** Runs a short command in a fresh container and returns its stdout (for reading image files). */
    String runForOutput(String image, List<String> entrypointAndArgs);

    /**
     * Runs {@code docker run ARGS} (options, image, command) to completion and returns what it
     * printed; a container that fails is an exit code in the result, an engine nobody answers
     * throws {@link EngineUnreachableException}.
     */
    ProcessRunner.Result runCapturing(List<String> dockerRunArgs);

    /**
     * Options {@code docker run} needs from this engine so that the container runs as {@code user}
     * and what it writes to the project is the user's (rootless Podman keeps the user's ids); none
     * for Docker. Cheap: the warm path calls it.
     */
    default List<String> runOptions(HostUser user) {
        return List.of();
    }

    /**
     * The client program's command line prefix, e.g. [docker] or [/usr/bin/docker], with the
     * options that point it at the chosen engine ([docker, -H, tcp://server:2375]).
     */
    List<String> client();

    /** The engine the client talks to, as it chooses it (-H, DOCKER_HOST, a context); known without starting anything. */
    default EngineEndpoint endpoint() {
        return EngineEndpoint.defaultEngine();
    }

    /** Which compose implementation answers, if any (e.g. "docker compose 2.29.1"). */
    Optional<String> composeVersion();

    /**
     * The compose implementation that drives this engine: the client's {@code compose} plugin, else
     * {@code docker-compose}; empty when there is none.
     */
    Optional<Compose> compose();

    /** The containers of a compose project (found by compose's project label), running or not. */
    List<ContainerStatus> composeContainers(String project);

    /** The named volumes of a compose project (found by compose's project label). */
    List<String> composeVolumes(String project);

    /** The image a container was created from; empty when the engine has no such container. */
    Optional<ContainerImage> containerImage(String containerId);

    /** The last lines a container printed (stdout and stderr), for telling why it failed. */
    String containerLogs(String containerId, int lines);

    /** What the container's last health check printed, when it has a health check that ran. */
    Optional<String> lastHealthOutput(String containerId);

    /** The images the engine has of a repository ({@code python}), as REPOSITORY:TAG, sorted. */
    List<String> localImages(String repository);

    /**
     * Gives the image {@code source} (a reference, or an image ID {@code sha256:...}) the reference
     * {@code target} as well; an engine without that image throws {@link EngineException}.
     */
    void tag(String source, ImageReference target);

    /**
     * Pushes {@code reference} to its registry with the user's own docker credentials, as the docker
     * client resolves them (config.json {@code auths}, {@code credsStore}, {@code credHelpers}):
     * dockenv never reads, stores or prints a password. Returns the digest of the manifest the
     * registry holds. A registry that refuses or cannot be reached throws
     * {@link RegistryRefusedException}; a push stopped half way leaves no manifest and can be
     * repeated (blobs already uploaded are not sent again).
     */
    PushedImage push(ImageReference reference, TransferProgress progress);

    /** Pulls {@code reference} with the user's docker credentials; refusals as for {@link #push}. */
    void pull(ImageReference reference, TransferProgress progress);

    /**
     * Writes the images to {@code archive} as a gzip-compressed tar that {@code docker load}
     * restores (every reference with its tag). Written whole or not at all: a temporary file beside
     * it, renamed into place when complete, so a stopped or failed save never leaves a
     * half-written archive there. A full disk or a folder that cannot be written throws
     * {@link dev.dockenv.errors.FileAccessException} naming the archive and the reason.
     */
    void save(List<ImageReference> references, Path archive);

    /**
     * Loads an archive {@code docker save} or {@link #save} wrote (gzip or plain tar) and returns
     * what it loaded: the references, or the image IDs of images saved without one.
     */
    List<String> load(Path archive);

    /**
     * Deploys (or updates) the Swarm stack {@code stack} from the stack file {@code stackFile}
     * ({@code docker stack deploy --compose-file FILE --with-registry-auth --prune STACK}): the
     * engine must be a Swarm manager; the nodes pull each image with the user's own docker
     * credentials, which the client sends along (dockenv never reads them); services no longer in
     * the file are removed. Each line the client prints goes to {@code progress}. Returns when Swarm
     * has the new specification, not when the tasks run: see {@link #stackServices} and
     * {@link #stackTasks}. A refusal throws {@link EngineException} with what the client printed.
     *
     * @param variables what the client interpolates into the file besides its own environment
     *                  ({@code ${DB_PASSWORD}}: the operator's env file), given to its process only,
     *                  never on its command line
     */
    void stackDeploy(String stack, Path stackFile, Map<String, String> variables, TransferProgress progress);

    /** Whether the engine is a manager of an active Swarm, which {@link #stackDeploy} needs. */
    boolean swarmManager();

    /**
     * The state of a Swarm service's last update or rollback ({@code docker service inspect}'s
     * {@code UpdateStatus}); empty for a service never updated, or no such service.
     */
    Optional<ServiceUpdate> serviceUpdate(String service);

    /** The last lines a Swarm service's tasks printed ({@code docker service logs}), each after its task's name. */
    String serviceLogs(String service, int lines);

    /** The services of a stack with their running and desired replicas; empty when there is no such stack. */
    List<StackService> stackServices(String stack);

    /** Every task of a stack, the old ones an update shut down included; empty when there is no such stack. */
    List<StackTask> stackTasks(String stack);

    /**
     * Removes a stack's services and networks ({@code docker stack rm}); a stack that does not exist
     * is no error. Returns when Swarm was told: the tasks stop and the networks go shortly after.
     */
    void stackRemove(String stack);
}
