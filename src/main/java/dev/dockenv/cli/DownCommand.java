package dev.dockenv.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code dockenv down [--volumes]}: stops and removes the stack's containers and network. */
@Command(name = "down", mixinStandardHelpOptions = true,
        description = {"Stop and remove the stack's containers and its network. Data in the services' volumes is "
                + "kept for the next start.",
            "With --volumes the volumes go too, and with them the passwords dockenv made for the services."})
final class DownCommand implements Callable<Integer> {
    @ParentCommand
    private DockenvCommand root;

    @Option(names = "--volumes", description = "Also remove the services' data volumes (and their passwords).")
    private boolean volumes;

    @Override
    public Integer call() {
        ProjectStack stack = StackCommand.open(root);
        List<String> args = new ArrayList<>(List.of("down", "--remove-orphans"));
        if (volumes) {
            args.add("--volumes");
        }
        int code = stack.compose().attach(stack.composeProject(), args);
        if (code == 0) {
            if (volumes) {
                stack.forget(); // with the data go its passwords, and the files that name them
            } else {
                stack.forgetApplied(); // nothing runs: the next start brings everything up afresh
            }
        }
        return code;
    }
}
