package dev.dockenv.cli;

import dev.dockenv.errors.DockenvException;
import dev.dockenv.errors.ExitCode;
import dev.dockenv.lock.DependencyGroups;
import dev.dockenv.lock.LockFile;
import dev.dockenv.lock.pylock.PylockWriter;
import dev.dockenv.resolve.IndexAccess;
import dev.dockenv.decision.AppLocks;
import dev.dockenv.decision.InstallDecider;
import dev.dockenv.decision.InstallDecision;
import dev.dockenv.decision.LockInputs;
import dev.dockenv.lock.format.Freshness;
import dev.dockenv.lock.format.LockContext;
import dev.dockenv.lock.format.LockFormat;
import dev.dockenv.lock.format.LockReading;
import dev.dockenv.resolve.LockResolver;
import dev.dockenv.plan.EnvironmentPlan;
import dev.dockenv.plan.PlannedApp;
import dev.dockenv.project.ProjectApp;
import dev.dockenv.plan.EnvironmentPlanner;
import dev.dockenv.project.Project;
import dev.dockenv.lock.LockedPackage;
import dev.dockenv.pep.Pep503;
import dev.dockenv.plan.LockLayering;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code dockenv lock}: resolves the declared dependencies into pylock.toml; {@code --check} says whether it is fresh. */
@Command(name = "lock", mixinStandardHelpOptions = true,
        description = {"Resolve the project's dependencies into pylock.toml (PEP 751), hash-pinned.",
            "Resolves requirements files, [project] dependencies and dev requirements with pip in the "
                    + "environment's base image; every file of each pinned version gets its hash. Builds then "
                    + "install from the lock.",
            "With --check, only tell whether the lock is up to date (exit 4 when stale or missing): pylock.toml "
                    + "against those inputs; a lock another tool maintains (uv.lock ...) against what it records of "
                    + "its manifest."})
final class LockCommand implements Callable<Integer> {
    static final String LOCK_FILE = LockFormat.PYLOCK.fileName();

    @ParentCommand
    private DockenvCommand root;

    @Option(names = "--check", description = "Check that pylock.toml is up to date; change nothing.")
    private boolean check;

    /** The project with its plan made without a lock: what a lock is resolved from. */
    record Unlocked(Project project, InstallDecision.Unlocked decision, EnvironmentPlan plan) {
        Path lockFile() {
            return project.root().resolve(LOCK_FILE);
        }

        /** Whether the shared environment declares anything to install (a repository's may leave all to its apps). */
        boolean sharedDeclares() {
            return !plan.baseInstalls().isEmpty() || !plan.devInstalls().isEmpty();
        }

        /** The digest of the inputs, recorded in the lock. */
        String digest() {
            return LockInputs.digest(project, decision);
        }

        static Unlocked open(DockenvCommand root) {
            Project project = scan(root);
            InstallDecision.Unlocked decision = InstallDecider.unlocked(project, root.session().environment());
            return new Unlocked(project, decision, EnvironmentPlanner.plan(project, decision));
        }
    }

    /** The project; a conda project is refused: conda solves its environment when the image is built. */
    private static Project scan(DockenvCommand root) {
        Project project = ProjectRoot.scan(root);
        if (project.conda().isPresent()) {
            throw new DockenvException(ExitCode.USAGE, "this project's environment is "
                    + project.conda().get().path() + ", which conda solves when the image is built; dockenv lock "
                    + "resolves pip dependencies only", "pin versions in " + project.conda().get().path()
                    + " (conda-lock writes a full conda lock, which micromamba can install)");
        }
        return project;
    }

    /**
     * The lock {@code dockenv lock} wrote, when it is up to date with the project's inputs; else a
     * BAD_INPUT error with the way out (no pylock.toml, one another tool wrote, a stale one).
     */
    static LockFile requireFreshDockenvLock(DockenvCommand root) {
        Project project = scan(root);
        return requireFreshDockenvLock(InstallDecider.decide(project, root.session().environment()));
    }

