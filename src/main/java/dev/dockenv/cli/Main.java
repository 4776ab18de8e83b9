package dev.dockenv.cli;

import picocli.CommandLine;

/** Entry point: the only place that exits the JVM. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, Session.fromSystem()));
    }

    /** Runs dockenv with the given arguments in a session; returns the exit code. */
    public static int run(String[] args, Session session) {
        PhaseTimer.mark(session, "main");
        session.warmStart(WarmStart.begin(session, args));
        CommandLine cli = DockenvCommand.commandLine(session, args);
        PhaseTimer.mark(session, "cli");
        int rc = cli.execute(args);
        PhaseTimer.mark(session, "end");
        return rc;
    }
}
