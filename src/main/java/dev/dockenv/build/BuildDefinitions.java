package dev.dockenv.build;

import dev.dockenv.dockerfile.Dialect;
import dev.dockenv.dockerfile.Dockerfile;
import dev.dockenv.dockerfile.DockerfileRenderer;
import dev.dockenv.dockerfile.DockerfileSummary;
import dev.dockenv.dockerfile.DockerfileSummaryReader;
import dev.dockenv.errors.DockenvException;
import dev.dockenv.errors.ExitCode;
import dev.dockenv.io.Utf8File;
import dev.dockenv.plan.EnvironmentDockerfile;
import dev.dockenv.plan.EnvironmentPlan;
import dev.dockenv.project.Project;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Chooses how to build a project's environment: its own Dockerfile when it has one, else a generated one. */
public final class BuildDefinitions {
    private BuildDefinitions() {
    }

    public static BuildDefinition forProject(Project project, EnvironmentPlan plan, Optional<String> target,
            String dockenvVersion) {
        return project.dockerfile().isPresent()
                ? user(project.dockerfile().get(), plan, target)
                : generated(plan, target, dockenvVersion);
    }

    public static BuildDefinition generated(EnvironmentPlan plan, Optional<String> requested, String version) {
        String target = requested.orElse(EnvironmentDockerfile.DEV);
        List<String> targets = EnvironmentDockerfile.targets(plan);
        if (!targets.contains(target)) {
            throw new DockenvException(ExitCode.USAGE, "unknown target '" + target + "'",
                    dev.dockenv.errors.DidYouMean.hint(target, targets) + "the generated Dockerfile has the stages "
                            + String.join(", ", targets));
        }
        Dockerfile model = EnvironmentDockerfile.compose(plan, version, EnvironmentBuilder.PROJECT_IN_CONTEXT);
        String text = new DockerfileRenderer(Dialect.BUILDKIT).render(model);
        return new BuildDefinition(BuildDefinition.Origin.GENERATED, text, Optional.of(model), Optional.of(target),
                Optional.of(EnvironmentDockerfile.contextPaths(plan, target)), plan.index().buildArgs(),
                plan.index().hostNetwork(), Optional.empty(), plan.generatedFiles(), plan.dependencyFolders(),
                EnvironmentDockerfile.contextExclusions(plan, target));
    }

    public static BuildDefinition user(Path dockerfile, EnvironmentPlan plan, Optional<String> requested) {
        String text = Utf8File.read(dockerfile);
        DockerfileSummary summary = DockerfileSummaryReader.read(dockerfile, text);
        if (summary.stages().isEmpty()) {
            throw new DockenvException(ExitCode.BAD_INPUT, dockerfile + ": no FROM instruction", null);
        }
        Optional<String> target = requested;
        if (requested.isPresent() && summary.stage(requested.get()).isEmpty()) {
            throw new DockenvException(ExitCode.USAGE, "unknown target '" + requested.get() + "' in " + dockerfile,
                    "its stages are " + String.join(", ", summary.stageNames()));
        }
        if (requested.isEmpty() && summary.stage("dev").isPresent()) {
            target = Optional.of("dev");
        }
        Map<String, String> args = new LinkedHashMap<>();
        plan.index().buildArgs().forEach((k, v) -> {
            if (summary.argNames().contains(k)) {
                args.put(k, v);
            }
        });
        Optional<List<String>> paths = summary.contextSourcesFor(target);
        return new BuildDefinition(BuildDefinition.Origin.USER, text, Optional.empty(), target, paths, args,
                plan.index().hostNetwork(), Optional.of(dockerfile), List.of(), List.of(), List.of());
    }

    /**
     * The Dockerfile text for the builder at hand (the user's own is sent as written): of a
     * generated one, the stages the target builds on, since the legacy builder builds every stage
     * before the target (another app's stages read files the target's context does not hold).
     */
    public static String textFor(BuildDefinition definition, Dialect dialect) {
        return definition.model().map(m -> new DockerfileRenderer(dialect).render(
                new Dockerfile(m.header(), definition.target().map(m::stagesFor).orElse(m.stages()))))
                .orElse(definition.dockerfileText());
    }
}
