package dev.dockenv.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** An address of a server that ports are published on: an IP address, v4 or v6 (without brackets). */
public final class ServerAddress {
    private static final Pattern IPV4 = Pattern.compile(
            "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

    private ServerAddress() {
    }

    /** Why {@code address} is not one, or empty when it is. */
    public static Optional<String> problem(String address) {
        if (IPV4.matcher(address).matches()) {
            return Optional.empty();
        }
        if (address.contains(":") && address.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':'
                || c == '.')) {
            try {
                InetAddress.getByName(address); // a literal: no name is looked up
                return Optional.empty();
            } catch (UnknownHostException e) {
                // not an address
            }
        }
        return Optional.of("'" + ImageReference.printable(address) + "' is not an IP address");
    }
}
