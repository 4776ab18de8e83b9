package dev.dockenv.io;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A file dockenv writes for the user to keep and commit (devcontainer.json, the compose file of an
 * IDE, a CI pipeline): its first line is a comment that names the command that wrote it and the
 * digest of the rest. A later run can so tell a file dockenv wrote and nobody touched (refreshed
 * freely when the project changes) from one the user edited or wrote (kept unless forced), in any
 * clone, without a record of its own. Line endings do not count: a checkout with CRLF is untouched.
 */
public final class StampedText {
    private static final String MARK = "dockenv-digest:";

    private StampedText() {
    }

    /** What a file holds, as dockenv sees it before writing it anew. */
    public enum State {
        /** No file there. */
        MISSING,
        /** dockenv wrote it and nobody changed it since. */
        UNTOUCHED,
        /** dockenv wrote it and it was changed since. */
        EDITED,
        /** It carries no stamp of dockenv's: the user's own file. */
        FOREIGN
    }

    /**
     * The whole text: a first line {@code COMMENT Written by WRITER: ... (dockenv-digest: HEX)}, then
     * {@code body}. {@code comment} is the format's line comment ({@code //}, {@code #}).
     */
    public static String stamp(String comment, String writer, String body) {
        return comment + " Written by " + writer + ". Edit it and dockenv leaves it alone; untouched, `"
                + writer + "` refreshes it (" + MARK + " " + digest(body) + ")\n" + body;
    }

    /** The state of a file's {@code text}, or {@link State#MISSING} when there is none. */
    public static State state(Optional<String> text) {
        if (text.isEmpty()) {
            return State.MISSING;
        }
        String t = text.get();
        int end = t.indexOf('\n');
        String first = (end < 0 ? t : t.substring(0, end)).stripTrailing();
        int at = first.lastIndexOf(MARK);
        if (at < 0 || !first.endsWith(")")) {
            return State.FOREIGN;
        }
        String recorded = first.substring(at + MARK.length(), first.length() - 1).strip();
        String body = end < 0 ? "" : t.substring(end + 1);
        return recorded.equals(digest(body)) ? State.UNTOUCHED : State.EDITED;
    }

    /** The first 16 hex digits of the SHA-256 of {@code body} without its carriage returns. */
    static String digest(String body) {
        byte[] bytes = body.replace("\r", "").getBytes(StandardCharsets.UTF_8);
        return HexFormat.of().formatHex(Sha256.of(bytes)).substring(0, 16);
    }
}
