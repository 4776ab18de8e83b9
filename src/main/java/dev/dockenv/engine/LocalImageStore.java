package dev.dockenv.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Docker engine's own files, where it runs on this machine and this process can read them: its
 * tag record {@code DOCKER_ROOT/image/DRIVER/repositories.json}, which the engine rewrites (a new
 * file) whenever a tag is added, moved or removed; the socket it answers on; its pid file beside the
 * socket ({@code docker.pid}, naming a running {@code dockerd} of this machine: a socket forwarded
 * from a VM has none), which a restarted engine makes anew; and each container's
 * {@code containers/ID/config.v2.json}, rewritten at each change of the container's state.
 * Unchanged files stand for the answer a question to the engine would give about a tag and its
 * services: the launcher compares them instead of starting a docker client.
 *
 * @param socket the engine's unix socket
 * @param pidFile the engine's pid file beside it
 * @param repositories the engine's tags, by repository
 * @param root the engine's data root, where each container's state is kept
 * @param healthOnDisk whether the engine writes each health check's result to the container's file
 *     (Docker before 24: see {@link #writesHealthToDisk}); without it a health in that file may be old
 */
public record LocalImageStore(Path socket, Path pidFile, Path repositories, Path root, boolean healthOnDisk) {
    /** What a running container's state starts with in its file (the engine writes its fields in this order). */
    static final String RUNNING = "\"State\":{\"Running\":true,\"Paused\":false,\"Restarting\":false,";

    private static final Pattern MAJOR = Pattern.compile("(\\d+)\\..*");

    /** The socket and the pid file: stamped before the engine is asked where its files are. */
    public static List<Path> engineFiles(String host) {
        if (!host.startsWith("unix://")) {
            return List.of();
        }
        try {
            Path socket = Path.of(host.substring("unix://".length()));
            return socket.isAbsolute() ? List.of(socket, socket.resolveSibling("docker.pid")) : List.of();
        } catch (RuntimeException e) {
            return List.of(); // a path this system cannot name
        }
    }

    /** The files whose stamps stand for the engine's answer, each stamped before it is read. */
    public List<Path> files() {
        return List.of(socket, pidFile, repositories);
    }

    /**
     * Whether the tag record shows {@code reference} as the image {@code imageId} (the engine writes
     * it as compact JSON, {@code "REFERENCE":"ID"} within the repository's object, and a reference
     * holds no quote); false when it does not or cannot be read.
     */
    public boolean shows(String reference, String imageId) {
        if (reference.indexOf('"') >= 0 || reference.indexOf('\\') >= 0 || !imageId.matches("sha256:[0-9a-f]{64}")) {
            return false;
        }
        try {
            String text = Files.readString(repositories, StandardCharsets.UTF_8);
            return text.contains("\"" + reference + "\":\"" + imageId + "\"");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The engine's file of a container (its configuration and its current state). */
    public Path containerFile(String containerId) {
        if (!containerId.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a container ID: " + containerId);
        }
        return root.resolve("containers").resolve(containerId).resolve("config.v2.json");
    }

    /**
     * The text of the container's file that says it runs, as this one start of it (its pid and start
     * time), with this health ({@code healthy}, {@code starting}, {@code unhealthy}, or none for a
     * container without a check); empty when the file says otherwise, cannot be read, or the engine
     * does not keep a check's result there. While the file holds this text, the container is still
     * that running instance in that health.
     */
    public Optional<String> runningState(String containerId, Optional<String> health) {
        if (health.isPresent() && !healthOnDisk) {
            return Optional.empty();
        }
        try {
            return runningStateIn(Files.readString(containerFile(containerId), StandardCharsets.UTF_8), health);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** {@link #runningState}'s reading of the file's text. */
    static Optional<String> runningStateIn(String text, Optional<String> health) {
        int start = text.indexOf(RUNNING);
        if (start < 0 || text.indexOf(RUNNING, start + 1) >= 0) {
            return Optional.empty();
        }
        int healthAt = text.indexOf("\"Health\":", start);
        if (healthAt < 0 || text.substring(start + "\"State\":{".length(), healthAt).indexOf('{') >= 0
                || !text.substring(start, healthAt).contains("\"Pid\":") || !text.substring(start, healthAt).contains(
                        "\"StartedAt\":")) {
            return Optional.empty(); // not the flat state this reading knows
        }
        String expected = health.map(h -> "\"Health\":{\"Status\":\"" + h + "\"").orElse("\"Health\":null}");
        if (!text.startsWith(expected, healthAt)) {
            return Optional.empty();
        }
        return Optional.of(text.substring(start, healthAt + expected.length()));
    }

    /**
     * Whether an engine of this version writes each health check's result to the container's file:
     * Docker 20.10 does (checked: the file is replaced at every check); later engines keep the results
     * in memory only (moby's health checks commit in memory since 2024), so only versions before 24
     * are trusted.
     */
    static boolean writesHealthToDisk(String serverVersion) {
        Matcher m = MAJOR.matcher(serverVersion.strip());
        return m.matches() && m.group(1).length() <= 3 && Integer.parseInt(m.group(1)) < 24;
    }

    /**
     * The files of the engine that answers on the unix socket {@code host}, whose pid file beside
     * the socket names a running {@code dockerd} of this machine (under {@code proc}), with its data
     * under {@code rootDirectory} for the storage {@code driver}, when its tag record is there for
     * this process to read.
     */
    static Optional<LocalImageStore> at(String host, String rootDirectory, String driver, String serverVersion,
            Path proc) {
        List<Path> engine = engineFiles(host);
        if (engine.isEmpty() || rootDirectory.isBlank() || !driver.matches("[A-Za-z0-9._-]+")) {
            return Optional.empty();
        }
        try {
            Path socket = engine.get(0);
            Path pid = engine.get(1);
            Path repositories = Path.of(rootDirectory, "image", driver, "repositories.json");
            if (!repositories.isAbsolute() || !Files.isReadable(repositories) || !Files.exists(socket)
                    || !localDockerd(pid, proc)) {
                return Optional.empty();
            }
            return Optional.of(new LocalImageStore(socket, pid, repositories, Path.of(rootDirectory),
                    writesHealthToDisk(serverVersion)));
        } catch (RuntimeException e) {
            return Optional.empty(); // a path this system cannot name
        }
    }

    /** Whether the pid file names a process of this machine that is a dockerd. */
    private static boolean localDockerd(Path pidFile, Path proc) {
        try {
            String pid = Files.readString(pidFile, StandardCharsets.US_ASCII).strip();
            if (!pid.matches("[1-9][0-9]{0,9}")) {
                return false;
            }
            return Files.readString(proc.resolve(pid).resolve("comm"), StandardCharsets.UTF_8).strip().equals("dockerd");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
