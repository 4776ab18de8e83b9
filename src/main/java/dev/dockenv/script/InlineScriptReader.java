package dev.dockenv.script;

import dev.dockenv.config.ConfigReader;
import dev.dockenv.config.DockenvConfig;
import dev.dockenv.config.TomlDocument;
import dev.dockenv.errors.DidYouMean;
import dev.dockenv.errors.InputException;
import dev.dockenv.errors.SourceLocation;
import dev.dockenv.io.Utf8File;
import dev.dockenv.python.DeclaredPython;
import dev.dockenv.pyproject.PyprojectReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads PEP 723 inline script metadata. A block starts with the line {@code # /// script} and
 * ends with the line {@code # ///}; every line between is {@code #} or starts with {@code "# "},
 * and its content is the line without those one or two characters. An ending line followed by
 * another content line is content itself (the specification's precedence: the block ends at the
 * last {@code # ///} of the run of comment lines, as its reference regular expression matches).
 * As uv does, a block that is never closed is an error (the specification would ignore it, and
 * the script would then run without its dependencies), and so are two {@code script} blocks (the
 * specification's MUST). Blocks of other types are not read.
 */
public final class InlineScriptReader {
    /** The line that opens a script block. */
    public static final String OPENING = "# /// script";
    /** The line that closes a block. */
    public static final String CLOSING = "# ///";

    private static final List<String> FIELDS = List.of("dependencies", "requires-python", "tool");

    private InlineScriptReader() {
    }

    /** The script's metadata, or empty when it has no {@code script} block. */
    public static Optional<InlineScript> read(Path script) {
        return block(script).map(b -> parse(script, b));
    }

    /**
     * The script's {@code script} block (its TOML not parsed), or empty without one. The script is
     * read as UTF-8 (PEP 723: tools that do not follow a coding declaration MUST); one in another
     * encoding (a project's {@code # -*- coding: latin-1 -*-} module) is no concern of dockenv's as
     * long as it has no block, and an error at its first undecodable byte when it has one.
     */
    public static Optional<ScriptBlock> block(Path script) {
        byte[] bytes = Utf8File.bytes(script);
        String text;
        try {
            text = Utf8File.withoutByteOrderMark(Utf8File.decode(script, bytes));
        } catch (InputException notUtf8) {
            // the block's lines are ASCII: any byte decodes to one character, so a block is found as it is written
            if (block(script, new String(bytes, StandardCharsets.ISO_8859_1)).isEmpty()) {
                return Optional.empty();
            }
            throw notUtf8;
        }
        return block(script, text);
    }

    /** The script's {@code script} block (its TOML not parsed), or empty without one. */
    public static Optional<ScriptBlock> block(Path script, String text) {
        List<String> lines = lines(text);
        Optional<ScriptBlock> found = Optional.empty();
        int i = 0;
        while (i < lines.size()) {
            if (!lines.get(i).equals(OPENING)) {
                i++;
                continue;
            }
            int end = -1;
            int j = i + 1;
            while (j < lines.size() && isContent(lines.get(j))) {
                if (lines.get(j).equals(CLOSING)) {
                    end = j;
                }
                j++;
            }
            if (end < 0) {
                throw new InputException(new SourceLocation(script, i + 1, 1),
                        "the inline metadata block '" + OPENING + "' is not closed",
                        "end it with a line '" + CLOSING + "'; every line between (empty ones too) starts with '#'");
            }
            if (found.isPresent()) {
                throw new InputException(new SourceLocation(script, i + 1, 1),
                        "a second '" + OPENING + "' block (the first opens at line " + found.get().openingLine() + ")",
                        "a script has one block of inline metadata: merge them");
            }
            StringBuilder content = new StringBuilder();
            for (String line : lines.subList(i + 1, end)) {
                content.append(line.length() < 2 ? "" : line.substring(2)).append('\n');
            }
            found = Optional.of(new ScriptBlock(i + 1, content.toString()));
            i = end + 1;
        }
        return found;
    }

    /** The block's TOML: dependencies, requires-python and [tool.dockenv]. */
    public static InlineScript parse(Path script, ScriptBlock block) {
        TomlDocument doc = TomlDocument.parseEmbedded(script, block.content(), block.openingLine(),
                ScriptBlock.CONTENT_COLUMN_OFFSET);
        for (String key : doc.root().keySet()) {
            if (!FIELDS.contains(key)) {
                Optional<String> near = DidYouMean.closest(key, FIELDS);
                if (near.isPresent()) {
                    throw new InputException(doc.locationOf(List.of(key)), "unknown field '" + key
                            + "' in the script's inline metadata", "did you mean '" + near.get() + "'?");
                }
            }
        }
        Optional<DeclaredPython> requiresPython = doc.string(List.of("requires-python"), "a version specifier string")
                .map(t -> new DeclaredPython(t, doc.locationOf(List.of("requires-python")), "requires-python"));
        if (doc.contains(List.of("tool")) && doc.table(List.of("tool")).isEmpty()) {
            throw doc.wrongType(List.of("tool"), "a table");
        }
        DockenvConfig config = ConfigReader.read(doc, List.of("tool", "dockenv"));
        return new InlineScript(script, block, PyprojectReader.requirements(doc, List.of("dependencies")), requiresPython,
                config);
    }

    private static boolean isContent(String line) {
        return line.equals("#") || line.startsWith("# ");
    }

    /** The lines of the text as Python reads a source file: \n, \r\n or \r end a line. */
    private static List<String> lines(String text) {
        return List.of(text.split("\r\n|\r|\n", -1));
    }
}