    private static LockFile requireFreshDockenvLock(InstallDecision decision) {
        if (!(decision instanceof InstallDecision.Locked locked) || locked.reading().format() != LockFormat.PYLOCK) {
            throw new DockenvException(ExitCode.BAD_INPUT, "no lock: " + LOCK_FILE + " does not exist",
                    "run `dockenv lock` to resolve the project's dependencies into " + LOCK_FILE);
        }
        if (locked.reading().freshness() instanceof Freshness.Unrecorded) {
            throw new DockenvException(ExitCode.BAD_INPUT, "stale lock: " + LOCK_FILE + " records no inputs digest "
                    + "([tool.dockenv] inputs-digest), so it was not made by `dockenv lock`",
                    "run `dockenv lock` to re-resolve it from the project's requirements");
        }
        return locked.requireFresh().reading().lock();
    }

    /** Whether an app declares requirements of its own (else the shared environment's lock is its lock). */
    private static boolean declaresOwn(ProjectApp app) {
        return !app.requirements().isEmpty() || !app.devRequirements().isEmpty();
    }

    /** {@code --check} of an app's lock: fresh, or none needed (the app installs nothing); else the error. */
    private static String checkAppLock(Unlocked unlocked, ProjectApp app, Optional<LockReading> lock) {
        String name = AppLocks.fileName(app.name());
        if (lock.isEmpty()) {
            if (!declaresOwn(app)) {
                return "app " + app.name() + " declares no requirements of its own: the shared lock is its lock";
            }
            throw new DockenvException(ExitCode.BAD_INPUT, "no lock for app '" + app.name() + "': " + name
                    + " does not exist", "run `dockenv lock` to resolve the apps' dependencies too");
        }
        if (lock.get().freshness() instanceof Freshness.Stale stale) {
            throw stale.error();
        }
        if (lock.get().freshness() instanceof Freshness.Unrecorded) {
            throw new DockenvException(ExitCode.BAD_INPUT, "stale lock: " + name + " records no inputs digest, so it "
                    + "was not made by `dockenv lock`", "run `dockenv lock` to re-resolve it");
        }
        return name + " is up to date";
    }

    /**
     * {@code --check} of a lock another tool maintains: what the lock records of its manifest is
     * compared as dockenv compares it before installing it; a lock that records nothing to compare
     * is left to its tool's own check.
     */
    private static String checkForeignLock(LockReading lock) {
        String name = lock.format().fileName();
        if (lock.freshness() instanceof Freshness.Stale stale) {
            throw stale.error();
        }
        if (lock.freshness() instanceof Freshness.Unrecorded) {
            throw new DockenvException(ExitCode.BAD_INPUT, "cannot tell whether " + name + " is up to date: it records "
                    + "nothing dockenv can compare with the project, and its own tool maintains it",
                    "check it with `" + lock.format().checkCommand() + "`");
        }
        return name + " is up to date with what it records of the project (its tool's own check: `"
                + lock.format().checkCommand() + "`)";
    }

    /**
     * Resolves the project's declared dependencies and writes pylock.toml (atomically), then each
     * app's lock (its dependencies resolved with the shared ones: pylock.NAME.toml); reports on
     * stderr. A repository whose shared environment declares nothing has the apps' locks alone.
     */
    static List<Path> relock(DockenvCommand root) {
        Unlocked unlocked = Unlocked.open(root);
        List<Resolved> locks = new java.util.ArrayList<>();
        List<Path> obsolete = new java.util.ArrayList<>();
        if (unlocked.sharedDeclares() || unlocked.project().apps().isEmpty()) {
            locks.add(resolve(root, unlocked, unlocked.plan(), unlocked.lockFile(), unlocked.digest()));
        }
        for (ProjectApp app : unlocked.project().apps()) {
            Optional<Resolved> lock = resolveApp(root, unlocked, app);
            lock.ifPresentOrElse(locks::add, () -> obsolete.add(AppLocks.file(unlocked.project(), app.name())));
        }
        if (locks.isEmpty()) {
            throw new DockenvException(ExitCode.BAD_INPUT, "nothing to lock: neither the shared environment nor an app "
                    + "declares dependencies", "list them in the requirements files [tool.dockenv] and the apps name");
        }
        Optional<LockFile> shared = locks.stream().filter(l -> l.target().equals(unlocked.lockFile())).findFirst()
                .map(Resolved::lock);
        locks.stream().filter(l -> !l.target().equals(unlocked.lockFile()))
                .forEach(l -> requireSharedPins(l, shared));
        // every lock resolved: only now is one written, so a failure leaves them all as they were
        locks.forEach(lock -> write(root, lock));
        obsolete.forEach(LockCommand::delete);
        return locks.stream().map(Resolved::target).toList();
    }

