package dev.dockenv.plan;

import dev.dockenv.config.PortMapping;
import dev.dockenv.start.StartCommand;
import dev.dockenv.start.WebServer;
import java.util.List;
import java.util.Optional;

/**
 * The app on top of the shared base: the dev stage's installs, the project itself when it is an
 * installable distribution (editable in dev, a wheel in prod), and how it runs (ports, the
 * configured command, which dev, {@code run} and {@code up} use, and the prod image's
 * {@link StartCommand}: the configured command, else the one detected). A repository with several
 * apps has one of these per app over one {@link BasePlan}.
 */
public record AppPlan(List<StageInstall> devInstalls, Optional<ProjectInstall> project, List<PortMapping> ports,
        List<String> command, StartCommand start) {

    public AppPlan {
        devInstalls = List.copyOf(devInstalls);
        ports = List.copyOf(ports);
        command = List.copyOf(command);
    }

    /** An app whose prod image starts its configured command (python without one). */
    public AppPlan(List<StageInstall> devInstalls, Optional<ProjectInstall> project, List<PortMapping> ports,
            List<String> command) {
        this(devInstalls, project, ports, command, StartCommand.configured(command));
    }

    /** The container ports, each once, in order (for EXPOSE). */
    public List<Integer> containerPorts() {
        return ports.stream().map(PortMapping::containerPort).distinct().toList();
    }

    /**
     * The ports the prod image exposes: the configured ones; without any, the port a detected web
     * server listens on when PORT is unset.
     */
    public List<Integer> prodPorts() {
        if (containerPorts().isEmpty() && start.web()) {
            return List.of(WebServer.DEFAULT_PORT);
        }
        return containerPorts();
    }
}
