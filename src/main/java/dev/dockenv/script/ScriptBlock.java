package dev.dockenv.script;

import dev.dockenv.io.Sha256;

/**
 * A script's {@code # /// script} block as written: the line of its opening {@code # /// script}
 * (from 1) and its embedded content (each comment line without its {@code "# "} or {@code "#"}).
 */
public record ScriptBlock(int openingLine, String content) {

    /** The column where the embedded content of a line starts in the script (after {@code "# "}). */
    public static final int CONTENT_COLUMN_OFFSET = 2;

    /** A digest of the metadata alone: the script's code around the block is not in it. */
    public String digest() {
        return "sha256:" + Sha256.hex(content);
    }
}
