package dev.dockenv.k8s;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

/**
 * What is deployed of one app, all {@code deploy k8s} renders from: its names, the image by digest,
 * how many replicas, the ports, the command, its variables (plain values and Secret references), its
 * health check and the unprivileged user it runs as. Every value is checked here (an
 * {@link IllegalArgumentException} saying which value and what Kubernetes accepts), so a manifest is
 * never rendered with a value the API server would refuse.
 *
 * @param names the objects' names ({@link KubernetesNames#derive} of the app's name)
 * @param version the app's version, the label {@code app.kubernetes.io/version} (see
 *        {@link KubernetesNames#versionLabel}); empty leaves the label out
 * @param image the image by digest
 * @param replicas how many pods, 0 or more
 * @param ports the ports the container listens on (none for a worker: then no Service); numbers and
 *        names unique
 * @param command replaces the image's ENTRYPOINT when not empty
 * @param args replaces the image's CMD when not empty
 * @param env plain variables, written into the app's ConfigMap (sorted by name)
 * @param secrets variables from Secrets the user creates; a name is either plain or secret
 * @param health the health check, if any: the readiness, liveness (and startup) probes
 * @param runAsUser the user id the container runs as, not 0 (dockenv's prod image: 10001)
 * @param runAsGroup its group id, if given
 * @param rootFilesystem whether the image's files are read-only (with a writable /tmp)
 * @param imagePullSecret the Secret of type kubernetes.io/dockerconfigjson holding the registry's
 *        credentials, if the registry needs them (created by the user too)
 */
