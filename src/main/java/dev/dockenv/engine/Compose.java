package dev.dockenv.engine;

import java.util.List;

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
}
