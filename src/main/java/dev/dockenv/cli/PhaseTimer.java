package dev.dockenv.cli;

import java.lang.management.ManagementFactory;

/**
 * With DOCKENV_TIMING set, prints how long after JVM start each phase of a command was reached
 * (to stderr), for reports of a slow dockenv. Costs one environment lookup when off.
 */
final class PhaseTimer {
    private PhaseTimer() {
    }

    static void mark(Session session, String phase) {
        if (session.env("DOCKENV_TIMING").isPresent()) {
            System.err.println("dockenv: timing: " + phase + " at "
                    + ManagementFactory.getRuntimeMXBean().getUptime() + " ms");
        }
    }
}
