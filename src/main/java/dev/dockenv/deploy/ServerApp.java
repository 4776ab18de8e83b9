package dev.dockenv.deploy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The app as it runs on the server.
 *
 * @param service        its service's name in the file
 * @param image          the pushed reference the server pulls ({@code registry.example.com/team/shop:1.4.0})
 * @param containerPorts the ports the app listens on in its container, each published on the server
 * @param publishAddress the server's address they are published on ({@code 0.0.0.0}: every interface)
 * @param health         how the engine checks it
 * @param envFile        the file of variables the app gets (a path as compose reads it, relative to
 *                       the compose file's folder), never copied into the file
 */
public record ServerApp(String service, String image, List<Integer> containerPorts, String publishAddress,
        ServerHealth health, Optional<String> envFile) {

    public ServerApp {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(image, "image");
        containerPorts = List.copyOf(containerPorts);
        Objects.requireNonNull(publishAddress, "publishAddress");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(envFile, "envFile");
    }
}
