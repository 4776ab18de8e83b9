package dev.dockenv.lock.pipenv;

import dev.dockenv.lock.DeclaredDependencies;
import dev.dockenv.python.DeclaredRequirement;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.dockenv.python.DeclaredPython;

/**
 * A Pipfile as {@link PipfileReader} reads it.
 *
 * @param sources its {@code [[source]]} tables in order (empty when it has none: pipenv then uses PyPI)
 * @param groups  normalized group name ("main" for [packages], "dev" for [dev-packages], the PEP 503
 *                name of any other category) to its entries in the order written
 * @param python  {@code [requires]} python_full_version, else python_version, with its location
 */
public record Pipfile(Path file, List<PipenvSource> sources, Map<String, List<PipfileEntry>> groups,
        Optional<DeclaredPython> python) {

    public static final String FORMAT = "Pipfile";

    public Pipfile {
        sources = List.copyOf(sources);
        Map<String, List<PipfileEntry>> copy = new LinkedHashMap<>();
        groups.forEach((group, entries) -> copy.put(group, List.copyOf(entries)));
        groups = Collections.unmodifiableMap(copy);
    }

    public List<PipfileEntry> group(String name) {
        return groups.getOrDefault(name, List.of());
    }

    /** The format-independent view: PEP 508 requirements per group, the Python version, index URLs. */
    public DeclaredDependencies declared() {
        Map<String, List<DeclaredRequirement>> requirements = new LinkedHashMap<>();
        groups.forEach((group, entries) -> requirements.put(group,
                entries.stream().map(PipfileEntry::requirement).toList()));
        return new DeclaredDependencies(file, FORMAT, requirements, python,
                sources.stream().map(PipenvSource::url).toList());
    }
}
