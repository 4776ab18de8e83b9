package dev.dockenv.plan;

import dev.dockenv.project.PythonChoice;
import java.util.List;
import java.util.Map;

/**
 * What the environment image contains, decided from the project model alone: the base image,
 * system packages, the pip installs of the base and dev stages, extra build commands, the
 * environment, ports and the default command.
 */
public record EnvironmentPlan(
        String projectName,
        PythonChoice python,
        String baseImage,
        List<String> aptPackages,
        List<InstallStep> baseInstalls,
        List<InstallStep> devInstalls,
        List<String> buildCommands,
        Map<String, String> environment,
        List<Integer> containerPorts,
        List<String> command,
        String projectImportPath,
        PackageIndex index) {

    public EnvironmentPlan {
        aptPackages = List.copyOf(aptPackages);
        baseInstalls = List.copyOf(baseInstalls);
        devInstalls = List.copyOf(devInstalls);
        buildCommands = List.copyOf(buildCommands);
        environment = Map.copyOf(environment);
        containerPorts = List.copyOf(containerPorts);
        command = List.copyOf(command);
    }
}
