package dev.dockenv.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** The usage error of a command that only groups subcommands ({@code deploy}, {@code ide}) run without one. */
final class MissingSubcommand {
    private MissingSubcommand() {
    }

    /** "name WHAT: a, b (dockenv CMD a, dockenv CMD b)", exit 2 with the command's usage. */
    static ParameterException of(CommandSpec spec, String what) {
        var names = spec.subcommands().keySet();
        return new ParameterException(spec.commandLine(), "name " + what + ": " + String.join(", ", names) + " ("
                + String.join(", ", names.stream().map(t -> "dockenv " + spec.name() + " " + t).toList()) + ")");
    }
}
