package dev.dockenv.cli;

import dev.dockenv.engine.DockerCli;
import dev.dockenv.engine.Engine;
import dev.dockenv.engine.EngineEndpoint;
import dev.dockenv.engine.EngineEndpoints;
import dev.dockenv.engine.LocalProcessRunner;
import dev.dockenv.engine.ProcessRunner;
import dev.dockenv.errors.FileAccessException;
import dev.dockenv.errors.IoFailures;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What a command runs against: working directory, environment, output streams, the process
 * runner and the engine. One per invocation; tests build their own.
 */
public final class Session {
    private final Path workingDirectory;
    private final Map<String, String> environment;
    private final PrintWriter out;
    private final PrintWriter err;
    private final ProcessRunner processes;
    private final boolean interactiveTerminal;
    private final Function<EngineEndpoint, Engine> engineFactory;
    private Optional<String> hostOption = Optional.empty();
    private EngineEndpoint endpoint;
    private Engine engine;
    private Optional<WarmStart> warmStart = Optional.empty();
    private Optional<LauncherRecord.Snapshot> launcherRecord = Optional.empty();
    private volatile boolean cacheChecked;

    public Session(Path workingDirectory, Map<String, String> environment, PrintWriter out, PrintWriter err,
            ProcessRunner processes, boolean interactiveTerminal, Supplier<Engine> engineFactory) {
        this(workingDirectory, environment, out, err, processes, interactiveTerminal,
                (Function<EngineEndpoint, Engine>) endpoint -> engineFactory.get());
    }

    /** @param engineFactory the engine client for the engine chosen (-H, DOCKER_HOST, a context) */
    public Session(Path workingDirectory, Map<String, String> environment, PrintWriter out, PrintWriter err,
            ProcessRunner processes, boolean interactiveTerminal, Function<EngineEndpoint, Engine> engineFactory) {
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
        this.environment = Map.copyOf(environment);
        this.out = out;
        this.err = err;
        this.processes = processes;
        this.interactiveTerminal = interactiveTerminal;
        this.engineFactory = engineFactory;
    }

    public static Session fromSystem() {
        Map<String, String> env = System.getenv();
        ProcessRunner processes = new LocalProcessRunner();
        return new Session(Path.of("").toAbsolutePath(), env,
                new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8),
                processes, System.console() != null,
                (Function<EngineEndpoint, Engine>) endpoint -> DockerCli.fromEnvironment(env, processes, endpoint));
    }

    public Path workingDirectory() {
        return workingDirectory;
    }

    public Map<String, String> environment() {
        return environment;
    }

    public Optional<String> env(String name) {
        return Optional.ofNullable(environment.get(name)).filter(v -> !v.isEmpty());
    }

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }

    public ProcessRunner processes() {
        return processes;
    }

    /** True when stdin and stdout are both a terminal: only then does a container get a TTY. */
    public boolean interactiveTerminal() {
        return interactiveTerminal;
    }

    public Engine engine() {
        if (engine == null) {
            engine = engineFactory.apply(endpoint());
        }
        return engine;
    }

    /** A separate engine client, for work on another thread. */
    Engine newEngine() {
        return engineFactory.apply(endpoint());
    }

    /**
     * The engine commands talk to: {@code -H} when given, else as the docker client chooses
     * (DOCKER_HOST, DOCKER_CONTEXT, the current context, the default socket). Resolved once.
     */
    public synchronized EngineEndpoint endpoint() {
        if (endpoint == null) {
            endpoint = EngineEndpoints.resolve(hostOption, environment);
        }
        return endpoint;
    }

    /** {@code -H}/{@code --host}: set while the command line is parsed, before any engine is made. */
    synchronized void hostOption(String host) {
        this.hostOption = Optional.of(host);
        this.endpoint = null;
        this.engine = null; // one made before the option was read talks to another engine
    }

    /**
     * Forgets {@code -H}: from now on the engine is the one the environment chooses (DOCKER_HOST,
     * a context, the default socket). {@code deploy} builds there and deploys to the {@code -H} engine
     * it took before.
     */
    synchronized void forgetHostOption() {
        this.hostOption = Optional.empty();
        this.endpoint = null;
        this.engine = null;
    }

    /** The stamps for the launcher's record of this run, when the launcher asked for one. */
    Optional<LauncherRecord.Snapshot> launcherRecord() {
        return launcherRecord;
    }

    void launcherRecord(Optional<LauncherRecord.Snapshot> snapshot) {
        this.launcherRecord = snapshot;
    }

    Optional<WarmStart> warmStart() {
        return warmStart;
    }

    void warmStart(Optional<WarmStart> start) {
        this.warmStart = start;
    }

    /**
     * dockenv's per-user cache folder ($DOCKENV_CACHE_DIR, else $XDG_CACHE_HOME/dockenv, else
     * ~/.cache/dockenv). It need not exist yet (it is made when first written), but a file where it
     * should be or on the way to it, or a loop of symbolic links, is a {@link FileAccessException}:
     * the cache could never work, and every run would silently be a slow one.
     */
    public Path cacheDirectory() {
        Path dir = cacheLocation();
        if (!cacheChecked) {
            checkCacheDirectory(dir);
            cacheChecked = true;
        }
        return dir;
    }

    /** Where the cache folder is configured to be, unchecked (for error messages). */
    Path cacheLocation() {
        return env("DOCKENV_CACHE_DIR").map(Path::of)
                .or(() -> env("XDG_CACHE_HOME").map(x -> Path.of(x, "dockenv")))
                .orElseGet(() -> Path.of(env("HOME").orElse(System.getProperty("user.home")), ".cache", "dockenv"));
    }

    private static void checkCacheDirectory(Path dir) {
        IOException problem;
        try {
            if (Files.readAttributes(dir, BasicFileAttributes.class).isDirectory()) {
                return;
            }
            problem = new FileSystemException(dir.toString(), null, IoFailures.Cause.NOT_A_DIRECTORY.text());
        } catch (NoSuchFileException e) {
            return; // made when first written
        } catch (FileSystemException e) {
            IoFailures.Cause cause = IoFailures.cause(e);
            if (cause != IoFailures.Cause.NOT_A_DIRECTORY && cause != IoFailures.Cause.SYMLINK_LOOP) {
                return; // a folder dockenv cannot enter or write shows when a command needs it
            }
            problem = e;
        } catch (IOException e) {
            return;
        }
        throw IoFailures.of("cannot use dockenv's cache folder " + dir, IoFailures.Operation.ACCESS, problem, dir);
    }
}
