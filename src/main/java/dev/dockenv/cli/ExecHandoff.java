package dev.dockenv.cli;

import dev.dockenv.engine.EngineUnreachableException;
import dev.dockenv.io.AtomicFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs the final command of {@code run} and {@code shell}. Under the bin/dockenv launcher
 * (DOCKENV_EXEC_FILE set) the JVM writes the command, NUL-separated, to that file and exits; the
 * launcher then execs it, so no JVM stays alive while the user's command runs and signals, the
 * terminal and the exit code belong to the docker client alone. Without the launcher the command
 * runs as a child process with inherited stdio.
 */
final class ExecHandoff {
    private ExecHandoff() {
    }

    static int execute(Session session, List<String> command) {
        var handoff = session.env("DOCKENV_EXEC_FILE");
        if (handoff.isPresent()) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            for (String word : command) {
                bytes.writeBytes(word.getBytes(StandardCharsets.UTF_8));
                bytes.write(0);
            }
            Path file = Path.of(handoff.get());
            try {
                AtomicFiles.write(file, bytes.toByteArray());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the launcher's command file " + file, e);
            }
            return 0;
        }
        session.out().flush();
        session.err().flush();
        try {
            return session.processes().inherit(command, java.util.Map.of());
        } catch (IOException e) {
            // ProcessBuilder's "Cannot run program ...: error=2, No such file or directory": the client is gone
            throw new EngineUnreachableException("cannot start the docker client '" + command.get(0) + "': "
                    + e.getMessage(), "install Docker (e.g. the docker.io package), or set DOCKENV_DOCKER to its client");
        }
    }
}
