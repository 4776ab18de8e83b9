package dev.dockenv.cache;

import dev.dockenv.script.InlineScriptReader;
import dev.dockenv.script.ScriptBlock;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A script whose inline metadata is an environment's input: the file's stamp, and the digest of
 * its {@code # /// script} block. Its code is not an input: when the file changed, it is read and
 * is current as long as its metadata is the same, so editing the script never costs its warm run.
 */
public record ScriptStamp(FileStamp file, String metadataDigest) implements InputStamp {
    static final String TAG = "S\t";
    /** The digest of a script without metadata, or one that could not be read. */
    private static final String NONE = "none";

    /** The script's stamp and its metadata's digest now. */
    public static ScriptStamp of(Path script) {
        return new ScriptStamp(FileStamp.of(script), digest(script));
    }

    private static String digest(Path script) {
        try {
            Optional<ScriptBlock> block = InlineScriptReader.block(script);
            return block.map(ScriptBlock::digest).orElse(NONE);
        } catch (RuntimeException e) {
            return NONE;
        }
    }

    @Override
    public boolean isCurrent() {
        if (file.isCurrent()) {
            return true;
        }
        return !metadataDigest.equals(NONE) && digest(Path.of(file.path())).equals(metadataDigest);
    }

    @Override
    public String encode() {
        return TAG + metadataDigest + "\t" + file.encode();
    }

    static ScriptStamp decode(String line) {
        String[] f = line.substring(TAG.length()).split("\t", 2);
        if (f.length < 2) {
            throw new IllegalArgumentException("bad script stamp line");
        }
        return new ScriptStamp(FileStamp.decode(f[1]), f[0]);
    }
}
