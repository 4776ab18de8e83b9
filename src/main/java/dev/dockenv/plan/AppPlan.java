package dev.dockenv.plan;

import dev.dockenv.config.PortMapping;
import java.util.List;
import java.util.Optional;

/**
 * The app on top of the shared base: the dev stage's installs, the project itself when it is an
 * installable distribution (editable in dev, a wheel in prod), and how it runs (ports, command).
 * A repository with several apps will have one of these per app over one {@link BasePlan}.
 */
public record AppPlan(List<StageInstall> devInstalls, Optional<ProjectInstall> project, List<PortMapping> ports,
        List<String> command) {

    public AppPlan {
        devInstalls = List.copyOf(devInstalls);
        ports = List.copyOf(ports);
        command = List.copyOf(command);
    }

    /** The container ports, each once, in order (for EXPOSE). */
    public List<Integer> containerPorts() {
        return ports.stream().map(PortMapping::containerPort).distinct().toList();
    }
}
