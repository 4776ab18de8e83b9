package dev.dockenv.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The engine the docker client talks to, resolved as the client resolves it (see
 * {@link EngineEndpoints}): its host ({@code unix:///var/run/docker.sock}, {@code tcp://...},
 * {@code ssh://...}), where that choice came from and, for a context, its name. Empty
 * {@code host} means a context whose endpoint could not be read: the client knows it, dockenv does
 * not.
 */
public record EngineEndpoint(String host, Source source, Optional<String> context) {
    /** The docker client's default engine. */
    public static final String DEFAULT_HOST = "unix:///var/run/docker.sock";

    /** Where the choice of engine came from, in the docker client's order of precedence. */
    public enum Source {
        /** {@code dockenv -H HOST} (docker's own {@code -H}). */
        OPTION("-H"),
        DOCKER_HOST("DOCKER_HOST"),
        DOCKER_CONTEXT("DOCKER_CONTEXT"),
        /** {@code currentContext} in the client's config.json ({@code docker context use}). */
        CURRENT_CONTEXT("docker context use"),
        DEFAULT("default");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public EngineEndpoint {
        context = context.filter(c -> !c.isEmpty());
    }

    public static EngineEndpoint defaultEngine() {
        return new EngineEndpoint(DEFAULT_HOST, Source.DEFAULT, Optional.empty());
    }

    /** The unix socket of this machine the host names, when it names one. */
    public Optional<Path> localSocket() {
        return host.startsWith("unix://") && host.length() > "unix://".length()
                ? Optional.of(Path.of(host.substring("unix://".length()))) : Optional.empty();
    }

    /**
     * True when the engine runs on this machine and sees its files at the same paths (a unix
     * socket, a Windows named pipe): only then does a bind mount of a project folder mount the
     * user's files. tcp:// and ssh:// engines, and contexts dockenv cannot read, are elsewhere.
     */
    public boolean onThisMachine() {
        String lower = host.toLowerCase(Locale.ROOT);
        return lower.startsWith("unix://") || lower.startsWith("npipe://") || lower.startsWith("fd://");
    }

    /** The options that make the docker client talk to this engine: {@code -H HOST} for the option, none otherwise (the client reads the rest itself). */
    public List<String> clientOptions() {
        return source == Source.OPTION ? List.of("-H", host) : List.of();
    }

    /**
     * The options that make docker-compose 1.29 talk to it: as the client's, and the context's
     * name for DOCKER_CONTEXT, which docker-compose 1.29 does not read (it reads DOCKER_HOST and
     * config.json's currentContext).
     */
    public List<String> standaloneComposeOptions() {
        if (source == Source.DOCKER_CONTEXT && context.isPresent()) {
            return List.of("--context", context.get());
        }
        return clientOptions();
    }

    /** What tells two engines apart in dockenv's caches: the host, or the context's name when its host is unknown. */
    public String key() {
        return host.isEmpty() ? "context:" + context.orElse("") : host;
    }

    /** "unix:///run/x.sock (-H)", "ssh://deploy@server (context prod)", "unix:///var/run/docker.sock (default)". */
    public String describe() {
        String where = host.isEmpty() ? "context " + context.orElse("?") + " (its endpoint not readable)" : host;
        String why = switch (source) {
            case DOCKER_CONTEXT, CURRENT_CONTEXT -> "context " + context.orElse("?") + ", " + source.label();
            default -> source.label();
        };
        return host.isEmpty() ? where + ", " + source.label() : where + " (" + why + ")";
    }
}
