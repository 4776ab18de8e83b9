package dev.dockenv.cli;

import dev.dockenv.build.BuildOptions;
import dev.dockenv.build.EnvironmentBuilder;
import dev.dockenv.build.EnvironmentImage;
import dev.dockenv.config.PortMapping;
import dev.dockenv.errors.DockenvException;
import dev.dockenv.errors.ExitCode;
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
        description = {"Start the project's stack: its services and its app (the configured command, as you, "
                + "with the project mounted), by docker compose.",
            "In the foreground the logs are streamed and Ctrl-C stops everything; with -d it returns once the "
                    + "services are healthy. Names select what starts (with what it depends on)."})
final class UpCommand implements Callable<Integer> {
    @ParentCommand
    private DockenvCommand root;

    @Option(names = {"-d", "--detach"}, description = "Start in the background and return once ready.")
    private boolean detach;

    @Parameters(arity = "0..*", paramLabel = "NAME", description = "Services (or app) to start; default: all.")
    private List<String> names = new ArrayList<>();

    @Override
    public Integer call() {
        Workspace workspace = Workspace.open(root);
        ProjectStack stack = ProjectStack.of(workspace.session(), workspace.project());
        boolean hasApp = !workspace.project().config().command().isEmpty();
        List<String> known = StackCommand.names(stack);
        if (known.isEmpty()) {
            throw new DockenvException(ExitCode.USAGE, workspace.project().name() + " has no services and no command "
                    + "to start", "declare services under [tool.dockenv.services], or set command in [tool.dockenv]");
        }
        List<String> targets = names.isEmpty() ? known : StackNames.check(names, known, workspace.project().name());
        boolean app = targets.contains(ProjectStack.APP);
        Optional<AppContainer> container = Optional.empty();
        if (hasApp) {
            EnvironmentImage image = workspace.image(Optional.empty());
            EnvironmentBuilder.Result built = workspace.ensure(image, new BuildOptions(false, false, false));
            container = Optional.of(AppContainers.of(workspace.session(), workspace.project(), image.reference(),
                    built.image().id()));
        }
        stack.write(container);
        List<String> services = new ArrayList<>(targets);
        services.remove(ProjectStack.APP);
        if (app) {
            services.addAll(stack.plan().appDependencies().stream().filter(s -> !services.contains(s)).toList());
        }
        // the services first, each waited for: a failure is told with its own log, nothing left half-started
        stack.start(services);
        List<String> all = new ArrayList<>(stack.plan().withDependencies(services));
        if (app) {
            all.add(ProjectStack.APP);
        }
        if (detach) {
            if (app) {
                var r = stack.compose().run(stack.composeProject(), List.of("up", "-d", "--no-build", "--no-color",
                        ProjectStack.APP));
                if (!r.ok()) {
                    throw new DockenvException(ExitCode.SERVICE_FAILED, "cannot start the app of "
                            + workspace.project().name() + ": compose says\n    "
                            + (r.stdout() + r.stderr()).strip().replace("\n", "\n    "),
                            "dockenv logs app shows what it printed; a taken port: change ports in the settings");
                }
                for (PortMapping p : container.orElseThrow().ports()) {
                    workspace.session().err().println("dockenv: app on http://" + p.hostAddress() + ":" + p.hostPort());
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
}
