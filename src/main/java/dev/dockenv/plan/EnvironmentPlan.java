package dev.dockenv.plan;

import dev.dockenv.config.PortMapping;
import dev.dockenv.project.PythonChoice;
import java.util.List;
import java.util.Map;

/**
 * What the environment image contains, decided from the project model alone: the base image,
 * system packages, the pip installs of the base and dev stages, extra build commands, the
 * environment, ports and the default command; and how the project itself is installed, when it
 * is an installable distribution.
 */
public record EnvironmentPlan(
        String projectName,
        PythonChoice python,
        String baseImage,
        List<String> aptPackages,
        List<InstallStep> baseInstalls,
        List<InstallStep> devInstalls,
        List<String> buildCommands,
        java.util.Optional<String> postBuild,
        Map<String, String> environment,
        List<PortMapping> ports,
        List<String> command,
        String projectImportPath,
        PackageIndex index,
        List<GeneratedFile> generatedFiles,
        java.util.Optional<ProjectInstall> projectInstall) {

    /** The container ports, each once, in order (for EXPOSE). */
    public List<Integer> containerPorts() {
        return ports.stream().map(PortMapping::containerPort).distinct().toList();
    }

    public EnvironmentPlan {
        aptPackages = List.copyOf(aptPackages);
        baseInstalls = List.copyOf(baseInstalls);
        devInstalls = List.copyOf(devInstalls);
        buildCommands = List.copyOf(buildCommands);
        environment = Map.copyOf(environment);
        ports = List.copyOf(ports);
        command = List.copyOf(command);
        generatedFiles = List.copyOf(generatedFiles);
    }

    /** A plan for a project that is not installed as a distribution. */
    public EnvironmentPlan(String projectName, PythonChoice python, String baseImage, List<String> aptPackages,
            List<InstallStep> baseInstalls, List<InstallStep> devInstalls, List<String> buildCommands,
            java.util.Optional<String> postBuild, Map<String, String> environment, List<PortMapping> ports,
            List<String> command, String projectImportPath, PackageIndex index, List<GeneratedFile> generatedFiles) {
        this(projectName, python, baseImage, aptPackages, baseInstalls, devInstalls, buildCommands, postBuild,
                environment, ports, command, projectImportPath, index, generatedFiles, java.util.Optional.empty());
    }
}
