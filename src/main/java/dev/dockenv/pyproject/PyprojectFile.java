package dev.dockenv.pyproject;

import dev.dockenv.config.DockenvConfig;
import dev.dockenv.config.TomlDocument;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.dockenv.python.DeclaredRequirement;
import dev.dockenv.python.DeclaredPython;

/**
 * What dockenv reads from pyproject.toml. Dependency groups have their includes resolved; the
 * parsed document is kept for the readers of tool tables ([tool.poetry] ...), so the file is
 * parsed once.
 */
public record PyprojectFile(
        TomlDocument document,
        Path file,
        Optional<String> name,
        Optional<DeclaredPython> requiresPython,
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
