package dev.dockenv.lock.pipenv;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.dockenv.errors.InputException;
import dev.dockenv.errors.SourceLocation;
import dev.dockenv.io.NestingLimit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parses JSON text into a {@link PositionedJson} tree with Jackson's streaming parser, keeping the
 * line and column of every value and key. A syntax error, a repeated key, an empty file or text
 * after the document become an {@link InputException} at the place where they are, and so do
 * arrays and objects nested deeper than {@link NestingLimit#MAX_DEPTH} (Jackson counts them).
 */
final class PositionedJsonParser {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(NestingLimit.MAX_DEPTH).build())
            .build();
    private static final Pattern SOURCE_REFERENCE = Pattern.compile("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]");

    private final Path file;
    private final JsonParser parser;

    private PositionedJsonParser(Path file, JsonParser parser) {
        this.file = file;
        this.parser = parser;
    }

    static PositionedJson parse(Path file, String text) {
        // A String source makes Jackson count columns in characters (an InputStream would count bytes).
        try (JsonParser parser = FACTORY.createParser(text)) {
            return parse(file, parser);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PositionedJson parse(Path file, JsonParser parser) throws IOException {
        try {
            PositionedJsonParser reader = new PositionedJsonParser(file, parser);
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new InputException(SourceLocation.of(file, 1, 1), "invalid JSON: the file is empty");
            }
            PositionedJson root = reader.value(first);
            if (parser.nextToken() != null) {
                throw new InputException(reader.here(), "invalid JSON: unexpected " + describe(parser)
                        + " after the end of the document");
            }
            return root;
        } catch (StreamConstraintsException e) {
            throw new InputException(location(file, parser.currentLocation()), "this array or object is "
                    + NestingLimit.problem(), "write the file with fewer levels");
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new InputException(at == null ? SourceLocation.of(file) : location(file, at),
                    "invalid JSON: " + firstLine(e.getOriginalMessage()));
        }
    }

    private PositionedJson value(JsonToken token) throws IOException {
        SourceLocation at = here();
        return switch (token) {
            case START_OBJECT -> object(at);
            case START_ARRAY -> array(at);
            case VALUE_STRING -> new PositionedJson.Str(parser.getText(), at);
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new PositionedJson.Num(parser.getDecimalValue(), at);
            case VALUE_TRUE -> new PositionedJson.Bool(true, at);
            case VALUE_FALSE -> new PositionedJson.Bool(false, at);
            case VALUE_NULL -> new PositionedJson.Null(at);
            default -> throw new InputException(at, "invalid JSON: unexpected " + describe(parser));
        };
    }

    private PositionedJson.Obj object(SourceLocation at) throws IOException {
        Map<String, PositionedJson.Member> members = new LinkedHashMap<>();
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            SourceLocation keyAt = here();
            PositionedJson.Member previous = members.get(key);
            if (previous != null) {
                throw new InputException(keyAt, "the key \"" + key + "\" is repeated (first at line "
                        + previous.keyLocation().line() + ")");
            }
            PositionedJson value = value(parser.nextToken());
            members.put(key, new PositionedJson.Member(key, keyAt, value));
        }
        if (token != JsonToken.END_OBJECT) {
            throw new InputException(here(), "invalid JSON: unexpected end of the file in the object opened at line "
                    + at.line());
        }
        return new PositionedJson.Obj(members, at);
    }

    private PositionedJson.Arr array(SourceLocation at) throws IOException {
        List<PositionedJson> items = new ArrayList<>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token == null) {
                throw new InputException(here(), "invalid JSON: unexpected end of the file in the array opened at line "
                        + at.line());
            }
            items.add(value(token));
        }
        return new PositionedJson.Arr(items, at);
    }

    private SourceLocation here() {
        return location(file, parser.currentTokenLocation());
    }

    private static SourceLocation location(Path file, JsonLocation at) {
        return new SourceLocation(file, Math.max(at.getLineNr(), 0), Math.max(at.getColumnNr(), 0));
    }

    private static String describe(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        return token == null ? "end of the file" : "'" + parser.getText() + "'";
    }

    /** Jackson's message without its source description: "[Source: ...; line: 2, column: 12]" becomes "line 2, column 12". */
    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return SOURCE_REFERENCE.matcher(line).replaceAll("line $1, column $2");
    }
}
