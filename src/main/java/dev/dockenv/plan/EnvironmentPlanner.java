package dev.dockenv.plan;

import dev.dockenv.config.PortMapping;
import dev.dockenv.errors.DockenvException;
import dev.dockenv.lock.DependencyGroups;
import dev.dockenv.lock.LockFile;
import dev.dockenv.lock.LockedPackage;
import dev.dockenv.lock.LockedRequirements;
import dev.dockenv.lock.PackageSource;
import dev.dockenv.lock.PipInstallList;
import dev.dockenv.pep.MarkerEnvironment;
import dev.dockenv.errors.ExitCode;
import dev.dockenv.project.CondaEnvironmentFile;
import dev.dockenv.python.DeclaredRequirement;
import dev.dockenv.project.Project;
import dev.dockenv.pyproject.PyprojectFile;
import dev.dockenv.project.RequirementsSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import dev.dockenv.decision.DeclaredInstall;

/** Computes an {@link EnvironmentPlan} from a {@link Project} and the host's pip settings. */
public final class EnvironmentPlanner {
    private EnvironmentPlanner() {
    }

    /**
     * @param hostEnvironment the host's environment: PIP_INDEX_URL, PIP_EXTRA_INDEX_URL and
     *        PIP_TRUSTED_HOST apply to builds as they do to pip on the host, unless the project's
     *        configuration names an index
     */
    public static EnvironmentPlan plan(Project project, Map<String, String> hostEnvironment) {
        return plan(project, Optional.empty(), Optional.empty(), hostEnvironment);
    }

    /**
     * With a lock, the lock is what main and dev install (hash-pinned, no resolution in the
     * image); requirements files and [project] dependencies are then not installed.
     */
    public static EnvironmentPlan plan(Project project, Optional<LockFile> lock, Map<String, String> hostEnvironment) {
        return plan(project, lock, Optional.empty(), hostEnvironment);
    }

