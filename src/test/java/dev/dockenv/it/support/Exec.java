package dev.dockenv.it.support;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a child process for tests: captures stdout and stderr, feeds stdin (empty unless given),
 * and kills the whole process tree when it runs past its timeout.
 *
 * <pre>{@code
 * ProcessResult r = Exec.of("bin/dockenv", "run", "python", "-V").dir(project).env("X", "1")
 *         .timeout(Duration.ofMinutes(3)).run();
 * }</pre>
 */
public final class Exec {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

    private final List<String> command;
    private final Map<String, String> env = new LinkedHashMap<>();
    private final List<String> unset = new ArrayList<>();
    private Path dir;
    private Duration timeout = DEFAULT_TIMEOUT;
    private byte[] stdin = new byte[0];

    private Exec(List<String> command) {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("empty command");
        }
        this.command = List.copyOf(command);
    }

    public static Exec of(List<String> command) {
        return new Exec(command);
    }

    public static Exec of(String... command) {
        return new Exec(List.of(command));
    }

    /** Working directory (default: the test JVM's). */
    public Exec dir(Path dir) {
        this.dir = dir;
        return this;
    }

    /** Sets (or, with null, removes) one environment variable; the rest is inherited. */
    public Exec env(String name, String value) {
        if (value == null) {
            unset.add(name);
            env.remove(name);
        } else {
            env.put(name, value);
            unset.remove(name);
        }
        return this;
    }

    public Exec env(Map<String, String> vars) {
        vars.forEach(this::env);
        return this;
    }

    public Exec timeout(Duration timeout) {
        this.timeout = timeout;
        return this;
    }

    /** Text written to the child's stdin, which is then closed. */
    public Exec stdin(String text) {
        this.stdin = text.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    /** Runs to the end (or the timeout) and returns what happened; never throws for a non-zero exit. */
    public ProcessResult run() {
        ProcessBuilder pb = new ProcessBuilder(command);
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        unset.forEach(pb.environment()::remove);
        pb.environment().putAll(env);
        if (stdin.length == 0) {
            pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        }
        long start = System.nanoTime();
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread tOut = pump(p.getInputStream(), out, "stdout");
        Thread tErr = pump(p.getErrorStream(), err, "stderr");
        if (stdin.length > 0) {
            try (OutputStream in = p.getOutputStream()) {
                in.write(stdin);
            } catch (IOException ignored) {
                // the child did not read all of it
            }
        }
        boolean timedOut = false;
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                timedOut = true;
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
            tOut.join(10_000);
            tErr.join(10_000);
        } catch (InterruptedException e) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        int code = p.isAlive() ? -1 : p.exitValue();
        return new ProcessResult(command, code, text(out), text(err), timedOut, elapsed);
    }

    /** Runs and throws an AssertionError with the full output unless the exit code is 0. */
    public ProcessResult runOk() {
        return run().assertOk();
    }

    private static Thread pump(InputStream in, ByteArrayOutputStream sink, String name) {
        Thread t = new Thread(() -> {
            try (in) {
                byte[] buf = new byte[8192];
                int n;
                while ((n = in.read(buf)) >= 0) {
                    synchronized (sink) {
                        sink.write(buf, 0, n);
                    }
                }
            } catch (IOException ignored) {
                // the process was killed
            }
        }, "exec-" + name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static String text(ByteArrayOutputStream sink) {
        synchronized (sink) {
            return sink.toString(StandardCharsets.UTF_8);
        }
    }
}
