package dev.dockenv.plan;

import dev.dockenv.config.PortMapping;
import dev.dockenv.python.PythonChoice;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the environment image contains, decided from the project model alone: the base image,
 * system packages, the pip installs of the base and dev stages, extra build commands, the
 * environment, ports and the default command. With a conda environment ({@code conda}), the base
 * stage builds that environment on a micromamba image instead of a virtualenv, and
 * {@code baseInstalls} is empty: the environment file's pip: list is part of the conda plan; and how the project itself
 * is installed ({@code projectInstall}), when it is an installable distribution.
 */
public record EnvironmentPlan(
        String projectName,
        PythonChoice python,
        String baseImage,
        List<String> aptPackages,
        List<InstallStep> baseInstalls,
        List<InstallStep> devInstalls,
        List<String> buildCommands,
        Optional<String> postBuild,
        Map<String, String> environment,
        List<PortMapping> ports,
        List<String> command,
        String projectImportPath,
        PackageIndex index,
        List<GeneratedFile> generatedFiles,
        Optional<CondaDockerfilePlan> conda,
        Optional<ProjectInstall> projectInstall) {

    /** A plan without a conda environment, for a project that is not installed as a distribution. */
    public EnvironmentPlan(String projectName, PythonChoice python, String baseImage, List<String> aptPackages,
            List<InstallStep> baseInstalls, List<InstallStep> devInstalls, List<String> buildCommands,
            Optional<String> postBuild, Map<String, String> environment, List<PortMapping> ports,
            List<String> command, String projectImportPath, PackageIndex index, List<GeneratedFile> generatedFiles) {
        this(projectName, python, baseImage, aptPackages, baseInstalls, devInstalls, buildCommands, postBuild,
                environment, ports, command, projectImportPath, index, generatedFiles, Optional.empty(),
                Optional.empty());
    }

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
        java.util.Objects.requireNonNull(conda);
    }
}
