package dev.dockenv.cli;

import dev.dockenv.config.HealthPath;
import dev.dockenv.errors.DockenvException;
import dev.dockenv.errors.ExitCode;
import dev.dockenv.k8s.HealthProbe;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The health check {@code deploy k8s} gives the app's probes. By default, an app that listens on a
 * port is healthy when its first port accepts a TCP connection (any server passes it, and no path is
 * guessed that the app might answer with 404); {@code --health-path /healthz} makes it an HTTP GET of
 * that path on the first port (healthy on 200-399); {@code --no-health} leaves the probes out. An
 * app without a port (a worker) gets none. Timing: every 10 s, 5 s to answer, 3 failures in a row
 * make it unhealthy, and a startup probe gives it 60 s to start (migrations, imports) before the
 * liveness probe may restart it.
 */
record K8sHealth(Optional<String> httpPath, boolean none) {
    static final Duration INTERVAL = Duration.ofSeconds(10);
    static final Duration TIMEOUT = Duration.ofSeconds(5);
    static final int RETRIES = 3;
    static final Duration START_PERIOD = Duration.ofSeconds(60);

    K8sHealth {
        if (none && httpPath.isPresent()) {
            throw new DockenvException(ExitCode.USAGE, "--health-path and --no-health cannot be given together",
                    "choose one");
        }
        httpPath.ifPresent(p -> HealthPath.problem(p).ifPresent(problem -> {
            throw new DockenvException(ExitCode.USAGE, "--health-path: " + problem, "give a path such as /healthz");
        }));
    }

    /** The probe for an app listening on {@code ports} (in order), if any. */
    Optional<HealthProbe> probe(List<Integer> ports) {
        if (none) {
            return Optional.empty();
        }
        if (ports.isEmpty()) {
            if (httpPath.isPresent()) {
                throw new DockenvException(ExitCode.USAGE, "--health-path needs a port to check, and the app "
                        + "listens on none", "configure the app's ports ([tool.dockenv] ports), or leave "
                                + "--health-path out");
            }
            return Optional.empty();
        }
        int port = ports.get(0);
        HealthProbe.Builder probe = httpPath.map(p -> HealthProbe.httpGet(p, port)).orElseGet(() -> HealthProbe.tcpSocket(port));
        return Optional.of(probe.interval(INTERVAL).timeout(TIMEOUT).retries(RETRIES).startPeriod(START_PERIOD).build());
    }
}
