package dev.dockenv.engine;

import dev.dockenv.errors.DockenvException;
import dev.dockenv.errors.ExitCode;
import java.util.List;

/** A build failed; carries the failing step and its output so the user sees why. */
public class BuildFailedException extends DockenvException {
    private static final long serialVersionUID = 1L;

    /** The hint of a failure nobody has explained better. */
    static final String GENERAL_HINT = "fix the step above, then run the command again";

    private final String step;
    private final List<String> stepOutput;
    private final String reason;

    public BuildFailedException(String step, List<String> stepOutput, String reason) {
        this("image build failed" + (step.isEmpty() ? "" : " at " + step) + (reason.isEmpty() ? "" : ": " + reason),
                GENERAL_HINT, step, stepOutput, reason);
    }

    /** A failure whose cause is known well enough to say it in {@code message} and {@code hint}. */
    BuildFailedException(String message, String hint, String step, List<String> stepOutput, String reason) {
        super(ExitCode.BUILD_FAILED, message, hint);
        this.step = step;
        this.stepOutput = List.copyOf(stepOutput);
        this.reason = reason;
    }

    /** The same failure with a hint chosen from its output (what the builder itself cannot know). */
    public BuildFailedException withHint(String hint) {
        return new BuildFailedException(getMessage(), hint, step, stepOutput, reason);
    }

    /** True while the hint is the general one: nothing has named the cause yet. */
    public boolean hasGeneralHint() {
        return hint().filter(GENERAL_HINT::equals).isPresent();
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
