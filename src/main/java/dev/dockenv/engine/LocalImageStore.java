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
 */
public record LocalImageStore(Path socket, Optional<Path> pidFile, Path repositories) {

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
                    repositories));
        } catch (RuntimeException e) {
            return Optional.empty(); // a path this system cannot name
        }
    }
}
