package dev.dockenv.engine;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.OptionalInt;

/**
 * Ports of the host's loopback address (127.0.0.1): whether the engine could publish a container's
 * port there. A port is free when a socket can be bound to it (and is closed at once); one another
 * program listens on, on 127.0.0.1 or on every address, is taken. The answer holds for the moment
 * it is given: a program may take the port before the engine does, and the engine then says so.
 */
public final class HostPorts {
    /** The highest port number. */
    public static final int MAX_PORT = 65535;

    private HostPorts() {
    }

    /** Whether {@code port} (1 to 65535) can be bound on 127.0.0.1 now. */
    public static boolean isFree(int port) {
        if (port < 1 || port > MAX_PORT) {
            throw new IllegalArgumentException("not a port: " + port);
        }
        try (ServerSocket socket = new ServerSocket()) {
            // as the engine's proxy binds: a port whose last connection is in TIME_WAIT is free
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The first free port of {@code from}, {@code from + 1}, ... (at most {@code count} of them, none above 65535). */
    public static OptionalInt firstFree(int from, int count) {
        for (int port = from; port < from + count && port <= MAX_PORT; port++) {
            if (isFree(port)) {
                return OptionalInt.of(port);
            }
        }
        return OptionalInt.empty();
    }
}
