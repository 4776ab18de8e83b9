package dev.dockenv.k8s;

import java.util.Objects;

/**
 * An environment variable whose value is a secret: the manifest refers to a key of a Secret that the
 * user creates in the cluster ({@code secretKeyRef}); the value itself is never in a file dockenv
 * writes.
 *
 * @param variable the variable's name in the container
 * @param secret the Secret's name (a DNS-1123 label): {@link #of} takes the app's own,
 *        {@code NAME-secrets}
 * @param key the key in that Secret: {@link #of} takes the variable's name
 */
public record SecretVariable(String variable, String secret, String key) {
    public SecretVariable {
        Objects.requireNonNull(variable, "a secret variable's name");
        Objects.requireNonNull(secret, "a secret variable's Secret");
        Objects.requireNonNull(key, "a secret variable's key");
        KubernetesNames.require("the secret variable", variable, KubernetesNames.problemWithEnvName(variable));
        KubernetesNames.require("the Secret", secret, KubernetesNames.problemWithLabelName(secret));
        KubernetesNames.require("the Secret key", key, KubernetesNames.problemWithSecretKey(key));
    }

    /** {@code variable} from the key of the same name in the app's Secret ({@code NAME-secrets}). */
    public static SecretVariable of(String appBaseName, String variable) {
        return new SecretVariable(variable, AppNames.of(appBaseName).secret(), variable);
    }
}
