package dev.dockenv.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code dockenv ps}: the stack's containers, as docker compose lists them. */
@Command(name = "ps", mixinStandardHelpOptions = true,
        description = "List the containers of the project's stack (services and app), with their state and ports.")
final class PsCommand implements Callable<Integer> {
    @ParentCommand
    private DockenvCommand root;

    @Override
    public Integer call() {
        ProjectStack stack = StackCommand.open(root);
        return ExecHandoff.execute(root.session(), stack.compose().commandLine(stack.composeProject(), List.of("ps")));
    }
}
