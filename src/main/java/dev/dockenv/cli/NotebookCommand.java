package dev.dockenv.cli;

import dev.dockenv.config.PortMapping;
import dev.dockenv.engine.HostPorts;
import dev.dockenv.errors.DockenvException;
import dev.dockenv.errors.ExitCode;
import dev.dockenv.project.ProjectLocator;
import dev.dockenv.run.HostUser;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code dockenv notebook [--lab|--classic] [-p PORT] [-- JUPYTER ARGS...]} */
@Command(name = "notebook", mixinStandardHelpOptions = true,
        description = {"Run Jupyter from the project's environment: JupyterLab when the environment has it, "
                + "else Jupyter Notebook, else a bare Jupyter Server (which editors such as VS Code connect to).",
            "It runs as 'dockenv run' does: as you, with the project mounted at /app (notebooks it writes are "
                    + "yours), the container removed when it stops (Ctrl-C). It listens on 127.0.0.1 only: on port "
                    + "8888, or the next free one when 8888 is taken. The address to open, with the server's "
                    + "token, is printed first; the token reaches Jupyter through a private file "
                    + "(.dockenv/stack/notebook-PORT.env, rw-------), never a command line.",
            "Without Jupyter in the environment it says so in one line and exits 127: "
                    + "add it with 'dockenv add --dev jupyterlab'."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"N:Jupyter's exit code", "127:Jupyter is not installed in the environment",
            "2:invalid command line, or the port given with -p is taken",
            "3-9:dockenv could not start it (see dockenv --help)"})
final class NotebookCommand implements Callable<Integer> {
    /** The host port tried first. */
    static final int DEFAULT_PORT = 8888;
    /** How many ports from the default are tried before giving up. */
    static final int PORTS_TRIED = 100;

    @ParentCommand
    private DockenvCommand root;

    @Option(names = "--lab", description = "Run JupyterLab (jupyter lab).")
    private boolean lab;

    @Option(names = "--classic", description = "Run Jupyter Notebook (jupyter notebook).")
    private boolean classic;

    @Option(names = {"-p", "--port"}, paramLabel = "PORT",
            description = "The port on 127.0.0.1 (default: 8888, or the next free one).")
    private Integer port;

    @Option(names = {"-e", "--env"}, paramLabel = "K=V",
            description = "Set an environment variable (K alone passes the host's value).")
    private List<String> env = new ArrayList<>();

    @Option(names = "--env-file", paramLabel = "FILE", description = "Read environment variables from a file.")
    private List<Path> envFiles = new ArrayList<>();

    @Option(names = "--rebuild", description = "Rebuild the environment image before starting.")
    private boolean rebuild;

    @Parameters(paramLabel = "JUPYTER_ARGS", arity = "0..*",
            description = "More arguments for Jupyter, after --: dockenv notebook -- --ServerApp.base_url=/nb/")
    private List<String> extra = new ArrayList<>();

    @Override
    public Integer call() {
        Session session = root.session();
        if (lab && classic) {
            throw new DockenvException(ExitCode.USAGE, "--lab and --classic exclude each other", "give one of them");
        }
        JupyterCommand.Choice choice = lab ? JupyterCommand.Choice.LAB
                : classic ? JupyterCommand.Choice.CLASSIC : JupyterCommand.Choice.ANY;
        Path projectRoot = ProjectLocator.locate(root.startDirectory());
        int hostPort = hostPort(session);
        Path tokenFile = NotebookToken.random(new SecureRandom()).write(projectRoot, hostPort);

        RunOptions options = new RunOptions();
        options.ports.add(PortMapping.LOOPBACK + ":" + hostPort + ":" + JupyterCommand.CONTAINER_PORT);
        options.env.addAll(env);
        options.envFiles.addAll(envFiles);
        options.envFiles.add(tokenFile); // after the user's: dockenv's token wins over one in their files
        options.rebuild = rebuild;
        String project = projectRoot.getFileName() == null ? "project" : projectRoot.getFileName().toString();
        JupyterCommand command = new JupyterCommand(choice, project, hostPort, HostUser.current().isRoot(), extra);
        return ContainerLauncher.launch(root, options, command.argv(), false);
    }

    /** -p PORT when it is free, else 8888 when free, else the next free port (said on stderr). */
    private int hostPort(Session session) {
        if (port != null) {
            if (port < 1 || port > HostPorts.MAX_PORT) {
                throw new DockenvException(ExitCode.USAGE, "-p " + port + " is not a port", "give a number from 1 to 65535");
            }
            if (!HostPorts.isFree(port)) {
                throw new DockenvException(ExitCode.USAGE, "port " + port + " is taken on " + PortMapping.LOOPBACK,
                        "choose another with -p PORT, or leave -p out for the first free one from " + DEFAULT_PORT);
            }
            return port;
        }
        int chosen = HostPorts.firstFree(DEFAULT_PORT, PORTS_TRIED).orElseThrow(() -> new DockenvException(
                ExitCode.USAGE, "ports " + DEFAULT_PORT + " to " + (DEFAULT_PORT + PORTS_TRIED - 1) + " are all taken on "
                        + PortMapping.LOOPBACK, "choose a free one with -p PORT"));
        if (chosen != DEFAULT_PORT) {
            session.err().println("dockenv: port " + DEFAULT_PORT + " is taken on " + PortMapping.LOOPBACK
                    + "; using " + chosen);
        }
        return chosen;
    }
}
