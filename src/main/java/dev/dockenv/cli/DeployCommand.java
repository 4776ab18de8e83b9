package dev.dockenv.cli;

import picocli.CommandLine.Command;

/** {@code dockenv deploy TARGET}: the release run somewhere; each target is a subcommand. */
@Command(name = "deploy", mixinStandardHelpOptions = true,
        subcommands = {DeployComposeCommand.class, DeploySwarmCommand.class, DeployK8sCommand.class},
        description = "Make the release, push it, and run it: on a server with docker compose (deploy compose), "
                + "as a Swarm stack (deploy swarm), or as Kubernetes manifests (deploy k8s, applied with --apply).")
final class DeployCommand extends CommandGroup {
    @Override
    String what() {
        return "where to deploy";
    }
}
