package dev.dockenv.engine;

import dev.dockenv.errors.DockenvException;
import dev.dockenv.errors.ExitCode;
import java.util.List;

/** A build failed; carries the failing step and its output so the user sees why. */
public class BuildFailedException extends DockenvException {
    private static final long serialVersionUID = 1L;

    private final String step;
    private final List<String> stepOutput;
    private final String reason;

    public BuildFailedException(String step, List<String> stepOutput, String reason) {
        this("image build failed" + (step.isEmpty() ? "" : " at " + step) + (reason.isEmpty() ? "" : ": " + reason),
                "fix the step above, then run the command again", step, stepOutput, reason);
    }

    /** A failure whose cause is known well enough to say it in {@code message} and {@code hint}. */
    BuildFailedException(String message, String hint, String step, List<String> stepOutput, String reason) {
        super(ExitCode.BUILD_FAILED, message, hint);
        this.step = step;
        this.stepOutput = List.copyOf(stepOutput);
        this.reason = reason;
    }

    /** The same failure with a hint that names its cause better than the generic one. */
    public BuildFailedException withHint(String betterHint) {
        return new BuildFailedException(getMessage(), betterHint, step, stepOutput, reason);
    }

    public String step() {
        return step;
    }

    public List<String> stepOutput() {
        return stepOutput;
    }

    /** The builder's own words for why the step failed. */
    public String reason() {
        return reason;
    }
}
