package dev.dockenv.lock.pipenv;

import dev.dockenv.errors.IoFailures;
import dev.dockenv.errors.InputException;
import dev.dockenv.errors.SourceLocation;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a Pipfile or Pipfile.lock as strict UTF-8 (what pipenv writes); a missing or unreadable
 * file, or bytes that are not UTF-8, become an {@link InputException}. A leading byte-order mark is
 * dropped.
 */
final class TextFile {
    private TextFile() {
    }

    static String read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InputException(SourceLocation.of(file), "file not found");
        } catch (IOException e) {
            throw IoFailures.reading(file, e);
        }
        String text = decode(file, bytes);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static String decode(Path file, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InputException(SourceLocation.of(file, lineOfFirstBadByte(bytes)),
                    "the file is not valid UTF-8 text", "save it as UTF-8");
        }
    }

    /** The line holding the first byte that does not decode, counted by the newlines before it. */
    private static int lineOfFirstBadByte(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int line = 1;
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                try {
                    decoder.reset().decode(ByteBuffer.wrap(bytes, start, i - start));
                } catch (CharacterCodingException e) {
                    return line;
                }
                line++;
                start = i + 1;
            }
        }
        return line;
    }
}
