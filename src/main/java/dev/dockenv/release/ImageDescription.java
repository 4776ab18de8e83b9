package dev.dockenv.release;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What an image is made of, as {@code release --check} compares two builds: its layers' diff IDs in
 * order (the digests of the uncompressed layer tars, the config's {@code rootfs.diff_ids}) and the
 * parts of its config that a build sets.
 *
 * @param id         the image's ID (the digest of its config)
 * @param layers     the layers' diff IDs ({@code sha256:...}), base first
 * @param labels     the config's labels
 * @param env        the config's environment ({@code NAME=value}), in order
 * @param entrypoint the config's entrypoint
 * @param cmd        the config's command
 */
public record ImageDescription(String id, List<String> layers, Map<String, String> labels, List<String> env,
        List<String> entrypoint, List<String> cmd) {
    public ImageDescription {
        Objects.requireNonNull(id, "an image's ID");
        layers = List.copyOf(layers);
        labels = Collections.unmodifiableMap(new TreeMap<>(labels));
        env = List.copyOf(env);
        entrypoint = List.copyOf(entrypoint);
        cmd = List.copyOf(cmd);
    }
}
