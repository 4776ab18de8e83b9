package dev.dockenv.config;

/** TOML string literals, for the TOML dockenv writes (pylock.toml, edits of pyproject.toml). */
public final class TomlStrings {
    private TomlStrings() {
    }

    /** A TOML basic string ("..."), escaping quotes, backslashes and control characters. */
    public static String basic(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** A literal string ('...') when the text allows one (no ' and no control characters), else a basic string. */
    public static String literalIfPossible(String s) {
        boolean control = s.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f);
        return control || s.contains("'") ? basic(s) : "'" + s + "'";
    }
}
