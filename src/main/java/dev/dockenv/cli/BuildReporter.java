package dev.dockenv.cli;

import dev.dockenv.engine.BuildProgress;
import java.io.PrintWriter;

/** Shows a build on stderr: one line per step, or everything in verbose mode. */
final class BuildReporter implements BuildProgress {
    private final PrintWriter err;
    private final boolean verbose;

    BuildReporter(PrintWriter err, boolean verbose) {
        this.err = err;
        this.verbose = verbose;
    }

    @Override
    public void step(String description) {
        // the legacy builder shows dockenv's --label flags as steps of their own
        if (description.matches("^\\[\\d+/\\d+\\] LABEL (dev\\.dockenv\\.|org\\.opencontainers\\.).*")) {
            return;
        }
        if (!verbose) {
            err.println("dockenv:   " + (description.length() > 150 ? description.substring(0, 147) + "..." : description));
            err.flush();
        }
    }

    @Override
    public void line(String line) {
        if (verbose) {
            err.println(line);
            err.flush();
        }
    }
}
