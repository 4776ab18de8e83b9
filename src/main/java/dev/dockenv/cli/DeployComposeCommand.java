package dev.dockenv.cli;

import dev.dockenv.build.BuildOptions;
import dev.dockenv.compose.ComposeModel;
import dev.dockenv.compose.ComposeYaml;
import dev.dockenv.deploy.DeployedServices;
import dev.dockenv.deploy.ServerApp;
import dev.dockenv.deploy.ServerCompose;
import dev.dockenv.deploy.ServerHealth;
import dev.dockenv.engine.Compose;
import dev.dockenv.engine.ComposeProject;
import dev.dockenv.engine.ContainerImage;
import dev.dockenv.engine.ContainerStatus;
import dev.dockenv.engine.Engine;
import dev.dockenv.engine.EngineEndpoint;
import dev.dockenv.engine.ProcessRunner;
import dev.dockenv.errors.DockenvException;
import dev.dockenv.errors.ExitCode;
import dev.dockenv.plan.AppPlan;
import dev.dockenv.plan.PlannedApp;
import dev.dockenv.project.Project;
import dev.dockenv.project.ProjectApp;
import dev.dockenv.stack.StackPlan;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code dockenv deploy compose}: the release made and pushed, the server's compose file written
 * from it, then {@code pull} and {@code up -d} on the chosen engine (-H, DOCKER_HOST, a context),
 * printing what changed.
 */
@Command(name = "compose", mixinStandardHelpOptions = true,
        description = {"Make the release, push it (as dockenv push does), write the server's compose file (default "
                + "deploy/compose.yaml) and run docker compose pull (the app's image) and up -d on the server: the "
                + "engine -H names (the release is then built and pushed by the engine DOCKER_HOST, the docker "
                + "context or the default socket chooses), else the one they choose.",
            "The app runs from its pushed image (restart: unless-stopped, a health check, its ports published on "
                    + "every address of the server), with the services marked deploy = true; their passwords come from "
                    + "the env file, never from the dev stack. Prints each service's image before -> after."})
final class DeployComposeCommand implements Callable<Integer> {
    /** The app's service in the server's file. */
    static final String SERVICE = "app";
    /** How long the app may take to get healthy after up -d. */
    private static final Duration HEALTHY_WITHIN = Duration.ofSeconds(90);

    @ParentCommand
    private DeployCommand parent;

    @Option(names = "--app", paramLabel = "NAME", description = "The app to deploy (default: the app whose folder you "
            + "are in, else the project).")
    private String app;

