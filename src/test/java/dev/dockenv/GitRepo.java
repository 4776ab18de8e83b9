package dev.dockenv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The real git program in a test's project folder, as a fixed author with no system configuration,
 * so that a commit is the same on every machine (with a fixed date, byte for byte).
 *
 * <pre>{@code
 * GitRepo.commitAll(dir, "first");                      // init when needed, add -A, commit
 * String head = GitRepo.git(dir, "rev-parse", "HEAD");
 * GitRepo.gitAt(dir, "2026-11-20T10:00:00Z", "commit", "-q", "-am", "second");
 * }</pre>
 */
public final class GitRepo {
    private GitRepo() {
    }

    /** Runs {@code git -C dir ARGS}; fails the test when it fails; its output, stripped. */
    public static String git(Path dir, String... args) {
        return run(dir, Optional.empty(), args);
    }

    /** The same with the author's and committer's date fixed ({@code 2026-11-20T10:00:00Z}). */
    public static String gitAt(Path dir, String date, String... args) {
        return run(dir, Optional.of(date), args);
    }

    /** Makes the folder a repository when it is none, and commits everything in it. */
    public static void commitAll(Path dir, String message) {
        if (!dir.resolve(".git").toFile().exists()) {
            git(dir, "init", "-q");
        }
        git(dir, "add", "-A");
        git(dir, "commit", "-q", "-m", message);
    }

    private static String run(Path dir, Optional<String> date, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = new HashMap<>(Map.of("GIT_AUTHOR_NAME", "t", "GIT_AUTHOR_EMAIL", "t@example.com",
                "GIT_COMMITTER_NAME", "t", "GIT_COMMITTER_EMAIL", "t@example.com", "GIT_CONFIG_NOSYSTEM", "1"));
        date.ifPresent(d -> {
            env.put("GIT_AUTHOR_DATE", d);
            env.put("GIT_COMMITTER_DATE", d);
        });
        pb.environment().putAll(env);
        try {
            Process p = pb.start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor()).as("git " + String.join(" ", args) + ":\n" + output).isZero();
            return output.strip();
        } catch (IOException e) {
            throw new AssertionError("cannot run git: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running git", e);
        }
    }
}