    /** Resolves one app's dependencies with the shared ones into pylock.NAME.toml; none when it declares none. */
    static Optional<Path> relockApp(DockenvCommand root, String app) {
        Unlocked unlocked = Unlocked.open(root);
        Optional<Resolved> lock = resolveApp(root, unlocked, unlocked.project().app(app).orElseThrow());
        Optional<LockFile> shared = Files.isRegularFile(unlocked.lockFile())
                ? Optional.of(dev.dockenv.lock.pylock.PylockReader.read(unlocked.lockFile())) : Optional.empty();
        lock.ifPresent(l -> requireSharedPins(l, shared));
        lock.ifPresentOrElse(l -> write(root, l), () -> delete(AppLocks.file(unlocked.project(), app)));
        return lock.map(Resolved::target);
    }

    /**
     * An app's lock keeps the shared lock's versions: its stages install over the shared base, and
     * another version of a package the base has would leave both versions' files in the
     * environment. A package resolved otherwise is an error naming both versions.
     */
    private static void requireSharedPins(Resolved app, Optional<LockFile> shared) {
        requireSharedPins(app.target(), app.lock(), shared);
    }

    static void requireSharedPins(Path target, LockFile app, Optional<LockFile> shared) {
        if (shared.isEmpty()) {
            return;
        }
        Map<String, String> pinned = new TreeMap<>();
        shared.get().packages().forEach(p -> pinned.put(Pep503.normalize(p.name()), p.version().orElse("")));
        for (LockedPackage p : app.packages()) {
            String base = pinned.get(Pep503.normalize(p.name()));
            if (base != null && !base.equals(p.version().orElse(""))) {
                throw new DockenvException(ExitCode.BAD_INPUT, target.getFileName() + ": " + p.name() + " resolves "
                        + "to " + p.version().orElse("a local path") + ", while the shared environment's "
                        + LOCK_FILE + " pins " + base + ": an app installs over the shared base and keeps its "
                        + "packages", "pin " + p.name() + " in the shared requirements to a version the app accepts "
                        + "too (or take it out of the shared requirements and into each app's own)");
            }
        }
    }

    /** A lock resolved, to be written at {@code target} with the inputs digest it records. */
    private record Resolved(Path target, LockFile lock, String digest) {
    }

    /**
     * An app's lock: its sets resolved with the shared ones; none when it declares nothing of its
     * own (the shared lock is its lock).
     */
    private static Optional<Resolved> resolveApp(DockenvCommand root, Unlocked unlocked, ProjectApp app) {
        if (!declaresOwn(app)) {
            return Optional.empty();
        }
        PlannedApp planned = unlocked.plan().plannedApp(app.name()).orElseThrow();
        return Optional.of(resolve(root, unlocked, unlocked.plan().forApp(planned),
                AppLocks.file(unlocked.project(), app.name()), LockInputs.appDigest(unlocked.project(),
                        unlocked.decision(), app)));
    }

    /** {@code pip} makes every lock resolve with pip in a container, as before the resolver of the indexes' metadata. */
    static final String RESOLVER = "DOCKENV_RESOLVER";