public record DeployedApp(AppNames names, Optional<String> version, ImageByDigest image, int replicas,
        List<ContainerPort> ports, List<String> command, List<String> args, Map<String, String> env,
        List<SecretVariable> secrets, Optional<HealthProbe> health, long runAsUser, OptionalLong runAsGroup,
        RootFilesystem rootFilesystem, Optional<String> imagePullSecret) {

    public DeployedApp {
        Objects.requireNonNull(names, "the app's names");
        Objects.requireNonNull(version, "the app's version");
        Objects.requireNonNull(image, "the app's image");
        Objects.requireNonNull(health, "the app's health check");
        Objects.requireNonNull(runAsGroup, "the app's group id");
        Objects.requireNonNull(rootFilesystem, "the app's root file system");
        Objects.requireNonNull(imagePullSecret, "the app's image pull Secret");
        ports = List.copyOf(ports);
        command = List.copyOf(command);
        args = List.copyOf(args);
        secrets = List.copyOf(secrets);
        Map<String, String> sorted = new TreeMap<>(env);
        env = Collections.unmodifiableMap(new LinkedHashMap<>(sorted));

        version.ifPresent(v -> {
            if (KubernetesNames.versionLabel(v).isEmpty()) {
                throw new IllegalArgumentException("the version '" + KubernetesNames.printable(v)
                        + "' has no letter or digit to put in a label");
            }
        });
        if (replicas < 0) {
            throw new IllegalArgumentException("replicas cannot be negative: " + replicas);
        }
        Set<String> portNames = new HashSet<>();
        Set<String> portNumbers = new HashSet<>();
        for (ContainerPort port : ports) {
            if (!portNames.add(port.name())) {
                throw new IllegalArgumentException("two ports are named '" + port.name() + "'");
            }
            if (!portNumbers.add(port.number() + "/" + port.protocol())) {
                throw new IllegalArgumentException("the port " + port.number() + "/" + port.protocol()
                        + " is given twice");
            }
        }
        noNul("the command", command);
        noNul("the arguments", args);
        env.forEach((name, value) -> {
            Objects.requireNonNull(value, "the value of " + name);
            KubernetesNames.require("the variable", name, KubernetesNames.problemWithEnvName(name));
            if (value.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("the value of " + name + " holds a NUL character");
            }
        });
        Set<String> secretNames = new HashSet<>();
        for (SecretVariable secret : secrets) {
            if (env.containsKey(secret.variable())) {
                throw new IllegalArgumentException("the variable " + secret.variable()
                        + " is given both as a plain value and as a secret");
            }
            if (!secretNames.add(secret.variable())) {
                throw new IllegalArgumentException("the secret variable " + secret.variable() + " is given twice");
            }
        }
        if (runAsUser < 1 || runAsUser > 2147483647L) {
            throw new IllegalArgumentException("the container runs as a user id from 1 to 2147483647 (never root, 0): "
                    + runAsUser);
        }
        runAsGroup.ifPresent(g -> {
            if (g < 0 || g > 2147483647L) {
                throw new IllegalArgumentException("a group id is from 0 to 2147483647: " + g);
            }
        });
        imagePullSecret.ifPresent(s -> KubernetesNames.require("the image pull Secret", s,
                KubernetesNames.problemWithSubdomain(s)));
    }

    /**
     * A builder for the app called {@code appName} (the objects' names are derived from it, see
     * {@link KubernetesNames#derive}), running {@code image} as {@code runAsUser}; one replica, no
     * ports, the image's command, a read-only root file system with a writable /tmp.
     */
    public static Builder builder(String appName, ImageByDigest image, long runAsUser) {
        return new Builder(AppNames.of(KubernetesNames.derive(appName)), image, runAsUser);
    }

    private static void noNul(String what, List<String> words) {
        for (String word : words) {
            if (word.indexOf('\0') >= 0) {
                throw new IllegalArgumentException(what + " cannot hold a NUL character");
            }
        }
    }

    public static final class Builder {
        private final AppNames names;
        private final ImageByDigest image;
        private final long runAsUser;
        private String version;
        private int replicas = 1;
        private final List<ContainerPort> ports = new ArrayList<>();
        private List<String> command = List.of();
        private List<String> args = List.of();
        private final Map<String, String> env = new LinkedHashMap<>();
        private final List<SecretVariable> secrets = new ArrayList<>();
        private HealthProbe health;
        private Long runAsGroup;
        private RootFilesystem rootFilesystem = RootFilesystem.READ_ONLY_WITH_TMP;
        private String imagePullSecret;

        private Builder(AppNames names, ImageByDigest image, long runAsUser) {
            this.names = names;
            this.image = Objects.requireNonNull(image);
            this.runAsUser = runAsUser;
        }

        /** The names the app's objects get: for {@link SecretVariable#of}. */
        public AppNames names() {
            return names;
        }

        public Builder version(String version) {
            this.version = Objects.requireNonNull(version);
            return this;
        }

        public Builder replicas(int replicas) {
            this.replicas = replicas;
            return this;
        }

        public Builder port(ContainerPort port) {
            ports.add(Objects.requireNonNull(port));
            return this;
        }

        public Builder command(List<String> command) {
            this.command = List.copyOf(command);
            return this;
        }

        public Builder args(List<String> args) {
            this.args = List.copyOf(args);
            return this;
        }

        public Builder env(String name, String value) {
            env.put(Objects.requireNonNull(name), Objects.requireNonNull(value));
            return this;
        }

        public Builder env(Map<String, String> values) {
            values.forEach(this::env);
            return this;
        }

        /** The variable from the key of the same name in the app's Secret ({@code NAME-secrets}). */
        public Builder secret(String variable) {
            secrets.add(SecretVariable.of(names.base(), variable));
            return this;
        }

        public Builder secret(SecretVariable secret) {
            secrets.add(Objects.requireNonNull(secret));
            return this;
        }

        public Builder health(HealthProbe health) {
            this.health = Objects.requireNonNull(health);
            return this;
        }

        public Builder runAsGroup(long runAsGroup) {
            this.runAsGroup = runAsGroup;
            return this;
        }

        public Builder rootFilesystem(RootFilesystem rootFilesystem) {
            this.rootFilesystem = Objects.requireNonNull(rootFilesystem);
            return this;
        }

        public Builder imagePullSecret(String secret) {
            this.imagePullSecret = Objects.requireNonNull(secret);
            return this;
        }

        public DeployedApp build() {
            return new DeployedApp(names, Optional.ofNullable(version), image, replicas, ports, command, args, env,
                    secrets, Optional.ofNullable(health), runAsUser,
                    runAsGroup == null ? OptionalLong.empty() : OptionalLong.of(runAsGroup), rootFilesystem,
                    Optional.ofNullable(imagePullSecret));
        }
    }
}
