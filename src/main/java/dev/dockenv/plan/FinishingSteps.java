package dev.dockenv.plan;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What ends the base stage once the dependencies are in: the configured build commands, the
 * project's postBuild script (project-relative) and the configured environment (ENV).
 */
public record FinishingSteps(List<String> buildCommands, Optional<String> postBuild,
        Map<String, String> environment) {

    public FinishingSteps {
        buildCommands = List.copyOf(buildCommands);
        environment = Map.copyOf(environment);
    }
}
