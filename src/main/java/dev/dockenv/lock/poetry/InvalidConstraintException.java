package dev.dockenv.lock.poetry;

/** A poetry version constraint that cannot be read, or cannot be written as PEP 440. */
public class InvalidConstraintException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String hint;

    public InvalidConstraintException(String message) {
        this(message, null);
    }

    public InvalidConstraintException(String message, String hint) {
        super(message);
        this.hint = hint;
    }

    /** What the user can do about it, or null. */
    public String hint() {
        return hint;
    }
}
