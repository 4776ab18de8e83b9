package dev.dockenv.it.support;

import dev.dockenv.engine.DockerCli;
import dev.dockenv.engine.EngineEndpoints;
import dev.dockenv.engine.LocalProcessRunner;
import dev.dockenv.engine.StackService;
import dev.dockenv.engine.StackTask;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Swarm stacks on "the server" for the tests: scripts/ensure-swarm.sh makes the server engine
 * (scripts/ensure-server-engine.sh) a single-node Swarm manager. Deploys, waits and removals go
 * through dockenv's own {@link DockerCli} pointed at the server ({@code -H}), so the engine
 * operations a deploy command uses are the ones the tests run.
 *
 * <pre>{@code
 * SwarmStacks.requireManager();
 * DockerCli server = SwarmStacks.engine(dockerConfig);          // the test's own DOCKER_CONFIG
 * server.stackDeploy(stack, file, Map.of(), line -> {});
 * assertThat(SwarmStacks.awaitRunning(server, stack, 2, image, Duration.ofMinutes(2))).isTrue();
 * SwarmStacks.remove(server, stack, List.of(stack + "_front"));
 * }</pre>
 */
public final class SwarmStacks {
    private SwarmStacks() {
    }

    /** Fails the test (never skips it) when the server is not a Swarm manager, saying how to make it one. */
    public static void requireManager() {
        ServerEngine.requireRunning();
        ProcessResult r = ServerEngine.docker("info", "--format", "{{.Swarm.LocalNodeState}} {{.Swarm.ControlAvailable}}");
        if (!r.ok() || !r.stdout().strip().equals("active true")) {
            throw new AssertionError("the server engine at " + ServerEngine.host() + " is not a Swarm manager ("
                    + r.stdout().strip() + "): run scripts/ensure-swarm.sh (scripts/test.sh does)");
        }
    }

    /** dockenv's engine, talking to the server with {@code -H}, with the docker client configuration {@code dockerConfig}. */
    public static DockerCli engine(Optional<Path> dockerConfig) {
        Map<String, String> env = new HashMap<>();
        env.put("DOCKENV_DOCKER", Docker.client());
        dockerConfig.ifPresent(dir -> env.put("DOCKER_CONFIG", dir.toString()));
        return DockerCli.fromEnvironment(env, new LocalProcessRunner(),
                EngineEndpoints.resolve(Optional.of(ServerEngine.host()), env));
    }

    /**
     * Waits until the stack's services all run their replicas, exactly {@code replicas} tasks of
     * each are meant to run and run, every one of them from {@code image} (a task lists it with the
     * digest Swarm resolved: {@code REPO:TAG@sha256:...}), and no task from another image still
     * runs (a start-first update's old task). False when that is not so after {@code limit}.
     */
    public static boolean awaitRunning(DockerCli engine, String stack, int replicas, String image, Duration limit) {
        return Poll.until(limit, () -> {
            List<StackService> services = engine.stackServices(stack);
            List<StackTask> tasks = engine.stackTasks(stack);
            List<StackTask> wanted = tasks.stream().filter(t -> t.desiredState().equals("running")).toList();
            return !services.isEmpty() && services.stream().allMatch(StackService::converged)
                    && wanted.size() == replicas * services.size() && wanted.stream().allMatch(StackTask::running)
                    && wanted.stream().allMatch(t -> fromImage(t, image))
                    && tasks.stream().noneMatch(t -> t.currentState().equals("running") && !fromImage(t, image));
        });
    }

    private static boolean fromImage(StackTask task, String image) {
        return task.image().equals(image) || task.image().startsWith(image + "@");
    }

    /** What the stack's tasks are, for a failure's message. */
    public static String describe(DockerCli engine, String stack) {
        StringBuilder out = new StringBuilder("the tasks of " + stack + ":");
        engine.stackTasks(stack).forEach(t -> out.append("\n  ").append(t));
        ProcessResult logs = ServerEngine.docker("service", "logs", "--tail", "20", stack + "_app");
        return out.append("\nlogs of ").append(stack).append("_app:\n").append(logs.output()).toString();
    }

    /**
     * Removes every image of {@code repository} from the server, by ID: Swarm pulls by digest, so
     * what its tasks ran is listed as {@code REPOSITORY:<none>}, which no tag names.
     */
    public static void removeImages(String repository) {
        List<String> ids = ServerEngine.docker("image", "ls", "-q", "--no-trunc", repository).assertOk().stdout().lines()
                .map(String::strip).filter(l -> !l.isEmpty()).distinct().toList();
        for (String id : ids) {
            ServerEngine.docker("image", "rm", "-f", id);
        }
        List<String> left = ServerEngine.docker("image", "ls", "-q", repository).assertOk().stdout().lines()
                .filter(l -> !l.isBlank()).toList();
        if (!left.isEmpty()) {
            throw new AssertionError("the server still has images of " + repository + ": " + left);
        }
    }

    /**
     * Removes the stack and waits until its tasks and the given networks are gone (Swarm removes
     * them after {@code stack rm} returns), so the server is left as the suite expects it: a Swarm
     * without the test's services. Fails the test when they stay.
     */
    public static void remove(DockerCli engine, String stack, List<String> networks) {
        engine.stackRemove(stack);
        boolean gone = Poll.until(Duration.ofMinutes(1), () -> engine.stackTasks(stack).isEmpty()
                && networks.stream().noneMatch(n -> ServerEngine.docker("network", "inspect", n).ok()));
        if (!gone) {
            throw new AssertionError("the stack " + stack + " was removed but its tasks or networks " + networks
                    + " stayed: " + describe(engine, stack));
        }
    }
}
