package dev.dockenv.engine;

import java.time.Duration;
import java.util.Optional;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Starts child processes. The engine layer gets one injected so tests can stand in for docker. */
public interface ProcessRunner {

    /** Runs to completion, collecting stdout and stderr; stdin is empty unless given. */
    Result run(List<String> command, Map<String, String> environment, byte[] stdin) throws IOException;

    /**
     * Like {@link #run} with empty stdin, but a process that has not ended within {@code limit} is
     * stopped and the answer is empty: for questions to the engine that must not hang forever.
     */
    default Optional<Result> runWithin(List<String> command, Map<String, String> environment, Duration limit)
            throws IOException {
        return Optional.of(run(command, environment, null));
    }

    /**
     * Runs with stdin fed from {@code stdin} (may be null), every output line (stdout and stderr
     * merged) handed to {@code lines} as it comes.
     */
    int stream(List<String> command, Map<String, String> environment, StdinWriter stdin, Consumer<String> lines)
            throws IOException;

    /**
     * Runs with empty stdin, copying its stdout byte for byte to {@code stdout} as it comes (an
     * image archive, not text); the result's stdout is empty, its stderr what the process printed
     * there. A failure to write {@code stdout} stops the process and is thrown.
     */
    Result runTo(List<String> command, Map<String, String> environment, java.io.OutputStream stdout)
            throws IOException;

    /** Runs attached to this process's own terminal/stdio; returns the exit code. */
    int inherit(List<String> command, Map<String, String> environment) throws IOException;

    /** Writes a process's standard input. */
    @FunctionalInterface
    interface StdinWriter {
        void writeTo(java.io.OutputStream out) throws IOException;
    }

    /** A finished process. */
    record Result(int exitCode, String stdout, String stderr) {
        public boolean ok() {
            return exitCode == 0;
        }
    }

    /** Reads a stream fully as UTF-8 text. */
    static String readAll(InputStream in) throws IOException {
        return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
