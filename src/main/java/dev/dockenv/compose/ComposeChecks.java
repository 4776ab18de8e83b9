package dev.dockenv.compose;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the model's names and texts must hold to reach a compose file that both docker-compose 1.29
 * and compose v2 read as meant. Each check returns its value or throws an
 * {@link IllegalArgumentException} that names the value and what is accepted.
 */
final class ComposeChecks {
    /**
     * Service, volume and network keys: the compose-spec schema's {@code ^[a-zA-Z0-9._-]+$}, less
     * the names starting with '.', '_' or '-' (docker names the containers and volumes after them,
     * and refuses those).
     */
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9._-]*");
    /** An environment variable or build argument: compose and the shell read no other. */
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** A label key: docker's reverse-DNS style keys and the like, no space. */
    private static final Pattern LABEL_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]*");

    private ComposeChecks() {
    }

    static String name(String what, String name) {
        Objects.requireNonNull(name, what);
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(what + " '" + printable(name) + "' is not a name compose accepts: "
                    + "letters, digits, '.', '_' and '-', starting with a letter or digit");
        }
        return name;
    }

    static String variable(String what, String name) {
        Objects.requireNonNull(name, what);
        if (!VARIABLE.matcher(name).matches()) {
            throw new IllegalArgumentException(what + " '" + printable(name) + "' is not a variable name: letters, "
                    + "digits and '_', not starting with a digit");
        }
        return name;
    }

    static String labelKey(String key) {
        Objects.requireNonNull(key, "a label key");
        if (!LABEL_KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("the label key '" + printable(key) + "' is not one compose and docker "
                    + "accept here: letters, digits, '.', '_', '/' and '-', starting with a letter or digit");
        }
        return key;
    }

    /** A value on one line: no line break and no other control character but a tab. */
    static String oneLine(String what, String value) {
        Objects.requireNonNull(value, what);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (isControl(c) && c != '\t') {
                throw new IllegalArgumentException(what + " cannot hold a " + (c == '\n' || c == '\r' ? "line break"
                        : "control character") + ": '" + printable(value) + "'");
            }
        }
        return value;
    }

    /**
     * A value that may hold any character a process argument can (a command's argument, which may be
     * a script of several lines): anything but NUL, which no argument can hold. YAML's double quotes
     * write the other control characters as escapes.
     */
    static String text(String what, String value) {
        Objects.requireNonNull(value, what);
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(what + " cannot hold a NUL character: '" + printable(value) + "'");
        }
        return value;
    }

    /**
     * A comment line: one line to YAML 1.2 and to YAML 1.1 too, which also breaks lines at NEL,
     * LINE SEPARATOR and PARAGRAPH SEPARATOR.
     */
    static String commentLine(String what, String line) {
        oneLine(what, line);
        if (line.indexOf('\u0085') >= 0 || line.indexOf('\u2028') >= 0 || line.indexOf('\u2029') >= 0) {
            throw new IllegalArgumentException(what + " cannot hold a line break (U+0085, U+2028 or U+2029 end a line "
                    + "to YAML 1.1): '" + printable(line) + "'");
        }
        return line;
    }

    /** A value that is one line and not empty. */
    static String notBlank(String what, String value) {
        oneLine(what, value);
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " cannot be empty");
        }
        return value;
    }

    /** An absolute path in the container, as a volume's target. */
    static String containerPath(String what, String path) {
        notBlank(what, path);
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException(what + " must be an absolute path in the container: '"
                    + printable(path) + "'");
        }
        return path;
    }

    /** An immutable copy that keeps the map's order and refuses null keys and values. */
    static <K, V> Map<K, V> ordered(Map<K, V> map) {
        Map<K, V> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(Objects.requireNonNull(k), Objects.requireNonNull(v)));
        return Collections.unmodifiableMap(copy);
    }

    private static boolean isControl(char c) {
        return c < 0x20 || c == 0x7f;
    }

    /** The value with control characters shown as escapes, for messages. */
    static String printable(String value) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (isControl(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
