package dev.dockenv.cli;

import dev.dockenv.build.BuildOptions;
import dev.dockenv.build.EnvironmentBuilder;
import dev.dockenv.build.EnvironmentImage;
import dev.dockenv.cache.ResolvedRun;
import dev.dockenv.cache.RunCache;
import dev.dockenv.context.ContextEntry;
import dev.dockenv.project.Project;
import dev.dockenv.project.ProjectLocator;
import dev.dockenv.project.ProjectScanner;
import dev.dockenv.project.RequirementsSet;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Resolves the image a run needs. Warm: the stamps of the project's inputs are unchanged, so the
 * cached image reference is checked against the engine and used, nothing parsed or hashed. Cold:
 * the project is read, planned and hashed, the image built if missing, and the result cached.
 */
final class RunResolution {
    private RunResolution() {
    }

    /** The project root, the resolved run and the image, ready to start. */
    record Ready(Path root, ResolvedRun run, String imageId) {
    }

    static Ready resolve(DockenvCommand command, RunOptions options) {
        Session session = command.session();
        PhaseTimer.mark("resolve");
        Path root = ProjectLocator.locate(command.startDirectory());
        RunCache cache = new RunCache(session.cacheDirectory().resolve("runs"), key(session, root, options));
        if (!options.rebuild) {
            Optional<ResolvedRun> cached = cache.lookup();
            PhaseTimer.mark("lookup");
            if (cached.isPresent()) {
                Optional<String> imageId = session.engine().imageId(cached.get().imageReference());
                PhaseTimer.mark("inspect");
                if (imageId.isPresent()) {
                    return new Ready(root, cached.get(), imageId.get());
                }
            }
        }
        Workspace workspace = Workspace.open(command);
        EnvironmentImage image = workspace.image(Optional.ofNullable(options.target));
        EnvironmentBuilder.Result result = workspace.ensure(image, new BuildOptions(options.rebuild, false, false));
        Project project = workspace.project();
        ResolvedRun run = new ResolvedRun(image.reference(), project.name(), project.config().ports(),
                project.config().command());
        cache.store(run, inputs(project, image));
        return new Ready(project.root(), run, result.image().id());
    }

    private static List<Path> inputs(Project project, EnvironmentImage image) {
        List<Path> paths = new ArrayList<>(ProjectScanner.inputCandidates(project.root()));
        List<RequirementsSet> sets = new ArrayList<>(project.requirements());
        sets.addAll(project.devRequirements());
        for (RequirementsSet set : sets) {
            paths.addAll(set.files());
            paths.addAll(set.localPaths());
            paths.addAll(set.findLinksDirectories());
        }
        project.config().source().ifPresent(paths::add);
        for (ContextEntry e : image.hashedEntries()) {
            paths.add(e.source());
        }
        return paths;
    }

    private static String key(Session session, Path root, RunOptions options) {
        StringBuilder k = new StringBuilder(root.toString());
        k.append('|').append(options.target == null ? "" : options.target);
        for (String name : List.of("PIP_INDEX_URL", "PIP_EXTRA_INDEX_URL", "PIP_TRUSTED_HOST")) {
            k.append('|').append(session.env(name).orElse(""));
        }
        k.append('|').append(DockenvVersion.get()).append('|').append(buildStamp());
        return k.toString();
    }

    /** Identifies this dockenv build (its jar's size and time), so a new build never trusts an old cache. */
    private static String buildStamp() {
        try {
            Path jar = Path.of(RunResolution.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            var stamp = dev.dockenv.cache.FileStamp.of(jar);
            return stamp.size() + ":" + stamp.modifiedNanos();
        } catch (URISyntaxException | RuntimeException e) {
            return "unknown";
        }
    }
}
