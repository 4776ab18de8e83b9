package dev.dockenv.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Docker engine's record of its image tags, where it keeps it on this machine and this process
 * can read it: {@code DOCKER_ROOT/image/DRIVER/repositories.json}, which the engine rewrites (a new
 * file) whenever a tag is added, moved or removed, beside the socket it answers on and its pid file,
 * which a restarted engine makes anew. Unchanged files stand for the answer a question to the engine
 * would give about a tag: the launcher compares their stamps instead of starting a docker client.
 *
 * @param socket the engine's unix socket
 * @param pidFile the engine's pid file beside it ({@code docker.pid}), when there is one
 * @param repositories the engine's tags, by repository
 * @param root the engine's data root, where each container's state is kept
 *     ({@code containers/ID/config.v2.json}, written anew at each change of state and health check)
 */
public record LocalImageStore(Path socket, Optional<Path> pidFile, Path repositories, Path root) {
    /** What a running container's state starts with in its file (the engine writes its fields in this order). */
    static final String RUNNING = "\"State\":{\"Running\":true,\"Paused\":false,\"Restarting\":false,";

    /** The files whose stamps stand for the engine's answer, each stamped before it is read. */
    public List<Path> files() {
        List<Path> files = new ArrayList<>(List.of(socket));
        pidFile.ifPresent(files::add);
        files.add(repositories);
        return List.copyOf(files);
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
     * container without a check); empty when the file says otherwise or cannot be read. While the
     * file holds this text, the container is still that running instance in that health.
     */
    public Optional<String> runningState(String containerId, Optional<String> health) {
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
     * The store of an engine that answers on the unix socket {@code host} with its files under
     * {@code rootDirectory} for the storage {@code driver}, when its tag record is there for this
     * process to read.
     */
    static Optional<LocalImageStore> at(String host, String rootDirectory, String driver) {
        if (!host.startsWith("unix://") || rootDirectory.isBlank() || !driver.matches("[A-Za-z0-9._-]+")) {
            return Optional.empty();
        }
        try {
            Path socket = Path.of(host.substring("unix://".length()));
            Path repositories = Path.of(rootDirectory, "image", driver, "repositories.json");
            if (!socket.isAbsolute() || !repositories.isAbsolute() || !Files.isReadable(repositories)
                    || !Files.exists(socket)) {
                return Optional.empty();
            }
            Path pid = socket.resolveSibling("docker.pid");
            return Optional.of(new LocalImageStore(socket, Files.exists(pid) ? Optional.of(pid) : Optional.empty(),
                    repositories, Path.of(rootDirectory)));
        } catch (RuntimeException e) {
            return Optional.empty(); // a path this system cannot name
        }
    }
}
