package dev.dockenv.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * {@link ProcessRunner} over {@link ProcessBuilder}. The processes it started and that still run
 * are stopped when the JVM is (SIGTERM, SIGINT, SIGHUP to dockenv): a {@code docker build} stopped
 * that way cancels its build, so a stopped dockenv leaves no build running and tags nothing.
 */
public final class LocalProcessRunner implements ProcessRunner {
    /** How long the JVM's shutdown waits for a stopped child before killing it (either way a docker build is cancelled). */
    private static final long STOP_WAIT_SECONDS = 3;

    private final Set<Process> running = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean hookInstalled = new AtomicBoolean();

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
    public Optional<Result> runWithin(List<String> command, Map<String, String> environment, Duration limit)
            throws IOException {
        Process process = start(command, environment, false);
        process.getOutputStream().close();
        CompletableFuture<String> out = readAsync(process.getInputStream());
        CompletableFuture<String> err = readAsync(process.getErrorStream());
        try {
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        return Optional.of(new Result(process.exitValue(), out.join(), err.join()));
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
        } catch (IOException e) {
            // the input's own failure (a file that changed while it was sent) stopped the process, which
            // closed its output: that failure is the cause, not the closed stream (the process is stopped
            // first, so that a feeder blocked on a full pipe ends too)
            process.destroyForcibly();
            feeder.join();
            throw e;
        }
        int code = waitFor(process);
        feeder.join();
        return code;
    }

    @Override
    public Result runTo(List<String> command, Map<String, String> environment, OutputStream stdout)
            throws IOException {
        Process process = start(command, environment, false);
        process.getOutputStream().close();
        CompletableFuture<String> err = readAsync(process.getErrorStream());
        try (java.io.InputStream out = process.getInputStream()) {
            out.transferTo(stdout);
        } catch (IOException e) {
            process.destroyForcibly();
            waitFor(process);
            throw e;
        }
        return new Result(waitFor(process), "", err.join());
    }

    @Override
    public int inherit(List<String> command, Map<String, String> environment) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).inheritIO();
        pb.environment().putAll(environment);
        return waitFor(track(pb.start()));
    }

    private Process start(List<String> command, Map<String, String> environment, boolean mergeErr)
            throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(environment);
        pb.redirectErrorStream(mergeErr);
        return track(pb.start());
    }

    /** Remembers a started process until it exits, so that a stopped JVM stops it too. */
    private Process track(Process process) {
        if (hookInstalled.compareAndSet(false, true)) {
            Runtime.getRuntime().addShutdownHook(new Thread(this::stopRunning, "dockenv-stop-children"));
        }
        running.add(process);
        process.onExit().thenRun(() -> running.remove(process));
        return process;
    }

    /** The JVM is going down: stop every child still running and give it a moment to cancel its work. */
    private void stopRunning() {
        List<Process> children = List.copyOf(running);
        children.forEach(Process::destroy);
        for (Process child : children) {
            try {
                if (!child.waitFor(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                    child.destroyForcibly();
                }
            } catch (InterruptedException e) {
                child.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
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
