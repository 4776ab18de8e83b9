package dev.dockenv.deploy;

import dev.dockenv.compose.ComposeModel;
import dev.dockenv.compose.ComposeString;
import dev.dockenv.compose.Condition;
import dev.dockenv.compose.Healthcheck;
import dev.dockenv.compose.Restart;
import dev.dockenv.compose.Service;
import dev.dockenv.compose.VolumeMount;
import dev.dockenv.errors.InputException;
import dev.dockenv.stack.PlannedService;
import dev.dockenv.stack.StackPlan;
import dev.dockenv.stack.StackValue;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The compose file of the server: the app by its pushed image ({@code image:}, no {@code build:}),
 * restarted unless stopped, its ports published on the server's address, its health checked, its
 * variables from the operator's env file; and the services of the dev stack marked deployed, each
 * as in the dev stack (image, command, variables, named volumes, health check) but without
 * published ports (the app reaches them on the project's network) and with every generated password
 * interpolated from a variable the operator sets ({@code ${DOCKENV_SECRET_DB:?...}}), so that no
 * password of the dev stack is ever written into the file.
 */
public final class ServerCompose {
    /** How often the engine checks the app, how long one check may take, and how long the app may take to start. */
    static final Duration INTERVAL = Duration.ofSeconds(10);
    static final Duration TIMEOUT = Duration.ofSeconds(5);
    static final int RETRIES = 3;
    static final Duration START_PERIOD = Duration.ofSeconds(30);
    /** What compose says of a password the operator did not set. */
    private static final String UNSET = "is not set: give it in the env file of dockenv deploy compose --env-file";

    private ServerCompose() {
    }

    /**
     * @param services the stack of the deployed services only, as the app sees it (its variables and
     *                 dependencies); an empty plan for none
     */
    public static ComposeModel model(ServerApp app, StackPlan services) {
        ComposeModel.Builder model = ComposeModel.builder()
                .header("Written by dockenv deploy compose: the release on a server (docker compose pull && "
                        + "docker compose up -d).", "The image is pulled from its registry; nothing is built here.");
        return withServices(model, app.service(), appService(app, services), services, s -> service(s, services))
                .build();
    }

    /**
     * The model with the app's service and each deployed service as {@code service} renders it, their
     * named volumes declared, and a header line naming the passwords the operator sets. A service
     * with the app's name is refused at its line.
     */
    static ComposeModel.Builder withServices(ComposeModel.Builder model, String appName, Service app,
            StackPlan services, Function<PlannedService, Service> service) {
        if (!services.secrets().isEmpty()) {
            model.header("The services' passwords are read from variables you set (" + String.join(", ",
                    services.secrets()) + "), in the env file (--env-file) or the environment; never the dev stack's.");
        }
        model.service(appName, app);
        Set<String> volumes = new LinkedHashSet<>();
        for (PlannedService s : services.services()) {
            if (s.name().equals(appName)) {
                throw new InputException(s.location(), "the service '" + s.name() + "' has the name of the app's "
                        + "service on the server", "rename the service");
            }
            model.service(s.name(), service.apply(s));
            s.mounts().stream().filter(m -> m instanceof PlannedService.Mount.Volume)
                    .forEach(m -> volumes.add(((PlannedService.Mount.Volume) m).name()));
        }
        volumes.forEach(model::volume);
        return model;
    }

    private static Service appService(ServerApp app, StackPlan services) {
        Service.Builder b = appBase(app.image(), app.envFile(), app.health(), INTERVAL, services, UNSET)
                .restart(Restart.UNLESS_STOPPED);
        for (int port : app.containerPorts()) {
            b.port(publish(app.publishAddress()) + port + ":" + port);
        }
        for (String dependency : services.appDependencies()) {
            b.dependsOn(dependency, condition(services, dependency));
        }
        return b.build();
    }

    /**
     * What the app's service is wherever it is deployed: its pushed image, an init process, the
     * operator's env file, the variables of the services it uses (a password unset is an error of the
     * client with the words {@code unset}), dockenv's health check every {@code interval}.
     */
    static Service.Builder appBase(String image, Optional<String> envFile, ServerHealth health, Duration interval,
            StackPlan services, String unset) {
        Service.Builder b = Service.builder().image(image).init(true);
        envFile.ifPresent(b::envFile);
        new TreeMap<>(services.appEnvironment()).forEach((k, v) -> b.environment(k, value(v, unset)));
        if (health instanceof ServerHealth.HttpGet get) {
            b.healthcheck(Healthcheck.cmd(get.command().toArray(String[]::new)).interval(interval).timeout(TIMEOUT)
                    .retries(RETRIES).startPeriod(START_PERIOD).build());
        }
        return b;
    }

    private static String publish(String address) {
        return address.contains(":") ? "[" + address + "]:" : address + ":";
    }

    private static Service service(PlannedService s, StackPlan plan) {
        Service.Builder b = deployedService(s, UNSET, "deploy = true").restart(Restart.UNLESS_STOPPED);
        for (String dependency : s.dependsOn()) {
            b.dependsOn(dependency, condition(plan, dependency));
        }
        return b.build();
    }

    /**
     * A service of the dev stack marked deployed, as it runs on a server: its image, command,
     * variables (passwords as variables the operator sets, {@code unset} the client's words when one
     * is not), named volumes and health check. A host folder it mounts is refused: the server does
     * not have it.
     */
    static Service.Builder deployedService(PlannedService s, String unset, String why) {
        Service.Builder b = Service.builder().image(s.image());
        if (!s.command().isEmpty()) {
            b.command(ComposeString.literals(s.command()));
        }
        new TreeMap<>(s.environment()).forEach((k, v) -> b.environment(k, value(v, unset)));
        for (PlannedService.Mount m : s.mounts()) {
            if (m instanceof PlannedService.Mount.Volume v) {
                VolumeMount.Named mount = VolumeMount.named(v.name(), v.target());
                b.volume(v.readOnly() ? mount.asReadOnly() : mount);
            } else {
                throw new InputException(s.location(), "the service '" + s.name() + "' is deployed (" + why + ") "
                        + "but mounts the host folder " + ((PlannedService.Mount.Bind) m).source() + ", which the "
                        + "server does not have", "give the service what it needs in its image or a named volume "
                        + "(NAME:/path), or do not deploy it");
            }
        }
        if (s.healthcheckDisabled()) {
            b.healthcheck(Healthcheck.disabled());
        }
        s.healthcheck().ifPresent(h -> {
            Healthcheck.Builder hb = h.shell() ? Healthcheck.cmdShell(h.test().get(0))
                    : Healthcheck.cmd(h.test().toArray(String[]::new));
            hb.interval(h.interval()).timeout(h.timeout()).retries(h.retries());
            if (!h.startPeriod().isZero()) {
                hb.startPeriod(h.startPeriod());
            }
            b.healthcheck(hb.build());
        });
        return b;
    }

    private static Condition condition(StackPlan plan, String service) {
        return plan.service(service).flatMap(PlannedService::healthcheck).isPresent() ? Condition.SERVICE_HEALTHY
                : Condition.SERVICE_STARTED;
    }

    /**
     * A value: its text literal ({@code $} written {@code $$}), each password as a variable compose
     * requires, so that it stops with this message instead of starting a database without one.
     */
    static ComposeString value(StackValue v, String unset) {
        if (v.secrets().isEmpty()) {
            return ComposeString.literal(v.resolve(Map.of()));
        }
        return ComposeString.interpolated(v.render(t -> t.replace("$", "$$"), name -> "${" + name + ":?" + unset
                + "}"));
    }
}
