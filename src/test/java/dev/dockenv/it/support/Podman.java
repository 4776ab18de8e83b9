package dev.dockenv.it.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Podman's own client for the Podman tests, as root (rootful: /var/lib/containers) or as the
 * non-root test user (rootless: the user's own store), prepared by scripts/ensure-podman.sh.
 */
public final class Podman {
    private final boolean asTestUser;

    private Podman(boolean asTestUser) {
        this.asTestUser = asTestUser;
    }

    public static Podman rootful() {
        return new Podman(false);
    }

    public static Podman rootless() {
        return new Podman(true);
    }

    /** Why the Podman tests cannot run here, or null: podman and its init program are installed. */
    public static String missingReason() {
        if (!Exec.of("sh", "-c", "command -v podman").timeout(Duration.ofSeconds(10)).run().ok()) {
            return "podman is not installed: run scripts/ensure-podman.sh as root (scripts/test.sh does)";
        }
        return null;
    }

    public Exec exec(List<String> args) {
        List<String> cmd = new ArrayList<>(List.of("podman"));
        cmd.addAll(args);
        return asTestUser ? TestUser.exec(cmd).dir(TestUser.home()) : Exec.of(cmd);
    }

    public ProcessResult run(String... args) {
        return exec(List.of(args)).timeout(Duration.ofMinutes(5)).run();
    }

    /**
     * The tags of {@code repository} in this store ("localhost/REPO:TAG"). By tag, not by dockenv's
     * project label: Buildah 1.28 reuses a cached image whatever the build's --label options, so an
     * image built for one project can carry another's labels when their inputs are the same.
     */
    public List<String> tagsOf(String repository) {
        ProcessResult r = run("image", "ls", "--format", "{{.Repository}}:{{.Tag}}");
        r.assertOk();
        return r.stdout().lines().map(String::strip)
                .filter(l -> l.startsWith("localhost/" + repository + ":") || l.startsWith(repository + ":"))
                .distinct().sorted().toList();
    }

    /** Removes the repository's tags (and the images only they held), for an @AfterAll. */
    public void removeTagsOf(String repository) {
        List<String> tags = tagsOf(repository);
        if (!tags.isEmpty()) {
            List<String> args = new ArrayList<>(List.of("rmi", "-f"));
            args.addAll(tags);
            exec(args).timeout(Duration.ofMinutes(2)).run();
        }
    }
}
