package dev.dockenv.cli;

import dev.dockenv.build.BuildDefinition;
import dev.dockenv.build.BuildDefinitions;
import dev.dockenv.build.EnvironmentBuilder;
import dev.dockenv.build.EnvironmentImage;
import dev.dockenv.decision.InstallDecision;
import dev.dockenv.lock.LockFile;
import dev.dockenv.plan.EnvironmentPlan;
import dev.dockenv.plan.EnvironmentPlanner;
import dev.dockenv.plan.StageInstall;
import dev.dockenv.project.Project;
import dev.dockenv.resolve.LockResolver;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A project without a lock, resolved on this machine when its image is built, as uv resolves
 * before it installs: dockenv's resolver reads the indexes' metadata (as {@code dockenv lock} does;
 * nothing is written to the project) and the image installs the packages it chose with dockenv's
 * wheel installer, layer by layer, where pip would resolve, download and install them all in one
 * step of the build. The image keeps the tag of the project's declarations: the resolution is made
 * only when that image is missing, as pip's was, and its tag does not wait for the index. What the
 * resolver cannot resolve alone (a source distribution without metadata, an option it does not
 * read, an index it cannot reach) and requirements that pin hashes (pip's hash-checking mode)
 * leave the build to pip as before, said in one line;
 * {@code DOCKENV_RESOLVER=pip} always does. A user's Dockerfile, a repository of apps and a script's
 * environment are built as planned.
 */
final class BuildTimeResolution {
    private BuildTimeResolution() {
    }

    /** The image to build: {@code image} with its dependencies resolved here when it can be, else as it is. */
    static EnvironmentImage of(Workspace workspace, EnvironmentImage image) {
        Session session = workspace.session();
        Project project = workspace.project();
        if (!(workspace.decision() instanceof InstallDecision.Unlocked unlocked)
                || image.definition().origin() != BuildDefinition.Origin.GENERATED
                || !project.apps().isEmpty() || project.script().isPresent()
                || session.env(LockCommand.RESOLVER).filter("pip"::equals).isPresent()) {
            return image;
        }
        EnvironmentPlan plan = workspace.plan();
        Optional<Path> origin = origin(project, plan);
        if (origin.isEmpty()) {
            return image;
        }
        LockResolver resolver = new LockResolver(session.engine(), workspace.indexAccess(), session.err(),
                Optional.of(session.cacheDirectory().resolve("resolve")));
        PhaseTimer.mark(session, "build: resolving");
        Optional<LockFile> lock = resolver.resolveForBuild(project, plan, origin.get());
        PhaseTimer.mark(session, "build: resolved");
        if (lock.isEmpty()) {
            return image;
        }
        EnvironmentPlan resolved = EnvironmentPlanner.planResolved(project, unlocked, lock.get());
        BuildDefinition definition = BuildDefinitions.forProject(project, resolved, image.definition().target(),
                DockenvVersion.get());
        return EnvironmentBuilder.rebased(image, project, definition);
    }

    /**
     * The file the first declared install reads (requirements.txt, pyproject.toml ...), which the
     * resolution and the files derived from it are named after; none when nothing is declared.
     */
    private static Optional<Path> origin(Project project, EnvironmentPlan plan) {
        return Stream.concat(plan.baseInstalls().stream(), plan.devInstalls().stream()).findFirst()
                .map(StageInstall::origin)
                .map(o -> o.split("[ ,]", 2)[0]).filter(o -> !o.isBlank()).map(project.root()::resolve);
    }
}
