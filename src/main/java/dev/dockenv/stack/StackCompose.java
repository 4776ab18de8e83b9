package dev.dockenv.stack;

import dev.dockenv.compose.ComposeModel;
import dev.dockenv.compose.ComposeString;
import dev.dockenv.compose.Condition;
import dev.dockenv.compose.Healthcheck;
import dev.dockenv.compose.Network;
import dev.dockenv.compose.Service;
import dev.dockenv.compose.VolumeMount;
import dev.dockenv.config.PortMapping;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The stack's part of a compose file: each service of the plan as a compose service (image,
 * command, environment with the generated passwords interpolated from compose's env file, ports on
 * 127.0.0.1, named volumes and binds, health check, dependencies that wait for health), the named
 * volumes, and the project's network under its own name; and what the app's service needs to join
 * them (its variables, its dependencies).
 */
public final class StackCompose {
    private StackCompose() {
    }

    /**
     * How a host path is written in the file: absolute in dockenv's own file, relative to the
     * project ("./initdb") in the file dockenv init writes.
     */
    @FunctionalInterface
    public interface BindPaths {
        String source(Path hostPath);

        static BindPaths absolute() {
            return p -> p.toString();
        }

        static BindPaths relativeTo(Path root) {
            return p -> {
                Path rel = root.relativize(p);
                return rel.toString().isEmpty() ? "." : p.startsWith(root) ? "./" + rel.toString().replace('\\', '/')
                        : p.toString();
            };
        }
    }

    /**
     * How the file names its parts. dockenv's own file ({@link #OWN}) names the network (the app's
     * {@code docker run} joins it by that name) and takes the passwords from the env file dockenv
     * gives compose; the file dockenv init writes ({@link #EJECTED}) leaves the network to compose
     * (so a plain {@code docker compose up} never shares dockenv's) and stops compose with a
     * message when a password is not set.
     */
    public enum Style {
        OWN, EJECTED
    }

    /** Adds the services, their volumes and the network to {@code model}. */
    public static void addServices(ComposeModel.Builder model, StackPlan plan, BindPaths paths, Style style) {
        Set<String> volumes = new LinkedHashSet<>();
        for (PlannedService s : plan.services()) {
            model.service(s.name(), service(s, plan, paths, style));
            s.mounts().stream().filter(m -> m instanceof PlannedService.Mount.Volume)
                    .forEach(m -> volumes.add(((PlannedService.Mount.Volume) m).name()));
        }
        volumes.forEach(model::volume);
        if (style == Style.OWN) {
            model.network(ComposeModel.DEFAULT_NETWORK, Network.named(plan.network()));
        }
    }

    private static Service service(PlannedService s, StackPlan plan, BindPaths paths, Style style) {
        Service.Builder b = Service.builder().image(s.image());
        if (!s.command().isEmpty()) {
            b.command(ComposeString.literals(s.command()));
        }
        new java.util.TreeMap<>(s.environment()).forEach((k, v) -> b.environment(k, value(v, style)));
        for (PortMapping p : s.ports()) {
            b.port(p.publishArgument());
        }
        for (PlannedService.Mount m : s.mounts()) {
            VolumeMount mount = m instanceof PlannedService.Mount.Volume v ? VolumeMount.named(v.name(), v.target())
                    : VolumeMount.bind(paths.source(((PlannedService.Mount.Bind) m).source()), m.target());
            b.volume(m.readOnly() ? readOnly(mount) : mount);
        }
        if (s.healthcheckDisabled()) {
            b.healthcheck(Healthcheck.disabled());
        }
        s.healthcheck().ifPresent(h -> b.healthcheck(healthcheck(h)));
        for (String dependency : s.dependsOn()) {
            b.dependsOn(dependency, condition(plan, dependency));
        }
        if (style == Style.OWN) {
            // a file the user keeps names no folder of this machine (the stack's name hashes the path)
            b.label("dev.dockenv.stack", plan.project());
        }
        return b.build();
    }

    private static VolumeMount readOnly(VolumeMount m) {
        return m instanceof VolumeMount.Named n ? n.asReadOnly() : ((VolumeMount.Bind) m).asReadOnly();
    }

    private static Healthcheck healthcheck(PlannedService.Healthcheck h) {
        Healthcheck.Builder b = h.shell() ? Healthcheck.cmdShell(h.test().get(0)) : Healthcheck.cmd(h.test().toArray(String[]::new));
        b.interval(h.interval()).timeout(h.timeout()).retries(h.retries());
        if (!h.startPeriod().isZero()) {
            b.startPeriod(h.startPeriod());
        }
        return b.build();
    }

    /**
     * Waits for health where dockenv gives the service a health check, else for the start (an
     * image's own check is not known here: dockenv's starter waits for it, compose does not).
     */
    private static Condition condition(StackPlan plan, String service) {
        return plan.service(service).flatMap(PlannedService::healthcheck).isPresent() ? Condition.SERVICE_HEALTHY
                : Condition.SERVICE_STARTED;
    }

    /** The services the app waits for, and how. */
    public static Map<String, Condition> appDependsOn(StackPlan plan) {
        Map<String, Condition> out = new LinkedHashMap<>();
        for (String name : plan.appDependencies()) {
            out.put(name, condition(plan, name));
        }
        return out;
    }

    /** The variables the app gets, with the passwords interpolated (never written into the file). */
    public static Map<String, ComposeString> appEnvironment(StackPlan plan, Style style) {
        Map<String, ComposeString> out = new LinkedHashMap<>();
        new java.util.TreeMap<>(plan.appEnvironment()).forEach((k, v) -> out.put(k, value(v, style)));
        return out;
    }

    /**
     * A value: literal text escaped, each secret as ${NAME} (in an ejected file ${NAME:?...}, so
     * that compose stops with a message instead of starting a database without a password).
     */
    static ComposeString value(StackValue v, Style style) {
        if (v.secrets().isEmpty()) {
            return ComposeString.literal(v.resolve(Map.of()));
        }
        return ComposeString.interpolated(v.render(t -> t.replace("$", "$$"), name -> style == Style.OWN
                ? "${" + name + "}" : "${" + name + ":?is not set: dockenv init writes it into .env}"));
    }

    /**
     * The app's service: its image as the host user, the project and the user's files mounted, its
     * variables and those of the services it depends on (waiting for them), its ports and command.
     */
    public static Service appService(AppContainer app, StackPlan plan) {
        return appService(app, plan, Style.OWN);
    }

    /** The app's service, its variables from the stack in {@code style}. */
    public static Service appService(AppContainer app, StackPlan plan, Style style) {
        Service.Builder b = Service.builder().image(app.image()).init(true).user(app.user())
                .workingDir(app.workdir());
        b.volume(VolumeMount.bind(app.projectRoot().toString(), "/app"));
        for (PlannedService.Mount.Bind bind : app.binds()) {
            VolumeMount.Bind mount = VolumeMount.bind(bind.source().toString(), bind.target());
            b.volume(bind.readOnly() ? mount.asReadOnly() : mount);
        }
        new java.util.TreeMap<>(app.environment()).forEach(b::environment);
        appEnvironment(plan, style).forEach(b::environment);
        for (PortMapping p : app.ports()) {
            b.port(p.publishArgument());
        }
        if (!app.command().isEmpty()) {
            b.command(ComposeString.literals(app.command()));
        }
        appDependsOn(plan).forEach(b::dependsOn);
        new java.util.TreeMap<>(app.labels()).forEach(b::label);
        return b.build();
    }
}
