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
        if (m.group(1) != null && (m.group(2) == null || addressProblem(m.group(1)).isPresent())) {
            return Optional.empty();
        }
        int container = Integer.parseInt(m.group(3));
        int host = m.group(2) == null ? container : Integer.parseInt(m.group(2));
        if (!valid(container) || !(valid(host) || host == 0)) {
            return Optional.empty();
        }
        return Optional.of(new PortMapping(address, host, container, m.group(4) == null ? "tcp" : m.group(4)));
    }

    /** Why the address part of {@code spec} (ADDRESS:HOST:CONTAINER) cannot be bound; empty when it can or there is none. */
    public static Optional<String> problem(String spec) {
        Matcher m = FORM.matcher(spec.trim());
        if (m.matches() && m.group(1) != null) {
            Optional<String> address = addressProblem(m.group(1));
            if (address.isPresent()) {
                return address;
            }
        }
        if (m.matches()) {
            if (m.group(1) != null && m.group(2) == null) {
                return Optional.of("an address needs both ports: ADDRESS:HOST:CONTAINER");
            }
            return parse(spec).isPresent() ? Optional.empty() : Optional.of("a port is between 1 and 65535");
        }
        return Optional.of("expected PORT, HOST:CONTAINER or ADDRESS:HOST:CONTAINER");
    }

    private static Optional<String> addressProblem(String address) {
        if (address.equals("localhost")) {
            return Optional.empty();
        }
        if (address.startsWith("[")) {
            try {
                java.net.InetAddress.getByName(address);  // a literal (it holds ':'): parsed, never looked up
                return Optional.empty();
            } catch (java.net.UnknownHostException e) {
                return Optional.of(address + " is not an IPv6 address");
            }
        }
        for (String octet : address.split("\\.")) {
            if (Integer.parseInt(octet) > 255) {
                return Optional.of(address + " is not an IPv4 address (each part is 0 to 255)");
            }
        }
        return Optional.empty();
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
