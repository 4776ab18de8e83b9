package dev.dockenv.context;

import dev.dockenv.errors.DockenvException;
import dev.dockenv.errors.ExitCode;
import dev.dockenv.errors.FileAccessException;
import dev.dockenv.errors.IoFailures;
import java.io.IOException;
import java.nio.file.Path;

/** The errors this package reports about project files. */
final class ContextErrors {

    private ContextErrors() {
    }

    /** A file or folder of the build context that cannot be read: exit 9, path and reason. */
    static DockenvException unreadable(Path file, IOException e) {
        FileAccessException failure = IoFailures.reading(file, e);
        return failure.kind() == IoFailures.Cause.NOT_FOUND ? failure
                : failure.withAdvice("or exclude it in .dockerignore");
    }

    static DockenvException changedWhileReading(Path file) {
        return new DockenvException(ExitCode.BAD_INPUT, file + " changed while the build context was being sent",
                "run the command again once nothing is writing to the project", null);
    }
}
