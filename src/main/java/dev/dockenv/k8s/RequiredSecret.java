package dev.dockenv.k8s;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A Secret the manifests refer to and dockenv does not write (no secret value ever goes into a
 * file): the user creates it in the cluster before applying them.
 *
 * @param name the Secret's name
 * @param kind what it holds
 * @param keys the keys the app reads from it (for {@link Kind#VARIABLES}), in the order referred to
 */
public record RequiredSecret(String name, Kind kind, List<String> keys) {
    /** What a Secret holds. */
    public enum Kind {
        /** Keys whose values become environment variables: {@code kubectl create secret generic}. */
        VARIABLES,
        /** The registry's credentials the kubelet pulls the image with: {@code kubectl create secret docker-registry}. */
        REGISTRY_CREDENTIALS
    }

    public RequiredSecret {
        Objects.requireNonNull(name, "a Secret's name");
        Objects.requireNonNull(kind, "a Secret's kind");
        keys = List.copyOf(keys);
    }

    /**
     * The command that creates it, with {@code ...} where the values go (for the registry: its host
     * from the image's repository, {@code docker.io} when it names none).
     */
    public String createCommand(ImageByDigest image) {
        if (kind == Kind.REGISTRY_CREDENTIALS) {
            return "kubectl create secret docker-registry " + name + " --docker-server=" + registry(image)
                    + " --docker-username=... --docker-password=...";
        }
        return "kubectl create secret generic " + name
                + keys.stream().map(k -> " --from-literal=" + k + "=...").collect(Collectors.joining());
    }

    /** The registry host of a repository, as the engine reads it: a first part with '.' or ':', or localhost. */
    static String registry(ImageByDigest image) {
        String repository = image.repository();
        int slash = repository.indexOf('/');
        if (slash > 0) {
            String first = repository.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
                return first;
            }
        }
        return "docker.io";
    }
}
