package dev.dockenv.decision;

import dev.dockenv.errors.DockenvException;
import dev.dockenv.errors.ExitCode;
import dev.dockenv.pep.Pep503;
import dev.dockenv.project.Project;
import dev.dockenv.pyproject.PyprojectFile;
import dev.dockenv.python.DeclaredRequirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The requirements of the project's optional dependencies (extras) asked for. */
public final class ProjectExtras {
    private ProjectExtras() {
    }

    /**
     * From [project.optional-dependencies], else from setup.cfg's or setup.py's extras_require; an
     * extra the project does not declare is an error naming the ones it does.
     */
    public static List<String> requirements(Project project, Set<String> extras) {
        Optional<PyprojectFile> pyproject = project.pyproject();
        Map<String, List<DeclaredRequirement>> packagingExtras = project.packaging()
                .map(dev.dockenv.packaging.PackagingProject::extras).orElse(Map.of());
        List<String> out = new ArrayList<>();
        for (String extra : extras) {
            String normalized = Pep503.normalize(extra);
            if (packagingExtras.containsKey(normalized) && pyproject.map(p -> !p.optionalDependencies()
                    .containsKey(normalized)).orElse(true)) {
                packagingExtras.get(normalized).forEach(d -> out.add(d.text()));
                continue;
            }
            PyprojectFile p = pyproject.orElseThrow(() -> new DockenvException(ExitCode.BAD_INPUT,
                    "extra '" + extra + "' is asked for" + project.config().source().map(f -> " in " + f).orElse("")
                            + ", but the project declares no optional dependencies",
                    "declare it in [project.optional-dependencies] (or setup.cfg [options.extras_require])"));
            List<DeclaredRequirement> reqs = p.optionalDependencies().get(normalized);
            if (reqs == null) {
                List<String> known = new ArrayList<>(p.optionalDependencies().keySet());
                known.addAll(packagingExtras.keySet());
                throw new DockenvException(ExitCode.BAD_INPUT, "extra '" + extra
                        + "' is not in [project.optional-dependencies] of " + p.file(),
                        "known extras: " + String.join(", ", known));
            }
            reqs.forEach(d -> out.add(d.text()));
        }
        return out;
    }

    /** The project's own dependencies ([project], setup.cfg's or setup.py's install_requires), as written. */
    public static List<String> dependencies(Project project) {
        List<String> out = new ArrayList<>();
        project.pyproject().ifPresent(p -> p.dependencies().forEach(d -> out.add(d.text())));
        project.packaging().flatMap(p -> p.dependencies()).orElse(List.of()).forEach(d -> out.add(d.text()));
        return out;
    }
}
