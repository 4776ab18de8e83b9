package dev.dockenv.run;

import java.util.ArrayList;
import java.util.List;

/**
 * A run's command, checked in the container before it starts: when it names no command the
 * environment has, one dockenv line says so, naming the environment, with a hint, and the run exits
 * 127 as a shell does, instead of the init's own "[FATAL tini (7)] exec ... failed". A command given
 * by a path ({@code ./run.sh}) is left to the exec. The values reach the shell as its positional
 * parameters, never as script text; the command then replaces the shell ({@code exec}), so signals,
 * the exit code and the terminal are the command's.
 *
 * <p>It needs {@code sh} in the image: dockenv's generated images have it (Python and micromamba
 * bases); a run of the image of the project's own Dockerfile is not wrapped.
 */
public record CommandCheck(String environment, String hint) {
    static final String SCRIPT = "environment=$1 hint=$2; shift 2; case $1 in */*|'') ;; *) command -v \"$1\" "
            + ">/dev/null 2>&1 || { printf 'dockenv: error: %s: command not found in the environment %s\\n"
            + "dockenv: hint: %s\\n' \"$1\" \"$environment\" \"$hint\" >&2; exit 127; } ;; esac; exec \"$@\"";

    /** The command as the container runs it: the check, then the command itself. */
    public List<String> wrap(List<String> command) {
        List<String> argv = new ArrayList<>(List.of("sh", "-c", SCRIPT, "dockenv", environment, hint));
        argv.addAll(command);
        return List.copyOf(argv);
    }
}
