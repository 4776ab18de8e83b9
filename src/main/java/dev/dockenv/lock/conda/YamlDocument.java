package dev.dockenv.lock.conda;

import dev.dockenv.errors.InputException;
import dev.dockenv.errors.SourceLocation;
import dev.dockenv.io.NestingLimit;
import java.nio.file.Path;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.events.CollectionEndEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * A YAML 1.2 file composed into a node tree (no construction: every scalar keeps its text, so
 * {@code python=3.10} and {@code on} stay strings), with the file positions of its nodes.
 */
final class YamlDocument {
    private final Path file;
    private final String text;
    private final Optional<Node> root;

    private YamlDocument(Path file, String text, Optional<Node> root) {
        this.file = file;
        this.text = text;
        this.root = root;
    }

    /**
     * Composes {@code text}; malformed YAML is an {@link InputException} at the parser's problem
     * mark, and so is a list or mapping nested deeper than {@link NestingLimit#MAX_DEPTH} (the
     * composer descends recursively: the events are counted first, which takes no stack).
     */
    static YamlDocument compose(Path file, String text) {
        LoadSettings settings = LoadSettings.builder()
                .setLabel(file.toString())
                .setSchema(new CoreSchema())
                .setAllowRecursiveKeys(false)
                .build();
        try {
            checkNesting(file, settings, text);
            return new YamlDocument(file, text, new Compose(settings).composeString(text));
        } catch (MarkedYamlEngineException e) {
            Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
            String problem = e.getProblem() == null ? "" : e.getProblem().strip();
            throw new InputException(mark.map(m -> at(file, m)).orElse(SourceLocation.of(file)),
                    "invalid YAML: " + describe(problem, e.getContext()), yamlHint(problem));
        } catch (ReaderException e) {
            throw new InputException(atIndex(file, text, e.getPosition()), "invalid YAML: character U+"
                    + String.format("%04X", e.getCodePoint()) + " is not allowed in a YAML file");
        } catch (YamlEngineException e) {
            throw new InputException(SourceLocation.of(file), "invalid YAML: " + e.getMessage());
        }
    }

    private static void checkNesting(Path file, LoadSettings settings, String text) {
        int depth = 0;
        for (Event event : new Parse(settings).parseString(text)) {
            if (event instanceof CollectionStartEvent) {
                depth++;
                if (NestingLimit.exceeded(depth)) {
                    throw new InputException(event.getStartMark().map(m -> at(file, m)).orElse(SourceLocation.of(file)),
                            "this list or mapping is " + NestingLimit.problem(), "write the file with fewer levels");
                }
            } else if (event instanceof CollectionEndEvent) {
                depth--;
            }
        }
    }

    /** "found X while scanning Y", or "expected X, but found Y". */
    private static String describe(String problem, String context) {
        if (context == null || context.isBlank()) {
            return problem;
        }
        String c = context.strip();
        return c.startsWith("while") ? problem + " " + c : c + ", " + problem;
    }

    private static String yamlHint(String problem) {
        if (problem.contains("\\t") || problem.contains("tab")) {
            return "indent with spaces: YAML does not allow tabs for indentation";
        }
        return null;
    }

    Path file() {
        return file;
    }

    Optional<Node> root() {
        return root;
    }

    /** Where a node starts. */
    SourceLocation at(Node node) {
        return node.getStartMark().map(m -> at(file, m)).orElse(SourceLocation.of(file));
    }

    /** Where a scalar's text starts: after the opening quote of a quoted scalar. */
    SourceLocation contentStart(ScalarNode node) {
        SourceLocation start = at(node);
        boolean quoted = node.getScalarStyle() == ScalarStyle.DOUBLE_QUOTED
                || node.getScalarStyle() == ScalarStyle.SINGLE_QUOTED;
        return quoted && start.column() > 0
                ? new SourceLocation(file, start.line(), start.column() + 1) : start;
    }

    /**
     * True when the scalar's value is its source text on one line, so that a column inside the
     * value is the same column in the file.
     */
    boolean columnsExact(ScalarNode node) {
        Optional<Mark> start = node.getStartMark();
        Optional<Mark> end = node.getEndMark();
        if (start.isEmpty() || end.isEmpty() || start.get().getLine() != end.get().getLine()) {
            return false;
        }
        ScalarStyle style = node.getScalarStyle();
        if (style == ScalarStyle.PLAIN) {
            return true;
        }
        if (style != ScalarStyle.DOUBLE_QUOTED && style != ScalarStyle.SINGLE_QUOTED) {
            return false;
        }
        try {
            int from = text.offsetByCodePoints(0, start.get().getIndex() + 1);
            int to = text.offsetByCodePoints(0, end.get().getIndex() - 1);
            return from <= to && text.substring(from, to).equals(node.getValue());
        } catch (IndexOutOfBoundsException e) {
            return false;
        }
    }

    static boolean isNull(Node node) {
        return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }

    /** "a list", "a mapping", "a string" or "nothing", for messages. */
    static String describe(Node node) {
        if (isNull(node)) {
            return "nothing";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        return "'" + ((ScalarNode) node).getValue() + "'";
    }

    private static SourceLocation at(Path file, Mark mark) {
        return new SourceLocation(file, mark.getLine() + 1, mark.getColumn() + 1);
    }

    /** The line and column of a code point index. */
    private static SourceLocation atIndex(Path file, String text, int codePointIndex) {
        int line = 1;
        int column = 1;
        int seen = 0;
        for (int i = 0; i < text.length() && seen < codePointIndex; i += Character.charCount(text.codePointAt(i))) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
            seen++;
        }
        return new SourceLocation(file, line, column);
    }
}