    /**
     * @param declared without a lock, what a Pipfile or [tool.poetry] declares: installed in the same
     *        pip run as the stage's requirements files and [project] dependencies
     */
    public static EnvironmentPlan plan(Project project, Optional<LockFile> lock, Optional<DeclaredInstall> declared,
            Map<String, String> hostEnvironment) {
        if (project.conda().isPresent()) {
            // the environment file is the environment (as repo2docker reads it): no lock, no other manifest
            // (CondaEnvironmentFile.notInstalled says what is left out, and how to bring it in)
            lock = Optional.empty();
            declared = Optional.empty();
        }
        var config = project.config();
        String baseImage = config.baseImage().orElse(project.conda().isPresent() ? MicromambaImage.DEFAULT_IMAGE
                : "python:" + project.python().version() + "-slim");

        Optional<PyprojectFile> pyproject = project.pyproject();
        Set<String> copied = new LinkedHashSet<>();

        Set<String> baseExtras = new LinkedHashSet<>(config.extras());
        if (project.conda().isEmpty()) {
            project.requirements().forEach(r -> baseExtras.addAll(r.projectExtras()));
        }
        List<String> basePackages = new ArrayList<>();
        pyproject.ifPresent(p -> p.dependencies().forEach(d -> basePackages.add(d.text())));
        // setup.cfg's or setup.py's install_requires: installed before the project, which is then installed alone
        List<DeclaredRequirement> packagingDeps = project.packaging().flatMap(p -> p.dependencies()).orElse(List.of());
        packagingDeps.forEach(d -> basePackages.add(d.text()));
        basePackages.addAll(extraRequirements(project, baseExtras));
        Optional<DeclaredInstall> manifest = lock.isPresent() ? Optional.empty() : declared;
        manifest.ifPresent(m -> basePackages.addAll(m.main()));
        List<String> baseOrigins = new ArrayList<>();
        if (pyproject.isPresent() && !pyproject.get().dependencies().isEmpty()) {
            baseOrigins.add("pyproject.toml [project] dependencies");
        }
        if (!packagingDeps.isEmpty()) {
            baseOrigins.add(project.packaging().get().dependencySource());
        }
        if (!baseExtras.isEmpty()) {
            baseOrigins.add("extras " + String.join(", ", baseExtras));
        }
        manifest.filter(m -> !m.main().isEmpty()).ifPresent(m -> baseOrigins.add(m.origin()));
        List<GeneratedFile> generated = new ArrayList<>();
        Optional<CondaDockerfilePlan> conda = project.conda().map(c -> condaPlan(project, c, baseImage, baseExtras));
        conda.ifPresent(c -> {
            generated.addAll(c.generatedFiles());
            copied.addAll(c.copies());
        });
        List<InstallStep> base = conda.isPresent() ? List.of() : lock.isPresent()
                ? lockedSteps(project, lock.get(), DependencyGroups.MAIN, Set.of(), generated)
                : step(project, project.requirements(), basePackages, baseOrigins, copied,
                        manifest.map(DeclaredInstall::copies).orElse(List.of()));

        Set<String> devExtras = new LinkedHashSet<>();
        project.devRequirements().forEach(r -> devExtras.addAll(r.projectExtras()));
        devExtras.removeAll(baseExtras);
        List<String> devPackages = new ArrayList<>();
        List<String> devOrigins = new ArrayList<>();
        pyproject.map(p -> p.dependencyGroups().get("dev")).filter(g -> !g.isEmpty()).ifPresent(g -> {
            g.forEach(d -> devPackages.add(d.text()));
            devOrigins.add("pyproject.toml [dependency-groups] dev");
        });
        devPackages.addAll(extraRequirements(project, devExtras));
        manifest.filter(m -> !m.dev().isEmpty()).ifPresent(m -> {
            devPackages.addAll(m.dev());
            devOrigins.add(m.origin());
        });
        if (!devExtras.isEmpty()) {
            devOrigins.add("extras " + String.join(", ", devExtras));
        }
        List<InstallStep> dev = lock.isPresent()
                ? lockedSteps(project, lock.get(), DependencyGroups.DEV, mainLines(project, lock.get()), generated)
                : step(project, project.devRequirements(), devPackages, devOrigins, copied, List.of());

        List<PortMapping> ports = new ArrayList<>();
        for (String spec : config.ports()) {
            ports.add(PortMapping.parse(spec).orElseThrow()); // checked when the configuration was read
        }
        String importPath = project.hasSrcLayout() ? ContainerPaths.PROJECT + "/src" : ContainerPaths.PROJECT;
        List<String> apt = new ArrayList<>(config.aptPackages());
        project.aptTxtPackages().stream().filter(p -> !apt.contains(p)).forEach(apt::add);
        Optional<ProjectInstall> projectInstall = ProjectInstallPlanner.plan(project, lock.isPresent(), generated);
        return new EnvironmentPlan(project.name(), project.python(), baseImage, apt, base, dev,
                config.buildCommands(), project.postBuild().map(project::relative), config.environment(), ports,
                config.command(), importPath,
                index(project, hostEnvironment, lock.map(LockFile::indexUrls)
                        .orElseGet(() -> manifest.map(DeclaredInstall::indexUrls).orElse(List.of()))), generated,
                conda, projectInstall);
    }

    /**
     * The conda environment's build. Its pip: list installs the project's pyproject dependencies
     * (with the extras asked for, and those configured) where it installs the project itself.
     *
     * @param baseExtras receives the extras the pip: list asks of the project, so the dev stage
     *        does not install them again
     */
    private static CondaDockerfilePlan condaPlan(Project project, CondaEnvironmentFile file, String baseImage,
            Set<String> baseExtras) {
        List<String> includedFiles = new ArrayList<>();
        List<String> installingProject = new ArrayList<>();
        Set<String> includedExtras = new LinkedHashSet<>();
        for (RequirementsSet set : file.pipIncludes()) {
            for (List<Path> paths : List.of(set.files(), set.localPaths(), set.findLinksDirectories())) {
                paths.forEach(p -> includedFiles.add(project.relative(p)));
            }
            set.filesInstallingProject().forEach(f -> installingProject.add(project.relative(f)));
            includedExtras.addAll(set.projectExtras());
        }
        Set<String> configured = new LinkedHashSet<>(project.config().extras());
        CondaDockerfilePlanner.Inputs inputs = new CondaDockerfilePlanner.Inputs(baseImage, file.pythonPin(),
                new CondaDockerfilePlanner.Includes(includedFiles, installingProject, includedExtras), extras -> {
                    Set<String> all = new LinkedHashSet<>(configured);
                    all.addAll(extras);
                    baseExtras.addAll(all);
                    List<String> out = new ArrayList<>();
                    project.pyproject().ifPresent(p -> p.dependencies().forEach(d -> out.add(d.text())));
                    project.packaging().flatMap(p -> p.dependencies()).orElse(List.of()).forEach(d -> out.add(d.text()));
                    out.addAll(extraRequirements(project, all));
                    return distinct(out);
                }, file.notInstalled());
        return CondaDockerfilePlanner.plan(file.environment(), file.path(), inputs);
    }

