package dev.dockenv.plan;

import dev.dockenv.config.PortMapping;
import dev.dockenv.decision.DeclaredStages;
import dev.dockenv.decision.InstallDecision;
import dev.dockenv.decision.StageDependencies;
import dev.dockenv.lock.DependencyGroups;
import dev.dockenv.lock.LockFile;
import dev.dockenv.lock.format.Freshness;
import dev.dockenv.lock.format.LockFormat;
import dev.dockenv.lock.format.LockReading;
import dev.dockenv.project.Project;
import dev.dockenv.project.ProjectApp;
import dev.dockenv.packaging.PackagingProject;
import dev.dockenv.start.ProdPackages;
import dev.dockenv.start.StartCommand;
import dev.dockenv.start.StartDetector;
import dev.dockenv.start.StartSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Computes an {@link EnvironmentPlan} from a {@link Project} and the decision of what installs its
 * environment ({@link InstallDecision}), stage by stage: the base (the image, system packages, the
 * Python environment with the dependencies, the finishing steps), then the app over it (dev
 * installs, the project itself, ports and command). Each part is a value a small planner returns.
 */
public final class EnvironmentPlanner {
    private EnvironmentPlanner() {
    }

    public static EnvironmentPlan plan(Project project, InstallDecision decision) {
        return plan(project, decision, Map.of());
    }

    /**
     * The plan of a project without a lock once a build has resolved its declarations into
     * {@code lock} (the resolver's choice for the image's platform, nothing written): the
     * environment installs the lock's packages as a locked plan does (dockenv's wheel installer,
     * layer by layer; the project itself without its dependencies), and the rest is as the
     * declarations plan it: the prod image's start command is detected from what the project
     * declares, not from packages the resolution brought in, so the image does what the plan its
     * tag was computed from says.
     */
    public static EnvironmentPlan planResolved(Project project, InstallDecision.Unlocked decision, LockFile lock) {
        EnvironmentPlan declared = plan(project, decision);
        EnvironmentPlan locked = plan(project, new InstallDecision.Locked(new LockReading(LockFormat.PYLOCK, lock,
                new Freshness.Fresh()), decision.index()));
        AppPlan app = locked.app();
        return new EnvironmentPlan(locked.projectName(), locked.python(), locked.base(), new AppPlan(app.devInstalls(),
                app.project(), app.ports(), app.command(), declared.app().start()), locked.index(), locked.apps());
    }

    /**
     * @param appLocks the locks of the repository's apps that have one ({@code dockenv lock}'s
     *     pylock.NAME.toml), by app name: those apps install from them over the shared environment
     */
    public static EnvironmentPlan plan(Project project, InstallDecision decision, Map<String, LockFile> appLocks) {
        Stages stages = stages(project, decision);
        String importPath = project.hasSrcLayout() ? ContainerPaths.PROJECT + "/src" : ContainerPaths.PROJECT;
        Optional<String> postBuild = project.postBuild().map(project::relative);
        FinishingSteps finishing = new FinishingSteps(project.config().buildCommands(), postBuild,
                buildInputs(project, stages.environment(), postBuild), project.config().environment());
        BasePlan base = new BasePlan(baseImage(project), aptPackages(project), importPath, stages.environment(),
                finishing);
        AppPlan app = new AppPlan(stages.dev(),
                ProjectInstallPlanner.plan(project, decision instanceof InstallDecision.Locked),
                ports(project.config().ports()),
                command(project), start(project, decision));
        return new EnvironmentPlan(project.name(), project.python(), base, app, decision.index(),
                apps(project, decision, stages, app, appLocks));
    }

    /**
     * Each app over the shared base: its sets installed in one pip run over the base's, its dev
     * environment the shared dev installs then its own (and the project itself, as the shared
     * environment has it); what an earlier stage copies is not copied again.
     */
    private static List<PlannedApp> apps(Project project, InstallDecision decision, Stages stages, AppPlan shared,
            Map<String, LockFile> appLocks) {
        List<StageInstall> baseInstalls = stages.environment() instanceof PythonEnvironment.Venv venv ? venv.installs()
                : List.of();
        // what the shared environment's lock installs already, which an app's lock leaves out
        Set<String> sharedMain = Set.of();
        Set<String> sharedAll = Set.of();
        if (decision instanceof InstallDecision.Locked locked) {
            sharedMain = LockedInstallPlanner.lines(project, locked.reading().lock(), Set.of(DependencyGroups.MAIN));
            sharedAll = LockedInstallPlanner.lines(project, locked.reading().lock(),
                    Set.of(DependencyGroups.MAIN, DependencyGroups.DEV));
        }
        List<PlannedApp> out = new ArrayList<>();
        for (ProjectApp app : project.apps()) {
            List<PortMapping> ports = ports(app.setting().ports());
            List<String> others = project.apps().stream().filter(o -> o != app).map(ProjectApp::folder).toList();
            if (appLocks.containsKey(app.name())) {
                List<List<StageInstall>> locked = LockedInstallPlanner.planApp(project, app.name(),
                        appLocks.get(app.name()), sharedMain, sharedAll);
                List<StageInstall> dev = new ArrayList<>(stages.dev());
                dev.addAll(locked.get(1));
                out.add(new PlannedApp(app.name(), app.folder(), locked.get(0), new AppPlan(dev, shared.project(), ports,
                        app.setting().command(), start(project, decision, app, Optional.of(appLocks.get(app.name())))),
                        others));
                continue;
            }
            Set<String> copied = DeclaredInstallPlanner.copiedBy(baseInstalls);
            List<StageInstall> installs = DeclaredInstallPlanner.plan(project, new StageDependencies(app.requirements(),
                    List.of(), List.of(), List.of()), copied).stream().toList();
            copied = new java.util.LinkedHashSet<>(copied);
            copied.addAll(DeclaredInstallPlanner.copiedBy(installs));
            List<StageInstall> dev = new ArrayList<>(stages.dev());
            copied.addAll(DeclaredInstallPlanner.copiedBy(stages.dev()));
            DeclaredInstallPlanner.plan(project, new StageDependencies(app.devRequirements(), List.of(), List.of(),
                    List.of()), copied).ifPresent(dev::add);
            out.add(new PlannedApp(app.name(), app.folder(), installs, new AppPlan(dev, shared.project(), ports,
                    app.setting().command(), start(project, decision, app, Optional.empty())), others));
        }
        return out;
    }

