package dev.dockenv.stack;

import dev.dockenv.config.PortMapping;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The app's container in the stack, as {@code dockenv up} runs it: the environment image, as the
 * host user, the project mounted, the configured ports and command, beside the services.
 *
 * @param binds host paths mounted besides the project (the user's passwd and group read-only, home)
 * @param environment the container's own variables (HOME, USER), besides those of the services
 */
public record AppContainer(String service, String image, String user, Path projectRoot, String workdir,
        List<PlannedService.Mount.Bind> binds, Map<String, String> environment, List<PortMapping> ports, List<String> command,
        Map<String, String> labels) {
    public AppContainer {
        binds = List.copyOf(binds);
        environment = Map.copyOf(environment);
        ports = List.copyOf(ports);
        command = List.copyOf(command);
        labels = Map.copyOf(labels);
    }
}
