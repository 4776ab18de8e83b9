package dev.dockenv.cli;

import dev.dockenv.errors.IoFailures;
import dev.dockenv.io.AtomicFiles;
import dev.dockenv.services.StackFolder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Random;

/**
 * The token of one {@code dockenv notebook} server: 48 hex digits (24 random bytes), handed to
 * Jupyter as {@code JUPYTER_TOKEN} through an env file the docker client reads, never on a command
 * line (which {@code ps} shows to every user) nor in dockenv's cache. The file is the project's
 * {@code .dockenv/stack/notebook-PORT.env}, readable by its owner alone (rw-------), one per host
 * port so that two notebooks of a project never read each other's; the folder is dockenv's stack
 * state, kept out of git by a {@code .gitignore} of {@code *} written when missing (and out of
 * image builds by the build context's default ignores).
 */
record NotebookToken(String value) {
    /** The token's variable, which jupyter_server (and Notebook 6) read. */
    static final String VARIABLE = "JUPYTER_TOKEN";
    private static final int BYTES = 24;

    /** A new token from {@code random} (a SecureRandom outside tests). */
    static NotebookToken random(Random random) {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return new NotebookToken(HexFormat.of().formatHex(bytes));
    }

    /** The env file for the server published on {@code hostPort}, under {@code projectRoot}. */
    static Path file(Path projectRoot, int hostPort) {
        return StackFolder.of(projectRoot).resolve("notebook-" + hostPort + ".env");
    }

    /** Writes the env file (rw-------, replacing an earlier one) and the folder's .gitignore when missing. */
    Path write(Path projectRoot, int hostPort) {
        Path file = file(projectRoot, hostPort);
        try {
            StackFolder.create(projectRoot);
            AtomicFiles.writePrivate(file, "# the token of dockenv notebook on 127.0.0.1:" + hostPort + "\n"
                    + VARIABLE + "=" + value + "\n");
        } catch (IOException e) {
            throw IoFailures.writing(file, e);
        }
        return file;
    }
}
