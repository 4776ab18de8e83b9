package dev.dockenv.yaml;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.StreamDataWriter;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.NonPrintableStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * YAML as dockenv writes it for tools that read YAML 1.1 (docker-compose 1.29's PyYAML, kubectl)
 * as well as 1.2: block style, lines never folded, non-printable characters escaped, the same bytes
 * for the same tree; a string plain only when no reader of either version can take it for anything
 * else, else double-quoted.
 */
public final class BlockYaml {
    /** Words YAML 1.1 readers take for booleans or null, in any case. */
    private static final Set<String> YAML11_WORDS = Set.of("y", "n", "yes", "no", "true", "false", "on", "off", "null");

    private static final DumpSettings SETTINGS = DumpSettings.builder()
            .setDefaultFlowStyle(FlowStyle.BLOCK)
            .setIndentWithIndicator(true)
            .setIndicatorIndent(2)
            .setSplitLines(false)
            .setNonPrintableStyle(NonPrintableStyle.ESCAPE)
            .build();

    private BlockYaml() {
    }

    /** The document of the tree {@code root}. */
    public static String dump(Node root) {
        StringBuilder yaml = new StringBuilder();
        new Dump(SETTINGS).dumpNode(root, new StreamDataWriter() {
            @Override
            public void write(String str) {
                yaml.append(str);
            }

            @Override
            public void write(String str, int off, int len) {
                yaml.append(str, off, off + len);
            }
        });
        // YAML 1.1 readers also break lines at LINE and PARAGRAPH SEPARATOR, which the YAML 1.2 emitter
        // writes as they are (it escapes NEL itself). Only double-quoted strings can hold them here, so
        // they are written as four-digit escapes, which every reader knows (snakeyaml-engine does not
        // know YAML's \L and \P)
        return yaml.toString().replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }

    /**
     * A script of several lines as a literal block ({@code |}), read back exactly; text a literal
     * block would not keep as it is (no final newline, a first line indented, a line ending in a
     * space, a character that must be escaped) is double-quoted instead.
     */
    public static ScalarNode literal(String text) {
        boolean fits = text.endsWith("\n") && !text.isBlank() && !text.startsWith(" ")
                && text.lines().allMatch(l -> l.equals(l.stripTrailing()))
                && text.codePoints().allMatch(c -> c == '\n' || (c >= 0x20 && c < 0x7f));
        return new ScalarNode(Tag.STR, text, fits ? ScalarStyle.LITERAL : ScalarStyle.DOUBLE_QUOTED);
    }

    /** A string: plain when {@code plain} matches it and it is no YAML 1.1 word, else double-quoted. */
    public static ScalarNode string(String value, Pattern plain) {
        boolean isPlain = plain.matcher(value).matches() && !YAML11_WORDS.contains(value.toLowerCase(Locale.ROOT));
        return new ScalarNode(Tag.STR, value, isPlain ? ScalarStyle.PLAIN : ScalarStyle.DOUBLE_QUOTED);
    }
}