    private static Resolved resolve(DockenvCommand root, Unlocked unlocked, EnvironmentPlan plan, Path target,
            String digest) {
        Session session = root.session();
        EngineFiles.require(session, session.engine().endpoint(), "dockenv lock resolves in a container that mounts "
                + "the project", unlocked.project().root());
        // from the indexes' metadata, pip only for what it alone resolves; DOCKENV_RESOLVER=pip: pip for all
        Optional<Path> metadataCache = session.env(RESOLVER).filter("pip"::equals).isPresent() ? Optional.empty()
                : Optional.of(session.cacheDirectory().resolve("resolve"));
        LockResolver resolver = new LockResolver(session.engine(),
                IndexAccess.of(unlocked.project(), plan, session.environment()), session.err(), metadataCache);
        LockFile resolved = resolver.resolve(unlocked.project(), plan, digest, target);
        return new Resolved(target, resolved.withLayers(layers(target, resolved, digest)), digest);
    }

    private static void write(DockenvCommand root, Resolved resolved) {
        LockFile lock = resolved.lock();
        try {
            PylockWriter.write(lock, resolved.target(), resolved.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + resolved.target(), e);
        }
        root.session().err().printf("dockenv: wrote %s: %d packages (%d main, %d dev)%n",
                resolved.target().getFileName(), lock.packages().size(), lock.packagesOf(DependencyGroups.MAIN).size(),
                lock.packagesOf(DependencyGroups.DEV).size());
        root.session().err().flush();
    }

    /** An app's lock of before, when the app no longer declares anything of its own. */
    private static void delete(Path lock) {
        try {
            Files.deleteIfExists(lock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + lock, e);
        }
    }

    /**
     * The install layers of a new lock: those of the lock it replaces, with every unchanged package
     * where it was and the new or changed ones in a new last layer (plan.LockLayering).
     */
    private static List<List<String>> layers(Path target, LockFile resolved, String digest) {
        Optional<LockFile> previous = Optional.empty();
        if (Files.isRegularFile(target)) {
            try {
                LockReading reading = LockFormat.PYLOCK.read(target, new LockContext(target.getParent(),
                        Optional.empty(), () -> digest));
                previous = Optional.of(reading).filter(LockReading::writtenByDockenv).map(LockReading::lock);
            } catch (DockenvException e) {
                previous = Optional.empty(); // unreadable or not ours: the layers start afresh
            }
        }
        return LockLayering.carryOver(previous.map(LockFile::layers).orElse(List.of()),
                previous.map(LockCommand::pins).orElse(Map.of()), pins(resolved));
    }

    /** Each package's pin (version, source and hashes) by normalized name. */
    private static Map<String, String> pins(LockFile lock) {
        Map<String, String> pins = new TreeMap<>();
        for (LockedPackage p : lock.packages()) {
            pins.put(Pep503.normalize(p.name()), p.version().orElse("") + " " + p.source() + " " + p.hashes());
        }
        return pins;
    }

    @Override
    public Integer call() {
        Session session = root.session();
        if (check) {
            Project project = scan(root);
            InstallDecision decision = InstallDecider.decide(project, session.environment());
            List<String> says = new java.util.ArrayList<>();
            Unlocked unlocked = project.apps().isEmpty() ? null : Unlocked.open(root);
            if (unlocked == null || unlocked.sharedDeclares() || decision instanceof InstallDecision.Locked) {
                says.add(decision instanceof InstallDecision.Locked locked && locked.reading().format() != LockFormat.PYLOCK
                        ? checkForeignLock(locked.reading())
                        : requireFreshDockenvLock(decision).file().getFileName() + " is up to date");
            }
            if (unlocked != null) {
                Map<String, LockReading> appLocks = AppLocks.read(project, session.environment());
                for (ProjectApp app : project.apps()) {
                    says.add(checkAppLock(unlocked, app, Optional.ofNullable(appLocks.get(app.name()))));
                }
            }
            says.forEach(line -> session.err().println("dockenv: " + line));
            session.err().flush();
            return 0;
        }
        relock(root).forEach(session.out()::println);
        return 0;
    }
}
