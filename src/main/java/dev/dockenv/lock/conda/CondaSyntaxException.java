package dev.dockenv.lock.conda;

/** Text that breaks conda's MatchSpec or version-spec grammar; {@link #column()} says where. */
final class CondaSyntaxException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int column;

    CondaSyntaxException(String message, int column) {
        super(message);
        this.column = column;
    }

    /** The 1-based column inside the parsed text where the problem is. */
    int column() {
        return column;
    }

    /** The same problem, for text that starts {@code offset} characters further right. */
    CondaSyntaxException shiftedBy(int offset) {
        return new CondaSyntaxException(getMessage(), column + offset);
    }
}
