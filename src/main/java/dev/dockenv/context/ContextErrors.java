package dev.dockenv.context;

import dev.dockenv.errors.DockenvException;
import dev.dockenv.errors.ExitCode;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/** The errors this package reports about project files. */
final class ContextErrors {

    private ContextErrors() {
    }

    static DockenvException unreadable(Path file, IOException e) {
        return new DockenvException(ExitCode.BAD_INPUT, "cannot read " + file + ": " + reason(e),
                "check the file's permissions, or exclude it in .dockerignore", e);
    }

    static DockenvException changedWhileReading(Path file) {
        return new DockenvException(ExitCode.BAD_INPUT, file + " changed while the build context was being sent",
                "run the command again once nothing is writing to the project", null);
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
