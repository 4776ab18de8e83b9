package dev.dockenv.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code dockenv deploy}: the release shipped to a target, one subcommand per target. */
@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = "Push the release and deploy it: k8s writes Kubernetes manifests (and applies them with --apply).",
        subcommands = {DeployK8sCommand.class})
final class DeployCommand implements Callable<Integer> {
    @ParentCommand
    private DockenvCommand root;

    @Spec
    private CommandSpec spec;

    DockenvCommand root() {
        return root;
    }

    @Override
    public Integer call() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "Missing the deploy target: dockenv deploy k8s");
    }
}
