package dev.dockenv.engine;

import dev.dockenv.errors.DockenvException;
import dev.dockenv.errors.ExitCode;
import java.util.List;

/** A build failed; carries the failing step and its output so the user sees why. */
public class BuildFailedException extends DockenvException {
    private static final long serialVersionUID = 1L;

    private final String step;
    private final List<String> stepOutput;

    public BuildFailedException(String step, List<String> stepOutput, String reason) {
        super(ExitCode.BUILD_FAILED, "image build failed" + (step.isEmpty() ? "" : " at " + step)
                + (reason.isEmpty() ? "" : ": " + reason), "fix the step above, then run the command again");
        this.step = step;
        this.stepOutput = List.copyOf(stepOutput);
    }

    public String step() {
        return step;
    }

    public List<String> stepOutput() {
        return stepOutput;
    }
}
