package dev.dockenv.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * dockenv as a user runs it: the real launcher {@code <home>/bin/dockenv} (which execs the docker
 * command the JVM hands back), in a project directory, with {@code DOCKENV_CACHE_DIR} set to a
 * per-test-class folder and {@code DOCKENV_DOCKER} passed on from the environment when set.
 *
 * <p>Variables that would change what dockenv builds (PIP_INDEX_URL, PIP_EXTRA_INDEX_URL,
 * PIP_TRUSTED_HOST, DOCKER_BUILDKIT) are removed from the inherited environment unless a test sets
 * them with {@link #withEnv}; DOCKER_HOST and DOCKER_CONTEXT pass through, as they do for the
 * tests' own docker calls ({@link Docker}).
 *
 * <pre>{@code
 * DockenvCli dockenv = DockenvCli.checkout(cacheDir);
 * ProcessResult r = dockenv.run(project.dir(), "run", "--", "python", "-V");
 * DockenvCli asUser = DockenvCli.asTestUser(TestUser.stageDockenv(), userOwnedCacheDir);
 * }</pre>
 */
public final class DockenvCli {

    public static final Duration TIMEOUT = Duration.ofMinutes(4);

    private static final List<String> SCRUBBED = List.of("PIP_INDEX_URL", "PIP_EXTRA_INDEX_URL", "PIP_TRUSTED_HOST",
            "DOCKER_BUILDKIT", "DOCKENV_EXEC_FILE", "DOCKENV_DEBUG");

    private static final String UNSET = "\u0000unset";

    private final Path home;
    private final Path cacheDir;
    private final boolean asTestUser;
    private final Map<String, String> env;

    private DockenvCli(Path home, Path cacheDir, boolean asTestUser, Map<String, String> env) {
        this.home = home;
        this.cacheDir = cacheDir;
        this.asTestUser = asTestUser;
        this.env = Map.copyOf(env);
    }

    /**
     * The checkout's launcher (system property dockenv.home), run as the test JVM's user. When the
     * jar under test (system property dockenv.jar) is not the checkout's target/dockenv.jar (a
     * build with -Dbuild.dir=...), bin/ and that jar are copied into a folder of the same layout
     * once, so the launcher runs the jar this build made.
     */
    public static DockenvCli checkout(Path cacheDir) {
        return new DockenvCli(launcherHome(), cacheDir, false, Map.of());
    }

    private static Path staged;

    private static synchronized Path launcherHome() {
        Path home = checkoutHome();
        String jarProperty = System.getProperty("dockenv.jar");
        if (jarProperty == null) {
            return home;
        }
        Path jar = Paths.get(jarProperty).toAbsolutePath().normalize();
        if (jar.equals(home.resolve("target/dockenv.jar"))) {
            return home;
        }
        if (staged == null) {
            try {
                Path dir = Files.createTempDirectory("dockenv-launcher-");
                Files.createDirectories(dir.resolve("bin"));
                Files.createDirectories(dir.resolve("target"));
                Files.copy(home.resolve("bin/dockenv"), dir.resolve("bin/dockenv"),
                        java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                Files.copy(jar, dir.resolve("target/dockenv.jar"), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                staged = dir;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> TestUser.deleteRecursively(dir)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot stage the launcher with " + jar, e);
            }
        }
        return staged;
    }

    /** The launcher of another dockenv home (bin/dockenv and target/dockenv.jar), run as the test JVM's user. */
    public static DockenvCli at(Path home, Path cacheDir) {
        return new DockenvCli(home, cacheDir, false, Map.of());
    }

    /** A launcher staged by {@link TestUser#stageDockenv()}, run as the non-root test user. */
    public static DockenvCli asTestUser(Path stagedHome, Path cacheDir) {
        return new DockenvCli(stagedHome, cacheDir, true, Map.of());
    }

    /** The checkout: system property dockenv.home (failsafe sets it), else the working directory. */
    public static Path checkoutHome() {
        return Paths.get(System.getProperty("dockenv.home", ".")).toAbsolutePath().normalize();
    }

    /** A copy that also sets (or, with null, removes) an environment variable. */
    public DockenvCli withEnv(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(env);
        copy.put(name, value == null ? UNSET : value);
        return new DockenvCli(home, cacheDir, asTestUser, copy);
    }

    public Path launcher() {
        return home.resolve("bin/dockenv");
    }

    public Path cacheDir() {
        return cacheDir;
    }

    /** The command line that runs dockenv with {@code args} (prefixed with runuser for the test user). */
    public List<String> command(List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(launcher().toString());
        cmd.addAll(args);
        if (!asTestUser) {
            return cmd;
        }
        // runuser may reset parts of the environment: dockenv's variables go on env's command line
        List<String> user = new ArrayList<>(List.of("runuser", "-u", TestUser.name(), "--", "env"));
        environment().forEach((k, v) -> {
            if (v == null) {
                user.addAll(List.of("-u", k));
            }
        });
        user.addAll(List.of("HOME=" + TestUser.home(), "USER=" + TestUser.name(), "LOGNAME=" + TestUser.name()));
        environment().forEach((k, v) -> {
            if (v != null) {
                user.add(k + "=" + v);
            }
        });
        user.addAll(cmd);
        return user;
    }

    /** The environment dockenv gets on top of the inherited one (null: removed). */
    public Map<String, String> environment() {
        Map<String, String> e = new LinkedHashMap<>();
        SCRUBBED.forEach(name -> e.put(name, null));
        String docker = System.getenv("DOCKENV_DOCKER");
        if (docker != null && !docker.isBlank()) {
            e.put("DOCKENV_DOCKER", docker.strip());
        }
        e.put("DOCKENV_CACHE_DIR", cacheDir.toString());
        env.forEach((k, v) -> e.put(k, UNSET.equals(v) ? null : v));
        return e;
    }

    /** An Exec of {@code dockenv args...} in {@code dir}, for adding stdin or a timeout. */
    public Exec exec(Path dir, List<String> args) {
        return Exec.of(command(args)).dir(dir).env(environment()).timeout(TIMEOUT);
    }

    public Exec exec(Path dir, String... args) {
        return exec(dir, List.of(args));
    }

    public ProcessResult run(Path dir, String... args) {
        return exec(dir, args).run();
    }

    /** Runs and fails the test with both streams unless dockenv exits 0. */
    public ProcessResult runOk(Path dir, String... args) {
        return run(dir, args).assertOk();
    }

    /**
     * Runs {@code dockenv args...} under a pseudo-terminal: {@code script -qec "<command>" /dev/null}
     * (util-linux), so stdin and stdout are a terminal as in an interactive shell.
     */
    public ProcessResult runInTerminal(Path dir, String... args) {
        StringBuilder line = new StringBuilder();
        for (String word : command(List.of(args))) {
            line.append(line.length() == 0 ? "" : " ").append(shellQuote(word));
        }
        return Exec.of("script", "-qec", line.toString(), "/dev/null").dir(dir).env(environment()).timeout(TIMEOUT)
                .run();
    }

    /** Starts {@code dockenv args...} in the background (stdin /dev/null, output to files). */
    public Background start(Path dir, String... args) {
        try {
            Path out = Files.createTempFile("dockenv-bg-", ".out");
            Path err = Files.createTempFile("dockenv-bg-", ".err");
            ProcessBuilder pb = new ProcessBuilder(command(List.of(args))).directory(dir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            environment().forEach((k, v) -> {
                if (v == null) {
                    pb.environment().remove(k);
                } else {
                    pb.environment().put(k, v);
                }
            });
            return new Background(pb.start(), out, err);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start dockenv " + List.of(args), e);
        }
    }

    /**
     * One row of {@code dockenv status} output ({@code "image       dockenv-x:dev-0123"} gives
     * {@code dockenv-x:dev-0123} for key {@code image}); fails when the row is missing.
     */
    public static String statusRow(ProcessResult status, String key) {
        for (String line : status.stdout().lines().toList()) {
            if (line.startsWith(key + " ")) {
                return line.substring(key.length()).strip();
            }
        }
        throw new AssertionError("no '" + key + "' row in dockenv status:\n" + status.describe());
    }

    /** The lines of {@code text} that contain {@code needle}. */
    public static List<String> linesContaining(String text, String needle) {
        return text.lines().filter(l -> l.contains(needle)).toList();
    }

    static String shellQuote(String word) {
        if (word.matches("[A-Za-z0-9_./:=@%+-]+")) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** A dockenv process running in the background. */
    public static final class Background implements AutoCloseable {
        private final Process process;
        private final Path out;
        private final Path err;

        Background(Process process, Path out, Path err) {
            this.process = process;
            this.out = out;
            this.err = err;
        }

        /** The launcher's process: after the hand-off, the docker client that bin/dockenv exec-ed. */
        public Process process() {
            return process;
        }

        public boolean alive() {
            return process.isAlive();
        }

        public String stdout() {
            return read(out);
        }

        public String stderr() {
            return read(err);
        }

        /** Sends SIGTERM and waits up to {@code wait} for the end; returns the exit code, or -1 if still alive. */
        public int terminate(Duration wait) {
            process.destroy(); // SIGTERM
            try {
                if (process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                    return process.exitValue();
                }
                return -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }

        public String describe() {
            return "stdout:\n" + stdout() + "\nstderr:\n" + stderr();
        }

        @Override
        public void close() {
            if (process.isAlive()) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
            try {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            } catch (IOException ignored) {
                // temp files
            }
        }

        private static String read(Path p) {
            try {
                return Files.readString(p, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        }
    }
}
