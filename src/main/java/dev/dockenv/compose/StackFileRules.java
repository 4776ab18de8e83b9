package dev.dockenv.compose;

import java.util.Map;

/**
 * What {@code docker stack deploy} of Engine 20.10 takes from a compose file, checked before a
 * stack file is written ({@link ComposeYaml#renderStack}). Its client reads the compose file format
 * v3 (up to 3.9; a file without {@code version:} is "unsupported Compose file version: 1.0"), whose
 * schema refuses unknown keys ({@code profiles}: "Additional property profiles is not allowed";
 * {@code depends_on} with conditions: "must be a list"), and it ignores what Swarm cannot do
 * ({@code build}: the image must be in a registry; {@code restart}: Swarm restarts by
 * {@code deploy.restart_policy}). Each is refused here, naming the service, so that a stack never
 * silently differs from its model.
 */
final class StackFileRules {
    /** The newest compose file format Engine 20.10's {@code docker stack deploy} reads. */
    static final String VERSION = "3.9";

    private StackFileRules() {
    }

    static void check(ComposeModel model) {
        for (Map.Entry<String, Service> entry : model.services().entrySet()) {
            String name = entry.getKey();
            Service service = entry.getValue();
            if (service.build().isPresent()) {
                throw refused(name, "build", "docker stack deploy ignores build: the image must be built and pushed "
                        + "to a registry first, and the service named by its image");
            }
            if (service.restart().isPresent()) {
                throw refused(name, "restart", "Swarm ignores restart: a stack restarts tasks by the deploy section's "
                        + "restart_policy");
            }
            if (!service.profiles().isEmpty()) {
                throw refused(name, "profiles", "the stack file format (3.9) has no profiles");
            }
            for (Map.Entry<String, Condition> dependency : service.dependsOn().entrySet()) {
                if (dependency.getValue() != Condition.SERVICE_STARTED) {
                    throw refused(name, "depends_on", "the stack file format (3.9) has no conditions (it waits for "
                            + "nothing: Swarm starts every service at once), and " + dependency.getKey() + " has "
                            + dependency.getValue().composeName());
                }
            }
            for (String port : service.ports()) {
                if (port.startsWith("[") || port.chars().filter(c -> c == ':').count() > 1) {
                    throw refused(name, "ports", "Swarm publishes a port on every address, not on one: '"
                            + ComposeChecks.printable(port) + "'");
                }
            }
        }
    }

    private static IllegalArgumentException refused(String service, String key, String why) {
        return new IllegalArgumentException("the service " + service + " cannot be in a stack file with " + key + ": "
                + why);
    }
}
