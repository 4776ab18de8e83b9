package dev.dockenv.services;

import dev.dockenv.engine.Compose;
import dev.dockenv.engine.ComposeProject;
import dev.dockenv.engine.ContainerStatus;
import dev.dockenv.engine.Engine;
import dev.dockenv.engine.EngineException;
import dev.dockenv.engine.ProcessRunner;
import dev.dockenv.errors.DockenvException;
import dev.dockenv.errors.ExitCode;
import dev.dockenv.stack.PlannedService;
import dev.dockenv.stack.StackPlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Brings services of the stack up and waits until the app can use them: running, and healthy when
 * they have a health check. Services already ready cost one look at the engine; the others are
 * started by compose ({@code up -d}, their dependencies first), then watched until ready. A service
 * that exits, turns unhealthy or takes longer than its health check allows is an error with its
 * last log lines, and what this call started is stopped again.
 */
public final class StackStarter {
    /** How many of a failed service's last log lines the error shows. */
    static final int LOG_LINES = 25;
    private static final Duration POLL = Duration.ofMillis(250);
    /** How long a service without a health check may take to be running. */
    private static final Duration START = Duration.ofSeconds(60);
    /** How long a service may have no container after compose up returned (the engine lists it at once). */
    private static final Duration NO_CONTAINER = Duration.ofSeconds(5);

    private final Engine engine;
    private final Compose compose;
    private final Consumer<String> progress;
    private final Sleeper sleeper;

    /** Waits between looks at the engine (tests pass one that advances a clock). */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    public StackStarter(Engine engine, Compose compose, Consumer<String> progress, Sleeper sleeper) {
        this.engine = engine;
        this.compose = compose;
        this.progress = progress;
        this.sleeper = sleeper;
    }

    public StackStarter(Engine engine, Compose compose, Consumer<String> progress) {
        this(engine, compose, progress, d -> Thread.sleep(d.toMillis()));
    }

    /** Whether every named service has a ready container: the warm path's one question. */
    public static boolean ready(Engine engine, String project, List<String> services) {
        List<ContainerStatus> all = engine.composeContainers(project);
        return services.stream().allMatch(s -> all.stream().anyMatch(c -> c.service().equals(s) && c.ready()));
    }

    /** Starts those of {@code services} (and what they depend on) that are not ready, and waits for them. */
    public void ensureReady(ComposeProject project, StackPlan plan, List<String> services) {
        ensureReady(project, plan, services, false);
    }

