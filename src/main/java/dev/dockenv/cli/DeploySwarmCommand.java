package dev.dockenv.cli;

import dev.dockenv.build.BuildOptions;
import dev.dockenv.compose.ComposeYaml;
import dev.dockenv.compose.Deploy;
import dev.dockenv.deploy.DeployedServices;
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
import dev.dockenv.plan.AppPlan;
import dev.dockenv.plan.PlannedApp;
import dev.dockenv.project.Project;
import dev.dockenv.project.ProjectApp;
import dev.dockenv.services.ComposeEnvFile;
import dev.dockenv.stack.StackPlan;
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

    @Option(names = "--app", paramLabel = "NAME", description = "The app to deploy (default: the app whose folder you "
            + "are in, else the project).")
    private String app;

    @Option(names = "--replicas", paramLabel = "N", description = "How many tasks run the app (default: as many as "
            + "the stack runs now, 1 for a new stack).")
    private Integer replicas;

    @Option(names = "--env-file", paramLabel = "FILE", description = "Variables for the app and the services' passwords "
            + "(NAME=value lines), read where dockenv runs: named in the stack file, never copied into it.")
    private Path envFile;

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

    @Option(names = "--health-path", paramLabel = "PATH", defaultValue = "/", description = "The path the health check "
            + "gets on the app's first port (default: ${DEFAULT-VALUE}; any answer below 500 is healthy).")
    private String healthPath;

    @Option(names = "--no-healthcheck", description = "No health check of dockenv's (the image's own still applies; "
            + "without one a new task counts as started as soon as it runs).")
    private boolean noHealthcheck;

    @Option(names = "--wait-timeout", paramLabel = "SECONDS", defaultValue = "300", description = "How long to wait "
            + "for every replica to run the new release (default: ${DEFAULT-VALUE}).")
    private int waitTimeout;

    @Option(names = "--allow-dirty", description = "Deploy a release of a tree with uncommitted changes.")
    private boolean allowDirty;

    @Option(names = {"-q", "--quiet"}, description = "Do not print the push's and the deploy's progress.")
    private boolean quiet;

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
        Optional<Path> env = ServerRelease.envFile(root.startDirectory(), envFile);
        Map<String, String> variables = env.map(DeploySwarmCommand::variables).orElse(Map.of());
        String checkedHealthPath = ServerRelease.healthPath(healthPath);
        Optional<String> givenStack = Optional.ofNullable(stackName).map(n -> ServerRelease.checkedName("--stack", n));

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
        Workspace workspace = Workspace.open(root);
        Project project = workspace.project();
        Optional<ProjectApp> chosen = AppSelection.choose(project, app, root.startDirectory());
        AppPlan appPlan = chosen.flatMap(a -> workspace.plan().plannedApp(a.name())).map(PlannedApp::app)
                .orElse(workspace.plan().app());
        StackPlan services = DeployedServices.plan(project.name(), project.root(), project.config().stack(),
                chosen.map(a -> a.setting().dependsOn()).orElse(project.config().stack().dependsOn()));
        Path file = (output != null ? root.startDirectory().resolve(output) : project.root().resolve(chosen
                .map(a -> "deploy/" + a.name() + ".stack.yaml").orElse("deploy/stack.yaml"))).toAbsolutePath()
                .normalize();
        List<Integer> ports = appPlan.prodPorts();
        ServerHealth health = noHealthcheck || ports.isEmpty() ? new ServerHealth.None()
                : new ServerHealth.HttpGet(ports.get(0), checkedHealthPath);
        Optional<String> envInFile = env.map(e -> ServerRelease.relativeTo(file.getParent(), project.root(), e));

        AtomicReference<String> deployed = new AtomicReference<>();
        Release.Made made = Release.make(root, app, Optional.empty(), new BuildOptions(false, false, false), plan -> {
            ServerRelease.refuse(plan, allowDirty);
            deployed.set(ServerRelease.deployedImage(plan));
        });
        String image = deployed.get();
        PrintWriter err = session.err();
        if (ports.isEmpty()) {
            err.println("dockenv: the app has no port (ports in [tool.dockenv], or a detected web server): nothing is "
                    + "published and dockenv gives it no health check");
        }
        if (!session.endpoint().equals(server)) {
            err.println("dockenv: the release was built by " + session.endpoint().describe() + "; the Swarm manager is "
                    + server.describe());
        }
        new ReleasePush(session, quiet).push(made.references(Optional.empty()));

        String stack = givenStack.orElse(ServerRelease.name(made.plan().name()));
        String appService = stack + "_" + SERVICE;
        List<StackService> before = manager.stackServices(stack);
        int wanted = replicas != null ? replicas : before.stream().filter(s -> s.name().equals(appService))
                .mapToInt(StackService::desiredReplicas).findFirst().orElse(1);
        Optional<ServiceUpdate> updateBefore = manager.serviceUpdate(appService);
        String yaml;
        try {
            yaml = ComposeYaml.renderStack(SwarmStack.model(new SwarmApp(SERVICE, image, ports, wanted, mode, health,
                    envInFile), services));
        } catch (IllegalArgumentException e) {
            throw new DockenvException(ExitCode.BAD_INPUT, "the stack cannot be written: " + e.getMessage(),
                    "change the service in [tool.dockenv.services], or do not deploy it (deploy = false)");
        }
        ServerRelease.write(file, yaml);
        err.println("dockenv: wrote " + file + " (" + image + ", " + wanted + " replica" + (wanted == 1 ? "" : "s")
                + ")");
        err.println("dockenv: deploying the stack " + stack + " to " + server.describe());
        err.flush();
        manager.stackDeploy(stack, file, variables, line -> {
            if (!quiet) {
                err.println("  " + line);
                err.flush();
            }
        });

        SwarmRollout.Outcome outcome;
        try {
            outcome = new SwarmRollout(manager, d -> Thread.sleep(d.toMillis())).await(stack, appService, image,
                    wanted, updateBefore, Duration.ofSeconds(waitTimeout), summary -> {
                        if (!quiet) {
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
                    hint(back.failedTasks(), checkedHealthPath, appService));
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
