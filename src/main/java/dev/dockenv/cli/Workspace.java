package dev.dockenv.cli;

import dev.dockenv.io.Sha256;
import dev.dockenv.build.BuildDefinition;
import dev.dockenv.build.BuildDefinitions;
import dev.dockenv.build.BuildOptions;
import dev.dockenv.build.EnvironmentBuilder;
import dev.dockenv.engine.BaseImageUnavailableException;
import dev.dockenv.engine.BuildFailedException;
import dev.dockenv.build.BuildFailureHints;
import dev.dockenv.decision.PackageIndex;
import dev.dockenv.build.EnvironmentImage;
import dev.dockenv.build.IndexCredentials;
import dev.dockenv.cache.BuildLock;
import dev.dockenv.context.FileDigestCache;
import dev.dockenv.decision.AppLocks;
import dev.dockenv.decision.InstallDecider;
import dev.dockenv.decision.InstallDecision;
import dev.dockenv.lock.LockFile;
import dev.dockenv.resolve.IndexAccess;
import dev.dockenv.plan.EnvironmentPlan;
import dev.dockenv.plan.EnvironmentPlanner;
import dev.dockenv.project.Project;
import dev.dockenv.project.ProjectApp;
import dev.dockenv.project.ProjectLocator;
import dev.dockenv.project.ProjectScanner;
import dev.dockenv.project.UserDefaults;
import dev.dockenv.errors.DockenvException;
import dev.dockenv.errors.ExitCode;
import dev.dockenv.script.InlineScript;
import dev.dockenv.script.InlineScriptReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Optional;

/** The project a command works on, its plan, and its environment image: the pipeline's wiring. */
final class Workspace {
    private final DockenvCommand root;
    private final Project project;
    private final InstallDecision decision;
    private final EnvironmentPlan plan;
    private final java.util.Map<String, LockFile> appLocks;
    /** The plan's indexes as this host reaches them, read (the user's netrc) when first needed. */
    private IndexAccess indexAccess;

    private Workspace(DockenvCommand root, Project project, InstallDecision decision,
            java.util.Map<String, LockFile> appLocks, EnvironmentPlan plan) {
        this.root = root;
        this.project = project;
        this.decision = decision;
        this.appLocks = java.util.Map.copyOf(appLocks);
        this.plan = plan;
    }

    /** An app's own lock (pylock.NAME.toml), as read when the workspace was opened (a stale one is refused there). */
    Optional<LockFile> appLock(String app) {
        return Optional.ofNullable(appLocks.get(app));
    }

    /** What installs the environment. */
    InstallDecision decision() {
        return decision;
    }

    /** The lock the environment installs from, when the project has one. */
    Optional<LockFile> lock() {
        return decision instanceof InstallDecision.Locked locked ? Optional.of(locked.reading().lock())
                : Optional.empty();
    }

    /** The project, what installs it (a stale lock refused) and its plan. */
    static Workspace open(DockenvCommand root) {
        Project project = ProjectRoot.scan(root);
        InstallDecision decision = InstallDecider.decide(project, root.session().environment());
        if (decision instanceof InstallDecision.Locked locked) {
            locked.requireFresh();
        }
        java.util.Map<String, LockFile> appLocks = new java.util.LinkedHashMap<>();
        AppLocks.read(project, root.session().environment()).forEach((app, reading) -> {
            if (reading.freshness() instanceof dev.dockenv.lock.format.Freshness.Stale stale) {
                throw stale.error();
            }
            appLocks.put(app, reading.lock());
        });
        return new Workspace(root, project, decision, appLocks, EnvironmentPlanner.plan(project, decision, appLocks));
    }

