package dev.dockenv.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code dockenv logs [-f] [--tail N] [NAME...]}: what the stack's containers printed. */
@Command(name = "logs", mixinStandardHelpOptions = true,
        description = "Show what the stack's containers printed (all, or the NAMEd services).")
final class LogsCommand implements Callable<Integer> {
    @ParentCommand
    private DockenvCommand root;

    @Option(names = {"-f", "--follow"}, description = "Keep printing new lines until Ctrl-C.")
    private boolean follow;

    @Option(names = "--tail", paramLabel = "N", description = "Only the last N lines of each container.")
    private Integer tail;

    @Parameters(arity = "0..*", paramLabel = "NAME", description = "Services (or app) to show; default: all.")
    private List<String> names = new ArrayList<>();

    @Override
    public Integer call() {
        ProjectStack stack = StackCommand.open(root);
        StackNames.check(names, StackCommand.names(stack), stack.project().name());
        List<String> args = new ArrayList<>(List.of("logs", "--no-color"));
        if (follow) {
            args.add("-f");
        }
        if (tail != null) {
            if (tail < 0) {
                throw new dev.dockenv.errors.DockenvException(dev.dockenv.errors.ExitCode.USAGE,
                        "--tail takes a number of lines (0 or more)", null);
            }
            args.addAll(List.of("--tail", tail.toString()));
        }
        args.addAll(names);
        return ExecHandoff.execute(root.session(), stack.compose().commandLine(stack.composeProject(), args));
    }
}
