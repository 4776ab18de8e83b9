package dev.dockenv.build;

import dev.dockenv.dockerfile.Dialect;
import dev.dockenv.dockerfile.Dockerfile;
import dev.dockenv.dockerfile.DockerfileRenderer;
import dev.dockenv.plan.DependencyFolder;
import dev.dockenv.plan.GeneratedFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How to build one environment image: the Dockerfile (generated from the plan, or the user's own),
 * the target stage, which context paths it reads (empty: the whole context), build arguments, and
 * for a user's Dockerfile where it is; files dockenv derives for the build (sent and hashed as if in
 * the project); folders of project files the generated Dockerfile copies in one step each (sent
 * beside the project in the context); project folders left out of the context (the other apps'
 * folders, for an app's prod image).
 */
public record BuildDefinition(
        Origin origin,
        String dockerfileText,
        Optional<Dockerfile> model,
        Optional<String> target,
        Optional<List<String>> contextPaths,
        Map<String, String> buildArgs,
        boolean hostNetwork,
        Optional<Path> userDockerfile,
        List<GeneratedFile> generatedFiles,
        List<DependencyFolder> dependencyFolders,
        List<String> contextExclusions) {

    public BuildDefinition {
        contextPaths = contextPaths.map(List::copyOf);
        buildArgs = Map.copyOf(buildArgs);
        generatedFiles = List.copyOf(generatedFiles);
        dependencyFolders = List.copyOf(dependencyFolders);
        contextExclusions = List.copyOf(contextExclusions);
    }

    /** Where the Dockerfile comes from. */
    public enum Origin {
        GENERATED,
        USER
    }

    /**
     * The Dockerfile as it counts for the image's identity: of a generated one, the stages the
     * target builds on, without the comment header (which names dockenv's version and where
     * settings came from, not what is built); another app's stages never change an app's image.
     */
    public String identityText() {
        return model.map(m -> new DockerfileRenderer(Dialect.BUILDKIT).render(
                new Dockerfile(List.of(), target.map(m::stagesFor).orElse(m.stages()))))
                .orElse(dockerfileText);
    }

    /** The target's name as used in tags ("image" when building a user's final stage). */
    public String targetLabel() {
        return target.orElse("image");
    }
}
