package dev.dockenv.lock.repo2docker;

import dev.dockenv.errors.IoFailures;
import dev.dockenv.io.Sha256;
import dev.dockenv.io.Utf8File;
import dev.dockenv.errors.InputException;
import dev.dockenv.errors.SourceLocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;

/**
 * Reads repo2docker's {@code postBuild} script: its mode, its {@code #!} line as the kernel reads
 * it (the interpreter path up to the first blank, then at most one argument), and a digest of its
 * bytes. Scripts that cannot run as written are {@link InputException}s at their line and
 * column: a {@code #!} line without an interpreter or with a relative one, a byte order mark that
 * hides the {@code #!}, and Windows line endings in a shell script (or on the {@code #!} line,
 * where the kernel would look for an interpreter whose name ends in a carriage return).
 */
public final class PostBuildReader {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private PostBuildReader() {
    }

    public static PostBuild read(Path script) {
        if (Files.isDirectory(script)) {
            throw new InputException(SourceLocation.of(script), "postBuild is a directory, not a script",
                    "repo2docker runs postBuild as a program: make it a file");
        }
        byte[] bytes = Utf8File.bytes(script);
        return parse(script, bytes, executable(script));
    }

    /** Reads a script's {@code bytes}; {@code script} names it in locations. */
    public static PostBuild parse(Path script, byte[] bytes, boolean executable) {
        if (startsWith(bytes, BOM)) {
            throw new InputException(new SourceLocation(script, 1, 1), "the script starts with a byte order mark, "
                    + "which hides " + (startsWith(bytes, BOM, "#!") ? "its #! line from the kernel"
                    : "the first command from the shell"), "save " + script.getFileName() + " as UTF-8 without a BOM");
        }
        // Lenient decoding: a script need not be UTF-8; positions are only needed for ASCII problems.
        String text = new String(bytes, StandardCharsets.UTF_8);
        Optional<Shebang> shebang = text.startsWith("#!") ? Optional.of(shebang(script, text)) : Optional.empty();
        if (shebang.map(Shebang::isShell).orElse(true)) {
            int cr = text.indexOf('\r');
            if (cr >= 0) {
                throw new InputException(locate(script, text, cr), "the script has Windows line endings (CRLF): "
                        + "the shell reads each carriage return as part of a command", crlfHint(script));
            }
        }
        return new PostBuild(script, executable, shebang, "sha256:" + sha256(bytes));
    }

    private static Shebang shebang(Path script, String text) {
        int newline = text.indexOf('\n');
        String line = newline < 0 ? text : text.substring(0, newline);
        int cr = line.indexOf('\r');
        if (cr >= 0) {
            throw new InputException(new SourceLocation(script, 1, cr + 1), "the #! line ends with a carriage return "
                    + "(Windows line ending): the kernel would look for an interpreter named '"
                    + line.substring(2, cr).strip() + "\\r'", crlfHint(script));
        }
        int start = 2;
        while (start < line.length() && isBlank(line.charAt(start))) {
            start++;
        }
        int end = start;
        while (end < line.length() && !isBlank(line.charAt(end))) {
            end++;
        }
        String interpreter = line.substring(start, end);
        if (interpreter.isEmpty()) {
            throw new InputException(new SourceLocation(script, 1, start + 1), "the #! line names no interpreter",
                    "write #!/bin/bash (repo2docker's documentation asks for it), or remove the #! line");
        }
        if (!interpreter.startsWith("/")) {
            throw new InputException(new SourceLocation(script, 1, start + 1), "the #! line names '" + interpreter
                    + "': the kernel needs the interpreter's absolute path",
                    "write #!/bin/" + interpreter + " or #!/usr/bin/env " + interpreter);
        }
        String argument = line.substring(end).strip();
        return new Shebang(interpreter, argument.isEmpty() ? Optional.empty() : Optional.of(argument));
    }

    private static String crlfHint(Path script) {
        return "convert it to Unix line endings (LF), e.g. dos2unix " + script.getFileName()
                + ", and keep them with a .gitattributes line: " + script.getFileName() + " text eol=lf";
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    /** Whether the owner may execute the file; without POSIX permissions, whether this process may. */
    private static boolean executable(Path script) {
        PosixFileAttributeView view = Files.getFileAttributeView(script, PosixFileAttributeView.class);
        if (view == null) {
            return Files.isExecutable(script);
        }
        try {
            return view.readAttributes().permissions().contains(PosixFilePermission.OWNER_EXECUTE);
        } catch (IOException e) {
            throw new InputException(SourceLocation.of(script), "cannot read the file's permissions: " + IoFailures.reason(e));
        }
    }

    private static SourceLocation locate(Path script, String text, int index) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new SourceLocation(script, line, index - lineStart + 1);
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix, String then) {
        byte[] rest = then.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length < prefix.length + rest.length) {
            return false;
        }
        for (int i = 0; i < rest.length; i++) {
            if (bytes[prefix.length + i] != rest[i]) {
                return false;
            }
        }
        return true;
    }

    private static String sha256(byte[] bytes) {
        return Sha256.hex(bytes);
    }
}
