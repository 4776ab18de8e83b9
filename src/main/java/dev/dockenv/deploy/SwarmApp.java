package dev.dockenv.deploy;

import dev.dockenv.compose.Deploy;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The app as a Swarm service.
 *
 * @param service        its service's name in the stack file (Swarm names it {@code STACK_SERVICE})
 * @param image          the pushed reference every node pulls ({@code registry.example.com/team/shop:1.4.0})
 * @param containerPorts the ports the app listens on; with {@link Deploy.EndpointMode#VIP} each is
 *                       published on every node through Swarm's routing mesh, with
 *                       {@link Deploy.EndpointMode#DNSRR} none is (a proxy on the stack's network
 *                       reaches the replicas by name)
 * @param replicas       how many tasks run it
 * @param endpointMode   how clients find the replicas
 * @param health         how the engine checks a task; a rolling update waits for each new task's health
 * @param envFile        the file of variables the app gets, as the stack file names it
 */
public record SwarmApp(String service, String image, List<Integer> containerPorts, int replicas,
        Deploy.EndpointMode endpointMode, ServerHealth health, Optional<String> envFile) {

    public SwarmApp {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(image, "image");
        containerPorts = List.copyOf(containerPorts);
        if (replicas < 0) {
            throw new IllegalArgumentException("replicas cannot be negative: " + replicas);
        }
        Objects.requireNonNull(endpointMode, "endpointMode");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(envFile, "envFile");
    }
}
