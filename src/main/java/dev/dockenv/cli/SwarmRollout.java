package dev.dockenv.cli;

import dev.dockenv.engine.Engine;
import dev.dockenv.engine.ServiceUpdate;
import dev.dockenv.engine.StackService;
import dev.dockenv.engine.StackTask;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Waits for a stack deploy to take effect: Swarm returns from {@code docker stack deploy} as soon
 * as it has the new specification, and then replaces the app's tasks one by one. The rollout is
 * done when every service of the stack runs its replicas, the app's running tasks are exactly
 * {@code replicas} tasks of the new image and no task of another image runs any more; it failed
 * when Swarm rolled the update back (or paused it), and it is late after the limit.
 */
final class SwarmRollout {
    /** How a rollout ended. */
    sealed interface Outcome {
        /** Every replica runs the new image. */
        record Done() implements Outcome {
        }

        /** Swarm gave up on the new image: the update was rolled back or paused. */
        record RolledBack(ServiceUpdate update, List<StackTask> failedTasks) implements Outcome {
        }

        /** The limit passed first; {@code tasks} is where the app's tasks stood. */
        record Late(List<StackTask> tasks) implements Outcome {
        }
    }

    /** How the waiting pauses between two looks (a test's pause returns at once). */
    interface Pause {
        void pause(Duration duration) throws InterruptedException;
    }

    private static final Duration POLL = Duration.ofSeconds(1);

    private final Engine engine;
    private final Pause pause;

    SwarmRollout(Engine engine, Pause pause) {
        this.engine = Objects.requireNonNull(engine);
        this.pause = Objects.requireNonNull(pause);
    }

    /**
     * @param appService the app's service as Swarm names it ({@code STACK_app})
     * @param image      the reference deployed ({@code REPO:TAG}; tasks list it with the digest Swarm resolved)
     * @param before     the app's update status before this deploy: the same status afterwards is an
     *                   older update's, not this one's (a deploy that changes nothing starts none)
     * @param progress   each new summary of where the app's tasks stand
     */
    Outcome await(String stack, String appService, String image, int replicas, Optional<ServiceUpdate> before,
            Duration limit, Consumer<String> progress) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        String last = "";
        while (true) {
            List<StackService> services = engine.stackServices(stack);
            List<StackTask> tasks = engine.stackTasks(stack).stream().filter(t -> t.service().equals(appService))
                    .toList();
            Optional<ServiceUpdate> update = engine.serviceUpdate(appService).filter(u -> before.isEmpty()
                    || !u.equals(before.get()));
            if (update.isPresent() && update.get().failed() && !update.get().state().equals("rollback_started")) {
                return new Outcome.RolledBack(update.get(), tasks.stream().filter(t -> fromImage(t, image)
                        && (t.failed() || !t.error().isBlank())).toList());
            }
            if (update.map(u -> !u.inProgress() && !u.state().equals("rollback_started")).orElse(true)
                    && done(services, tasks, image, replicas)) {
                return new Outcome.Done();
            }
            String summary = summary(tasks, image, replicas);
            if (!summary.equals(last)) {
                progress.accept(summary);
                last = summary;
            }
            if (!Instant.now().isBefore(deadline)) {
                return new Outcome.Late(tasks);
            }
            pause.pause(POLL);
        }
    }

    /**
     * Every service of the stack runs its replicas; the app's tasks Swarm wants running are
     * {@code replicas} running tasks of {@code image}; no task of another image still runs (the
     * old task of a start-first update runs until its successor is healthy).
     */
    static boolean done(List<StackService> services, List<StackTask> appTasks, String image, int replicas) {
        List<StackTask> wanted = appTasks.stream().filter(t -> t.desiredState().equals("running")).toList();
        return !services.isEmpty() && services.stream().allMatch(StackService::converged)
                && wanted.size() == replicas && wanted.stream().allMatch(t -> t.running() && fromImage(t, image))
                && appTasks.stream().noneMatch(t -> t.currentState().equals("running") && !fromImage(t, image));
    }

    /** {@code 1/2 replicas of IMAGE running, 1 of another image} and the like. */
    static String summary(List<StackTask> appTasks, String image, int replicas) {
        long running = appTasks.stream().filter(t -> t.running() && fromImage(t, image)).count();
        long starting = appTasks.stream().filter(t -> t.desiredState().equals("running") && !t.running()
                && fromImage(t, image)).count();
        long old = appTasks.stream().filter(t -> t.currentState().equals("running") && !fromImage(t, image)).count();
        return running + "/" + replicas + " running" + (starting > 0 ? ", " + starting + " starting" : "")
                + (old > 0 ? ", " + old + " of the previous image still running" : "");
    }

    /** A task lists its image with the digest Swarm resolved ({@code REPO:TAG@sha256:...}) or as deployed. */
    static boolean fromImage(StackTask task, String image) {
        return task.image().equals(image) || task.image().startsWith(image + "@");
    }
}
