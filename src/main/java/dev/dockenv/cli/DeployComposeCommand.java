package dev.dockenv.cli;

import dev.dockenv.compose.ComposeModel;
import dev.dockenv.compose.ComposeYaml;
import dev.dockenv.config.ServerAddress;
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
import picocli.CommandLine.Mixin;
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

    @Mixin
    private ServerDeployOptions options;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "The compose file to write (default: "
            + "deploy/compose.yaml in the project, deploy/APP.compose.yaml for an app).")
    private Path output;

    @Option(names = {"-p", "--project-name"}, paramLabel = "NAME", description = "The compose project on the server "
            + "(default: the release's name).")
    private String projectName;

    @Option(names = "--publish-address", paramLabel = "ADDRESS", description = "The server's address the app's ports "
            + "are published on (default: publish-address of [tool.dockenv.deploy], else 0.0.0.0, every address; "
            + "127.0.0.1 behind a reverse proxy on the server).")
    private String publishAddress;

    @Override
    public Integer call() {
        DockenvCommand root = parent.root();
        Session session = root.session();
        Optional.ofNullable(publishAddress).flatMap(ServerAddress::problem).ifPresent(problem -> {
            throw new DockenvException(ExitCode.USAGE, "--publish-address: " + problem, "give an IP address of the "
                    + "server: 0.0.0.0 (every address), 127.0.0.1 (behind a proxy on the server)");
        });
        ServerDeployOptions.Prepared prepared = options.prepare(root, output, "compose");
        String address = Optional.ofNullable(publishAddress).or(() -> prepared.setting().publishAddress())
                .orElse("0.0.0.0");
        // -H names the server; the release is built and pushed by the engine the environment chooses
        Engine engine = session.engine();
        EngineEndpoint server = session.endpoint();
        if (server.source() == EngineEndpoint.Source.OPTION) {
            session.forgetHostOption();
        }
        Map<String, ComposeModel> model = new LinkedHashMap<>();
        Release.Made made = options.releaseAndPush(root, prepared, server, "the server", plan -> {
            String image = ServerRelease.deployedImage(plan);
            model.put(image, ServerCompose.model(new ServerApp(SERVICE, image, prepared.ports(), address,
                    prepared.health(), prepared.envInFile()), prepared.services()));
        });
        PrintWriter err = session.err();
        Path file = prepared.file();
        Optional<Path> env = prepared.env();
        ServerHealth health = prepared.health();
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
            waitHealthy(engine, name, ((ServerHealth.HttpGet) health).path(), err);
        }
        return 0;
    }

    private void compose(Compose compose, ComposeProject project, List<String> args, String what) {
        ProcessRunner.Result r = compose.run(project, args);
        if (!options.quiet || !r.ok()) {
            r.stderr().lines().forEach(l -> parent.root().session().err().println("  " + l));
            parent.root().session().err().flush();
        }
        if (!r.ok()) {
            throw new DockenvException(ExitCode.ENGINE_ERROR, "docker compose could not " + what + " (`"
                    + String.join(" ", compose.commandLine(project, args)) + "` exited " + r.exitCode() + ")",
                    Compose.installationHint(r.stdout() + r.stderr()).orElse("see compose's message above; a "
                            + "registry that refuses the pull needs docker login there, a variable compose says is "
                            + "not set belongs in the --env-file"));
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

    private void waitHealthy(Engine engine, String project, String healthPath, PrintWriter err) {
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
