package dev.dockenv.cli;

import dev.dockenv.build.BuildOptions;
import dev.dockenv.build.EnvironmentBuilder;
import dev.dockenv.build.EnvironmentImage;
import dev.dockenv.config.PortMapping;
import dev.dockenv.engine.HostPorts;
import dev.dockenv.errors.DockenvException;
import dev.dockenv.errors.ExitCode;
import dev.dockenv.project.Project;
import dev.dockenv.project.ProjectApp;
import dev.dockenv.stack.AppContainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code dockenv up [-d] [NAME...]}: the services and the app's command, by docker compose. */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = {"Start the project's stack: its services and its app or apps (the configured commands, as you, "
                + "with the project mounted), by docker compose.",
            "In the foreground the logs are streamed and Ctrl-C stops everything; with -d it returns once the "
                    + "services are healthy. Names select what starts (with what it depends on)."})
final class UpCommand implements Callable<Integer> {
    @ParentCommand
    private DockenvCommand root;

    @Option(names = {"-d", "--detach"}, description = "Start in the background and return once ready.")
    private boolean detach;

    @Parameters(arity = "0..*", paramLabel = "NAME", description = "Services and apps to start; default: all.")
    private List<String> names = new ArrayList<>();

    @Override
    public Integer call() {
        Workspace workspace = Workspace.open(root);
        Project project = workspace.project();
        ProjectStack stack = ProjectStack.of(workspace.session(), project);
        List<String> known = StackCommand.names(stack);
        if (known.isEmpty()) {
            throw new DockenvException(ExitCode.USAGE, project.name() + " has no services and no command "
                    + "to start", "declare services under [tool.dockenv.services], or set command in [tool.dockenv]"
                    + " (or in an app's [tool.dockenv.apps.NAME])");
        }
        List<String> targets = names.isEmpty() ? known : StackNames.check(names, known, project.name());
        List<String> apps = StackCommand.apps(stack).stream().filter(targets::contains).toList();
        if (!apps.isEmpty()) {
            EngineFiles.require(workspace.session(), workspace.session().engine().endpoint(),
                    "dockenv up mounts the project for " + String.join(", ", apps), project.root());
        }
        // the images of the apps that start, built when missing (one shared base: the first builds it)
        String accountsImage = null;
        for (String app : apps) {
            EnvironmentImage image = workspace.image(app(project, app), Optional.empty());
            EnvironmentBuilder.Result built = workspace.ensure(image, new BuildOptions(false, false, false));
            accountsImage = built.imageId();
        }
        List<AppContainer> containers = AppContainers.all(workspace, Optional.ofNullable(accountsImage));
        List<String> runningBefore = stack.running();
        for (AppContainer container : containers) {
            if (apps.contains(container.service()) && !runningBefore.contains(container.service())) {
                requireFreePorts(project, container, Optional.empty());
            }
        }
        stack.write(containers);
        List<String> services = new ArrayList<>(targets);
        services.removeAll(apps);
        for (String app : apps) {
            stack.plan(app(project, app)).appDependencies().stream().filter(s -> !services.contains(s))
                    .forEach(services::add);
        }
        // the services first, each waited for: a failure is told with its own log, nothing left half-started
        stack.start(services);
        List<String> all = new ArrayList<>(stack.plan().withDependencies(services));
        all.addAll(apps);
        if (detach) {
            if (!apps.isEmpty()) {
                List<String> args = new ArrayList<>(List.of("up", "-d", "--no-build", "--no-color"));
                args.addAll(apps);
                var r = stack.compose().run(stack.composeProject(), args);
                if (!r.ok()) {
                    // nothing this up started is left behind: the apps' containers, the services that did not run
                    List<String> started = new ArrayList<>(apps);
                    all.stream().filter(n -> !runningBefore.contains(n) && !started.contains(n)).forEach(started::add);
                    List<String> remove = new ArrayList<>(List.of("rm", "-f", "-s"));
                    remove.addAll(started.stream().filter(n -> !runningBefore.contains(n)).toList());
                    stack.compose().run(stack.composeProject(), remove);
                    String output = r.stdout() + r.stderr();
                    for (AppContainer container : containers) {
                        if (apps.contains(container.service())) {
                            requireFreePorts(project, container, Optional.of(output));
                        }
                    }
                    throw new DockenvException(ExitCode.SERVICE_FAILED, "cannot start " + String.join(", ", apps)
                            + " of " + project.name() + ": compose says\n    "
                            + (r.stdout() + r.stderr()).strip().replace("\n", "\n    "),
                            "dockenv logs " + apps.get(0) + " shows what it printed; a taken port: change ports in "
                                    + "the settings");
                }
                for (AppContainer container : containers) {
                    if (apps.contains(container.service())) {
                        for (PortMapping p : container.ports()) {
                            workspace.session().err().println("dockenv: " + container.service() + " on http://"
                                    + p.hostAddress() + ":" + p.hostPort());
                        }
                    }
                }
            }
            workspace.session().err().println("dockenv: " + String.join(", ", all)
                    + " running in the background: dockenv ps, dockenv logs -f, dockenv down");
            workspace.session().err().flush();
            return 0;
        }
        // in the foreground compose attaches to all of them: their logs streamed, Ctrl-C stops them all
        List<String> args = new ArrayList<>(List.of("up", "--no-build", "--no-color"));
        args.addAll(all);
        return ExecHandoff.execute(workspace.session(), stack.compose().commandLine(stack.composeProject(), args));
    }

    /**
     * An app's ports on 127.0.0.1 that another program holds (or, after compose failed, that its
     * output says it could not bind): an error naming the app, the port and where it is set.
     */
    private static void requireFreePorts(Project project, AppContainer container, Optional<String> composeOutput) {
        for (PortMapping p : container.ports()) {
            boolean taken = composeOutput.map(o -> o.toLowerCase(java.util.Locale.ROOT).contains("address already in use")
                    && o.contains(":" + p.hostPort() + ":") || o.contains("Bind for " + p.hostAddress() + ":" + p.hostPort() + " "))
                    .orElseGet(() -> PortMapping.LOOPBACK.equals(p.hostAddress()) && !HostPorts.isFree(p.hostPort()));
            if (taken) {
                String where = project.app(container.service()).map(a -> " (ports of [tool.dockenv.apps." + a.name() + "], "
                        + a.setting().location() + ")").orElse(project.config().source()
                        .map(f -> " (ports of the settings, " + f.getFileName() + ")").orElse(""));
                throw new DockenvException(ExitCode.SERVICE_FAILED, container.service() + " cannot publish port "
                        + p.hostPort() + " on " + p.hostAddress() + ": another program listens there" + where,
                        "stop that program (ss -ltnp shows which), or publish another host port in ports (\""
                                + (p.hostPort() + 10000 <= HostPorts.MAX_PORT ? p.hostPort() + 10000 : p.hostPort() - 1)
                                + ":" + p.containerPort() + "\")");
            }
        }
    }

    /** The app a name of the stack is: one of the repository's, or none for the project's own ("app"). */
    private static Optional<ProjectApp> app(Project project, String name) {
        return ProjectStack.APP.equals(name) ? Optional.empty() : project.app(name);
    }
}