    /**
     * The project, or with {@code script} (status and build name one) that script's environment:
     * a script without inline metadata is not one.
     */
    static Workspace open(DockenvCommand root, Optional<Path> script) {
        if (script.isEmpty()) {
            return open(root);
        }
        Path file = root.startDirectory().resolve(script.get()).toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new DockenvException(ExitCode.USAGE, file + " is not a file",
                    "name a Python script with inline metadata ('# /// script'), or none for the project");
        }
        InlineScript inline = InlineScriptReader.read(file).orElseThrow(() -> new DockenvException(
                ExitCode.NO_PROJECT, file + " has no inline script metadata (a '# /// script' block, PEP 723)",
                "add one with its dependencies, or leave the script out to use the project's environment"));
        return openScript(root, inline);
    }

    /** A script with inline metadata, alone: its metadata is the environment, its folder the project. */
    static Workspace openScript(DockenvCommand root, InlineScript script) {
        Project project = ProjectScanner.scanScript(script, UserDefaults.fromEnvironment(root.session().environment()));
        InstallDecision decision = InstallDecider.decide(project, root.session().environment());
        return new Workspace(root, project, decision, java.util.Map.of(), EnvironmentPlanner.plan(project, decision));
    }

    Project project() {
        return project;
    }

    EnvironmentPlan plan() {
        return plan;
    }

    Session session() {
        return root.session();
    }

    /** The environment image for a target (default: dev, or the user's Dockerfile's default). */
    EnvironmentImage image(Optional<String> target) {
        return image(Optional.empty(), target);
    }

    /** An app's image (its dev environment by default, or its prod), or without one the shared environment's. */
    EnvironmentImage image(Optional<ProjectApp> app, Optional<String> target) {
        BuildDefinition definition = BuildDefinitions.forProject(project, plan, AppSelection.stage(plan, app, target),
                DockenvVersion.get());
        FileDigestCache cache = new FileDigestCache(session().cacheDirectory().resolve("digests")
                .resolve(shortHash(project.root().toString()) + ".txt"));
        EnvironmentImage image = EnvironmentBuilder.identify(project, definition, cache);
        try {
            cache.save();
        } catch (java.io.UncheckedIOException e) {
            // a cache that cannot be written only makes the next run re-read the files
        }
        return image;
    }

    /**
     * The image, built first when missing; build progress goes to stderr. One process builds a
     * given image at a time ({@link BuildLock}): another that wanted it too waits, then finds it.
     */
    EnvironmentBuilder.Result ensure(EnvironmentImage image, BuildOptions options) {
        if (!options.rebuild()) {
            var existing = session().engine().imageId(image.reference());
            if (existing.isPresent()) {
                return new EnvironmentBuilder.Result(existing.get(), false);
            }
        }
        session().engine().prefetchInfo(); // the build's first question, asked while it is prepared
        var err = session().err();
        try (BuildLock lock = BuildLock.acquire(session().cacheDirectory(), image.reference(), () -> {
            err.println("dockenv: waiting for another dockenv to finish building " + image.reference());
            err.flush();
        })) {
            if (lock.waited()) {
                // built meanwhile by the process that held the lock
                var existing = session().engine().imageId(image.reference());
                if (existing.isPresent()) {
                    return new EnvironmentBuilder.Result(existing.get(), false);
                }
            }
            return build(image, options);
        }
    }

    private EnvironmentBuilder.Result build(EnvironmentImage identified, BuildOptions options) {
        EnvironmentImage image = BuildTimeResolution.of(this, identified);
        EnvironmentBuilder builder = new EnvironmentBuilder(session().engine(), DockenvVersion.get(), credentials());
        PhaseTimer.mark(session(), "build: image missing, credentials read");
        var err = session().err();
        err.println("dockenv: building " + image.reference() + " (" + describe(image) + ")");
        err.flush();
        long start = System.nanoTime();
        EnvironmentBuilder.Result result;
        try {
            result = builder.ensure(project, image, new BuildOptions(true, options.noCache(), options.pull()),
                    new BuildReporter(err, root.verbose()));
        } catch (BaseImageUnavailableException e) {
            if (image.definition().origin() != BuildDefinition.Origin.GENERATED || project.config().baseImage().isPresent()
                    || project.conda().isPresent() || !e.image().startsWith("python:")) {
                throw e;
            }
            throw e.withHint(PythonImageHint.of(session().engine().localImages("python")));
        } catch (BuildFailedException e) {
            if (!e.hasGeneralHint()) {
                throw e; // a build step's missing file, named already
            }
            String index = plan.index().indexUrl().map(PackageIndex::withoutCredentials)
                    .map(url -> "the package index " + url).orElse("the package index (pip's default, pypi.org)");
            throw BuildFailureHints.of(e.step(), e.stepOutput(), index).map(e::withHint).orElse(e);
        }
        err.printf("dockenv: built %s in %.1f s%n", image.reference(), (System.nanoTime() - start) / 1e9);
        err.flush();
        return result;
    }

    /**
     * The image of a target (of an app, when given), built when missing (or when {@code options}
     * ask for a rebuild); says on stderr when it was up to date already.
     */
    EnvironmentImage build(Optional<ProjectApp> app, Optional<String> target, BuildOptions options) {
        EnvironmentImage image = image(app, target);
        PhaseTimer.mark(session(), "build: image identified");
        if (!ensure(image, options).built()) {
            session().err().println("dockenv: " + image.reference() + " is up to date");
        }
        return image;
    }

    /** Credentials for the build's own package indexes, from index URLs and the user's netrc. */
    private Optional<IndexCredentials> credentials() {
        if (!plan.index().isCustom()) {
            return Optional.empty(); // pip's default index: the Dockerfile mounts no credentials
        }
        return indexAccess().credentials();
    }

    /**
     * The plan's indexes as this host reaches them (URLs, credentials, proxies), for the build's
     * credentials and a resolution made for the build alike: read once.
     */
    IndexAccess indexAccess() {
        if (indexAccess == null) {
            indexAccess = IndexAccess.of(project, plan, session().environment());
        }
        return indexAccess;
    }

    private String describe(EnvironmentImage image) {
        BuildDefinition d = image.definition();
        return (d.origin() == BuildDefinition.Origin.GENERATED ? "generated Dockerfile" : "your Dockerfile")
                + ", target " + d.targetLabel() + ", Python " + project.python().version();
    }

    static String shortHash(String text) {
        return HexFormat.of().formatHex(Sha256.of(text), 0, 6);
    }
}
