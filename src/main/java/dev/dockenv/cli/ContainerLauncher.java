package dev.dockenv.cli;

import dev.dockenv.build.EnvironmentBuilder;
import dev.dockenv.cache.RunStack;
import dev.dockenv.engine.ContainerStatus;
import dev.dockenv.services.StackStarter;
import dev.dockenv.errors.DockenvException;
import dev.dockenv.errors.ExitCode;
import dev.dockenv.plan.ContainerPaths;
import dev.dockenv.run.CommandCheck;
import dev.dockenv.run.DockerRunArguments;
import dev.dockenv.run.HostUser;
import dev.dockenv.config.PortMapping;
import dev.dockenv.run.RunSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Starts a container of the environment for run and shell: as the host user, the project mounted. */
final class ContainerLauncher {

    private ContainerLauncher() {
    }

    static int launch(DockenvCommand root, RunOptions options, List<String> command, boolean defaultCommand) {
        Session session = root.session();
        EngineFiles.require(session, session.engine().endpoint(), "dockenv mounts the project",
                root.startDirectory());
        List<PortMapping> ports = new ArrayList<>();
        for (String spec : options.ports) {
            ports.add(port(spec));
        }
        List<Path> envFiles = new ArrayList<>();
        for (Path f : options.envFiles) {
            Path file = session.workingDirectory().resolve(f).normalize();
            if (!Files.isRegularFile(file)) {
                throw new DockenvException(ExitCode.USAGE, "env file " + file + " does not exist", null);
            }
            envFiles.add(file);
        }
        Optional<ScriptRun> script = defaultCommand ? Optional.empty() : ScriptRun.find(root.startDirectory(), command);
        RunResolution.Ready ready = RunResolution.resolve(root, options, script.map(ScriptRun::script));
        List<String> argv0 = script.map(s -> s.commandIn(ready.root(), root.startDirectory())).orElse(command);
        if (defaultCommand) {
            argv0 = ready.run().configCommand();
            if (argv0.isEmpty()) {
                throw new DockenvException(ExitCode.USAGE, "no command to run",
                        "give one (dockenv run -- python app.py) or set command in [tool.dockenv]");
            }
            for (String spec : ready.run().configPorts()) {
                ports.add(port(spec));
            }
        }
        List<String> unwrapped = argv0;
        if (ready.run().uninstalled().isPresent()) {
            argv0 = new CommandCheck(ready.run().imageReference(),
                    ready.run().uninstalled().get().hintFor(argv0.get(0))).wrap(argv0);
        }
        Optional<String> network = Optional.empty();
        boolean withServices = false;
        if (ready.run().stack().isPresent() && !ready.run().stack().get().services().isEmpty()) {
            RunStack stack = ready.run().stack().get();
            PhaseTimer.mark(session, "services: checking");
            if (!StackStarter.ready(session.engine(), stack.composeProject(), stack.services())) {
                ProjectStack.of(session, ProjectRoot.scan(root)).start(stack.services());
            }
            PhaseTimer.mark(session, "services: ready");
            withServices = true;
            network = Optional.of(stack.network());
            envFiles.add(0, Path.of(stack.envFile()));
        } else if (ready.run().stack().isPresent()) {
            envFiles.add(0, Path.of(ready.run().stack().get().envFile()));
        }
        HostUser user = HostUser.current();
        String name = ready.run().projectName();
        Optional<RunSpec.UserMounts> mounts = user.isRoot() ? Optional.empty()
                : Optional.of(HostAccounts.prepare(session, ready.root(), name, ready.imageId(), user));
        Path projectRoot = ready.root();
        Path cwd = root.startDirectory();
        String workdir = cwd.startsWith(projectRoot) && !cwd.equals(projectRoot)
                ? ContainerPaths.PROJECT + "/" + projectRoot.relativize(cwd).toString().replace('\\', '/')
                : ContainerPaths.PROJECT;
        RunSpec spec = new RunSpec(ready.run().imageReference(), projectRoot, workdir, user, mounts, ports,
                options.env, envFiles, session.interactiveTerminal(), argv0, hostname(name),
                Map.of(EnvironmentBuilder.LABEL_PROJECT, name), network);
        List<String> argv = new ArrayList<>(session.engine().client());
        argv.addAll(DockerRunArguments.of(spec, session.engine().runOptions(user)));
        if (session.launcherRecord().isPresent() && !defaultCommand) {
            Optional<List<ContainerStatus>> services = withServices
                    ? readyServices(session, ready.run().stack().get()) : Optional.of(List.of());
            services.ifPresent(s -> LauncherRecord.write(session, session.launcherRecord().get(), options, command,
                    unwrapped, ready, argv, s, mounts));
        }
        return ExecHandoff.execute(session, argv);
    }

    /** The containers that make the stack's services ready now, when each service has one. */
    private static Optional<List<ContainerStatus>> readyServices(Session session, RunStack stack) {
        List<ContainerStatus> ready = session.engine().composeContainers(stack.composeProject()).stream()
                .filter(c -> stack.services().contains(c.service()) && c.ready()).toList();
        boolean all = stack.services().stream().allMatch(s -> ready.stream().anyMatch(c -> c.service().equals(s)));
        return all ? Optional.of(ready) : Optional.empty();
    }

    private static PortMapping port(String spec) {
        return PortMapping.parse(spec).orElseThrow(() -> new DockenvException(ExitCode.USAGE,
                "'" + spec + "' is not a port", "write 8000, 8080:8000 or 0.0.0.0:8080:8000"));
    }

    private static String hostname(String project) {
        String h = project.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("^-+|-+$", "");
        return (h.isEmpty() ? "dockenv" : h.length() > 50 ? h.substring(0, 50) : h);
    }
}
