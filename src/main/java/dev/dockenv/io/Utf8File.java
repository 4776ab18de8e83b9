package dev.dockenv.io;

import dev.dockenv.errors.FileAccessException;
import dev.dockenv.errors.InputException;
import dev.dockenv.errors.IoFailures;
import dev.dockenv.errors.SourceLocation;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a project file as strict UTF-8: a missing or non-UTF-8 file is an {@link InputException}
 * (the project names a file it does not have), an unreadable one a {@link FileAccessException}.
 */
public final class Utf8File {
    private Utf8File() {
    }

    public static String read(Path file) {
        return decode(file, bytes(file));
    }

    public static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InputException(SourceLocation.of(file), "file not found");
        } catch (IOException e) {
            throw IoFailures.reading(file, e);
        }
    }

    public static String decode(Path file, byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InputException(SourceLocation.of(file), "the file is not valid UTF-8 text", "save it as UTF-8");
        }
    }
}
