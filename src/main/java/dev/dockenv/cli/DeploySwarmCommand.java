package dev.dockenv.cli;

import dev.dockenv.compose.ComposeYaml;
import dev.dockenv.compose.Deploy;
import dev.dockenv.deploy.ServerHealth;
import dev.dockenv.deploy.SwarmApp;
import dev.dockenv.deploy.SwarmStack;
import dev.dockenv.engine.Engine;
import dev.dockenv.engine.EngineEndpoint;
import dev.dockenv.engine.ServiceUpdate;
import dev.dockenv.engine.StackService;
import dev.dockenv.engine.StackTask;
import dev.dockenv.errors.DockenvException;
import dev.dockenv.errors.ExitCode;
import dev.dockenv.errors.IoFailures;
import dev.dockenv.services.ComposeEnvFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code dockenv deploy swarm}: the release made and pushed, the stack file written from the same
 * model as the server's compose file, {@code docker stack deploy} on the Swarm manager the engine
 * options choose, then a wait until every replica runs the new image (a rolling update, start-first)
 * or Swarm rolled it back.
 */
@Command(name = "swarm", mixinStandardHelpOptions = true,
        description = {"Make the release, push it (as dockenv push does), write the stack file (default "
                + "deploy/stack.yaml) and run docker stack deploy on a Swarm manager: the engine -H names (the release "
                + "is then built and pushed by the engine DOCKER_HOST, the docker context or the default socket "
                + "chooses), else the one they choose. Every node pulls the image with your docker login "
                + "(--with-registry-auth).",
            "The app runs --replicas tasks, replaced one at a time by a new release, each new task healthy before an "
                    + "old one stops; an update whose tasks fail is rolled back by Swarm and dockenv exits 10 with "
                    + "their errors. The services marked deploy = true run beside it; their passwords come from the "
                    + "env file. Prints each service's image before -> after."})
final class DeploySwarmCommand implements Callable<Integer> {
    /** The app's service in the stack (Swarm names it STACK_app). */
    static final String SERVICE = "app";

    @ParentCommand
    private DeployCommand parent;

    @Mixin
    private ServerDeployOptions options;

