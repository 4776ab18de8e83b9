package dev.dockenv.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * A command that only groups subcommands ({@code deploy}, {@code ide}, {@code ci}): run without one,
 * it is a usage error naming them ("name WHAT: a, b (dockenv CMD a, dockenv CMD b)", exit 2).
 */
abstract class CommandGroup implements Runnable {
    @ParentCommand
    private DockenvCommand root;

    @Spec
    private CommandSpec spec;

    DockenvCommand root() {
        return root;
    }

    /** What a subcommand names, for the error: "where to deploy", "the IDE". */
    abstract String what();

    @Override
    public void run() {
        var names = spec.subcommands().keySet();
        throw new ParameterException(spec.commandLine(), "name " + what() + ": " + String.join(", ", names) + " ("
                + String.join(", ", names.stream().map(t -> "dockenv " + spec.name() + " " + t).toList()) + ")");
    }
}
