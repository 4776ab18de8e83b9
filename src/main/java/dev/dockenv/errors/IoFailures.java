package dev.dockenv.errors;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.UndeclaredThrowableException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that turns an I/O failure ({@link IOException}, {@link UncheckedIOException})
 * into a {@link FileAccessException}: the path (the {@link FileSystemException}'s file when there
 * is one, else the path in dockenv's own message "cannot read PATH" / "cannot write PATH"), the
 * operating system's reason ("Permission denied", "No space left on device"...) and a hint for
 * that reason. An I/O failure is the user's file system talking, never a bug in dockenv.
 */
public final class IoFailures {
    /** The JDK's own suffix to ELOOP's text (it cannot tell a loop from an unreadable link). */
    private static final String LOOP_SUFFIX = " or unable to access attributes of symbolic link";
    /** {@link FileNotFoundException}'s message: "PATH (REASON)". */
    private static final Pattern LEGACY_MESSAGE = Pattern.compile("(.+) \\(([^()]+)\\)");
    /** dockenv's messages name the path last: "cannot read /p/x", "cannot write the file digest cache /c/d". */
    private static final String NOT_TEXT = "the file is not valid UTF-8 text";
    private static final Pattern CONTEXT_VERB = Pattern.compile("cannot (?:read|write|list|restore|write into) (\\S+)");

    private IoFailures() {
    }

    /** What dockenv was doing, for the message and for which permission a hint asks for. */
    public enum Operation {
        READ("read"), WRITE("write"), ACCESS("access");

        private final String verb;

        Operation(String verb) {
            this.verb = verb;
        }

        public String verb() {
            return verb;
        }
    }

    /** The reasons a hint can say something useful about, by the C library's words for them. */
    public enum Cause {
        PERMISSION_DENIED("Permission denied"),
        NOT_PERMITTED("Operation not permitted"),
        READ_ONLY("Read-only file system"),
        NO_SPACE("No space left on device"),
        QUOTA("Disk quota exceeded", "Disc quota exceeded"),
        IS_A_DIRECTORY("Is a directory"),
        NOT_A_DIRECTORY("Not a directory"),
        SYMLINK_LOOP("Too many levels of symbolic links"),
        NOT_FOUND("No such file or directory"),
        EXISTS("File exists"),
        NOT_EMPTY("Directory not empty"),
        TOO_MANY_OPEN_FILES("Too many open files"),
        NAME_TOO_LONG("File name too long"),
        IO_ERROR("Input/output error", "Stale file handle"),
        OTHER();

        private final List<String> texts;

        Cause(String... texts) {
            this.texts = List.of(texts);
        }

        /** The usual text of this reason (empty for OTHER). */
        public String text() {
            return texts.isEmpty() ? "" : texts.get(0);
        }

        static Cause of(String reason) {
            String r = reason.toLowerCase(Locale.ROOT);
            for (Cause c : values()) {
                for (String t : c.texts) {
                    if (r.startsWith(t.toLowerCase(Locale.ROOT))) {
                        return c;
                    }
                }
            }
            return OTHER;
        }
    }

    /** Reading {@code file} failed. */
    public static FileAccessException reading(Path file, IOException e) {
        return describe("cannot read " + file, Operation.READ, e, null, e);
    }

    /** Writing {@code file} failed. */
    public static FileAccessException writing(Path file, IOException e) {
        return describe("cannot write " + file, Operation.WRITE, e, null, e);
    }

    /**
     * A failure with dockenv's own words for what it was doing ({@code "cannot use dockenv's cache
     * folder /c"}); {@code cacheDirectory} (may be null) lets the hint say when the path is in the cache.
     */
    public static FileAccessException of(String doing, Operation operation, IOException e, Path cacheDirectory) {
        return describe(doing, operation, e, cacheDirectory, e);
    }

    /** An {@link UncheckedIOException}: its message says what dockenv was doing, its cause why it failed. */
    public static FileAccessException of(UncheckedIOException e, Path cacheDirectory) {
        IOException io = e.getCause();
        String context = e.getMessage();
        if (context == null || context.equals(String.valueOf(io))) {
            context = null; // new UncheckedIOException(cause) repeats the cause's own text
        }
        return describe(context, context == null ? Operation.ACCESS : operationOf(context), io, cacheDirectory, e);
    }

    /** An {@link IOException} that reached the top without dockenv's words around it. */
    public static FileAccessException of(IOException e, Path cacheDirectory) {
        return describe(null, Operation.ACCESS, e, cacheDirectory, e);
    }

    /**
     * The user-facing error {@code t} stands for: a {@link FileAccessException} for an
     * {@link UncheckedIOException} or {@link IOException} (also inside a CompletionException or
     * ExecutionException), or the exception itself when it is one already. A file that is not
     * UTF-8 text (the JDK's CharacterCodingException is an IOException) is bad input, exit 4, as
     * {@code io.Utf8File} says it. Empty for everything else, which keeps its own meaning.
     */
    public static Optional<DockenvException> from(Throwable t, Path cacheDirectory) {
        Throwable current = t;
        for (int depth = 0; current != null && depth < 8; depth++) {
            if (current instanceof FileAccessException f) {
                return Optional.of(f);
            }
            if (current instanceof UncheckedIOException u && u.getCause() != null) {
                return Optional.of(u.getCause() instanceof CharacterCodingException
                        ? notText(u.getMessage(), u) : of(u, cacheDirectory));
            }
            if (current instanceof IOException io) {
                return Optional.of(io instanceof CharacterCodingException ? notText(null, io) : of(io, cacheDirectory));
            }
            boolean wrapper = current instanceof CompletionException || current instanceof ExecutionException
                    || current instanceof UndeclaredThrowableException || current instanceof InvocationTargetException;
            if (!wrapper) {
                return Optional.empty();
            }
            current = current.getCause();
        }
        return Optional.empty();
    }

    /** A file that is not UTF-8 text: bad input (exit 4) at the file, with Utf8File's words. */
    private static DockenvException notText(String context, Throwable cause) {
        String path = context == null ? null : pathIn(context);
        Path file = toPath(path);
        if (file == null) {
            return new DockenvException(ExitCode.BAD_INPUT, (context == null ? "a file" : context) + ": " + NOT_TEXT,
                    "save it as UTF-8", cause);
        }
        return new InputException(SourceLocation.of(file), NOT_TEXT, "save it as UTF-8");
    }

    /** The operating system's reason for {@code e}, as the C library words it. */
    public static String reason(IOException e) {
        if (e instanceof CharacterCodingException) {
            return NOT_TEXT; // MalformedInputException's own message is "Input length = 1"
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            String r = fse.getReason();
            return r.endsWith(LOOP_SUFFIX) ? r.substring(0, r.length() - LOOP_SUFFIX.length()) : r;
        }
        if (e instanceof AccessDeniedException) {
            return Cause.PERMISSION_DENIED.text();
        }
        if (e instanceof NoSuchFileException) {
            return Cause.NOT_FOUND.text();
        }
        if (e instanceof FileAlreadyExistsException) {
            return Cause.EXISTS.text();
        }
        if (e instanceof NotDirectoryException) {
            return Cause.NOT_A_DIRECTORY.text();
        }
        if (e instanceof DirectoryNotEmptyException) {
            return Cause.NOT_EMPTY.text();
        }
        if (e instanceof NotLinkException) {
            return "Not a symbolic link";
        }
        if (e instanceof FileSystemLoopException) {
            return "the folders' symbolic links form a loop";
        }
        if (e instanceof FileNotFoundException && e.getMessage() != null) {
            Matcher m = LEGACY_MESSAGE.matcher(e.getMessage());
            if (m.matches()) {
                return m.group(2);
            }
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    /** The kind of reason, for the hint. */
    public static Cause cause(IOException e) {
        if (e instanceof FileSystemLoopException) {
            return Cause.SYMLINK_LOOP;
        }
        return Cause.of(reason(e));
    }

    private static FileAccessException describe(String context, Operation operation, IOException io,
            Path cacheDirectory, Throwable cause) {
        String reason = reason(io);
        Cause kind = cause(io);
        String file = null;
        String other = null;
        if (io instanceof FileSystemException fse) {
            file = fse.getFile();
            other = fse.getOtherFile();
        } else if (io instanceof FileNotFoundException && io.getMessage() != null) {
            Matcher m = LEGACY_MESSAGE.matcher(io.getMessage());
            file = m.matches() ? m.group(1) : null;
        }
        String contextPath = context == null ? null : pathIn(context);
        String path = file != null ? file : contextPath;

        StringBuilder message = new StringBuilder();
        if (context != null) {
            message.append(context);
            if (file != null && !context.contains(file)) {
                message.append(": ").append(file);
                if (other != null && !context.contains(other)) {
                    message.append(" -> ").append(other);
                }
            }
        } else if (file != null) {
            message.append("cannot ").append(operation.verb()).append(' ').append(file);
            if (other != null) {
                message.append(" -> ").append(other);
            }
        } else {
            message.append("an input/output operation failed");
        }
        message.append(": ").append(reason);
        String hint = FileAccessHints.of(kind, operation, toPath(path), cacheDirectory, FileAccessHints.FileSystemView.LOCAL);
        return new FileAccessException(message.toString(), path, reason, kind, hint, cause);
    }

    /** The path in dockenv's words for what it was doing: from the first absolute path to the end. */
    static String pathIn(String context) {
        int slash = context.indexOf(" /");
        if (slash >= 0) {
            return context.substring(slash + 1);
        }
        Matcher m = CONTEXT_VERB.matcher(context);
        return m.matches() ? m.group(1) : null;
    }

    private static Operation operationOf(String context) {
        String c = context.toLowerCase(Locale.ROOT);
        if (c.startsWith("cannot read") || c.startsWith("cannot list")) {
            return Operation.READ;
        }
        if (c.startsWith("cannot write") || c.startsWith("cannot restore") || c.startsWith("cannot prepare")
                || c.startsWith("cannot create")) {
            return Operation.WRITE;
        }
        return Operation.ACCESS;
    }

    private static Path toPath(String path) {
        if (path == null) {
            return null;
        }
        try {
            return Path.of(path);
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
