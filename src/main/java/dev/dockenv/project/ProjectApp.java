package dev.dockenv.project;

import dev.dockenv.config.AppSetting;
import java.util.List;

/**
 * One app of a repository with several, as scanned: its settings ({@link AppSetting}: name,
 * folder, command, ports, the services it depends on) and the requirements sets its environment
 * and its dev environment add over the shared base, loaded (those the base installs already left
 * out), and what its folder holds that tells how it starts ({@link StartFiles}, read only when it
 * configures no command).
 */
public record ProjectApp(AppSetting setting, List<RequirementsSet> requirements, List<RequirementsSet> devRequirements,
        StartFiles start) {
    public ProjectApp {
        requirements = List.copyOf(requirements);
        devRequirements = List.copyOf(devRequirements);
    }

    /** The app before its folder is read for how it starts. */
    public ProjectApp(AppSetting setting, List<RequirementsSet> requirements, List<RequirementsSet> devRequirements) {
        this(setting, requirements, devRequirements, StartFiles.none(setting.path()));
    }

    /** The app with what its folder holds that tells how it starts. */
    ProjectApp withStart(StartFiles files) {
        return new ProjectApp(setting, requirements, devRequirements, files);
    }

    public String name() {
        return setting.name();
    }

    /** The app's folder, '/'-separated, relative to the project. */
    public String folder() {
        return setting.path();
    }
}
