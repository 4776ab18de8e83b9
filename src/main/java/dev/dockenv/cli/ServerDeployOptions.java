package dev.dockenv.cli;

import dev.dockenv.build.BuildOptions;
import dev.dockenv.config.DeploySetting;
import dev.dockenv.deploy.DeployedServices;
import dev.dockenv.deploy.ServerHealth;
import dev.dockenv.engine.EngineEndpoint;
import dev.dockenv.errors.DockenvException;
import dev.dockenv.errors.ExitCode;
import dev.dockenv.plan.AppPlan;
import dev.dockenv.plan.PlannedApp;
import dev.dockenv.project.Project;
import dev.dockenv.project.ProjectApp;
import dev.dockenv.release.ReleasePlan;
import dev.dockenv.stack.StackPlan;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import picocli.CommandLine.Option;

/**
 * The options deploy compose and deploy swarm share, and what they do alike: read what is deployed
 * from the project ({@link #prepare}), then make, check and push the release ({@link #releaseAndPush}).
 */
final class ServerDeployOptions {
    @Option(names = "--app", paramLabel = "NAME", description = "The app to deploy (default: the app whose folder you "
            + "are in, else the project).")
    String app;

    @Option(names = "--env-file", paramLabel = "FILE", description = "Variables for the app and the services' passwords "
            + "(NAME=value lines), read where dockenv runs; named in the file dockenv writes, never copied into it "
            + "(default: env-file of [tool.dockenv.deploy]).")
    Path envFile;

    @Option(names = "--health-path", paramLabel = "PATH", description = "The path the health check gets on the app's "
            + "first port (default: health-path of [tool.dockenv.deploy], else /; any answer below 500 is healthy).")
    String healthPath;

    @Option(names = "--no-healthcheck", description = "No health check of dockenv's (the image's own still applies; "
            + "healthcheck = false in [tool.dockenv.deploy]).")
    boolean noHealthcheck;

    @Option(names = "--allow-dirty", description = "Deploy a release of a tree with uncommitted changes.")
    boolean allowDirty;

    @Option(names = {"-q", "--quiet"}, description = "Do not print the push's and the deploy's progress.")
    boolean quiet;

    /**
     * What is deployed, read from the project.
     *
     * @param file     the file dockenv writes (absolute)
     * @param health   dockenv's check of the app, none without a port or with --no-healthcheck
     * @param env      the operator's env file (absolute), checked to exist
     * @param envInFile the env file as the written file names it
     * @param setting  the app's [tool.dockenv.deploy] keys over the project's, for the keys of one command
     */
    record Prepared(Project project, Optional<ProjectApp> app, StackPlan services, List<Integer> ports, Path file,
            ServerHealth health, Optional<Path> env, Optional<String> envInFile, DeploySetting setting) {
    }

    /**
     * Checks the options and reads the project: the app, its prod ports, the services marked
     * deployed, and where the file goes ({@code output}, else {@code deploy/KIND.yaml} in the
     * project, {@code deploy/APP.KIND.yaml} for an app).
     */
    Prepared prepare(DockenvCommand root, Path output, String kind) {
        Optional<Path> optionEnv = ServerRelease.envFile(root.startDirectory(), envFile);
        Optional<String> optionHealthPath = Optional.ofNullable(healthPath).map(ServerRelease::healthPath);
        Workspace workspace = Workspace.open(root);
        Project project = workspace.project();
        Optional<ProjectApp> chosen = AppSelection.choose(project, app, root.startDirectory());
        DeploySetting setting = ServerRelease.deploySetting(project, chosen);
        Optional<Path> env = optionEnv.isPresent() ? optionEnv : setting.envFile().map(f -> configuredEnvFile(project,
                f, setting));
        AppPlan appPlan = chosen.flatMap(a -> workspace.plan().plannedApp(a.name())).map(PlannedApp::app)
                .orElse(workspace.plan().app());
        StackPlan services = DeployedServices.plan(project.name(), project.root(), project.config().stack(),
                chosen.map(a -> a.setting().dependsOn()).orElse(project.config().stack().dependsOn()));
        Path file = (output != null ? root.startDirectory().resolve(output) : project.root().resolve(chosen
                .map(a -> "deploy/" + a.name() + "." + kind + ".yaml").orElse("deploy/" + kind + ".yaml")))
                .toAbsolutePath().normalize();
        List<Integer> ports = appPlan.prodPorts();
        boolean checked = !noHealthcheck && (optionHealthPath.isPresent() || !setting.noHealthcheck());
        ServerHealth health = !checked || ports.isEmpty() ? new ServerHealth.None()
                : new ServerHealth.HttpGet(ports.get(0), optionHealthPath.or(setting::healthPath).orElse("/"));
        Optional<String> envInFile = env.map(e -> ServerRelease.relativeTo(file.getParent(), project.root(), e));
        return new Prepared(project, chosen, services, ports, file, health, env, envInFile, setting);
    }

    /** The env file [tool.dockenv.deploy] names, which must exist: it is where the operator's values are. */
    private static Path configuredEnvFile(Project project, String written, DeploySetting setting) {
        Path file = project.root().resolve(written).normalize();
        if (!Files.isRegularFile(file)) {
            throw new DockenvException(ExitCode.USAGE, "the env file " + file + " that env-file of the deploy settings "
                    + "names (" + setting.location().map(Object::toString).orElse("[tool.dockenv.deploy]")
                    + ") does not exist", "write the app's variables and the services' passwords there (NAME=value "
                    + "lines, kept out of git), or give another with --env-file");
        }
        return file;
    }

    /**
     * Makes the release ({@code beforeBuild} sees its plan first: a refusal there builds nothing),
     * refusing one a server cannot pull or of uncommitted changes without --allow-dirty, says what
     * the engines are when -H chose the server ({@code role}: "the server"), and pushes it.
     */
    Release.Made releaseAndPush(DockenvCommand root, Prepared prepared, EngineEndpoint server, String role,
            Consumer<ReleasePlan> beforeBuild) {
        Session session = root.session();
        Release.Made made = Release.make(root, app, Optional.empty(), new BuildOptions(false, false, false), plan -> {
            ServerRelease.refuse(plan, allowDirty);
            beforeBuild.accept(plan);
        });
        PrintWriter err = session.err();
        if (prepared.ports().isEmpty()) {
            err.println("dockenv: the app has no port (ports in [tool.dockenv], or a detected web server): nothing is "
                    + "published and dockenv gives it no health check");
        }
        if (!session.endpoint().equals(server)) {
            err.println("dockenv: the release was built by " + session.endpoint().describe() + "; " + role + " is "
                    + server.describe());
        }
        new ReleasePush(session, quiet).push(made.references(Optional.empty()));
        return made;
    }
}