    @Option(names = "--replicas", paramLabel = "N", description = "How many tasks run the app (default: replicas of "
            + "[tool.dockenv.deploy], else as many as the stack runs now, 1 for a new stack).")
    private Integer replicas;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "The stack file to write (default: "
            + "deploy/stack.yaml in the project, deploy/APP.stack.yaml for an app).")
    private Path output;

    @Option(names = "--stack", paramLabel = "NAME", description = "The stack's name in the Swarm (default: the "
            + "release's name).")
    private String stackName;

    @Option(names = "--endpoint-mode", paramLabel = "MODE", defaultValue = "vip", description = "vip (default): the "
            + "app's ports are published on every node and Swarm's routing mesh balances them; dnsrr: no port is "
            + "published, a proxy on the stack's network (STACK_default, attachable) reaches the replicas by the "
            + "name app (for nodes without IPVS, or a proxy of your own).")
    private String endpointMode;

    @Option(names = "--wait-timeout", paramLabel = "SECONDS", defaultValue = "300", description = "How long to wait "
            + "for every replica to run the new release (default: ${DEFAULT-VALUE}).")
    private int waitTimeout;

    @Override
    public Integer call() {
        DockenvCommand root = parent.root();
        Session session = root.session();
        Deploy.EndpointMode mode = endpointMode();
        if (replicas != null && replicas < 0) {
            throw new DockenvException(ExitCode.USAGE, "--replicas " + replicas + ": not a number of tasks",
                    "give 0 or more (0 stops the app and keeps its service)");
        }
        if (waitTimeout < 1) {
            throw new DockenvException(ExitCode.USAGE, "--wait-timeout " + waitTimeout + ": not a time to wait",
                    "give the seconds to wait, 1 or more");
        }
        Optional<String> givenStack = Optional.ofNullable(stackName).map(n -> ServerRelease.checkedName("--stack", n));
        ServerDeployOptions.Prepared prepared = options.prepare(root, output, "stack");
        Map<String, String> variables = prepared.env().map(DeploySwarmCommand::variables).orElse(Map.of());

        // -H names the manager; the release is built and pushed by the engine the environment chooses
        Engine manager = session.engine();
        EngineEndpoint server = session.endpoint();
        if (!manager.swarmManager()) {
            throw new DockenvException(ExitCode.DEPLOY_FAILED, "the engine at " + server.describe() + " is not a "
                    + "Swarm manager: docker stack deploy needs one", "run docker swarm init on that engine (a "
                    + "single-node Swarm), or point -H (or DOCKER_HOST, a docker context) at a manager of your Swarm");
        }
        if (server.source() == EngineEndpoint.Source.OPTION) {
            session.forgetHostOption();
        }
        // what is deployed, rendered before anything is built: a service the stack cannot hold builds nothing
        AtomicReference<Rendered> rendered = new AtomicReference<>();
        options.releaseAndPush(root, prepared, server, "the Swarm manager", plan -> {
            String image = ServerRelease.deployedImage(plan);
            String stack = givenStack.orElse(ServerRelease.name(plan.name()));
            List<StackService> before = manager.stackServices(stack);
            int wanted = replicas != null ? replicas : prepared.setting().replicas().orElseGet(() -> before.stream()
                    .filter(s -> s.name().equals(stack + "_" + SERVICE)).mapToInt(StackService::desiredReplicas)
                    .findFirst().orElse(1));
            try {
                rendered.set(new Rendered(image, stack, before, wanted, ComposeYaml.renderStack(SwarmStack.model(
                        new SwarmApp(SERVICE, image, prepared.ports(), wanted, mode, prepared.health(),
                                prepared.envInFile()), prepared.services()))));
            } catch (IllegalArgumentException e) {
                throw new DockenvException(ExitCode.BAD_INPUT, "the stack cannot be written: " + e.getMessage(),
                        "change the service in [tool.dockenv.services], or do not deploy it (deploy = false)");
            }
        });
        PrintWriter err = session.err();
        Path file = prepared.file();
        String image = rendered.get().image();
        String stack = rendered.get().stack();
        String appService = stack + "_" + SERVICE;
        List<StackService> before = rendered.get().before();
        int wanted = rendered.get().replicas();
        List<Integer> ports = prepared.ports();
        // the update Swarm reports before this deploy: one after it with the same start is not this deploy's
        Optional<ServiceUpdate> updateBefore = manager.serviceUpdate(appService);
        ServerRelease.write(file, rendered.get().yaml());
        err.println("dockenv: wrote " + file + " (" + image + ", " + wanted + " replica" + (wanted == 1 ? "" : "s")
                + ")");
        err.println("dockenv: deploying the stack " + stack + " to " + server.describe());
        err.flush();
        manager.stackDeploy(stack, file, variables, line -> {
            if (!options.quiet) {
                err.println("  " + line);
                err.flush();
            }
        });

        SwarmRollout.Outcome outcome;
        try {
            outcome = new SwarmRollout(manager, d -> Thread.sleep(d.toMillis())).await(stack, appService, image,
                    wanted, updateBefore, Duration.ofSeconds(waitTimeout), summary -> {
                        if (!options.quiet) {
                            err.println("  " + SERVICE + ": " + summary);
                            err.flush();
                        }
                    });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DockenvException(ExitCode.SERVICE_FAILED, "interrupted while waiting for the stack " + stack,
                    "docker stack ps " + stack + " on the manager shows where it stands");
        }
        if (outcome instanceof SwarmRollout.Outcome.RolledBack back) {
            throw new DockenvException(ExitCode.SERVICE_FAILED, "Swarm did not roll out " + image + " and "
                    + (back.update().state().startsWith("rollback") ? "rolled the app back to its previous image"
                    : "paused the update") + " (" + back.update().state() + ": " + back.update().message() + ")"
                    + failures(back.failedTasks()) + logs(manager, appService),
                    hint(back.failedTasks(), prepared.health() instanceof ServerHealth.HttpGet get ? get.path() : "/",
                            appService));
        }
        if (outcome instanceof SwarmRollout.Outcome.Late late) {
            throw new DockenvException(ExitCode.SERVICE_FAILED, "the app of the stack " + stack + " did not run "
                    + wanted + " replica(s) of " + image + " within " + waitTimeout + " s" + failures(late.tasks()
                    .stream().filter(t -> t.failed() || !t.error().isBlank()).toList()) + logs(manager, appService),
                    "docker stack ps " + stack + " on the manager says where each task stands (a node that cannot "
                            + "pull the image needs docker login there; --wait-timeout waits longer)");
        }
        for (String line : DeployChanges.describe(shown(stack, before), shown(stack, manager.stackServices(stack)))) {
            session.out().println(line);
        }
        session.out().flush();
        err.println("dockenv: " + SERVICE + " runs " + wanted + " replica" + (wanted == 1 ? "" : "s") + " of " + image
                + (mode == Deploy.EndpointMode.VIP && !ports.isEmpty() ? ", published on port" + (ports.size() == 1
                ? " " : "s ") + String.join(", ", ports.stream().map(String::valueOf).toList()) + " of every node"
                : " on the network " + stack + "_default as " + SERVICE));
        err.flush();
        return 0;
    }

    /** The stack file and what it was made from. */
    private record Rendered(String image, String stack, List<StackService> before, int replicas, String yaml) {
    }

    private Deploy.EndpointMode endpointMode() {
        return switch (endpointMode.toLowerCase(Locale.ROOT)) {
            case "vip" -> Deploy.EndpointMode.VIP;
            case "dnsrr" -> Deploy.EndpointMode.DNSRR;
            default -> throw new DockenvException(ExitCode.USAGE, "--endpoint-mode " + endpointMode + ": not an "
                    + "endpoint mode", "give vip (the routing mesh publishes the ports) or dnsrr (a proxy on the "
                    + "stack's network reaches the replicas)");
        };
    }

    /** The env file's variables, for the client's interpolation of the stack file (docker stack deploy has no --env-file). */
    private static Map<String, String> variables(Path file) {
        try {
            return ComposeEnvFile.variables(Files.readString(file));
        } catch (IOException e) {
            throw IoFailures.reading(file, e);
        }
    }

    /** Each service's image by its name in the stack file ({@code STACK_app} is {@code app}). */
    private static Map<String, String> shown(String stack, List<StackService> services) {
        Map<String, String> out = new LinkedHashMap<>();
        for (StackService s : services) {
            out.put(s.name().startsWith(stack + "_") ? s.name().substring(stack.length() + 1) : s.name(), s.image());
        }
        return out;
    }

    /** What to look at, by why the new tasks failed. */
    static String hint(List<StackTask> failed, String healthPath, String appService) {
        String errors = String.join("\n", failed.stream().map(StackTask::error).toList()).toLowerCase(Locale.ROOT);
        String logs = " (docker service logs " + appService + " on the manager)";
        if (errors.contains("unhealthy")) {
            return "the new release runs but its health check fails: does it answer on --health-path " + healthPath
                    + " of its first port, on 0.0.0.0?" + logs;
        }
        if (errors.contains("non-zero exit")) {
            return "the new release stops as it starts (its last lines above): try it with dockenv run, fix it and "
                    + "deploy again" + logs;
        }
        if (errors.contains("no such image") || errors.contains("pull access denied")) {
            return "the nodes cannot pull the release: log in to its registry with docker login where dockenv runs "
                    + "(the login goes along with the deploy)";
        }
        return "check the new release's start command and --health-path " + healthPath + logs;
    }

    private static String failures(List<StackTask> tasks) {
        StringBuilder out = new StringBuilder();
        tasks.stream().limit(5).forEach(t -> out.append("\n  ").append(t.name()).append(": ").append(t.currentState())
                .append(t.error().isBlank() ? "" : " (" + t.error().strip() + ")"));
        return out.toString();
    }

    private static String logs(Engine engine, String service) {
        String logs = engine.serviceLogs(service, 20);
        return logs.isBlank() ? "" : "\nlast lines of " + service + ":\n" + logs;
    }
}
