package dev.dockenv.cli;

import dev.dockenv.engine.Engine;
import dev.dockenv.engine.EngineEndpoint;
import dev.dockenv.io.BackgroundTask;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Starts the warm path of {@code run} and {@code shell} (stat the inputs, ask the engine whether
 * the image exists) on a second thread while the command line is being modelled and parsed, for
 * the directory dockenv was started in and the default target. The command uses the result only
 * when its parsed options match those assumptions; otherwise it resolves as usual. Speculation
 * is never wrong, at worst wasted.
 */
final class WarmStart {
    private final CompletableFuture<Optional<RunResolution.Ready>> result;
    private final Optional<Path> script;
    private final EngineEndpoint endpoint;

    private WarmStart(CompletableFuture<Optional<RunResolution.Ready>> result, Optional<Path> script,
            EngineEndpoint endpoint) {
        this.result = result;
        this.script = script;
        this.endpoint = endpoint;
    }

    /** Begins when the first argument is run or shell; the thread is a daemon and never blocks exit. */
    static Optional<WarmStart> begin(Session session, String[] args) {
        if (args.length == 0 || !(args[0].equals("run") || args[0].equals("shell"))) {
            return Optional.empty();
        }
        // the script a plain run names (an option before it could change its place: then none is assumed)
        Optional<Path> script = args[0].equals("run") ? PlainRun.command(args)
                .flatMap(c -> ScriptRun.find(session.workingDirectory(), c)).map(ScriptRun::script) : Optional.empty();
        Engine engine;
        try {
            engine = session.newEngine();
        } catch (RuntimeException e) {
            return Optional.empty(); // an engine address the command itself will report
        }
        // a speculation that fails is one the command does without
        CompletableFuture<Optional<RunResolution.Ready>> result = BackgroundTask.start("dockenv-warm-start",
                () -> RunResolution.warm(session, engine, session.workingDirectory(), null, null, script))
                .exceptionally(e -> Optional.empty());
        return Optional.of(new WarmStart(result, script, engine.endpoint()));
    }

    /** The script the speculation assumed the run names. */
    Optional<Path> script() {
        return script;
    }

    /** The engine the speculation asked (a -H read later chooses another: then it is not used). */
    EngineEndpoint endpoint() {
        return endpoint;
    }

        Optional<RunResolution.Ready> result() {
        return result.join();
    }
}
