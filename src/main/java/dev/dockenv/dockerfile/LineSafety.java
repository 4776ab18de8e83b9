package dev.dockenv.dockerfile;

import dev.dockenv.config.ImageReference;
import java.util.regex.Pattern;

/**
 * What a value must hold so that, once rendered, it stays inside its instruction: the Dockerfile
 * parser ends an instruction at a line break, and a line ending in a backslash continues onto the
 * next one. Values that cannot be written without breaking out are refused here, so no caller of
 * the model can add an instruction.
 */
final class LineSafety {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern STAGE = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*");
    /** A word BuildKit takes for a heredoc (its parser: {@code ^(\d*)<<(-?)([^<]*)$} on unquoted words). */
    private static final Pattern HEREDOC = Pattern.compile("(?:^|\\s)\\d*<<-?[^\\s<]");
    private static final Pattern FLAG_VALUE = Pattern.compile("[A-Za-z0-9_.:/@%+$-]+");

    private LineSafety() {
    }

    /** A value rendered within one line: no line break or other control character (a tab is fine). */
    static String oneLine(String what, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\n' || c == '\r') {
                throw new IllegalArgumentException(what + " cannot hold a line break (it would start a new "
                        + "Dockerfile instruction): '" + ImageReference.printable(value) + "'");
            }
            if (c < 0x20 && c != '\t' || c == 0x7f) {
                throw new IllegalArgumentException(what + " cannot hold a control character: '"
                        + ImageReference.printable(value) + "'");
            }
        }
        return value;
    }

    /** A value rendered bare at the end of a line: one line, and no trailing backslash (a continuation). */
    static String lineEnd(String what, String value) {
        oneLine(what, value);
        int backslashes = 0;
        for (int i = value.length() - 1; i >= 0 && value.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        if (backslashes % 2 == 1) {
            throw new IllegalArgumentException(what + " cannot end with a backslash (it would continue onto the "
                    + "next Dockerfile line): '" + ImageReference.printable(value) + "'");
        }
        return value;
    }

    /**
     * A RUN command: one line without a final backslash, and no heredoc ({@code <<WORD}), with
     * which BuildKit would read the lines after it, dockenv's next instructions, as the command's input.
     */
    static String runCommand(String command) {
        lineEnd("a RUN command", command);
        notBlank("a RUN command", command);
        if (HEREDOC.matcher(command).find()) {
            throw new IllegalArgumentException("a RUN command cannot hold a heredoc (<<WORD): BuildKit would read the "
                    + "next lines of the Dockerfile into it: '" + ImageReference.printable(command) + "'");
        }
        return command;
    }

    static String notBlank(String what, String value) {
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " is empty");
        }
        return value;
    }

    /** An ARG or ENV name. */
    static String variableName(String what, String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(what + " '" + ImageReference.printable(name)
                    + "' is not a variable name (letters, digits, '_')");
        }
        return name;
    }

    /** A stage name (FROM ... AS name, --from=name). */
    static String stageName(String name) {
        if (!STAGE.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + ImageReference.printable(name) + "' is not a stage name");
        }
        return name;
    }

    /** What FROM takes: an image reference or an earlier stage's name, one word. */
    static String image(String from) {
        return ImageReference.require(from);
    }

    /** A value inside a flag (--mount=type=cache,target=VALUE, --chown=VALUE): no space, comma or quote. */
    static String flagValue(String what, String value) {
        if (!FLAG_VALUE.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " '" + ImageReference.printable(value)
                    + "' cannot be written in a flag (no spaces, commas, quotes or line breaks)");
        }
        return value;
    }
}
