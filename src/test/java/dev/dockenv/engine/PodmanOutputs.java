package dev.dockenv.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * What Podman 4.3.1 (Debian bookworm) printed here, kept verbatim under src/test/resources/podman:
 * {@code podman version --format '{{json .}}'} (version-4.3.1.json), {@code podman info --format
 * '{{json .}}'} as root (info-rootful.json) and as the rootless user dockenvtest
 * (info-rootless.json) and as a user without /etc/subuid and /etc/subgid ranges
 * (info-rootless-no-subids.json).
 */
final class PodmanOutputs {
    private PodmanOutputs() {
    }

    static String read(String name) {
        try (InputStream in = PodmanOutputs.class.getResourceAsStream("/podman/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no test resource podman/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