    /** The Python environment of the base stage and the dev stage's installs. */
    private record Stages(PythonEnvironment environment, List<StageInstall> dev) {
    }

    private static Stages stages(Project project, InstallDecision decision) {
        if (decision instanceof InstallDecision.Conda conda) {
            // the environment file is the environment (as repo2docker reads it): no lock, no other manifest
            // (CondaEnvironmentFile.notInstalled says what is left out, and how to bring it in)
            CondaDockerfilePlan plan = CondaInstallPlanner.plan(project, conda.environment(), baseImage(project));
            var dev = DeclaredStages.dev(project, CondaInstallPlanner.baseExtras(project, plan), Optional.empty());
            return new Stages(new PythonEnvironment.Conda(plan),
                    DeclaredInstallPlanner.plan(project, dev, Set.copyOf(plan.copies())).stream().toList());
        }
        if (decision instanceof InstallDecision.Locked locked) {
            List<List<StageInstall>> groups = LockedInstallPlanner.plan(project, locked.reading().lock());
            return new Stages(new PythonEnvironment.Venv(groups.get(0)), groups.get(1));
        }
        DeclaredStages declared = ((InstallDecision.Unlocked) decision).stages();
        List<StageInstall> base = DeclaredInstallPlanner.plan(project, declared.main(), Set.of()).stream().toList();
        List<StageInstall> dev = DeclaredInstallPlanner.plan(project, declared.dev(),
                DeclaredInstallPlanner.copiedBy(base)).stream().toList();
        return new Stages(new PythonEnvironment.Venv(base), dev);
    }

    /**
     * The project files the build steps see: the project's build inputs, without those the base
     * stage has copied already (they are in place, and a copy would undo what the stage did to
     * them); none when there is no build step.
     */
    private static List<String> buildInputs(Project project, PythonEnvironment environment, Optional<String> postBuild) {
        if (project.config().buildCommands().isEmpty() && postBuild.isEmpty()) {
            return List.of();
        }
        List<String> copied = new ArrayList<>();
        if (environment instanceof PythonEnvironment.Venv venv) {
            venv.installs().forEach(i -> copied.addAll(i.copies()));
        } else if (environment instanceof PythonEnvironment.Conda conda) {
            copied.addAll(conda.plan().copies());
        }
        postBuild.ifPresent(copied::add);
        return project.buildInputs().paths().stream()
                .filter(p -> copied.stream().noneMatch(c -> p.equals(c) || p.startsWith(c + "/")))
                .toList();
    }

    private static String baseImage(Project project) {
        return project.config().baseImage().orElse(project.conda().isPresent() ? MicromambaImage.DEFAULT_IMAGE
                : "python:" + project.python().version() + "-slim");
    }

    /** [tool.dockenv] apt, then apt.txt's packages not named there. */
    private static List<String> aptPackages(Project project) {
        List<String> apt = new ArrayList<>(project.config().aptPackages());
        project.aptTxtPackages().stream().filter(p -> !apt.contains(p)).forEach(apt::add);
        return apt;
    }

    /** The configured command; a script's image runs the script unless told otherwise. */
    private static List<String> command(Project project) {
        if (project.config().command().isEmpty() && project.script().isPresent()) {
            return List.of("python", project.script().get().fileName());
        }
        return project.config().command();
    }

    /**
     * The prod image's start command: the configured one (a script's image runs the script), else the
     * one detected from the project's files ({@link StartDetector}).
     */
    private static StartCommand start(Project project, InstallDecision decision) {
        if (!project.config().command().isEmpty()) {
            return StartCommand.configured(project.config().command());
        }
        if (project.script().isPresent()) {
            String file = project.script().get().fileName();
            return StartCommand.of(List.of("python", file), new StartSource.InlineScript(file));
        }
        return StartDetector.detect(project.start(),
                project.packaging().map(PackagingProject::consoleScripts).orElse(List.of()),
                ProdPackages.of(project, decision));
    }

    /** An app's start command: its configured one, else the one detected in its folder. */
    private static StartCommand start(Project project, InstallDecision decision, ProjectApp app,
            Optional<LockFile> appLock) {
        if (!app.setting().command().isEmpty()) {
            return StartCommand.configured(app.setting().command());
        }
        return StartDetector.detect(app.start(), List.of(), ProdPackages.ofApp(project, decision, app, appLock));
    }

    /** Ports as the settings write them, the project's or an app's. */
    private static List<PortMapping> ports(List<String> specs) {
        List<PortMapping> ports = new ArrayList<>();
        for (String spec : specs) {
            ports.add(PortMapping.parse(spec).orElseThrow()); // checked when the configuration was read
        }
        return ports;
    }
}
