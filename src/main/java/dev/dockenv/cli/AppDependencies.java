package dev.dockenv.cli;

import dev.dockenv.errors.DockenvException;
import dev.dockenv.errors.ExitCode;
import dev.dockenv.edit.DependencyTarget;
import dev.dockenv.edit.DependencyTargets;
import dev.dockenv.project.Project;
import dev.dockenv.project.ProjectApp;
import dev.dockenv.project.ProjectScanner;
import dev.dockenv.project.RequirementsSet;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;

/**
 * Where {@code add --app} and {@code remove --app} edit an app's dependencies: its first
 * requirements set (its first dev set with {@code --dev}); without one, the file of its folder
 * that dockenv installs by default ({@code requirements.txt}, {@code requirements-dev.txt}), made.
 */
final class AppDependencies {
    private AppDependencies() {
    }

    /** An app's target, or without one the project's ({@link DependencyTargets}); a group is the project's alone. */
    static DependencyTarget target(Project project, Optional<ProjectApp> app, boolean dev, Optional<String> group) {
        if (app.isEmpty()) {
            return DependencyTargets.choose(project, dev, group);
        }
        if (group.isPresent()) {
            throw new DockenvException(ExitCode.USAGE, "--group names a [dependency-groups] group of pyproject.toml, "
                    + "and app '" + app.get().name() + "' installs requirements files", "leave --group out: --dev "
                    + "adds to the app's dev requirements");
        }
        return target(project, app.get(), dev);
    }

    static DependencyTarget target(Project project, ProjectApp app, boolean dev) {
        List<RequirementsSet> sets = dev ? app.devRequirements() : app.requirements();
        if (!sets.isEmpty()) {
            return new DependencyTarget.RequirementsTxt(sets.get(0).file(), false);
        }
        boolean written = dev ? app.setting().devRequirements().isPresent() : app.setting().requirements().isPresent();
        String key = dev ? "dev-requirements" : "requirements";
        if (written) {
            // the settings choose the app's sets, and choose none: a new file would not be installed
            throw new DockenvException(ExitCode.USAGE, "app '" + app.name() + "' installs no " + (dev ? "dev " : "")
                    + "requirements set: its " + key + " is empty (" + app.setting().location() + ")",
                    "name a requirements file in the app's " + key + ", then add to it");
        }
        var file = project.root().resolve(app.folder()).resolve(
                ProjectScanner.APP_REQUIREMENTS.get(dev ? 1 : 0));
        return new DependencyTarget.RequirementsTxt(file, !Files.exists(file));
    }
}
