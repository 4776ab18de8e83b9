package dev.dockenv.cli;

import picocli.CommandLine;

/** Entry point: the only place that exits the JVM. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Session session = Session.fromSystem();
        int code = run(args, session);
        var training = session.env("DOCKENV_CDS_TRAINING");
        if (training.isPresent()) {
            CdsTraining.loadCommonClasses(session);
            CdsTraining.recordExitCode(training.get(), code);
        }
        System.exit(code);
    }

    /** Runs dockenv with the given arguments in a session; returns the exit code. */
    public static int run(String[] args, Session session) {
        PhaseTimer.mark(session, "main");
        session.launcherRecord(LauncherRecord.begin(session, args)); // before anything is read
        session.warmStart(WarmStart.begin(session, args));
        var plain = PlainRun.command(args);
        if (plain.isPresent()) {
            try {
                return RunCommand.run(new DockenvCommand(session), plain.get());
            } catch (RuntimeException e) {
                return DockenvCommand.report(e, session.err(), session);
            }
        }
        CommandLine cli = DockenvCommand.commandLine(session, args);
        PhaseTimer.mark(session, "cli");
        int rc = cli.execute(args);
        PhaseTimer.mark(session, "end");
        return rc;
    }
}