    @Option(names = "--env-file", paramLabel = "FILE", description = "Variables for the app and the services' passwords "
            + "(NAME=value lines), read where dockenv runs; named in the compose file, never copied into it.")
    private Path envFile;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "The compose file to write (default: "
            + "deploy/compose.yaml in the project, deploy/APP.compose.yaml for an app).")
    private Path output;

    @Option(names = {"-p", "--project-name"}, paramLabel = "NAME", description = "The compose project on the server "
            + "(default: the release's name).")
    private String projectName;

    @Option(names = "--publish-address", paramLabel = "ADDRESS", defaultValue = "0.0.0.0", description = "The server's "
            + "address the app's ports are published on (default: ${DEFAULT-VALUE}, every address; 127.0.0.1 behind a "
            + "reverse proxy on the server).")
    private String publishAddress;

    @Option(names = "--health-path", paramLabel = "PATH", defaultValue = "/", description = "The path the health check "
            + "gets on the app's first port (default: ${DEFAULT-VALUE}; any answer below 500 is healthy).")
    private String healthPath;

    @Option(names = "--no-healthcheck", description = "No health check of dockenv's (the image's own still applies).")
    private boolean noHealthcheck;

    @Option(names = "--allow-dirty", description = "Deploy a release of a tree with uncommitted changes.")
    private boolean allowDirty;

    @Option(names = {"-q", "--quiet"}, description = "Do not print the push's and compose's progress.")
    private boolean quiet;

    @Override
    public Integer call() {
        DockenvCommand root = parent.root();
        Session session = root.session();
        Optional<Path> env = ServerRelease.envFile(root.startDirectory(), envFile);
        Workspace workspace = Workspace.open(root);
        Project project = workspace.project();
        Optional<ProjectApp> chosen = AppSelection.choose(project, app, root.startDirectory());
        AppPlan appPlan = chosen.flatMap(a -> workspace.plan().plannedApp(a.name())).map(PlannedApp::app)
                .orElse(workspace.plan().app());
        StackPlan services = DeployedServices.plan(project.name(), project.root(), project.config().stack(),
                chosen.map(a -> a.setting().dependsOn()).orElse(project.config().stack().dependsOn()));
        Path file = (output != null ? root.startDirectory().resolve(output) : project.root().resolve(chosen
                .map(a -> "deploy/" + a.name() + ".compose.yaml").orElse("deploy/compose.yaml"))).toAbsolutePath()
                .normalize();
        List<Integer> ports = appPlan.prodPorts();
        ServerHealth health = noHealthcheck || ports.isEmpty() ? new ServerHealth.None()
                : new ServerHealth.HttpGet(ports.get(0), ServerRelease.healthPath(healthPath));
        Optional<String> envInFile = env.map(e -> ServerRelease.relativeTo(file.getParent(), project.root(), e));
        // -H names the server; the release is built and pushed by the engine the environment chooses
        Engine engine = session.engine();
        EngineEndpoint server = session.endpoint();
        if (server.source() == EngineEndpoint.Source.OPTION) {
            session.forgetHostOption();
        }
        Map<String, ComposeModel> model = new LinkedHashMap<>();
        Release.Made made = Release.make(root, app, Optional.empty(), new BuildOptions(false, false, false), plan -> {
            ServerRelease.refuse(plan, allowDirty);
            String image = ServerRelease.deployedImage(plan);
            model.put(image, ServerCompose.model(new ServerApp(SERVICE, image, ports, publishAddress, health,
                    envInFile), services));
        });
        PrintWriter err = session.err();
        if (ports.isEmpty()) {
            err.println("dockenv: the app has no port (ports in [tool.dockenv], or a detected web server): nothing is "
                    + "published and dockenv gives it no health check");
        }
        if (!session.endpoint().equals(server)) {
            err.println("dockenv: the release was built by " + session.endpoint().describe() + "; the server is "
                    + server.describe());
        }
        new ReleasePush(session, quiet).push(made.references(Optional.empty()));
        String image = model.keySet().iterator().next();
        ServerRelease.write(file, ComposeYaml.render(model.get(image)));
        err.println("dockenv: wrote " + file + " (" + image + ")");
        err.flush();

        Compose compose = engine.compose().orElseThrow(() -> new DockenvException(ExitCode.COMPOSE_MISSING,
                "deploy compose runs docker compose, which is not installed",
                "install the compose plugin (docker-compose-plugin) or Debian's docker-compose, then try again"));
        String name = projectName != null ? ServerRelease.checkedName("--project-name", projectName)
                : ServerRelease.name(made.plan().name());
        ComposeProject composeProject = new ComposeProject(name, file, file.getParent(), env);
        Map<String, ContainerImage> before = images(engine, name);
        err.println("dockenv: deploying " + name + " to " + server.describe());
        err.flush();
        // the app's release only: the services' images are pulled by up when the server lacks them, and are not
        // upgraded behind the operator's back (docker compose pull on the server does that)
        compose(compose, composeProject, List.of("pull", SERVICE), "pull " + image);
        compose(compose, composeProject, List.of("up", "-d", "--remove-orphans"), "start " + name);
        Map<String, ContainerImage> after = images(engine, name);
        for (String line : DeployChanges.ofContainers(before, after)) {
            session.out().println(line);
        }
        session.out().flush();
        if (health instanceof ServerHealth.HttpGet) {
            waitHealthy(engine, name, err);
        }
        return 0;
    }

    private void compose(Compose compose, ComposeProject project, List<String> args, String what) {
        ProcessRunner.Result r = compose.run(project, args);
        if (!quiet || !r.ok()) {
            r.stderr().lines().forEach(l -> parent.root().session().err().println("  " + l));
            parent.root().session().err().flush();
        }
        if (!r.ok()) {
            throw new DockenvException(ExitCode.ENGINE_ERROR, "docker compose could not " + what + " (`"
                    + String.join(" ", compose.commandLine(project, args)) + "` exited " + r.exitCode() + ")",
                    "see compose's message above; a registry that refuses the pull needs docker login there, "
                            + "a variable compose says is not set belongs in the --env-file");
        }
    }

    /** The image of each service's container in the project, by service. */
    private static Map<String, ContainerImage> images(Engine engine, String project) {
        Map<String, ContainerImage> out = new LinkedHashMap<>();
        for (ContainerStatus c : engine.composeContainers(project)) {
            engine.containerImage(c.id()).ifPresent(i -> out.putIfAbsent(c.service(), i));
        }
        return out;
    }

    private void waitHealthy(Engine engine, String project, PrintWriter err) {
        Instant deadline = Instant.now().plus(HEALTHY_WITHIN);
        while (true) {
            Optional<ContainerStatus> container = engine.composeContainers(project).stream()
                    .filter(c -> c.service().equals(SERVICE) && c.running()).findFirst();
            if (container.isPresent() && container.get().ready()) {
                err.println("dockenv: " + SERVICE + " is healthy");
                err.flush();
                return;
            }
            if (Instant.now().isAfter(deadline) || container.isPresent()
                    && container.get().health().orElse(null) == ContainerStatus.Health.UNHEALTHY) {
                String why = container.flatMap(c -> engine.lastHealthOutput(c.id())).orElse("no running container");
                String logs = container.map(c -> engine.containerLogs(c.id(), 20)).orElse("");
                throw new DockenvException(ExitCode.SERVICE_FAILED, "the app of " + project + " did not get healthy "
                        + "within " + HEALTHY_WITHIN.toSeconds() + " s: " + why.strip()
                        + (logs.isEmpty() ? "" : "\n" + logs), "check its start command and --health-path "
                        + healthPath + " (docker compose -p " + project + " logs app on the server)");
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DockenvException(ExitCode.SERVICE_FAILED, "interrupted while waiting for " + project, "");
            }
        }
    }
}
