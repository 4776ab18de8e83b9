package dev.dockenv.cli;

import dev.dockenv.cache.FileStamp;
import dev.dockenv.cache.InputStamp;
import dev.dockenv.cache.ListingStamp;
import dev.dockenv.cache.RunCache;
import dev.dockenv.engine.LocalEngineSocket;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * The run that records the launcher's class-data-sharing archive (DOCKENV_CDS_TRAINING set) archives
 * only the classes it loaded. Whatever command that first run was, this also loads the classes of
 * the other common paths (the full command-line model, an option-carrying run, the warm path's
 * file checks, a build's pure pipeline on projects of its own ({@link PipelineTraining}: a first
 * command such as {@code lock} or {@code --help} would otherwise leave a later build's project
 * reading, planning and rendering out of the archive) and the warm path's one read-only question
 * to the engine) so that every later command starts from the archive. No output; the one file
 * written is the exit code, for the launcher (below).
 */
final class CdsTraining {
    private CdsTraining() {
    }

    static void loadCommonClasses(Session session) {
        try {
            CommandLine cli = DockenvCommand.commandLine(session, new String[0]);
            cli.parseArgs("run", "-p", "8000", "-e", "A=1", "--", "true");
            cli.getCommandSpec().usageMessage();
            FileStamp.of(session.workingDirectory()).isCurrent();
            InputStamp.decode(ListingStamp.of(session.workingDirectory(), "(?i)requirements\\.txt").encode())
                    .isCurrent();
            new RunCache(Path.of(session.cacheDirectory().toString(), "cds-training-none"), "k").lookup();
            PipelineTraining.run(session, Path.of(System.getProperty("java.io.tmpdir")));
            var socket = LocalEngineSocket.forEndpoint(session.endpoint());
            if (socket.isPresent()) {
                socket.get().imageId("dockenv-cds-training:absent"); // a read-only question; the answer is 404
            }
        } catch (RuntimeException | java.io.IOException e) {
            // training is best effort: a missed class only costs a little start-up time
        }
    }

    /**
     * Writes the command's exit code where the launcher looks for it: the JVM writes the archive on
     * its way out, and when that fails (a disk that filled up) the JVM exits 1 whatever the command
     * did; the launcher then keeps this code (and drops the archive).
     */
    static void recordExitCode(String file, int code) {
        if (file.isBlank()) {
            return;
        }
        try {
            java.nio.file.Files.writeString(Path.of(file), Integer.toString(code));
        } catch (java.io.IOException | RuntimeException e) {
            // without the file the launcher keeps the JVM's own exit code
        }
    }
}
