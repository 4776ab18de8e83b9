package dev.dockenv.deploy;

import dev.dockenv.config.NameReference;
import dev.dockenv.config.ServiceSetting;
import dev.dockenv.config.StackSettings;
import dev.dockenv.stack.StackPlan;
import dev.dockenv.stack.StackPlanner;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The part of the dev stack that runs on the server: the services marked {@code deploy = true}. */
public final class DeployedServices {
    private DeployedServices() {
    }

    /**
     * The deployed services planned as the dev stack plans them (presets, volumes, health checks,
     * password references), and what the app gets of them: the variables and dependencies of those
     * it depends on ({@code appDependsOn}: the project's or the app's {@code depends-on}; empty: all).
     * The app's own {@code env} of the settings is a dev setting and does not hide a service's
     * variable here: on the server the app's settings come from the env file.
     */
    public static StackPlan plan(String projectName, Path root, StackSettings stack,
            Optional<List<NameReference>> appDependsOn) {
        List<ServiceSetting> deployed = stack.services().stream().filter(ServiceSetting::deploy).toList();
        List<NameReference> needs = new StackSettings(stack.services(), appDependsOn).appDependencies().stream()
                .filter(ServiceSetting::deploy).map(s -> new NameReference(s.name(), s.location())).toList();
        return StackPlanner.plan(projectName, root, new StackSettings(deployed, Optional.of(needs)), Set.of());
    }
}
