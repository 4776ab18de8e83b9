package dev.dockenv.run;

import dev.dockenv.config.PortMapping;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a {@code docker run} of the environment needs. {@code envFiles} are read in order
 * (a later file's variable wins), then {@code environment}; {@code network}: the stack's network
 * the container joins (its services reached by their names), else the engine's default.
 */
public record RunSpec(
        String image,
        Path projectRoot,
        String containerWorkdir,
        HostUser user,
        Optional<UserMounts> userMounts,
        List<PortMapping> ports,
        List<String> environment,
        List<Path> envFiles,
        boolean tty,
        List<String> command,
        String hostname,
        Map<String, String> labels,
        Optional<String> network) {

    public RunSpec {
        ports = List.copyOf(ports);
        environment = List.copyOf(environment);
        envFiles = List.copyOf(envFiles);
        command = List.copyOf(command);
        labels = Map.copyOf(labels);
    }

    /** Host files that give the host user an identity and a writable home inside the container. */
    public record UserMounts(Path passwd, Path group, Path home) {
    }
}
