package dev.dockenv.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code dockenv shell}: an interactive shell in the environment. */
@Command(name = "shell", mixinStandardHelpOptions = true,
        description = "Open a shell (bash when the image has it) in the project's environment, as you.")
final class ShellCommand implements Callable<Integer> {
    static final List<String> SHELL = List.of("sh", "-c",
            "if command -v bash >/dev/null 2>&1; then exec bash; else exec sh; fi");

    @ParentCommand
    private DockenvCommand root;

    @Mixin
    private RunOptions options = new RunOptions();

    @Override
    public Integer call() {
        return ContainerLauncher.launch(root, options, SHELL, false);
    }
}
