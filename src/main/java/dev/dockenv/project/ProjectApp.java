package dev.dockenv.project;

import dev.dockenv.config.AppSetting;
import java.util.List;

/**
 * One app of a repository with several, as scanned: its settings ({@link AppSetting}: name,
 * folder, command, ports, the services it depends on) and the requirements sets its environment
 * and its dev environment add over the shared base, loaded (those the base installs already left
 * out).
 */
public record ProjectApp(AppSetting setting, List<RequirementsSet> requirements, List<RequirementsSet> devRequirements) {
    public ProjectApp {
        requirements = List.copyOf(requirements);
        devRequirements = List.copyOf(devRequirements);
    }

    public String name() {
        return setting.name();
    }

    /** The app's folder, '/'-separated, relative to the project. */
    public String folder() {
        return setting.path();
    }
}
