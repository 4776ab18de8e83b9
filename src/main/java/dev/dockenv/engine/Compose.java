package dev.dockenv.engine;

import java.util.List;
import java.util.Optional;

/**
 * The compose implementation beside the engine (the v2 plugin {@code docker compose}, or
 * {@code docker-compose} 1.29): runs compose subcommands on a project.
 */
public interface Compose {
    /** Which implementation it is, e.g. "docker-compose 1.29.2" or "docker compose 2.29.1". */
    String version();

    /** The command line of {@code compose OPTIONS ARGS}, for a caller that hands the terminal over to it. */
    List<String> commandLine(ComposeProject project, List<String> args);

    /** Runs {@code compose OPTIONS ARGS} to completion and returns what it printed. */
    ProcessRunner.Result run(ComposeProject project, List<String> args);

    /** Runs {@code compose OPTIONS ARGS} attached to this terminal (logs, up in the foreground); its exit code. */
    int attach(ComposeProject project, List<String> args);

    /**
     * What to do about a failure compose printed that is a problem of compose's installation, not of
     * the project: docker-compose 1.29 reaches an ssh:// engine only with Python's paramiko, which
     * Debian's docker-compose does not bring along ("Install paramiko package to enable ssh://
     * support"). Empty for any other output.
     */
    static Optional<String> installationHint(String output) {
        if (output.contains("Install paramiko package")) {
            return Optional.of("docker-compose 1.29 reaches an ssh:// engine through Python's paramiko: install it "
                    + "(apt-get install python3-paramiko, or pip install paramiko beside docker-compose), or use the "
                    + "compose plugin (docker compose v2), which needs none");
        }
        return Optional.empty();
    }
}
