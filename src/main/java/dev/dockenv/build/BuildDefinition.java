package dev.dockenv.build;

import dev.dockenv.dockerfile.Dockerfile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How to build one environment image: the Dockerfile (generated from the plan, or the user's own),
 * the target stage, which context paths it reads (empty: the whole context), build arguments, and
 * for a user's Dockerfile where it is.
 */
public record BuildDefinition(
        Origin origin,
        String dockerfileText,
        Optional<Dockerfile> model,
        Optional<String> target,
        Optional<List<String>> contextPaths,
        Map<String, String> buildArgs,
        boolean hostNetwork,
        Optional<Path> userDockerfile) {

    public BuildDefinition {
        contextPaths = contextPaths.map(List::copyOf);
        buildArgs = Map.copyOf(buildArgs);
    }

    /** Where the Dockerfile comes from. */
    public enum Origin {
        GENERATED,
        USER
    }

    /** The target's name as used in tags ("image" when building a user's final stage). */
    public String targetLabel() {
        return target.orElse("image");
    }
}
