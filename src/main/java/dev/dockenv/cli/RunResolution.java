package dev.dockenv.cli;

import dev.dockenv.build.BuildOptions;
import dev.dockenv.build.EnvironmentBuilder;
import dev.dockenv.build.EnvironmentImage;
import dev.dockenv.cache.CachedRun;
import dev.dockenv.cache.InputStamp;
import dev.dockenv.cache.ListingStamp;
import dev.dockenv.cache.ResolvedRun;
import dev.dockenv.cache.RunCache;
import dev.dockenv.cache.RunStack;
import dev.dockenv.cache.ScriptStamp;
import dev.dockenv.script.InlineScript;
import dev.dockenv.script.InlineScriptReader;
import dev.dockenv.context.ContextEntry;
import dev.dockenv.decision.UninstalledPackages;
import dev.dockenv.plan.PlannedApp;
import dev.dockenv.project.Project;
import dev.dockenv.project.ProjectApp;
import dev.dockenv.project.ProjectLocator;
import dev.dockenv.project.ProjectScanner;
import dev.dockenv.project.UserDefaults;
import dev.dockenv.project.RequirementsSet;
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

    /**
     * The project root, the resolved run and the image, ready to start.
     *
     * @param stamps the inputs' stamps that vouch for the run, current when it was resolved (the
     *     launcher's record is made of them); empty when the resolution could not be cached
     */
    record Ready(Path root, ResolvedRun run, String imageId, Optional<List<InputStamp>> stamps) {
    }

    static Ready resolve(DockenvCommand command, RunOptions options) {
        return resolve(command, options, Optional.empty());
    }

    /**
     * @param script the script the command runs ({@link ScriptRun}): with inline metadata, the
     *     script alone is the environment, cached by its metadata
     */
    static Ready resolve(DockenvCommand command, RunOptions options, Optional<Path> script) {
        Session session = command.session();
        PhaseTimer.mark(session, "resolve");
        if (!options.rebuild) {
            boolean defaults = options.target == null && options.app == null
                    && command.startDirectory().equals(session.workingDirectory());
            Optional<Ready> warm = defaults ? session.warmStart().filter(w -> w.script().equals(script)
                    && w.endpoint().equals(session.engine().endpoint())).flatMap(WarmStart::result) : Optional.empty();
            if (warm.isEmpty()) {
                warm = warm(session, session.engine(), command.startDirectory(), options.target, options.app, script);
            }
            PhaseTimer.mark(session, "warm " + (warm.isPresent() ? "hit" : "miss"));
            if (warm.isPresent()) {
                return warm.get();
            }
        }
        Optional<InlineScript> inline = script.flatMap(InlineScriptReader::read);
        if (inline.isPresent()) {
            return resolveScript(command, options, inline.get());
        }
        Path root = ProjectLocator.locate(command.startDirectory());
        Workspace workspace = Workspace.open(command);
        Project project = workspace.project();
        Optional<ProjectApp> app = AppSelection.choose(project, options.app, command.startDirectory());
        RunCache cache = cache(session, session.engine(), root.toString(), options.target, options.app != null ? APP + options.app
                : project.apps().isEmpty() ? "" : DIRECTORY + command.startDirectory());
        EnvironmentImage image = workspace.image(app, Optional.ofNullable(options.target));
        List<InputStamp> stamps = new ArrayList<>(RunCache.stamp(inputs(project, image)));
        for (ProjectScanner.ListedFolder folder : ProjectScanner.listedFolders(project.root())) {
            stamps.add(ListingStamp.of(folder.folder(), folder.names()));
        }
        // a new file in a folder build-inputs names (or where its pattern looks) is a new input
        for (Path folder : project.buildInputs().watchedFolders()) {
            stamps.add(ListingStamp.of(folder, ".*"));
        }
        return ensure(workspace, app, image, options, cache, stamps);
    }

    /** A script with inline metadata: its metadata is the input (its code is not), its folder the root. */
    private static Ready resolveScript(DockenvCommand command, RunOptions options, InlineScript script) {
        RunCache cache = scriptCache(command.session(), command.session().engine(), script.file(), options.target);
        Workspace workspace = Workspace.openScript(command, script);
        EnvironmentImage image = workspace.image(Optional.ofNullable(options.target));
        List<InputStamp> stamps = new ArrayList<>();
        stamps.add(ScriptStamp.of(script.file()));
        stamps.addAll(RunCache.stamp(image.hashedEntries().stream().map(ContextEntry::source).toList()));
        return ensure(workspace, Optional.empty(), image, options, cache, stamps);
    }

    private static Ready ensure(Workspace workspace, Optional<ProjectApp> app, EnvironmentImage image,
            RunOptions options, RunCache cache, List<InputStamp> stamps) {
        Project project = workspace.project();
        EnvironmentBuilder.Result result = workspace.ensure(image, new BuildOptions(options.rebuild, false, false));
        Optional<RunStack> stack = Optional.empty();
        List<InputStamp> all = new ArrayList<>(stamps);
        if (!project.config().stack().isEmpty()) {
            // the stack's files (compose file, the app's variables) are written here, on the cold path only
            ProjectStack projectStack = ProjectStack.of(workspace.session(), project);
            projectStack.write(AppContainers.all(workspace, Optional.of(result.imageId())));
            projectStack.refresh(); // running services get changed settings
            stack = Optional.of(projectStack.runStack(app));
            all.addAll(RunCache.stamp(projectStack.runInputs(app)));
        }
        Optional<PlannedApp> planned = app.flatMap(a -> workspace.plan().plannedApp(a.name()));
        ResolvedRun run = new ResolvedRun(image.reference(), project.name(),
                app.map(a -> a.setting().ports()).orElse(project.config().ports()),
                planned.map(p -> p.app().command()).orElse(project.config().command()),
                project.dockerfile().isPresent() ? Optional.empty() : Optional.of(UninstalledPackages.of(project)), stack);
        return new Ready(project.root(), run, result.imageId(), cache.store(run, all));
    }

    /**
     * The warm path: the project's inputs unchanged since an earlier resolution and its image
     * still in the engine. Reads no project file and starts no process.
     */
    static Optional<Ready> warm(Session session, dev.dockenv.engine.Engine engine, Path start, String target) {
        return warm(session, engine, start, target, null, Optional.empty());
    }

    /**
     * The warm path of a run, of the script it runs first: a script run before with the same
     * inline metadata; else (a script without metadata, such as a project's manage.py) the project's.
     */
    static Optional<Ready> warm(Session session, dev.dockenv.engine.Engine engine, Path start, String target,
            String app, Optional<Path> script) {
        if (script.isPresent()) {
            Optional<CachedRun> cached = scriptCache(session, engine, script.get(), target).lookupEntry();
            PhaseTimer.mark(session, "warm: script looked up");
            if (cached.isPresent()) {
                Path root = script.get().getParent();
                return ready(engine, root, cached.get());
            }
            if (InlineScriptReader.block(script.get()).isPresent()) {
                return Optional.empty(); // its metadata is new, or changed: resolved afresh
            }
        }
        Path root = ProjectLocator.locate(start);
        PhaseTimer.mark(session, "warm: located");
        // an app named, or (in a repository with apps) the folder the run starts in, else the project
        Optional<CachedRun> cached = app != null ? cache(session, engine, root.toString(), target, APP + app).lookupEntry()
                : cache(session, engine, root.toString(), target, DIRECTORY + start).lookupEntry()
                        .or(() -> cache(session, engine, root.toString(), target, "").lookupEntry());
        PhaseTimer.mark(session, "warm: looked up");
        if (cached.isEmpty()) {
            return Optional.empty();
        }
        Optional<Ready> ready = ready(engine, root, cached.get());
        PhaseTimer.mark(session, "warm: image checked");
        return ready;
    }

    private static Optional<Ready> ready(dev.dockenv.engine.Engine engine, Path root, CachedRun cached) {
        return engine.imageId(cached.run().imageReference())
                .map(id -> new Ready(root, cached.run(), id, Optional.of(cached.stamps())));
    }

    private static RunCache scriptCache(Session session, dev.dockenv.engine.Engine engine, Path script, String target) {
        return cache(session, engine, "script:" + script, target, "");
    }

    /**
     * @param variant "" for a project without apps; in a repository with apps, {@link #APP} and the
     *     app --app names, or {@link #DIRECTORY} and the folder the run starts in (which decides the app)
     * @param engine the engine asked: each engine has entries of its own (an image or a stack on one
     *     engine says nothing of another)
     */
    private static RunCache cache(Session session, dev.dockenv.engine.Engine engine, String environment, String target, String variant) {
        return new RunCache(session.cacheDirectory().resolve("runs"), key(session, environment, target) + "|" + variant
                + "|" + engine.endpoint().key());
    }

    private static final String APP = "app:";
    private static final String DIRECTORY = "dir:";

    private static List<Path> inputs(Project project, EnvironmentImage image) {
        List<Path> paths = new ArrayList<>(ProjectScanner.inputCandidates(project.root()));
        List<RequirementsSet> sets = new ArrayList<>(project.requirements());
        sets.addAll(project.devRequirements());
        project.conda().ifPresent(c -> sets.addAll(c.pipIncludes()));
        for (RequirementsSet set : sets) {
            paths.addAll(set.files());
            paths.addAll(set.localPaths());
            paths.addAll(set.findLinksDirectories());
        }
        project.requirementSets().forEach(s -> paths.add(s.file()));
        project.constraints().ifPresent(c -> {
            paths.addAll(c.files());
            paths.addAll(c.localPaths());
            paths.addAll(c.findLinksDirectories());
        });
        project.config().source().ifPresent(paths::add);
        // an app's own requirements files and lock, present or not yet
        for (ProjectApp app : project.apps()) {
            paths.add(dev.dockenv.decision.AppLocks.file(project, app.name()));
            for (String name : ProjectScanner.APP_REQUIREMENTS) {
                paths.add(project.root().resolve(app.folder()).resolve(name));
            }
        }
        project.postBuild().ifPresent(paths::add);
        // the files build steps name or build-inputs lists, present or not yet
        paths.addAll(project.buildInputs().watchedPaths());
        // the modules the project's packaging reads a version from (the dev image's stand-ins are derived from them)
        project.packaging().ifPresent(p -> paths.addAll(p.filesRead()));
        for (ContextEntry e : image.hashedEntries()) {
            paths.add(e.source());
        }
        return paths;
    }

    /** @param environment the project's root, or {@code script:} and a script's path */
    private static String key(Session session, String environment, String target) {
        StringBuilder k = new StringBuilder(environment);
        k.append('|').append(target == null ? "" : target);
        for (String name : List.of("PIP_INDEX_URL", "PIP_EXTRA_INDEX_URL", "PIP_TRUSTED_HOST", UserDefaults.PYTHON)) {
            k.append('|').append(session.env(name).orElse(""));
        }
        k.append('|').append(DockenvVersion.get()).append('|').append(buildStamp());
        return k.toString();
    }

    /** Identifies this dockenv build (its jar's size and time), so a new build never trusts an old cache. */
    private static String buildStamp() {
        return DockenvVersion.jar().map(dev.dockenv.cache.FileStamp::of).map(s -> s.size() + ":" + s.modifiedNanos())
                .orElse("unknown");
    }
}
