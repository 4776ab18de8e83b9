package dev.dockenv.io;

import dev.dockenv.errors.FileAccessException;
import dev.dockenv.errors.InputException;
import dev.dockenv.errors.IoFailures;
import dev.dockenv.errors.SourceLocation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads a project file as strict UTF-8: a missing or non-UTF-8 file is an {@link InputException}
 * (the project names a file it does not have; a byte that does not decode is reported at its line
 * and column, with its value and byte offset), an unreadable one a {@link FileAccessException}.
 * The one place dockenv decodes a project's text: nothing is replaced silently. Only regular files
 * are opened ({@link ProjectFileCheck}).
 */
public final class Utf8File {
    /** The problem reported for bytes that are not UTF-8, followed by where they are. */
    public static final String NOT_UTF8 = "the file is not valid UTF-8 text";
    public static final String SAVE_AS_UTF8 = "save it as UTF-8";
    /** The problem reported for a file that is not there. */
    public static final String NOT_FOUND = "file not found";
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private Utf8File() {
    }

    /** The file's text, a leading byte-order mark kept (for readers that report or skip it themselves). */
    public static String read(Path file) {
        return decode(file, bytes(file));
    }

    /** The file's text without a leading byte-order mark, for formats that allow one. */
    public static String readText(Path file) {
        return withoutByteOrderMark(read(file));
    }

    public static String withoutByteOrderMark(String text) {
        return !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
    }

    /**
     * The file's bytes, once {@link ProjectFileCheck#requireRegularFile} has found a regular file
     * there (never a pipe, a device or a folder) and at most {@link ProjectFileCheck#MAX_BYTES} of them.
     */
    public static byte[] bytes(Path file) {
        ProjectFileCheck.requireRegularFile(file);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) ProjectFileCheck.MAX_BYTES + 1);
            if (bytes.length > ProjectFileCheck.MAX_BYTES) {
                throw new InputException(SourceLocation.of(file), ProjectFileCheck.tooLarge(-1));
            }
            return bytes;
        } catch (NoSuchFileException e) {
            throw new InputException(SourceLocation.of(file), NOT_FOUND);
        } catch (IOException e) {
            throw IoFailures.reading(file, e);
        }
    }

    /**
     * The bytes as UTF-8 text; the first malformed or truncated sequence is an {@link InputException}
     * at its line and column (counted in bytes from the line's start), naming the byte and its offset.
     */
    public static String decode(Path file, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw notUtf8(file, bytes, in.position());
        }
        return out.flip().toString();
    }

    /** The error for the byte at {@code offset}, which does not start a valid UTF-8 sequence. */
    static InputException notUtf8(Path file, byte[] bytes, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        String value = offset < bytes.length
                ? "byte 0x" + String.format(Locale.ROOT, "%02X", bytes[offset] & 0xff) : "the end of the file";
        return new InputException(new SourceLocation(file, line, offset - lineStart + 1),
                NOT_UTF8 + " at line " + line + " (" + value + " at byte offset " + offset + ")", SAVE_AS_UTF8);
    }
}
