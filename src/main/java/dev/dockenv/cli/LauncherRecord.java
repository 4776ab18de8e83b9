package dev.dockenv.cli;

import dev.dockenv.cache.FastRun;
import dev.dockenv.cache.FileStamp;
import dev.dockenv.cache.FileText;
import dev.dockenv.cache.GlobStamp;
import dev.dockenv.cache.InputStamp;
import dev.dockenv.engine.ContainerStatus;
import dev.dockenv.engine.EngineEndpoints;
import dev.dockenv.engine.EngineProbe;
import dev.dockenv.engine.LocalImageStore;
import dev.dockenv.io.AtomicFiles;
import dev.dockenv.io.BackgroundTask;
import dev.dockenv.project.ProjectLocator;
import dev.dockenv.run.RunSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The record bin/dockenv keeps of a plain {@code dockenv run [--] COMMAND...} so that the next one
 * starts without a JVM ({@link FastRun}). The launcher asks for it when it could not use a record
 * (none yet, or a condition differs), naming the file and what it found itself; the JVM writes it
 * only for a run the launcher would start exactly alike: no option, a command given, every input
 * stamp one the launcher can compare, and the launcher's reading of the command (a script file
 * run with python) the same as the JVM's.
 *
 * <p>The engine's answer about the image (and the services' containers) is asked by the launcher
 * each time, unless the engine keeps its files on this machine for this process to read
 * ({@link LocalImageStore}): then the stamps of its tag record, socket and pid file, and what the
 * services' containers' files say of their state, stand for it.
 *
 * <p>What the run depends on besides its cached inputs is stamped here before anything is read:
 * dockenv's jar, the docker client's configuration (its current context) and every file the search
 * for the project root looks at. A change after a stamp is a change the launcher sees.
 */
final class LauncherRecord {
    /** Where the launcher reads the record. */
    static final String FILE = "DOCKENV_FAST_RECORD";
    /** The launcher's digest of its own conditions, written back as is. */
    static final String CONDITIONS = "DOCKENV_FAST_CONDITIONS";
    /** The first word of the command as the launcher would run it. */
    static final String COMMAND = "DOCKENV_FAST_COMMAND";
    /** "1" when the launcher read the command as a script to run with python ({@code dockenv run app.py}). */
    static final String PYTHON = "DOCKENV_FAST_PYTHON";

    /**
     * What was asked for, the stamps taken before the run was resolved, and where the engine keeps
     * its tags (asked meanwhile on a thread of its own).
     */
    record Snapshot(Path file, String conditions, String command, boolean pythonAdded, List<FileStamp> files,
            List<GlobStamp> globs, CompletableFuture<Optional<StampedStore>> imageStore) {
        Snapshot {
            files = List.copyOf(files);
            globs = List.copyOf(globs);
        }
    }

    /** The engine's files, with the stamps of its socket and pid file taken before it was asked where they are. */
    record StampedStore(LocalImageStore store, List<FileStamp> before) {
        StampedStore {
            before = List.copyOf(before);
        }
    }

    /**
     * How long the record waits for the engine to say where its files are (it was asked when the run
     * began, and answers in tens of milliseconds); then the launcher asks the engine instead.
     */
    private static final long STORE_WAIT_MILLIS = 1000;

    private LauncherRecord() {
    }

    /**
     * Stamps what a run depends on beyond its cached inputs, when the launcher asks for a record of a
     * {@code run}; the old record is removed first, so none outlives a run resolved afresh.
     */
    static Optional<Snapshot> begin(Session session, String[] args) {
        Optional<String> file = session.env(FILE);
        if (file.isEmpty() || args.length == 0 || !args[0].equals("run")) {
            return Optional.empty();
        }
        Path path = Path.of(file.get());
        try {
            Files.deleteIfExists(path);
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // a record that cannot be removed is never replaced either
        }
        Optional<String> conditions = session.env(CONDITIONS);
        Optional<String> command = session.env(COMMAND);
        if (conditions.isEmpty() || command.isEmpty()) {
            return Optional.empty();
        }
        Optional<Path> jar = DockenvVersion.jar();
        if (jar.isEmpty()) {
            return Optional.empty(); // not the launcher's jar: nothing to tie the record to this build
        }
        List<FileStamp> files = new ArrayList<>();
        files.add(FileStamp.of(jar.get()));
        // the configuration first: the context it names is read after it was stamped
        files.add(FileStamp.of(EngineEndpoints.configFile(session.environment())));
        EngineEndpoints.contextFile(session.environment()).ifPresent(meta -> files.add(FileStamp.of(meta)));
        ProjectLocator.Looked looked = ProjectLocator.looked(session.workingDirectory());
        looked.paths().forEach(p -> files.add(FileStamp.of(p)));
        List<GlobStamp> globs = looked.globs().stream().map(g -> GlobStamp.of(g.folder(), g.pattern())).toList();
        return Optional.of(new Snapshot(path, conditions.get(), command.get(), session.env(PYTHON).filter("1"::equals)
                .isPresent(), files, globs, imageStore(session)));
    }

    /**
     * The engine's files on this machine, asked on a daemon thread while the run is resolved; its
     * socket and pid file are stamped first, so that an engine started anew after it answered is one
     * the launcher sees.
     */
    private static CompletableFuture<Optional<StampedStore>> imageStore(Session session) {
        return BackgroundTask.start("dockenv-image-store", () -> {
            List<FileStamp> before = LocalImageStore.engineFiles(session.endpoint().host()).stream()
                    .map(FileStamp::of).toList();
            return before.isEmpty() ? Optional.empty()
                    : session.newEngine().localImageStore().map(s -> new StampedStore(s, before));
        });
    }

