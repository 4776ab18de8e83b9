package dev.dockenv.cli;

import dev.dockenv.errors.DidYouMean;
import dev.dockenv.errors.DockenvException;
import dev.dockenv.errors.ExitCode;
import dev.dockenv.plan.EnvironmentDockerfile;
import dev.dockenv.plan.EnvironmentPlan;
import dev.dockenv.plan.PlannedApp;
import dev.dockenv.project.Project;
import dev.dockenv.project.ProjectApp;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Which app of a repository a command works on: the one {@code --app} names; else the one whose
 * folder the command was started in; else none, the shared environment.
 */
final class AppSelection {
    private AppSelection() {
    }

    static Optional<ProjectApp> choose(Project project, String option, Path startDirectory) {
        if (option == null) {
            return project.dockerfile().isPresent() ? Optional.empty() : project.appAt(startDirectory);
        }
        if (project.apps().isEmpty()) {
            throw new DockenvException(ExitCode.USAGE, project.name() + " has no apps, so --app " + option
                    + " names none", "declare the repository's apps under [tool.dockenv.apps.NAME], or leave --app out");
        }
        if (project.dockerfile().isPresent()) {
            throw new DockenvException(ExitCode.USAGE, project.name() + " is built from its own "
                    + project.dockerfile().get().getFileName() + ", which has no stages of dockenv's apps",
                    "leave --app out (--target names a stage of your Dockerfile), or remove the Dockerfile to have "
                            + "dockenv generate one");
        }
        var names = project.apps().stream().map(ProjectApp::name).toList();
        return Optional.of(project.app(option).orElseThrow(() -> new DockenvException(ExitCode.USAGE,
                "unknown app '" + option + "'", DidYouMean.hint(option, names) + "the apps of " + project.name()
                        + " are: " + String.join(", ", names))));
    }

    /**
     * The stage a target means for an app: dev (the default) and prod are the app's, an app's
     * stage name is itself; without an app the target as written.
     */
    static Optional<String> stage(EnvironmentPlan plan, Optional<ProjectApp> app, Optional<String> target) {
        if (app.isEmpty()) {
            return target;
        }
        PlannedApp planned = plan.plannedApp(app.get().name()).orElseThrow();
        String t = target.orElse(EnvironmentDockerfile.DEV);
        if (t.equals(EnvironmentDockerfile.DEV) || t.equals(EnvironmentDockerfile.PROD)) {
            return Optional.of(planned.stage(t));
        }
        if (t.equals("env")) {
            return Optional.of(planned.envStage());
        }
        List<String> own = List.of(planned.envStage(), planned.devStage(), planned.prodStage());
        if (!own.contains(t)) {
            // another app's stage, or a shared one, is not this app's image
            throw new DockenvException(ExitCode.USAGE, "--target " + t + " is not a stage of app '" + planned.name()
                    + "'", DidYouMean.hint(t, own) + "an app's targets are dev, prod and env (" + String.join(", ", own)
                    + "); leave --app out for the shared stages");
        }
        return Optional.of(t);
    }
}
