package dev.dockenv.errors;

/** Bad input in a project file: reported as {@code file:line:column: what is wrong}. */
public class InputException extends DockenvException {
    private static final long serialVersionUID = 1L;

    private final transient SourceLocation location;
    private final String problem;

    public InputException(SourceLocation location, String problem) {
        this(location, problem, null);
    }

    public InputException(SourceLocation location, String problem, String hint) {
        super(ExitCode.BAD_INPUT, location + ": " + problem, hint);
        this.location = location;
        this.problem = problem;
    }

    public SourceLocation location() {
        return location;
    }

    /** The message without the location. */
    public String problem() {
        return problem;
    }
}
