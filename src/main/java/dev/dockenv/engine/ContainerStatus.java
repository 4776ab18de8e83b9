package dev.dockenv.engine;

import java.util.Locale;
import java.util.Optional;

/**
 * A container of a compose project as the engine lists it: its compose service, whether it runs,
 * and its health when it has a health check.
 *
 * @param state the engine's state: created, running, restarting, exited, dead ...
 * @param status the engine's status line ("Up 3 seconds (healthy)", "Exited (1) 2 seconds ago")
 */
public record ContainerStatus(String id, String service, String state, String status) {

    /** What the health check says: empty when the container has none. */
    public Optional<Health> health() {
        String s = status.toLowerCase(Locale.ROOT);
        if (s.contains("(healthy)")) {
            return Optional.of(Health.HEALTHY);
        }
        if (s.contains("(unhealthy)")) {
            return Optional.of(Health.UNHEALTHY);
        }
        if (s.contains("health: starting")) {
            return Optional.of(Health.STARTING);
        }
        return Optional.empty();
    }

    public boolean running() {
        return state.equals("running");
    }

    /** Running, and healthy when it has a health check: what the app can use. */
    public boolean ready() {
        return running() && health().map(h -> h == Health.HEALTHY).orElse(true);
    }

    /** The exit code in an exited container's status ("Exited (1) 2 seconds ago"), if shown. */
    public Optional<Integer> exitCode() {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Exited \\((-?\\d+)\\)").matcher(status);
        return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }

    /** A container's health. */
    public enum Health {
        STARTING, HEALTHY, UNHEALTHY
    }
}
