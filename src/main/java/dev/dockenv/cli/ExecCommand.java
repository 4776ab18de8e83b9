package dev.dockenv.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code dockenv exec NAME COMMAND...}: a command in a running container of the stack. */
@Command(name = "exec", mixinStandardHelpOptions = true,
        description = "Run a command in a running container of the stack: dockenv exec db psql, "
                + "dockenv exec cache redis-cli.")
final class ExecCommand implements Callable<Integer> {
    @ParentCommand
    private DockenvCommand root;

    @Parameters(index = "0", paramLabel = "NAME", description = "The service (or app).")
    private String name;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "COMMAND", description = "The command and its arguments.")
    private List<String> command = new ArrayList<>();

    @Override
    public Integer call() {
        ProjectStack stack = StackCommand.open(root);
        StackNames.check(List.of(name), StackCommand.names(stack), stack.project().name());
        List<String> args = new ArrayList<>(List.of("exec"));
        if (!root.session().interactiveTerminal()) {
            args.add("-T");
        }
        args.add(name);
        args.addAll(command);
        return ExecHandoff.execute(root.session(), stack.compose().commandLine(stack.composeProject(), args));
    }
}
