package dev.dockenv.pep;

/** Text that breaks a Python packaging grammar (PEP 440 or PEP 508); {@link #column()} says where. */
public class PepSyntaxException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int column;

    public PepSyntaxException(String message, int column) {
        super(message);
        this.column = column;
    }

    /** The 1-based column inside the parsed text where the problem is. */
    public int column() {
        return column;
    }

    /** The same problem, for text that starts {@code offset} characters further right. */
    PepSyntaxException shiftedBy(int offset) {
        return new PepSyntaxException(getMessage(), column + offset);
    }
}
