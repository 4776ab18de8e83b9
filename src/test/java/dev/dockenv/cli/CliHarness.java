package dev.dockenv.cli;

import dev.dockenv.engine.Engine;
import dev.dockenv.engine.EngineEndpoint;
import dev.dockenv.engine.LocalProcessRunner;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/** Runs dockenv in-process against a {@link FakeEngine}, capturing its output. */
final class CliHarness {
    final FakeEngine engine = new FakeEngine();
    /** Other engines, by the host that chooses them (-H, DOCKER_HOST); any other host is {@link #engine}. */
    final Map<String, FakeEngine> engines = new HashMap<>();
    final Map<String, String> env = new HashMap<>();
    private final Path cache;
    String out = "";
    String err = "";

    CliHarness(Path cache) {
        this.cache = cache;
        env.put("DOCKENV_CACHE_DIR", cache.toString());
    }

    int run(Path dir, String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        Session session = new Session(dir, env, new PrintWriter(o, true), new PrintWriter(e, true),
                new LocalProcessRunner(), false, (Function<EngineEndpoint, Engine>) endpoint -> {
                    FakeEngine chosen = engines.getOrDefault(endpoint.host(), engine);
                    chosen.endpoint = endpoint;
                    return chosen;
                });
        int code = Main.run(args, session);
        out = o.toString();
        err = e.toString();
        return code;
    }

    Path cache() {
        return cache;
    }
}