    /**
     * Writes the record of a run, when the launcher can start it again alike.
     *
     * @param userCommand the command as given; {@code command} as the container runs it, before
     *     the command check wraps it; {@code argv} the whole docker command, which ends with it
     * @param services the stack's services' containers the run needed ready (none without a stack)
     */
    static void write(Session session, Snapshot snapshot, RunOptions options, List<String> userCommand,
            List<String> command, RunResolution.Ready ready, List<String> argv, List<ContainerStatus> services,
            Optional<RunSpec.UserMounts> mounts) {
        if (!plain(options) || userCommand.isEmpty() || ready.stamps().isEmpty()) {
            return;
        }
        List<String> expected = new ArrayList<>();
        if (snapshot.pythonAdded()) {
            expected.add("python");
        }
        expected.addAll(userCommand);
        if (!command.equals(expected) || !command.get(0).equals(snapshot.command()) || argv.size() < command.size()
                || !argv.subList(argv.size() - command.size(), argv.size()).equals(command)) {
            return; // the launcher read the command otherwise: it must ask every time
        }
        List<FileStamp> files = new ArrayList<>(snapshot.files());
        Optional<EngineFiles> engineFiles = engineFiles(snapshot, ready, services);
        Optional<EngineProbe> probe = engineFiles.isPresent() ? Optional.of(new EngineProbe(List.of(), ""))
                : session.engine().readinessProbe(ready.run().imageReference(), ready.imageId(), services);
        if (probe.isEmpty()) {
            return;
        }
        engineFiles.ifPresent(e -> files.addAll(e.stamps()));
        List<FileText> texts = engineFiles.map(EngineFiles::texts).orElse(List.of());
        List<String> directories = new ArrayList<>();
        mounts.ifPresent(m -> {
            files.add(FileStamp.of(m.passwd()));
            files.add(FileStamp.of(m.group()));
            directories.add(m.home().toString());
        });
        List<InputStamp> stamps = ready.stamps().get();
        Optional<FastRun> record = FastRun.of(snapshot.conditions(), snapshot.command(), stamps, files, snapshot.globs(),
                directories, probe.get().command(), probe.get().expectedOutput(), texts,
                argv.subList(0, argv.size() - command.size()));
        if (record.isEmpty()) {
            return;
        }
        try {
            Files.createDirectories(snapshot.file().getParent());
            AtomicFiles.writePrivate(snapshot.file(), record.get().encode());
        } catch (IOException | RuntimeException e) {
            // without a record the next run starts the JVM, as this one did
        }
    }

    /** What stands for the engine's answer: stamps of its files, and what its services' files hold. */
    private record EngineFiles(List<FileStamp> stamps, List<FileText> texts) {
    }

    /**
     * The stamps of the engine's tag record, its socket and its pid file, when the record shows the
     * run's image under its tag, and for each service the text of its container's file that says it
     * runs in the health the run saw (that file is rewritten at each change of state, and on Docker
     * 20.10 at each health check: its text is compared, not its stamp). Each file is stamped before
     * it is read, so a change after the reading is one the launcher sees. Empty when the engine did
     * not say in time where its files are (or failed to), they cannot be read here, or they say
     * otherwise: the launcher then asks the engine.
     */
    private static Optional<EngineFiles> engineFiles(Snapshot snapshot, RunResolution.Ready ready,
            List<ContainerStatus> services) {
        Optional<StampedStore> stamped;
        try {
            stamped = snapshot.imageStore().get(STORE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException | TimeoutException e) {
            return Optional.empty();
        }
        if (stamped.isEmpty()) {
            return Optional.empty();
        }
        LocalImageStore store = stamped.get().store();
        List<FileStamp> stamps = new ArrayList<>(stamped.get().before());
        stamps.add(FileStamp.of(store.repositories()));
        List<String> stampedPaths = stamps.stream().map(FileStamp::path).toList();
        List<String> storePaths = store.files().stream().map(Path::toString).toList();
        if (!stampedPaths.equals(storePaths) || !stamps.stream().allMatch(FileStamp::present)
                || !store.shows(ready.run().imageReference(), ready.imageId())) {
            return Optional.empty();
        }
        List<FileText> texts = new ArrayList<>();
        for (ContainerStatus service : services) {
            if (!service.state().equals("running")) {
                return Optional.empty();
            }
            // a container ID the engine's files cannot name, or a text the launcher cannot compare: it asks
            Optional<FileText> text = store.runningState(service.id(),
                    service.health().map(h -> h.name().toLowerCase(Locale.ROOT)))
                    .flatMap(state -> FileText.of(store.containerFile(service.id()).toString(), state));
            if (text.isEmpty()) {
                return Optional.empty();
            }
            texts.add(text.get());
        }
        return Optional.of(new EngineFiles(stamps, texts));
    }

    /** No option that changes the container: the launcher passes only plain runs. */
    private static boolean plain(RunOptions options) {
        return options.ports.isEmpty() && options.env.isEmpty() && options.envFiles.isEmpty() && options.target == null
                && options.app == null && !options.rebuild;
    }
}
