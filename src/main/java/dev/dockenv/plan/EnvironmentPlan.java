package dev.dockenv.plan;

import dev.dockenv.config.PortMapping;
import dev.dockenv.decision.PackageIndex;
import dev.dockenv.python.PythonChoice;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the environment image contains, decided from the project model and the decision of what
 * installs it, by stage: the shared {@link BasePlan} (image, system packages, the Python environment
 * with the dependencies, finishing steps) and the {@link AppPlan} over it (dev installs, the project
 * itself, ports and command), with the package index the builds use, and for a repository with
 * several apps one {@link PlannedApp} each over the same base. The files dockenv derives for the
 * build ({@link #generatedFiles()}) are those the stages' values carry.
 */
public record EnvironmentPlan(String projectName, PythonChoice python, BasePlan base, AppPlan app,
        PackageIndex index, List<PlannedApp> apps) {

    public EnvironmentPlan {
        apps = List.copyOf(apps);
    }

    /**
     * The plan as one environment of an app, for resolving its lock: the shared installs and the
     * app's as the base, the shared dev installs and the app's as dev.
     */
    public EnvironmentPlan forApp(PlannedApp planned) {
        List<StageInstall> installs = new ArrayList<>(baseInstalls());
        installs.addAll(planned.installs());
        BasePlan view = new BasePlan(base.image(), base.aptPackages(), base.importPath(),
                new PythonEnvironment.Venv(installs), base.finishing());
        return new EnvironmentPlan(projectName, python, view, planned.app(), index, List.of());
    }

    /** The app of this name, when the repository has several. */
    public Optional<PlannedApp> plannedApp(String name) {
        return apps.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    /** The image the environment starts from. */
    public String baseImage() {
        return base.image();
    }

    /** The conda environment's build, when a conda environment file is the environment. */
    public Optional<CondaDockerfilePlan> conda() {
        return base.environment() instanceof PythonEnvironment.Conda c ? Optional.of(c.plan()) : Optional.empty();
    }

    /** The base stage's installs into the virtualenv (none for a conda environment). */
    public List<StageInstall> baseInstalls() {
        return base.environment() instanceof PythonEnvironment.Venv v ? v.installs() : List.of();
    }

    public List<StageInstall> devInstalls() {
        return app.devInstalls();
    }

    public Optional<ProjectInstall> projectInstall() {
        return app.project();
    }

    public List<PortMapping> ports() {
        return app.ports();
    }

    public List<String> command() {
        return app.command();
    }

    /** The configured environment variables (ENV in the image). */
    public Map<String, String> environment() {
        return base.finishing().environment();
    }

    /**
     * The files dockenv derives for this build, in order: the conda environment's, the lock lists of
     * the base and dev installs and of the apps' (each once), the project's module stand-ins.
     */
    public List<GeneratedFile> generatedFiles() {
        List<GeneratedFile> files = new ArrayList<>();
        conda().ifPresent(c -> files.addAll(c.generatedFiles()));
        List<List<StageInstall>> stages = new ArrayList<>(List.of(baseInstalls(), devInstalls()));
        apps.forEach(a -> stages.addAll(List.of(a.installs(), a.app().devInstalls())));
        for (List<StageInstall> installs : stages) {
            for (StageInstall install : installs) {
                if (install instanceof StageInstall.Locked locked) {
                    locked.generatedFiles().stream().filter(f -> !files.contains(f)).forEach(files::add);
                }
            }
        }
        projectInstall().ifPresent(p -> p.stubs().forEach(s -> files.add(s.file())));
        return List.copyOf(files);
    }

    /**
     * The folders of project files the installs copy in one step each ({@link DependencyCopies}),
     * which the build context dockenv assembles holds besides the project.
     */
    public List<DependencyFolder> dependencyFolders() {
        List<DependencyFolder> folders = new ArrayList<>();
        conda().flatMap(CondaDockerfilePlan::dependencyFolder).ifPresent(folders::add);
        folders.addAll(DependencyCopies.folders(EnvironmentDockerfile.BASE, baseInstalls()));
        folders.addAll(DependencyCopies.folders(EnvironmentDockerfile.DEV, devInstalls()));
        for (PlannedApp a : apps) {
            folders.addAll(DependencyCopies.folders(a.envStage(), a.installs()));
            folders.addAll(DependencyCopies.folders(a.devStage(), a.app().devInstalls()));
        }
        return List.copyOf(folders);
    }
}
