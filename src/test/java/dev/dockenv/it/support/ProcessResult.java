package dev.dockenv.it.support;

import java.time.Duration;
import java.util.List;

/**
 * What a finished (or timed out) child process left: exit code, captured stdout and stderr
 * (UTF-8), and whether it was killed for running past its timeout.
 */
public record ProcessResult(List<String> command, int exitCode, String stdout, String stderr, boolean timedOut,
        Duration elapsed) {

    /** Exit code 0 and no timeout. */
    public boolean ok() {
        return exitCode == 0 && !timedOut;
    }

    /** Returns this when {@link #ok()}, else throws an AssertionError that shows everything. */
    public ProcessResult assertOk() {
        if (!ok()) {
            throw new AssertionError("command failed: " + describe());
        }
        return this;
    }

    /** stdout then stderr, for assertions that don't care which stream a message went to. */
    public String output() {
        return stdout + stderr;
    }

    /** The command, exit code (or timeout) and both streams, for failure messages. */
    public String describe() {
        return String.join(" ", command)
                + (timedOut ? "\n  TIMED OUT after " + elapsed.toMillis() + " ms" : "\n  exit code " + exitCode)
                + "\n  --- stdout ---\n" + indent(stdout)
                + "\n  --- stderr ---\n" + indent(stderr);
    }

    @Override
    public String toString() {
        return describe();
    }

    private static String indent(String s) {
        return s.isEmpty() ? "  (empty)" : s.strip().replaceAll("(?m)^", "  ");
    }
}
