package dev.dockenv.config;

import dev.dockenv.errors.SourceLocation;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How the release runs where it is deployed, as written under {@code [tool.dockenv.deploy]} or
 * {@code [tool.dockenv.apps.NAME.deploy]}, so that a deploy is one command the whole team repeats
 * ({@code dockenv deploy swarm}); a command-line option wins over the key.
 *
 * @param envFile        the operator's env file, relative to the project ({@code deploy/prod.env}):
 *                       named in the written file, never copied into it
 * @param healthPath     the path the health check gets on the app's first port ({@code /healthz})
 * @param noHealthcheck  {@code healthcheck = false}: no check of dockenv's
 * @param replicas       how many tasks or pods run the app (deploy swarm, deploy k8s)
 * @param publishAddress the server's address the app's ports are published on (deploy compose)
 * @param location       where the table is written, for messages
 */
public record DeploySetting(Optional<String> envFile, Optional<String> healthPath, boolean noHealthcheck,
        OptionalInt replicas, Optional<String> publishAddress, Optional<SourceLocation> location) {

    public static DeploySetting none() {
        return new DeploySetting(Optional.empty(), Optional.empty(), false, OptionalInt.empty(), Optional.empty(),
                Optional.empty());
    }

    /** This table's keys, each key not written taken from {@code project}'s (an app's table over the project's). */
    public DeploySetting over(DeploySetting project) {
        return new DeploySetting(envFile.or(project::envFile), healthPath.or(project::healthPath),
                noHealthcheck || healthPath.isEmpty() && project.noHealthcheck(),
                replicas.isPresent() ? replicas : project.replicas(), publishAddress.or(project::publishAddress),
                location.or(project::location));
    }
}
