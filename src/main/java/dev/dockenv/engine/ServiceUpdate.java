package dev.dockenv.engine;

import java.util.Objects;

/**
 * Where a Swarm service's last update stands ({@code UpdateStatus} of {@code docker service
 * inspect}): {@code updating}, {@code completed}, {@code paused}, {@code rollback_started},
 * {@code rollback_completed} or {@code rollback_paused}.
 *
 * @param startedAt when the update began, as the engine wrote it: it tells one update from the next
 * @param message   the engine's words ({@code update rolled back due to failure or early termination of task ...})
 */
public record ServiceUpdate(String state, String startedAt, String message) {

    public ServiceUpdate {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(message, "message");
    }

    /** Swarm went back to the previous specification, or stopped half way: the new one does not run. */
    public boolean failed() {
        return state.startsWith("rollback") || state.equals("paused");
    }

    /** The update is still replacing tasks. */
    public boolean inProgress() {
        return state.equals("updating");
    }
}
