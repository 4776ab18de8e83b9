package dev.dockenv.start;

import dev.dockenv.config.ShellWords;
import java.util.List;
import java.util.Optional;

/**
 * The command the prod image starts, and where it comes from.
 *
 * @param argv      the CMD in exec form; a command that needs $PORT expanded is {@code sh -c 'exec ...'}
 * @param shellText the command as a person reads it ({@code dockenv status})
 * @param web       whether it is a web process listening on $PORT (8000 unset), so the image exposes 8000
 *                  when no port is configured
 * @param workdir   the folder it starts in, '/'-separated relative to the project (an app's), when not the
 *                  project's root
 * @param notes     why earlier rules did not apply (a Django site without gunicorn among the
 *                  dependencies ...), for {@code dockenv status}
 */
public record StartCommand(List<String> argv, String shellText, StartSource source, boolean web,
        Optional<String> workdir, List<String> notes) {

    public StartCommand {
        argv = List.copyOf(argv);
        notes = List.copyOf(notes);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("a start command has at least one word");
        }
    }

    /** A command run as written (configured, or a script's). */
    public static StartCommand of(List<String> argv, StartSource source) {
        return new StartCommand(argv, join(argv), source, false, Optional.empty(), List.of());
    }

    /** The configured command, which always wins; without one, python (as before any detection). */
    public static StartCommand configured(List<String> command) {
        return command.isEmpty() ? of(List.of("python"), new StartSource.Nothing()) : of(command,
                new StartSource.Configured());
    }

    /** Shell text run by {@code sh -c} with {@code exec}, so the command replaces the shell (signals reach it). */
    static StartCommand shell(String text, StartSource source, boolean web, Optional<String> workdir,
            List<String> notes) {
        return new StartCommand(List.of("sh", "-c", "exec " + text), text, source, web, workdir, notes);
    }

    /** Whether a rule of the detection found it (not configured, not a script's own, not python for want of any). */
    public boolean detected() {
        return !(source instanceof StartSource.Configured || source instanceof StartSource.InlineScript
                || source instanceof StartSource.Nothing);
    }

    /** {@code start: TEXT (SOURCE)}: how status prints it. */
    public String describe() {
        return shellText + " (" + source.describe() + ")";
    }

    private static String join(List<String> argv) {
        return String.join(" ", argv.stream().map(ShellWords::quote).toList());
    }
}
