package dev.dockenv.cache;

import dev.dockenv.decision.UninstalledPackages;
import java.util.List;
import java.util.Optional;

/**
 * What a warm {@code run} needs from a resolved project, without reading the project again.
 *
 * @param uninstalled what the project declares and its environment does not install, for the hint
 *     of a command that is not there; empty when the run is not checked (the project's own Dockerfile)
 * @param stack the services the app depends on, when the project declares services
 */
public record ResolvedRun(String imageReference, String projectName, List<String> configPorts,
        List<String> configCommand, Optional<UninstalledPackages> uninstalled, Optional<RunStack> stack) {
    public ResolvedRun {
        configPorts = List.copyOf(configPorts);
        configCommand = List.copyOf(configCommand);
    }
}
