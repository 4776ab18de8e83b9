package dev.dockenv.start;

import dev.dockenv.decision.InstallDecision;
import dev.dockenv.decision.StageDependencies;
import dev.dockenv.lock.DependencyGroups;
import dev.dockenv.lock.LockFile;
import dev.dockenv.lock.LockedPackage;
import dev.dockenv.pep.Pep503;
import dev.dockenv.pep.PepSyntaxException;
import dev.dockenv.pep.Requirement;
import dev.dockenv.project.Project;
import dev.dockenv.project.ProjectApp;
import dev.dockenv.project.RequirementsSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The packages the prod image installs by name (normalized, PEP 503), each with where it is
 * declared ({@code requirements.txt}, {@code pylock.toml}, {@code pyproject.toml [project]
 * dependencies} ...): what a detected web server must be among. The dev dependencies are not: a
 * server only a dev environment has is not in the prod image.
 */
public record ProdPackages(Map<String, String> origins) {

    public ProdPackages {
        origins = Collections.unmodifiableMap(new LinkedHashMap<>(origins));
    }

    /** Where the package of this name is declared, if the prod image installs it. */
    public Optional<String> origin(String name) {
        return Optional.ofNullable(origins.get(Pep503.normalize(name)));
    }

    /** The shared environment's packages. */
    public static ProdPackages of(Project project, InstallDecision decision) {
        Map<String, String> out = new LinkedHashMap<>();
        if (decision instanceof InstallDecision.Locked locked) {
            lock(project, locked.reading().lock(), out);
        } else if (decision instanceof InstallDecision.Conda conda) {
            String file = conda.environment().path();
            conda.environment().environment().toDeclaredDependencies().group(DependencyGroups.MAIN)
                    .forEach(d -> add(out, d.text(), file));
            conda.environment().pipIncludes().forEach(s -> sets(project, List.of(s), out));
        } else if (decision instanceof InstallDecision.Unlocked unlocked) {
            StageDependencies main = unlocked.stages().main();
            sets(project, main.requirements(), out);
            project.pyproject().ifPresent(p -> p.dependencies().forEach(d -> add(out, d.text(),
                    project.relative(p.file()) + " [project] dependencies")));
            project.packaging().flatMap(p -> p.dependencies().map(deps -> Map.entry(p.dependencySource(), deps)))
                    .ifPresent(e -> e.getValue().forEach(d -> add(out, d.text(), e.getKey())));
            String rest = main.origins().isEmpty() ? "the project's declared dependencies"
                    : String.join(", ", main.origins());
            main.packages().forEach(p -> add(out, p, rest));
        }
        return new ProdPackages(out);
    }

    /** An app's: the shared environment's, then its own requirements sets or its lock. */
    public static ProdPackages ofApp(Project project, InstallDecision decision, ProjectApp app,
            Optional<LockFile> appLock) {
        Map<String, String> out = new LinkedHashMap<>(of(project, decision).origins());
        if (appLock.isPresent()) {
            lock(project, appLock.get(), out);
        } else {
            sets(project, app.requirements(), out);
        }
        return new ProdPackages(out);
    }

    private static void lock(Project project, LockFile lock, Map<String, String> out) {
        String file = project.relative(lock.file());
        for (LockedPackage p : lock.packagesOf(DependencyGroups.MAIN)) {
            out.putIfAbsent(Pep503.normalize(p.name()), file);
        }
    }

    private static void sets(Project project, List<RequirementsSet> sets, Map<String, String> out) {
        for (RequirementsSet set : sets) {
            set.packageNames().forEach((name, file) -> out.putIfAbsent(name, project.relative(file)));
        }
    }

    private static void add(Map<String, String> out, String requirement, String origin) {
        try {
            out.putIfAbsent(Requirement.parse(requirement).normalizedName(), origin);
        } catch (PepSyntaxException e) {
            // not a named requirement (a local path): no server by name
        }
    }

    /** For tests and callers that know the names: each with its origin. */
    public static ProdPackages of(Map<String, String> origins) {
        Map<String, String> out = new LinkedHashMap<>();
        origins.forEach((name, origin) -> out.put(Pep503.normalize(name), origin));
        return new ProdPackages(out);
    }

}
