package dev.dockenv.compose;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * A port in compose's long syntax ({@code target}, {@code published}, {@code protocol},
 * {@code mode}), which a Swarm stack needs to say how a port is published: through the routing
 * mesh on every node ({@code ingress}, Swarm's default) or by each task on its own node
 * ({@code host}). No host address: Swarm publishes on every address, and the v3 schema that
 * {@code docker stack deploy} reads has no {@code host_ip}.
 *
 * @param published the port outside; unset lets the engine choose one
 */
public record PublishedPort(int target, OptionalInt published, Protocol protocol, Mode mode) {

    public PublishedPort {
        port("a published port's target", target);
        published.ifPresent(p -> port("a published port's published port", p));
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(mode, "mode");
    }

    /** {@code target} published as {@code published} over TCP through the routing mesh. */
    public static PublishedPort ingress(int published, int target) {
        return new PublishedPort(target, OptionalInt.of(published), Protocol.TCP, Mode.INGRESS);
    }

    /** {@code target} published as {@code published} over TCP by the task on its own node. */
    public static PublishedPort host(int published, int target) {
        return new PublishedPort(target, OptionalInt.of(published), Protocol.TCP, Mode.HOST);
    }

    private static void port(String what, int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(what + " must be within 1-65535: " + port);
        }
    }

    public enum Protocol {
        TCP("tcp"),
        UDP("udp");

        private final String composeName;

        Protocol(String composeName) {
            this.composeName = composeName;
        }

        public String composeName() {
            return composeName;
        }
    }

    /** Through the routing mesh, or on the task's own node. */
    public enum Mode {
        INGRESS("ingress"),
        HOST("host");

        private final String composeName;

        Mode(String composeName) {
            this.composeName = composeName;
        }

        public String composeName() {
            return composeName;
        }
    }
}
