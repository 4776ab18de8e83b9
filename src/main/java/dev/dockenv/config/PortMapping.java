package dev.dockenv.config;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A published port. Without an address it binds to 127.0.0.1, so nothing is exposed beyond this
 * machine unless the user writes an address (e.g. 0.0.0.0:8000:8000).
 */
public record PortMapping(String hostAddress, int hostPort, int containerPort, String protocol) {
    private static final Pattern FORM = Pattern.compile(
            "^(?:(\\[[0-9a-fA-F:.]+\\]|\\d{1,3}(?:\\.\\d{1,3}){3}|localhost):)?(?:(\\d+):)?(\\d+)(?:/(tcp|udp))?$");

    public static final String LOOPBACK = "127.0.0.1";

    /** Parses PORT, HOST:CONTAINER or ADDRESS:HOST:CONTAINER, each optionally /tcp or /udp. */
    public static Optional<PortMapping> parse(String spec) {
        Matcher m = FORM.matcher(spec.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        String address = m.group(1) == null ? LOOPBACK : m.group(1).equals("localhost") ? LOOPBACK : m.group(1);
        if (m.group(1) != null && m.group(2) == null) {
            return Optional.empty();
        }
        int container = Integer.parseInt(m.group(3));
        int host = m.group(2) == null ? container : Integer.parseInt(m.group(2));
        if (!valid(container) || !(valid(host) || host == 0)) {
            return Optional.empty();
        }
        return Optional.of(new PortMapping(address, host, container, m.group(4) == null ? "tcp" : m.group(4)));
    }

    private static boolean valid(int port) {
        return port >= 1 && port <= 65535;
    }

    /** The value for docker run's --publish. */
    public String publishArgument() {
        return hostAddress + ":" + (hostPort == 0 ? "" : hostPort) + ":" + containerPort
                + ("tcp".equals(protocol) ? "" : "/" + protocol);
    }
}
