package dev.dockenv.engine;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.dockenv.errors.DockenvException;
import dev.dockenv.errors.ExitCode;
import dev.dockenv.io.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which engine the docker client talks to, decided as the docker CLI decides it
 * ({@code cli/command/cli.go} resolveContextName): {@code -H} first, then DOCKER_HOST (set at all,
 * even empty: the default context), then DOCKER_CONTEXT, then {@code currentContext} in
 * {@code $DOCKER_CONFIG/config.json} (else {@code ~/.docker/config.json}), else the default socket.
 * A context's host is read from the client's context store
 * ({@code contexts/meta/SHA256(NAME)/meta.json}, {@code Endpoints.docker.Host}).
 *
 * <p>JSON is read with Jackson's streaming parser, and config.json only when it mentions
 * {@code currentContext}: a warm run that resolves its engine loads no JSON classes otherwise.
 */
public final class EngineEndpoints {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();
    private static final List<String> SCHEMES = List.of("unix://", "tcp://", "ssh://", "npipe://", "fd://");

    private EngineEndpoints() {
    }

    /**
     * @param option the value of {@code -H}/{@code --host}, when given
     * @param env the environment (DOCKER_HOST, DOCKER_CONTEXT, DOCKER_CONFIG, HOME)
     */
    public static EngineEndpoint resolve(Optional<String> option, Map<String, String> env) {
        if (option.isPresent()) {
            return new EngineEndpoint(normalize(option.get(), "-H"), EngineEndpoint.Source.OPTION, Optional.empty());
        }
        if (env.containsKey("DOCKER_HOST")) {
            String host = env.get("DOCKER_HOST").strip();
            return host.isEmpty() ? EngineEndpoint.defaultEngine()
                    : new EngineEndpoint(normalize(host, "DOCKER_HOST"), EngineEndpoint.Source.DOCKER_HOST, Optional.empty());
        }
        Path configDir = configDirectory(env);
        String named = env.getOrDefault("DOCKER_CONTEXT", "").strip();
        if (!named.isEmpty()) {
            return context(named, EngineEndpoint.Source.DOCKER_CONTEXT, configDir);
        }
        Optional<String> current = currentContext(configDir.resolve("config.json"));
        if (current.isPresent()) {
            return context(current.get(), EngineEndpoint.Source.CURRENT_CONTEXT, configDir);
        }
        return EngineEndpoint.defaultEngine();
    }

    /** The client's configuration folder: DOCKER_CONFIG, else ~/.docker. */
    static Path configDirectory(Map<String, String> env) {
        String dir = env.getOrDefault("DOCKER_CONFIG", "");
        if (!dir.isBlank()) {
            return Path.of(dir);
        }
        String home = env.getOrDefault("HOME", "");
        return Path.of(home.isBlank() ? System.getProperty("user.home") : home, ".docker");
    }

    private static EngineEndpoint context(String name, EngineEndpoint.Source source, Path configDir) {
        if (name.equals("default")) {
            return new EngineEndpoint(EngineEndpoint.DEFAULT_HOST, source, Optional.of(name));
        }
        Path meta = configDir.resolve("contexts").resolve("meta").resolve(Sha256.hex(name)).resolve("meta.json");
        return new EngineEndpoint(contextHost(meta).orElse(""), source, Optional.of(name));
    }

    /** A host as docker takes it: a scheme it knows, or an address without one, which is tcp://. */
    static String normalize(String host, String origin) {
        String lower = host.toLowerCase(Locale.ROOT);
        if (SCHEMES.stream().anyMatch(lower::startsWith)) {
            return host;
        }
        if (!host.contains("://") && !host.isBlank() && !host.contains(" ")) {
            return "tcp://" + host;
        }
        throw new DockenvException(ExitCode.USAGE, "'" + host + "' (" + origin + ") is not an engine address",
                "write unix:///path/to/docker.sock, tcp://HOST:PORT or ssh://USER@HOST, as for docker -H");
    }

    /** The client's configuration file, whose currentContext can choose the engine. */
    public static Path configFile(Map<String, String> env) {
        return configDirectory(env).resolve("config.json");
    }

    /**
     * The meta.json of the context that chooses the engine (DOCKER_CONTEXT, else the configuration's
     * current context), when one other than "default" does and DOCKER_HOST does not override it.
     */
    public static Optional<Path> contextFile(Map<String, String> env) {
        if (env.containsKey("DOCKER_HOST")) {
            return Optional.empty();
        }
        Path configDir = configDirectory(env);
        String named = env.getOrDefault("DOCKER_CONTEXT", "").strip();
        Optional<String> name = named.isEmpty() ? currentContext(configDir.resolve("config.json")) : Optional.of(named);
        return name.filter(n -> !n.equals("default"))
                .map(n -> configDir.resolve("contexts").resolve("meta").resolve(Sha256.hex(n)).resolve("meta.json"));
    }

    /** config.json's currentContext, when set to another than "default". */
    static Optional<String> currentContext(Path config) {
        String text;
        try {
            if (!Files.isRegularFile(config)) {
                return Optional.empty();
            }
            text = Files.readString(config);
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // the client fails on it too, and says why
        }
        if (!text.contains("currentContext")) {
            return Optional.empty();
        }
        return topLevelString(text, "currentContext").filter(c -> !c.isEmpty() && !c.equals("default"));
    }

    /** Endpoints.docker.Host of a context's meta.json. */
    static Optional<String> contextHost(Path meta) {
        try {
            if (!Files.isRegularFile(meta)) {
                return Optional.empty();
            }
            try (JsonParser p = FACTORY.createParser(Files.readString(meta))) {
                return find(p, List.of("Endpoints", "docker", "Host"));
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> topLevelString(String json, String field) {
        try (JsonParser p = FACTORY.createParser(json)) {
            return find(p, List.of(field));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The string at a path of object fields, reading the parser from the start of a document. */
    private static Optional<String> find(JsonParser p, List<String> path) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            return Optional.empty();
        }
        int depth = 0;
        while (true) {
            JsonToken field = p.nextToken();
            if (field == null || field == JsonToken.END_OBJECT) {
                return Optional.empty();
            }
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (!name.equals(path.get(depth))) {
                p.skipChildren();
                continue;
            }
            if (depth == path.size() - 1) {
                return value == JsonToken.VALUE_STRING ? Optional.of(p.getText()) : Optional.empty();
            }
            if (value != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            depth++;
        }
    }
}
