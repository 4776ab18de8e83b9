package dev.dockenv.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The non-root user {@code dockenvtest} that scripts/ensure-test-user.sh creates (a member of the
 * docker group), for tests that prove dockenv works without root: {@code runuser -u dockenvtest --}.
 *
 * <p>The checkout itself may sit where that user cannot read (say under /root, mode 0700), and
 * nothing outside the checkout gets chmod-ed for it. Instead a test copies what it runs into a
 * directory the user owns: {@link #stageDockenv()} copies bin/ and target/dockenv.jar (same
 * layout as the checkout, so the launcher finds the jar the same way), and {@link #newWorkDir}
 * makes a project directory under /tmp owned by the user.
 *
 * <pre>{@code
 * Assumptions.assumeTrue(TestUser.available(), TestUser.unavailableReason());
 * Path home = TestUser.stageDockenv();
 * Path project = TestUser.newWorkDir("proj");
 * Files.writeString(project.resolve("requirements.txt"), "greeting\n");
 * TestUser.chown(project);
 * ProcessResult r = TestUser.exec(List.of(home.resolve("bin/dockenv").toString(), "run", "id", "-u"))
 *         .dir(project).run();
 * }</pre>
 */
public final class TestUser {

    /** The user's name: {@code $DOCKENV_TEST_USER}, else {@code dockenvtest}. */
    public static String name() {
        String env = System.getenv("DOCKENV_TEST_USER");
        return env == null || env.isBlank() ? "dockenvtest" : env.strip();
    }

    private TestUser() {}

    /** Whether tests can switch to the user: running as root, runuser present, the user exists. */
    public static boolean available() {
        return unavailableReason() == null;
    }

    /** Why {@link #available()} is false, or null when it is true. */
    public static String unavailableReason() {
        if (!"root".equals(System.getProperty("user.name"))) {
            return "the tests do not run as root, so they cannot switch to " + name();
        }
        if (!Files.isExecutable(Paths.get("/usr/sbin/runuser")) && !Files.isExecutable(Paths.get("/sbin/runuser"))) {
            return "runuser (util-linux) is missing";
        }
        if (!Exec.of("id", "-u", name()).timeout(Duration.ofSeconds(10)).run().ok()) {
            return "user " + name() + " does not exist: run scripts/ensure-test-user.sh (scripts/test.sh does)";
        }
        return null;
    }

    /** Fails the calling test with the reason when the user is not available. */
    public static void require() {
        String reason = unavailableReason();
        if (reason != null) {
            throw new AssertionError(reason);
        }
    }

    public static int uid() {
        return Integer.parseInt(Exec.of("id", "-u", name()).runOk().stdout().strip());
    }

    public static int gid() {
        return Integer.parseInt(Exec.of("id", "-g", name()).runOk().stdout().strip());
    }

    /** The user's home directory (from the passwd database). */
    public static Path home() {
        String line = Exec.of("getent", "passwd", name()).runOk().stdout().strip();
        String[] f = line.split(":");
        return Paths.get(f[5]);
    }

    /**
     * A command line run as the user: {@code runuser -u NAME -- env HOME=... USER=... LOGNAME=...
     * command...}. The rest of the environment (PATH, DOCKENV_DOCKER, ...) is inherited. Set a
     * working directory the user can enter with {@link Exec#dir}.
     */
    public static Exec exec(List<String> command) {
        List<String> cmd = new ArrayList<>();
        cmd.addAll(List.of("runuser", "-u", name(), "--", "env",
                "HOME=" + home(), "USER=" + name(), "LOGNAME=" + name()));
        cmd.addAll(command);
        return Exec.of(cmd);
    }

    public static Exec exec(String... command) {
        return exec(List.of(command));
    }

    /** A new directory under java.io.tmpdir owned by the user (delete it with {@link #deleteRecursively}). */
    public static Path newWorkDir(String prefix) {
        try {
            Path dir = Files.createTempDirectory(Paths.get(System.getProperty("java.io.tmpdir")), prefix + "-");
            chown(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Gives {@code path} (recursively) to the user and its group. */
    public static void chown(Path path) {
        Exec.of("chown", "-R", name() + ":", path.toString()).timeout(Duration.ofSeconds(60)).runOk();
    }

    /**
     * Copies the launcher directory {@code bin/} (from system property dockenv.home) and the jar
     * (system property dockenv.jar) into a new directory owned by the user, as
     * {@code <dir>/bin/...} and {@code <dir>/target/dockenv.jar}; returns {@code <dir>}.
     */
    public static Path stageDockenv() {
        Path home = Paths.get(System.getProperty("dockenv.home", "."));
        Path jar = Paths.get(System.getProperty("dockenv.jar", home.resolve("target/dockenv.jar").toString()));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no jar at " + jar + ": run `mvn verify` (package first)");
        }
        Path staged = newWorkDir("dockenv-home");
        try {
            Path bin = home.resolve("bin");
            if (Files.isDirectory(bin)) {
                copyTree(bin, staged.resolve("bin"));
            }
            Files.createDirectories(staged.resolve("target"));
            Files.copy(jar, staged.resolve("target/dockenv.jar"), StandardCopyOption.COPY_ATTRIBUTES);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage dockenv into " + staged, e);
        }
        chown(staged);
        return staged;
    }

    /** Deletes a directory tree (as root, whatever the user or a container left in it). */
    public static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }

    /** Copies the tree {@code from} to {@code to}, keeping the files' attributes. */
    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
