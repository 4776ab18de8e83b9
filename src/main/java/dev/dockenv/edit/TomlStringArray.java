package dev.dockenv.edit;

import java.util.ArrayList;
import java.util.List;
import org.tomlj.TomlArray;
import org.tomlj.TomlPosition;

/**
 * A TOML array of strings as it is written in a document: where it opens and closes, where each
 * element is, and its style (one line or one element per line, indentation, trailing comma,
 * quote). Edits return the whole document's new text with everything else left as it was.
 */
final class TomlStringArray {
    private final TomlSource source;
    private final int open;
    private final int close;
    private final List<int[]> elements;
    private final boolean multiline;
    private final String indent;
    private final boolean trailingComma;
    private final char quote;
    private final String nl;

    private TomlStringArray(TomlSource source, int open, int close, List<int[]> elements) {
        this.source = source;
        this.open = open;
        this.close = close;
        this.elements = elements;
        String text = source.text();
        this.multiline = text.substring(open, close).indexOf('\n') >= 0;
        String firstIndent = "    ";
        if (!elements.isEmpty()) {
            int start = elements.get(0)[0];
            String before = text.substring(source.lineStart(start), start);
            if (multiline && before.isBlank()) {
                firstIndent = before;
            }
        }
        this.indent = firstIndent;
        this.trailingComma = !elements.isEmpty()
                && text.charAt(source.skipTrivia(elements.get(elements.size() - 1)[1])) == ',';
        this.quote = elements.isEmpty() ? '"' : text.charAt(elements.get(0)[0]);
        this.nl = text.contains("\r\n") ? "\r\n" : "\n";
    }

    /**
     * Locates an array whose key starts at {@code keyOffset}; {@code array} is the parsed value
     * (tomlj knows where each element starts).
     */
    static TomlStringArray locate(TomlSource source, int keyOffset, TomlArray array) {
        String text = source.text();
        int eq = source.skipBlanks(source.keyEnd(keyOffset));
        if (text.charAt(eq) != '=') {
            throw new IllegalStateException("no '=' after the key at " + keyOffset);
        }
        int open = source.skipBlanks(eq + 1);
        if (text.charAt(open) != '[') {
            throw new IllegalStateException("no array after the key at " + keyOffset);
        }
        List<int[]> elements = new ArrayList<>();
        int end = open + 1;
        for (int i = 0; i < array.size(); i++) {
            TomlPosition at = array.inputPositionOf(i);
            int start = source.offsetOf(at.line(), at.column());
            end = source.valueEnd(start); // strings, or a PEP 735 {include-group = "..."} table
            elements.add(new int[] {start, end});
        }
        int close = source.skipTrivia(end);
        if (text.charAt(close) == ',') {
            close = source.skipTrivia(close + 1);
        }
        if (text.charAt(close) != ']') {
            throw new IllegalStateException("the array at " + open + " does not close where expected");
        }
        return new TomlStringArray(source, open, close, List.copyOf(elements));
    }

    int size() {
        return elements.size();
    }

    /** The text of the document with element {@code index} replaced by {@code value}. */
    String replace(int index, String value) {
        int[] e = elements.get(index);
        return splice(e[0], e[1], TomlSource.quote(value, quote));
    }

    /** The text of the document with {@code value} inserted as element {@code index} (0 .. size). */
    String insert(int index, String value) {
        String text = source.text();
        String literal = TomlSource.quote(value, quote);
        if (elements.isEmpty()) {
            if (text.substring(open + 1, close).isBlank()) {
                return splice(open, close + 1, "[" + nl + indent + literal + "," + nl + "]");
            }
            return splice(open + 1, open + 1, nl + indent + literal + ",");
        }
        if (index < elements.size()) {
            int start = elements.get(index)[0];
            return splice(start, start, literal + (multiline ? "," + nl + indent : ", "));
        }
        int lastEnd = elements.get(elements.size() - 1)[1];
        if (!multiline) {
            return splice(lastEnd, lastEnd, ", " + literal);
        }
        if (trailingComma) {
            int comma = source.skipTrivia(lastEnd);
            int at = restOfLineIsTrivia(comma + 1) ? lineEnd(comma) : comma + 1;
            return splice(at, at, nl + indent + literal + ",");
        }
        int at = restOfLineIsTrivia(lastEnd) ? lineEnd(lastEnd) : lastEnd;
        String withComma = splice(lastEnd, lastEnd, ",");
        return new StringBuilder(withComma).insert(at + 1, nl + indent + literal).toString();
    }

    /** The text of the document without element {@code index}. */
    String remove(int index) {
        String text = source.text();
        int[] e = elements.get(index);
        int afterElement = source.skipBlanks(e[1]);
        boolean commaAfter = afterElement < text.length() && text.charAt(afterElement) == ',';
        int afterComma = commaAfter ? afterElement + 1 : e[1];
        boolean aloneOnLine = multiline && text.substring(source.lineStart(e[0]), e[0]).isBlank()
                && restOfLineIsTrivia(afterComma) && lineEnd(afterComma) < close;
        if (aloneOnLine) {
            // the element's whole line goes, with a comment written after it (it spoke of the element)
            return splice(source.lineStart(e[0]), source.nextLineStart(afterComma), "");
        }
        if (commaAfter && index < elements.size() - 1) {
            return splice(e[0], source.skipBlanks(afterComma), "");
        }
        if (index > 0) {
            return splice(elements.get(index - 1)[1], afterComma, commaAfter && trailingComma ? "," : "");
        }
        return splice(e[0], afterComma, "");
    }

    private boolean restOfLineIsTrivia(int from) {
        String text = source.text();
        int i = source.skipBlanks(from);
        return i >= text.length() || text.charAt(i) == '\n' || text.charAt(i) == '\r' || text.charAt(i) == '#';
    }

    /** The offset of the newline ending the line that holds {@code offset} (before a \r). */
    private int lineEnd(int offset) {
        String text = source.text();
        int nl = text.indexOf('\n', offset);
        if (nl < 0) {
            return text.length();
        }
        return nl > 0 && text.charAt(nl - 1) == '\r' ? nl - 1 : nl;
    }

    private String splice(int from, int to, String with) {
        String text = source.text();
        return text.substring(0, from) + with + text.substring(to);
    }
}
