package dev.dockenv.k8s;

import java.util.List;
import java.util.Objects;

/**
 * An app's manifests, rendered: the file's name ({@code NAME.yaml}) and text (a header of comments,
 * then the ConfigMap when there are plain variables, the Service when there are ports, and the
 * Deployment, each a YAML document), and the Secrets the user must create.
 */
public record Manifests(AppNames names, String fileName, String yaml, List<RequiredSecret> requiredSecrets) {
    public Manifests {
        Objects.requireNonNull(names);
        Objects.requireNonNull(fileName);
        Objects.requireNonNull(yaml);
        requiredSecrets = List.copyOf(requiredSecrets);
    }
}
