package dev.dockenv.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code dockenv deploy TARGET}: the release run somewhere; each target is a subcommand. */
@Command(name = "deploy", mixinStandardHelpOptions = true,
        subcommands = {DeployComposeCommand.class, DeploySwarmCommand.class, DeployK8sCommand.class},
        description = "Make the release, push it, and run it: on a server with docker compose (deploy compose), "
                + "as a Swarm stack (deploy swarm), or as Kubernetes manifests (deploy k8s, applied with --apply).")
final class DeployCommand implements Runnable {
    @ParentCommand
    private DockenvCommand root;

    @Spec
    private CommandSpec spec;

    DockenvCommand root() {
        return root;
    }

    @Override
    public void run() {
        throw MissingSubcommand.of(spec, "where to deploy");
    }
}
