package dev.dockenv.edit;

import dev.dockenv.errors.DockenvException;
import dev.dockenv.lock.DependencyGroups;
import dev.dockenv.errors.ExitCode;
import dev.dockenv.pep.Pep503;
import dev.dockenv.project.Project;
import dev.dockenv.pyproject.PyprojectFile;
import dev.dockenv.project.RequirementsSet;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tomlj.TomlArray;
import org.tomlj.TomlTable;

/**
 * Chooses the file the project already uses for a kind of dependency, as uv and pip users expect:
 * <ul>
 * <li>main: pyproject.toml [project] dependencies when [project] declares them (not "dynamic"),
 *     else the main requirements file, else a new requirements.txt;</li>
 * <li>--dev: the [dependency-groups] dev group of a pyproject project (PEP 735, as uv does), else
 *     the dev requirements file, else a new requirements-dev.txt;</li>
 * <li>--group G: [dependency-groups] G in pyproject.toml.</li>
 * </ul>
 * A Pipfile or [tool.poetry] project is its tool's to edit: dockenv says so rather than write a
 * second list beside it.
 */
public final class DependencyTargets {
    private DependencyTargets() {
    }

    public static DependencyTarget choose(Project project, boolean dev, Optional<String> group) {
        if (dev && group.isPresent() && !Pep503.normalize(group.get()).equals(DependencyGroups.DEV)) {
            throw new DockenvException(ExitCode.USAGE, "--dev and --group " + group.get() + " name two places",
                    "choose one");
        }
        refuseToolManagedManifests(project);
        Optional<PyprojectFile> pyproject = project.pyproject();
        Optional<String> namedGroup = group.filter(g -> !Pep503.normalize(g).equals(DependencyGroups.DEV));
        if (namedGroup.isPresent()) {
            PyprojectFile p = pyproject.orElseThrow(() -> new DockenvException(ExitCode.USAGE,
                    "dependency groups are written in pyproject.toml [dependency-groups], and this project has no "
                            + "pyproject.toml", "create one, or use --dev for the dev requirements file"));
            return groupList(p, namedGroup.get());
        }
        if (dev || group.isPresent()) {
            boolean pyprojectGroups = pyproject.isPresent()
                    && (pyproject.get().document().contains(List.of("dependency-groups"))
                            || declaresProjectDependencies(pyproject.get()) && project.devRequirements().isEmpty());
            if (pyprojectGroups) {
                return groupList(pyproject.get(), DependencyGroups.DEV);
            }
            if (!project.devRequirements().isEmpty()) {
                return new DependencyTarget.RequirementsTxt(project.devRequirements().get(0).file(), false);
            }
            if (pyproject.isPresent() && project.requirements().isEmpty()) {
                return groupList(pyproject.get(), DependencyGroups.DEV);
            }
            return new DependencyTarget.RequirementsTxt(project.root().resolve("requirements-dev.txt"), true);
        }
        if (pyproject.isPresent() && declaresProjectDependencies(pyproject.get())) {
            return new DependencyTarget.PyprojectList(pyproject.get().file(), List.of("project", "dependencies"));
        }
        if (!project.requirements().isEmpty()) {
            return new DependencyTarget.RequirementsTxt(project.requirements().get(0).file(), false);
        }
        return new DependencyTarget.RequirementsTxt(project.root().resolve("requirements.txt"), true);
    }

    /** Every place a package may be declared, for a remove that did not find it where it looked. */
    public static List<DependencyTarget> all(Project project) {
        List<DependencyTarget> all = new ArrayList<>();
        project.pyproject().ifPresent(p -> {
            all.add(new DependencyTarget.PyprojectList(p.file(), List.of("project", "dependencies")));
            p.document().table(List.of("dependency-groups")).ifPresent(t -> t.keySet().forEach(g ->
                    all.add(new DependencyTarget.PyprojectList(p.file(), List.of("dependency-groups", g)))));
        });
        for (List<RequirementsSet> sets : List.of(project.requirements(), project.devRequirements())) {
            for (RequirementsSet set : sets) {
                set.files().forEach(f -> all.add(new DependencyTarget.RequirementsTxt(f, false)));
            }
        }
        return all;
    }

    /** [project] is there and does not leave its dependencies to the build backend ("dynamic"). */
    private static boolean declaresProjectDependencies(PyprojectFile pyproject) {
        Optional<TomlTable> project = pyproject.document().table(List.of("project"));
        if (project.isEmpty()) {
            return false;
        }
        Object dynamic = project.get().get(List.of("dynamic"));
        return !(dynamic instanceof TomlArray a && a.toList().contains("dependencies"));
    }

    /** The group's list, under the group's key as already written (PEP 735 compares normalized names). */
    private static DependencyTarget groupList(PyprojectFile pyproject, String group) {
        String key = pyproject.document().table(List.of("dependency-groups"))
                .flatMap(t -> t.keySet().stream().filter(k -> Pep503.normalize(k).equals(Pep503.normalize(group)))
                        .findFirst())
                .orElse(group);
        return new DependencyTarget.PyprojectList(pyproject.file(), List.of("dependency-groups", key));
    }

    private static void refuseToolManagedManifests(Project project) {
        if (project.conda().isPresent()) {
            String file = project.conda().get().path();
            throw new DockenvException(ExitCode.BAD_INPUT, "this project's environment is " + file
                    + ", which conda solves when the image is built", "add the package to its dependencies (or to "
                            + "its pip: list for a PyPI package); dockenv rebuilds on the next run");
        }
        if (Files.isRegularFile(project.root().resolve("Pipfile"))) {
            throw new DockenvException(ExitCode.BAD_INPUT, "this project declares its packages in its Pipfile, "
                    + "which pipenv maintains", "use `pipenv install PKG` (dockenv installs from the Pipfile as it is)");
        }
        boolean poetry = project.pyproject().map(p -> p.document().contains(List.of("tool", "poetry", "dependencies"))
                && !p.document().contains(List.of("project"))).orElse(false);
        if (poetry) {
            throw new DockenvException(ExitCode.BAD_INPUT, "this project declares its packages in [tool.poetry], "
                    + "which poetry maintains", "use `poetry add PKG` (dockenv installs from it as it is)");
        }
    }
}
