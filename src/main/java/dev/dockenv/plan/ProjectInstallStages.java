package dev.dockenv.plan;

import static dev.dockenv.config.ShellWords.quote;

import dev.dockenv.dockerfile.Instruction.Copy;
import dev.dockenv.dockerfile.Instruction.Run;
import dev.dockenv.dockerfile.Mount;
import dev.dockenv.dockerfile.Stage;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The Dockerfile's part for the project itself ({@link ProjectInstall}): the {@code wheel} stage
 * that builds it, its install in {@code prod}, and its editable install in {@code dev}. Every pip
 * run builds with isolation ({@code --use-pep517}), so the backend and its requirements come from
 * the package index the other installs use, with the same build arguments and credentials.
 */
final class ProjectInstallStages {
    /** The stage that builds the project's wheel; prod takes only the wheel from it. */
    static final String WHEEL = "wheel";
    /** Where the wheel stage copies the project and writes the wheel. */
    static final String BUILD_SOURCE = "/build/project";
    static final String WHEELHOUSE = "/build/wheels";
    /**
     * Where prod's install step sees the wheel: a folder every image has (an absent mount point would
     * stay in the layer as an empty folder), that pip does not write to as it does to /tmp.
     */
    static final String WHEEL_MOUNT = "/mnt";
    /** The wheel, as prod's install step names it (the shell expands the pattern). */
    private static final String WHEELS = WHEEL_MOUNT + "/*.whl";

    private ProjectInstallStages() {
    }

    /** {@code FROM base AS wheel}: the whole project copied in and built into a wheel, nothing else kept. */
    static Stage wheelStage(EnvironmentPlan plan, ProjectInstall install, String prefix) {
        Stage.Builder s = Stage.builder(WHEEL, EnvironmentDockerfile.BASE);
        s.comment("The project (" + install.name() + ") built into a wheel by " + install.backend()
                + ", in an isolated build environment; prod takes only the wheel");
        EnvironmentDockerfile.indexArgs(s, plan);
        s.add(Copy.of(prefix.isEmpty() ? "." : prefix.substring(0, prefix.length() - 1), BUILD_SOURCE));
        List<String> arguments = new ArrayList<>(List.of("--no-deps", "--use-pep517"));
        arguments.addAll(install.pipSources());
        arguments.addAll(List.of("--wheel-dir", WHEELHOUSE, BUILD_SOURCE));
        s.add(new Run(EnvironmentDockerfile.pipMounts(plan), List.of(PipCommand.wheel(arguments).shellText())));
        return s.build();
    }

    /** prod: the wheel installed, so metadata, entry points and compiled parts exist. */
    static void prodInstall(Stage.Builder s, EnvironmentPlan plan, ProjectInstall install) {
        List<Mount> mounts = new ArrayList<>();
        mounts.add(new Mount.Bind(WHEEL, WHEELHOUSE, WHEEL_MOUNT));
        if (install.noDeps()) {
            s.comment("The project itself, from its wheel (its dependencies are installed already)");
            s.add(new Run(mounts, List.of(PipCommand.installMatching(List.of("--no-deps", "--no-index", "--no-cache-dir"),
                    WHEELS).shellText())));
            return;
        }
        s.comment("The project itself, from its wheel, with the dependencies its build computes");
        EnvironmentDockerfile.indexArgs(s, plan);
        mounts.addAll(EnvironmentDockerfile.pipMounts(plan));
        s.add(new Run(mounts, List.of(PipCommand.installMatching(install.pipSources(), WHEELS).shellText())));
    }

    /**
     * dev: the project installed editable from its packaging files alone (plus stand-ins for the
     * modules packaging reads names from). The source is not in the build, so editing it neither
     * changes the image's identity nor needs a rebuild: the editable install points at
     * {@link ContainerPaths#PROJECT}, where the source is mounted at run time.
     *
     * @param declareArgs whether the stage still has to declare the index's build arguments
     */
    static void editableInstall(Stage.Builder s, EnvironmentPlan plan, ProjectInstall install, String prefix,
            boolean declareArgs) {
        if (declareArgs) {
            EnvironmentDockerfile.indexArgs(s, plan);
        }
        s.comment("The project itself (" + install.name() + "), editable: built from its packaging files alone;"
                + " the source is mounted at " + ContainerPaths.PROJECT + " when it runs");
        for (String path : install.editableCopies()) {
            s.add(Copy.of(prefix + path, path));
        }
        for (ProjectInstall.StubCopy stub : install.stubs()) {
            s.add(Copy.of(prefix + stub.file().path(), stub.destination()));
        }
        List<String> commands = new ArrayList<>();
        if (!install.packageDirs().isEmpty()) {
            commands.add("mkdir -p " + String.join(" ", install.packageDirs().stream().map(d -> quote(d)).toList()));
        }
        List<String> arguments = new ArrayList<>(install.noDeps() ? List.of("--no-deps") : List.of());
        arguments.add("--use-pep517");
        arguments.addAll(install.pipSources());
        arguments.addAll(List.of("--editable", "."));
        commands.add(PipCommand.install(arguments).shellText());
        s.add(new Run(EnvironmentDockerfile.pipMounts(plan), commands));
    }

    /** The project files the dev stage's editable build reads (its derived stand-ins are hashed as generated files). */
    static List<String> devContextPaths(ProjectInstall install) {
        Set<String> paths = new LinkedHashSet<>(install.editableCopies());
        return List.copyOf(paths);
    }
}
