package dev.dockenv.k8s;

/**
 * The names of an app's objects, all from one base name (see {@link KubernetesNames#derive}): the
 * Deployment, its container and the Service are called {@code BASE}, the ConfigMap of its plain
 * variables {@code BASE-env}, the Secret the user creates {@code BASE-secrets}, the file of its
 * manifests {@code BASE.yaml}.
 */
public record AppNames(String base) {
    public AppNames {
        KubernetesNames.require("the app's Kubernetes name", base, KubernetesNames.problemWithBaseName(base));
    }

    public static AppNames of(String base) {
        return new AppNames(base);
    }

    public String deployment() {
        return base;
    }

    public String container() {
        return base;
    }

    public String service() {
        return base;
    }

    public String configMap() {
        return base + KubernetesNames.CONFIG_SUFFIX;
    }

    public String secret() {
        return base + KubernetesNames.SECRET_SUFFIX;
    }

    public String fileName() {
        return base + ".yaml";
    }
}
