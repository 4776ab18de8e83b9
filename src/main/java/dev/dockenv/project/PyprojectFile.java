package dev.dockenv.project;

import dev.dockenv.config.DockenvConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What dockenv reads from pyproject.toml. Dependency groups have their includes resolved. */
public record PyprojectFile(
        Path file,
        Optional<String> name,
        Optional<PythonVersionResolver.Declared> requiresPython,
        List<DeclaredRequirement> dependencies,
        Map<String, List<DeclaredRequirement>> optionalDependencies,
        Map<String, List<DeclaredRequirement>> dependencyGroups,
        boolean hasBuildSystem,
        DockenvConfig config) {

    public PyprojectFile {
        dependencies = List.copyOf(dependencies);
        optionalDependencies = Map.copyOf(optionalDependencies);
        dependencyGroups = Map.copyOf(dependencyGroups);
    }
}
