package dev.dockenv.plan;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What ends the base stage once the dependencies are in: the configured build commands, the
 * project's postBuild script (project-relative) and the configured environment (ENV).
 *
 * @param inputs the project files and folders (project-relative) the build commands and postBuild
 *               see at their place under {@link ContainerPaths#PROJECT} while they run: mounted from
 *               the build context for the step alone (BuildKit; the legacy builder copies them in),
 *               so they are part of the image's identity and no other project file is. Files the
 *               base stage has copied already are there anyway and not repeated
 */
public record FinishingSteps(List<String> buildCommands, Optional<String> postBuild, List<String> inputs,
        Map<String, String> environment) {

    public FinishingSteps {
        buildCommands = List.copyOf(buildCommands);
        inputs = List.copyOf(inputs);
        environment = Map.copyOf(environment);
    }

    /** Whether there is any step that runs a command of the project's (a build command or postBuild). */
    public boolean hasSteps() {
        return !buildCommands.isEmpty() || postBuild.isPresent();
    }
}
