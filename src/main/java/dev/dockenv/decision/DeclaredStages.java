package dev.dockenv.decision;

import dev.dockenv.pep.Pep503;
import dev.dockenv.project.Project;
import dev.dockenv.project.RequirementsSet;
import dev.dockenv.python.DeclaredRequirement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the base ({@code main}) and dev stages install without a lock: the requirements sets the
 * project chose for each, its declared dependencies (and setup.cfg's or setup.py's), the extras
 * asked for (configured, or by {@code -e .[extra]}), the PEP 735 dev group, a manifest's groups, and
 * a script's inline metadata dependencies.
 */
public record DeclaredStages(StageDependencies main, StageDependencies dev) {

    public static DeclaredStages of(Project project, Optional<ManifestInstall> manifest) {
        Set<String> baseExtras = new LinkedHashSet<>(project.config().extras());
        project.requirements().forEach(r -> baseExtras.addAll(r.projectExtras()));
        return new DeclaredStages(main(project, baseExtras, manifest), dev(project, baseExtras, manifest));
    }

    private static StageDependencies main(Project project, Set<String> extras, Optional<ManifestInstall> manifest) {
        List<String> packages = new ArrayList<>(ProjectExtras.dependencies(project));
        packages.addAll(ProjectExtras.requirements(project, extras));
        manifest.ifPresent(m -> packages.addAll(m.main()));
        List<String> origins = new ArrayList<>();
        if (project.pyproject().isPresent() && !project.pyproject().get().dependencies().isEmpty()) {
            origins.add("pyproject.toml [project] dependencies");
        }
        List<DeclaredRequirement> packagingDeps = project.packaging().flatMap(p -> p.dependencies()).orElse(List.of());
        if (!packagingDeps.isEmpty()) {
            origins.add(project.packaging().get().dependencySource());
        }
        if (!extras.isEmpty()) {
            origins.add("extras " + String.join(", ", extras));
        }
        manifest.filter(m -> !m.main().isEmpty()).ifPresent(m -> origins.add(m.origin()));
        project.script().filter(s -> !s.dependencies().isEmpty()).ifPresent(s -> {
            s.dependencies().forEach(d -> packages.add(d.text()));
            origins.add(s.fileName() + " inline script metadata dependencies");
        });
        return new StageDependencies(project.requirements(), packages, origins,
                manifest.map(ManifestInstall::copies).orElse(List.of()));
    }

    /**
     * The dev stage: dev requirements sets, the dev group, the extras they ask for and the
     * project's optional dependencies named like dev sets ({@code test}, {@code dev} ...) that the
     * base stage does not install already, a manifest's dev group.
     *
     * @param baseExtras the extras the base stage installs
     */
    public static StageDependencies dev(Project project, Set<String> baseExtras, Optional<ManifestInstall> manifest) {
        List<RequirementsSet> sets = project.devRequirements();
        Set<String> extras = new LinkedHashSet<>();
        sets.forEach(r -> extras.addAll(r.projectExtras()));
        extras.addAll(devNamedExtras(project));
        Set<String> installed = new LinkedHashSet<>();
        baseExtras.forEach(e -> installed.add(Pep503.normalize(e)));
        extras.removeIf(e -> installed.contains(Pep503.normalize(e)));
        List<String> packages = new ArrayList<>();
        List<String> origins = new ArrayList<>();
        project.pyproject().map(p -> p.dependencyGroups().get("dev")).filter(g -> !g.isEmpty()).ifPresent(g -> {
            g.forEach(d -> packages.add(d.text()));
            origins.add("pyproject.toml [dependency-groups] dev");
        });
        packages.addAll(ProjectExtras.requirements(project, extras));
        manifest.filter(m -> !m.dev().isEmpty()).ifPresent(m -> {
            packages.addAll(m.dev());
            origins.add(m.origin());
        });
        if (!extras.isEmpty()) {
            origins.add("extras " + String.join(", ", extras));
        }
        return new StageDependencies(sets, packages, origins, List.of());
    }

    /**
     * The project's optional dependencies named like dev sets, in the order of {@link Project#DEV_NAMES}:
     * [project.optional-dependencies], or setup.cfg's / setup.py's extras_require.
     */
    private static List<String> devNamedExtras(Project project) {
        Set<String> declared = new LinkedHashSet<>();
        project.pyproject().ifPresent(p -> declared.addAll(p.optionalDependencies().keySet()));
        project.packaging().ifPresent(p -> declared.addAll(p.extras().keySet()));
        Set<String> normalized = new LinkedHashSet<>();
        declared.forEach(d -> normalized.add(Pep503.normalize(d)));
        return Project.DEV_NAMES.stream().filter(normalized::contains).toList();
    }
}
