package dev.dockenv.io;

/**
 * How deep the values in a project file may nest (lists in lists, tables in tables, parentheses in
 * a marker) before its reader refuses the file. Every reader that descends into nested values
 * stops here, so no input can overflow the stack: real project files nest a few levels, and the
 * error names the file and the line where the limit is passed.
 */
public final class NestingLimit {
    /** The deepest nesting a reader accepts. */
    public static final int MAX_DEPTH = 100;

    private NestingLimit() {
    }

    /** Whether {@code depth} (1 for a value at the top level) is deeper than allowed. */
    public static boolean exceeded(int depth) {
        return depth > MAX_DEPTH;
    }

    /** The problem as errors report it: "nested deeper than 100 levels". */
    public static String problem() {
        return "nested deeper than " + MAX_DEPTH + " levels";
    }
}
