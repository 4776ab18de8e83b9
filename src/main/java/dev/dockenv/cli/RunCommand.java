package dev.dockenv.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code dockenv run [OPTIONS] [--] COMMAND...} */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a command in the project's environment, building the image first if its inputs changed.",
            "The project is mounted at /app, the command runs as you (your uid:gid) in the same place in the "
                    + "project, and its exit code is dockenv's. Without a command, runs [tool.dockenv] command "
                    + "and publishes the configured ports."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"N:the command's exit code", "127:command not found in the container",
            "3-9:dockenv could not start it (see dockenv --help)"})
final class RunCommand implements Callable<Integer> {
    @ParentCommand
    private DockenvCommand root;

    @Mixin
    private RunOptions options = new RunOptions();

    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The command and its arguments.")
    private List<String> command = new ArrayList<>();

    @Override
    public Integer call() {
        return ContainerLauncher.launch(root, options, command, command.isEmpty());
    }

    /** A run with no options (see {@link PlainRun}). */
    static int run(DockenvCommand root, List<String> command) {
        return ContainerLauncher.launch(root, new RunOptions(), command, command.isEmpty());
    }
}
