package dev.dockenv.k8s;

import java.util.Objects;

/**
 * A port the app's container listens on, published inside the cluster by the app's Service (same
 * number; the Service's {@code targetPort} is the port's name, so the number can change in one place).
 *
 * @param name an IANA service name, unique among the app's ports; {@link #tcp} names a port
 *        {@code tcp-8000}
 * @param number 1 to 65535
 */
public record ContainerPort(String name, int number, Protocol protocol) {
    /** What the port speaks; SCTP is left out (not every cluster has it). */
    public enum Protocol {
        TCP, UDP
    }

    public ContainerPort {
        Objects.requireNonNull(name, "a port's name");
        Objects.requireNonNull(protocol, "a port's protocol");
        KubernetesNames.require("the port name", name, KubernetesNames.problemWithPortName(name));
        requireNumber(number);
    }

    /** A TCP port named {@code tcp-NUMBER}. */
    public static ContainerPort tcp(int number) {
        return new ContainerPort("tcp-" + requireNumber(number), number, Protocol.TCP);
    }

    /** A UDP port named {@code udp-NUMBER}. */
    public static ContainerPort udp(int number) {
        return new ContainerPort("udp-" + requireNumber(number), number, Protocol.UDP);
    }

    static int requireNumber(int number) {
        if (number < 1 || number > 65535) {
            throw new IllegalArgumentException("a port is a number from 1 to 65535: " + number);
        }
        return number;
    }
}
