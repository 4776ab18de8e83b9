package dev.dockenv.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** {@link ProcessRunner} over {@link ProcessBuilder}. */
public final class LocalProcessRunner implements ProcessRunner {

    @Override
    public Result run(List<String> command, Map<String, String> environment, byte[] stdin) throws IOException {
        Process process = start(command, environment, false);
        CompletableFuture<String> err = readAsync(process.getErrorStream());
        try (OutputStream in = process.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin);
            }
        } catch (IOException ignored) {
            // the process exited without reading its input; its exit code tells the rest
        }
        String out = ProcessRunner.readAll(process.getInputStream());
        return new Result(waitFor(process), out, err.join());
    }

    @Override
    public int stream(List<String> command, Map<String, String> environment, StdinWriter stdin, Consumer<String> lines)
            throws IOException {
        Process process = start(command, environment, true);
        CompletableFuture<Void> feeder = CompletableFuture.runAsync(() -> {
            try (OutputStream in = process.getOutputStream()) {
                if (stdin != null) {
                    stdin.writeTo(in);
                }
            } catch (IOException e) {
                // a closed pipe: the process ended early, its exit code and output say why
            } catch (RuntimeException e) {
                process.destroy(); // the input could not be produced: stop the process, report why
                throw e;
            }
        });
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.accept(line);
            }
        }
        int code = waitFor(process);
        feeder.join();
        return code;
    }

    @Override
    public int inherit(List<String> command, Map<String, String> environment) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).inheritIO();
        pb.environment().putAll(environment);
        return waitFor(pb.start());
    }

    private static Process start(List<String> command, Map<String, String> environment, boolean mergeErr)
            throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(environment);
        pb.redirectErrorStream(mergeErr);
        return pb.start();
    }

    private static CompletableFuture<String> readAsync(java.io.InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return ProcessRunner.readAll(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static int waitFor(Process process) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return process.waitFor();
                } catch (InterruptedException e) {
                    interrupted = true;
                    process.destroy();
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
