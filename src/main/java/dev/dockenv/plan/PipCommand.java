package dev.dockenv.plan;

import dev.dockenv.config.ShellWords;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One pip command as a value, rendered both as arguments (a container's argv, pip's own report
 * run) and as shell text (a Dockerfile RUN): {@code pip SUBCOMMAND ARGUMENT...}, every argument
 * quoted for the shell where it needs it. {@code filesMatching} is a shell pattern for files the
 * build has made ({@code /mnt/*.whl}): left unquoted so the shell expands it.
 */
public record PipCommand(String subcommand, List<String> arguments, Optional<String> filesMatching) {

    public PipCommand {
        arguments = List.copyOf(arguments);
    }

    public static PipCommand install(List<String> arguments) {
        return new PipCommand("install", arguments, Optional.empty());
    }

    public static PipCommand install(String... arguments) {
        return install(List.of(arguments));
    }

    /** {@code pip install ARGUMENTS PATTERN}: the files the pattern matches installed. */
    public static PipCommand installMatching(List<String> arguments, String pattern) {
        return new PipCommand("install", arguments, Optional.of(pattern));
    }

    public static PipCommand wheel(List<String> arguments) {
        return new PipCommand("wheel", arguments, Optional.empty());
    }

    /** The same command with more arguments after these. */
    public PipCommand plus(List<String> more) {
        List<String> all = new ArrayList<>(arguments);
        all.addAll(more);
        return new PipCommand(subcommand, all, filesMatching);
    }

    /** The shell text, run by {@code pip} on PATH (the venv's, or the conda environment's). */
    public String shellText() {
        return shellText("pip");
    }

    /** The shell text, run by another pip ({@code python -m pip}, {@code /tmp/v/bin/pip}). */
    public String shellText(String pip) {
        StringBuilder s = new StringBuilder(pip).append(' ').append(subcommand);
        arguments.forEach(a -> s.append(' ').append(ShellWords.quote(a)));
        filesMatching.ifPresent(p -> s.append(' ').append(p));
        return s.toString();
    }
}