    /**
     * A group of the lock as derived lists under .dockenv/ (hashed and unhashed), minus lines an
     * earlier stage already installs, plus copies of the local paths the unhashed list installs.
     */
    private static List<InstallStep> lockedSteps(Project project, LockFile lock, String group, Set<String> earlier,
            List<GeneratedFile> generated) {
        PipInstallList list = LockedRequirements.forGroups(lock, Set.of(group), target(project));
        List<String> hashed = list.hashed().stream().filter(l -> !earlier.contains(l)).toList();
        List<String> unhashed = list.unhashed().stream().filter(l -> !earlier.contains(l)).toList();
        if (hashed.isEmpty() && unhashed.isEmpty()) {
            return List.of();
        }
        String header = "# Derived by dockenv from " + lock.file().getFileName() + " (" + group + ", linux, Python "
                + project.python().version().minorOnly() + "). Do not edit: dockenv rewrites it.\n";
        List<LockLayer> layers = new ArrayList<>();
        List<String> seeded = hashed.stream().filter(LockLayering::isSeeded).toList();
        List<String> layered = hashed.stream().filter(l -> !LockLayering.isSeeded(l)).toList();
        boolean recorded = !lock.layers().isEmpty();
        List<List<String>> split = recorded ? LockLayering.byRecord(layered, lock.layers())
                : LockLayering.split(layered);
        for (int i = 0; i < split.size(); i++) {
            if (!split.get(i).isEmpty()) {
                String path = derived(generated, group + ".layer-" + (i + 1) + (recorded ? "" : "-of-" + split.size())
                        + ".lock.txt", header, split.get(i));
                layers.add(new LockLayer("deps-" + group + "-" + (i + 1), path));
            }
        }
        List<String> hashedLists = new ArrayList<>();
        List<String> unhashedLists = new ArrayList<>();
        if (!seeded.isEmpty()) {
            hashedLists.add(derived(generated, group + ".lock.txt", header, seeded));
        }
        List<String> copies = new ArrayList<>();
        if (!unhashed.isEmpty()) {
            unhashedLists.add(derived(generated, group + ".unhashed.txt", header, unhashed));
            for (LockedPackage p : lock.packagesOf(group)) {
                if (p.source() instanceof PackageSource.LocalPath local && !LockedRequirements.isProjectItself(local.path())
                        && !local.path().startsWith("/")) {
                    copies.add(project.relative(project.root().resolve(local.path()).normalize()));
                }
            }
        }
        return List.of(InstallStep.locked(lock.file().getFileName() + " [" + group + "]", copies, layers,
                hashedLists, unhashedLists));
    }

    /** A derived requirements list under .dockenv/ (the header, one entry a line); its path. */
    private static String derived(List<GeneratedFile> generated, String name, String header, List<String> lines) {
        GeneratedFile f = new GeneratedFile(GeneratedFile.FOLDER + name, header + String.join("\n", lines) + "\n");
        generated.add(f);
        return f.path();
    }

    private static Set<String> mainLines(Project project, LockFile lock) {
        PipInstallList main = LockedRequirements.forGroups(lock, Set.of(DependencyGroups.MAIN), target(project));
        Set<String> lines = new LinkedHashSet<>(main.hashed());
        lines.addAll(main.unhashed());
        return lines;
    }

    private static MarkerEnvironment target(Project project) {
        return MarkerEnvironment.forLinux(project.python().version().fullForMarkers());
    }

    /** The stage's single pip run, or none when it has nothing to install. */
    private static List<InstallStep> step(Project project, List<RequirementsSet> sets, List<String> packages,
            List<String> packageOrigins, Set<String> copied, List<String> extraCopies) {
        List<String> copies = new ArrayList<>();
        List<String> files = new ArrayList<>();
        Set<String> dropIn = new LinkedHashSet<>();
        List<String> origins = new ArrayList<>();
        for (RequirementsSet set : sets) {
            files.add(project.relative(set.file()));
            origins.add(project.relative(set.file()));
            for (List<Path> paths : List.of(set.files(), set.localPaths(), set.findLinksDirectories())) {
                for (Path p : paths) {
                    addCopy(project, p, copied, copies);
                }
            }
            set.filesInstallingProject().forEach(f -> dropIn.add(project.relative(f)));
        }
        for (String c : extraCopies) {
            if (copied.add(c)) {
                copies.add(c);
            }
        }
        origins.addAll(packageOrigins);
        List<String> distinctPackages = distinct(packages);
        if (files.isEmpty() && distinctPackages.isEmpty()) {
            return List.of();
        }
        List<String> constraints = new ArrayList<>();
        project.constraints().ifPresent(c -> {
            constraints.add(project.relative(c.file()));
            for (List<Path> paths : List.of(c.files(), c.localPaths(), c.findLinksDirectories())) {
                paths.forEach(p -> addCopy(project, p, copied, copies));
            }
            origins.add(project.relative(c.file()) + " (constraints)");
        });
        return List.of(InstallStep.declared(String.join(", ", origins), copies, List.copyOf(dropIn), files,
                distinctPackages, constraints));
    }

