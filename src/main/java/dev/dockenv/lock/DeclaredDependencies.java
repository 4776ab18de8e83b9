package dev.dockenv.lock;

import dev.dockenv.python.DeclaredRequirement;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.dockenv.python.DeclaredPython;

/**
 * What a manifest declares (unlocked): requirements per group as PEP 508 strings (converted from
 * the tool's own syntax when it has one, e.g. poetry's "^1.2" or Pipfile's tables), the Python
 * version it asks for, and its package indexes.
 *
 * @param format  "Pipfile", "pyproject.toml [tool.poetry]", "environment.yml" ...
 * @param groups  group name (normalized; "main" and "dev" as in {@link DependencyGroups}) to requirements
 * @param python  the Python version or range it names, with where (e.g. Pipfile python_version)
 */
public record DeclaredDependencies(Path file, String format, Map<String, List<DeclaredRequirement>> groups,
        Optional<DeclaredPython> python, List<String> indexUrls) {

    public DeclaredDependencies {
        groups = Map.copyOf(groups);
        indexUrls = List.copyOf(indexUrls);
    }

    public List<DeclaredRequirement> group(String name) {
        return groups.getOrDefault(name, List.of());
    }
}