    /**
     * As {@link #ensureReady(ComposeProject, StackPlan, List)}; with {@code refresh} (the compose
     * file changed) compose is asked to bring every running one up to date too: it recreates the
     * containers whose settings changed and leaves the others alone.
     */
    public void ensureReady(ComposeProject project, StackPlan plan, List<String> services, boolean refresh) {
        List<String> wanted = plan.withDependencies(services);
        List<ContainerStatus> before = engine.composeContainers(project.name());
        List<String> toStart = refresh ? wanted : wanted.stream().filter(s -> before.stream()
                .noneMatch(c -> c.service().equals(s) && c.running())).toList();
        if (toStart.isEmpty() && wanted.stream().allMatch(s -> before.stream().anyMatch(c -> c.service().equals(s)
                && c.ready()))) {
            return;
        }
        // what this call brings up from nothing: the only services a failure stops again
        List<String> fresh = toStart.stream().filter(s -> before.stream().noneMatch(c -> c.service().equals(s)
                && c.running())).toList();
        long started = System.nanoTime();
        // dockenv stopped (Ctrl-C, SIGTERM) while compose starts them or dockenv waits: they are stopped too
        Thread cleanup = new Thread(() -> stop(project, fresh), "dockenv-stop-services");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            if (!toStart.isEmpty()) {
                List<String> updated = toStart.stream().filter(n -> !fresh.contains(n)).toList();
                progress.accept(fresh.isEmpty() ? "Updating " + String.join(", ", updated)
                        : "Starting " + String.join(", ", fresh) + (updated.isEmpty() ? ""
                        : "; updating " + String.join(", ", updated)));
                List<String> args = new ArrayList<>(List.of("up", "-d", "--no-build", "--no-color"));
                args.addAll(toStart);
                ProcessRunner.Result up = compose.run(project, args);
                if (!up.ok()) {
                    RuntimeException failure = upFailure(plan, toStart, up.stdout() + "\n" + up.stderr());
                    stop(project, fresh);
                    throw failure;
                }
            }
            try {
                await(project, plan, wanted);
            } catch (RuntimeException e) {
                stop(project, fresh);
                throw e;
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException e) {
                // shutting down already: the hook runs
            }
        }
        progress.accept("Ready: " + String.join(", ", wanted) + String.format(Locale.ROOT, " (%.1f s)",
                (System.nanoTime() - started) / 1e9));
    }

    private void await(ComposeProject project, StackPlan plan, List<String> wanted) {
        Duration limit = Duration.ZERO;
        for (String name : wanted) {
            PlannedService s = plan.service(name).orElseThrow();
            Duration patience = s.healthcheck().map(PlannedService.Healthcheck::patience).orElse(START);
            limit = patience.compareTo(limit) > 0 ? patience : limit;
        }
        Duration waited = Duration.ZERO;
        while (true) {
            List<ContainerStatus> now = engine.composeContainers(project.name());
            List<String> pending = new ArrayList<>();
            for (String name : wanted) {
                PlannedService service = plan.service(name).orElseThrow();
                Optional<ContainerStatus> c = now.stream().filter(x -> x.service().equals(name)).findFirst();
                if (c.isEmpty()) {
                    if (waited.compareTo(NO_CONTAINER) >= 0) {
                        throw new ServiceFailure(service, "has no container: compose started none for it",
                                "docker compose -f " + project.file() + " ps shows what compose sees");
                    }
                    pending.add(name);
                    continue;
                }
                ContainerStatus status = c.get();
                if (!status.running() && !status.state().equals("created") && !status.state().equals("restarting")) {
                    throw new ServiceFailure(service, "stopped" + status.exitCode().map(code -> " with exit code " + code)
                            .orElse("") + logs(status), "fix what its log says; dockenv logs " + name
                            + " shows all of it");
                }
                if (status.health().orElse(null) == ContainerStatus.Health.UNHEALTHY) {
                    String said = engine.lastHealthOutput(status.id()).map(o -> " (it said: "
                            + o.replace("\n", " ").strip() + ")").orElse("");
                    throw new ServiceFailure(service, "is unhealthy: its health check fails" + said + logs(status),
                            healthHint(service));
                }
                if (!status.ready()) {
                    pending.add(name);
                }
            }
            if (pending.isEmpty()) {
                return;
            }
            if (waited.compareTo(limit) >= 0) {
                PlannedService first = plan.service(pending.get(0)).orElseThrow();
                Optional<ContainerStatus> c = now.stream().filter(x -> x.service().equals(first.name())).findFirst();
                throw new ServiceFailure(first, "did not get ready within " + limit.toSeconds() + " s"
                        + c.map(this::logs).orElse(""), healthHint(first));
            }
            try {
                sleeper.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DockenvException(ExitCode.SERVICE_FAILED, "interrupted while waiting for "
                        + String.join(", ", pending), null);
            }
            waited = waited.plus(POLL);
        }
    }

    private String logs(ContainerStatus c) {
        String text = engine.containerLogs(c.id(), LOG_LINES);
        if (text.isBlank()) {
            return "; it printed nothing";
        }
        StringBuilder b = new StringBuilder("; its last lines:");
        text.lines().forEach(l -> b.append("\n    ").append(l));
        return b.toString();
    }

    private static String healthHint(PlannedService s) {
        return s.healthcheck().map(h -> "its health check is: " + String.join(" ", h.test())
                + "; set healthcheck in its settings to change it, or false for none").orElse("dockenv logs " + s.name()
                + " shows what it printed");
    }

    private void stop(ComposeProject project, List<String> started) {
        if (started.isEmpty()) {
            return;
        }
        List<String> args = new ArrayList<>(List.of("stop"));
        args.addAll(started);
        compose.run(project, args);
    }

    private static final Pattern BIND = Pattern.compile("(?:Bind for |listen tcp[46]? )(\\S+?):(\\d+)");

    /** Why compose up failed, told from what it printed. */
    static RuntimeException upFailure(StackPlan plan, List<String> started, String output) {
        Optional<String> installation = Compose.installationHint(output);
        if (installation.isPresent()) {
            return new EngineException("docker compose could not start " + String.join(", ", started) + ": "
                    + lastLines(output, 1), installation.get());
        }
        String lower = output.toLowerCase(Locale.ROOT);
        List<PlannedService> services = started.stream().map(n -> plan.service(n).orElseThrow()).toList();
        Optional<PlannedService> named = services.stream()
                .filter(s -> output.contains("service " + s.name() + ":") || output.contains("for " + s.name() + " ")
                        || output.contains("(" + s.image() + ")"))
                .findFirst();
        if (lower.contains("port is already allocated") || lower.contains("address already in use")) {
            Matcher m = BIND.matcher(output);
            String port = m.find() ? m.group(2) : "";
            Optional<PlannedService> owner = services.stream()
                    .filter(s -> s.ports().stream().anyMatch(p -> Integer.toString(p.hostPort()).equals(port)))
                    .findFirst().or(() -> named);
            if (owner.isPresent()) {
                return new ServiceFailure(owner.get(), "cannot publish " + (port.isEmpty() ? "its port" : "port " + port)
                        + " on this machine: another program listens there", "stop that program (ss -ltnp shows which), "
                        + "or publish another host port in ports (\"15432:5432\")");
            }
        }
        if ((lower.contains("pull") || lower.contains("manifest")) && (lower.contains("denied")
                || lower.contains("not found") || lower.contains("manifest unknown") || lower.contains("no such host")
                || lower.contains("dial tcp") || lower.contains("timeout") || lower.contains("does not exist"))) {
            Optional<PlannedService> image = services.stream()
                    .filter(s -> output.contains(s.image()) || output.contains(s.image().replaceFirst(":[^:/]+$", "")))
                    .findFirst().or(() -> named);
            if (image.isPresent()) {
                return new ServiceFailure(image.get(), "cannot start: its image cannot be pulled\n    "
                        + lastLines(output, 3).replace("\n", "\n    "), "check the image's name and tag; for a private "
                        + "registry run docker login; without a registry, load the image (docker load)");
            }
        }
        return named.<RuntimeException>map(s -> new ServiceFailure(s, "cannot start: compose says\n    "
                + lastLines(output, 8).replace("\n", "\n    "), "dockenv logs " + s.name() + " shows what it printed"))
                .orElseGet(() -> new DockenvException(ExitCode.SERVICE_FAILED, "cannot start "
                        + String.join(", ", started) + ": compose says\n    " + lastLines(output, 8).replace("\n", "\n    "),
                        null));
    }

    private static String lastLines(String text, int n) {
        List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - n), lines.size()));
    }
}