    /**
     * The requirements of the project's optional dependencies (extras) named: from
     * [project.optional-dependencies], else from setup.cfg's or setup.py's extras_require.
     */
    private static List<String> extraRequirements(Project project, Set<String> extras) {
        Optional<PyprojectFile> pyproject = project.pyproject();
        Map<String, List<DeclaredRequirement>> packagingExtras = project.packaging()
                .map(dev.dockenv.packaging.PackagingProject::extras).orElse(Map.of());
        List<String> out = new ArrayList<>();
        for (String extra : extras) {
            String normalized = dev.dockenv.pep.Pep503.normalize(extra);
            if (packagingExtras.containsKey(normalized) && pyproject.map(p -> !p.optionalDependencies()
                    .containsKey(normalized)).orElse(true)) {
                packagingExtras.get(normalized).forEach(d -> out.add(d.text()));
                continue;
            }
            PyprojectFile p = pyproject.orElseThrow(() -> new DockenvException(ExitCode.BAD_INPUT,
                    "extra '" + extra + "' is asked for, but the project declares no optional dependencies",
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

    private static void addCopy(Project project, Path path, Set<String> copied, List<String> copies) {
        String rel = project.relative(path);
        if (copied.add(rel)) {
            copies.add(rel);
        }
    }

    private static PackageIndex index(Project project, Map<String, String> host, List<String> lockIndexes) {
        var config = project.config();
        Optional<String> indexUrl = config.indexUrl().or(() -> Optional.ofNullable(host.get("PIP_INDEX_URL"))
                .filter(s -> !s.isBlank()).filter(s -> config.extraIndexUrls().isEmpty()));
        List<String> extra = new ArrayList<>(config.extraIndexUrls());
        if (config.indexUrl().isEmpty() && config.extraIndexUrls().isEmpty()) {
            splitInto(host.get("PIP_EXTRA_INDEX_URL"), extra);
        }
        if (indexUrl.isEmpty() && extra.isEmpty() && !lockIndexes.isEmpty()) {
            // the lock's own indexes, when nothing else names one
            indexUrl = Optional.of(lockIndexes.get(0));
            extra.addAll(lockIndexes.subList(1, lockIndexes.size()));
        }
        List<String> trusted = new ArrayList<>(config.trustedHosts());
        if (config.trustedHosts().isEmpty()) {
            splitInto(host.get("PIP_TRUSTED_HOST"), trusted);
        }
        // credentials never go into build arguments: the build gets them as a secret (see build.IndexCredentials)
        indexUrl = indexUrl.map(PackageIndex::withoutCredentials);
        extra.replaceAll(PackageIndex::withoutCredentials);
        List<String> all = new ArrayList<>(extra);
        indexUrl.ifPresent(all::add);
        List<String> urlsSeen = new ArrayList<>(all);
        project.requirements().forEach(r -> urlsSeen.addAll(r.indexUrls()));
        project.devRequirements().forEach(r -> urlsSeen.addAll(r.indexUrls()));
        project.conda().ifPresent(c -> {
            urlsSeen.addAll(c.environment().toDeclaredDependencies().indexUrls());
            c.pipIncludes().forEach(r -> urlsSeen.addAll(r.indexUrls()));
        });
        boolean hostNetwork = urlsSeen.stream().anyMatch(PackageIndex::isLoopback);
        return new PackageIndex(indexUrl, extra, trusted, hostNetwork);
    }

    private static void splitInto(String value, List<String> into) {
        if (value != null) {
            for (String s : value.trim().split("\\s+")) {
                if (!s.isEmpty()) {
                    into.add(s);
                }
            }
        }
    }


    private static List<String> distinct(List<String> items) {
        return List.copyOf(new LinkedHashSet<>(items));
    }
}
