package dev.dockenv.k8s;

import dev.dockenv.io.Sha256;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Renders a {@link DeployedApp} as Kubernetes manifests, from fabric8's typed model (never text):
 *
 * <ul>
 * <li>a ConfigMap {@code NAME-env} of the plain variables (when there are any), which the container
 * reads whole ({@code envFrom}); the pod template carries the digest of its data
 * ({@value #CONFIG_DIGEST}), so a changed value rolls the pods on the next apply;</li>
 * <li>a Service {@code NAME} of type ClusterIP for the ports (when there are any), each port by name;</li>
 * <li>a Deployment {@code NAME}: the image by digest, the replicas, the command, the secret variables
 * as {@code secretKeyRef}s, the probes, and a securityContext that passes the "restricted" Pod
 * Security Standard (runAsNonRoot with the user id, no privilege escalation, every capability dropped,
 * the runtime's default seccomp profile; read-only root file system with an emptyDir at /tmp unless
 * {@link RootFilesystem#WRITABLE}); no service account token mounted and no service links (variables
 * like {@code REDIS_PORT=tcp://...} that Kubernetes would otherwise set for every Service of the
 * namespace and that clash with an app's own).</li>
 * </ul>
 *
 * <p>No Secret is rendered: the Secrets the app reads ({@code NAME-secrets} and any other a
 * {@link SecretVariable} names, the image pull Secret) are listed in the file's header with the
 * command that creates them, and in {@link Manifests#requiredSecrets}.
 *
 * <p>Labels: {@code app.kubernetes.io/name} (the base name; the Deployment's selector and the
 * Service's, which stay the same across versions), {@code app.kubernetes.io/version} (when known)
 * and {@code app.kubernetes.io/managed-by: dockenv} on every object and on the pods.
 */
public final class KubernetesManifests {
    /** The file's first line: what tells {@link ManifestFolder} that dockenv wrote the file. */
    public static final String MARKER = "# Written by dockenv (deploy k8s)";
    static final String CONFIG_DIGEST = "dockenv.dev/config-sha256";
    static final String NAME_LABEL = "app.kubernetes.io/name";
    static final String VERSION_LABEL = "app.kubernetes.io/version";
    static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
    private static final String TMP_VOLUME = "tmp";

    private KubernetesManifests() {
    }

    public static Manifests render(DeployedApp app) {
        AppNames names = app.names();
        List<String> documents = new ArrayList<>();
        Optional<String> configMap = configMap(app).map(ManifestYaml::render);
        configMap.ifPresent(documents::add);
        service(app).map(ManifestYaml::render).ifPresent(documents::add);
        documents.add(ManifestYaml.render(deployment(app, configMap.map(Sha256::hex))));

        List<RequiredSecret> secrets = requiredSecrets(app);
        StringBuilder yaml = new StringBuilder();
        yaml.append(MARKER).append(" for the app ").append(names.base())
                .append(": dockenv rewrites this file (delete this line to keep it from doing so).\n");
        yaml.append("# Apply: kubectl apply -f ").append(names.fileName()).append('\n');
        if (secrets.isEmpty()) {
            yaml.append("# No Secret is needed.\n");
        } else {
            yaml.append("# Not in this file (dockenv writes no secret value anywhere): ")
                    .append(secrets.size() == 1 ? "the Secret the app reads; create it" : "the Secrets the app reads; "
                            + "create them")
                    .append(" in the namespace first:\n");
            for (RequiredSecret secret : secrets) {
                yaml.append("#   ").append(secret.createCommand(app.image())).append('\n');
            }
        }
        for (String document : documents) {
            yaml.append("---\n").append(document);
        }
        return new Manifests(names, names.fileName(), yaml.toString(), secrets);
    }

    static Optional<ConfigMap> configMap(DeployedApp app) {
        if (app.env().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ConfigMapBuilder()
                .withMetadata(metadata(app, app.names().configMap()))
                .withData(app.env())
                .build());
    }

    static Optional<Service> service(DeployedApp app) {
        if (app.ports().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ServiceBuilder()
                .withMetadata(metadata(app, app.names().service()))
                .withNewSpec()
                .withType("ClusterIP")
                .withSelector(selector(app))
                .withPorts(app.ports().stream().map(p -> new ServicePortBuilder()
                        .withName(p.name())
                        .withProtocol(p.protocol().name())
                        .withPort(p.number())
                        .withTargetPort(new IntOrString(p.name()))
                        .build()).toList())
                .endSpec()
                .build());
    }

    static Deployment deployment(DeployedApp app, Optional<String> configDigest) {
        Map<String, String> annotations = new LinkedHashMap<>();
        configDigest.ifPresent(d -> annotations.put(CONFIG_DIGEST, d));
        PodSecurityContextBuilder podSecurity = new PodSecurityContextBuilder()
                .withRunAsNonRoot(true)
                .withRunAsUser(app.runAsUser())
                .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile();
        app.runAsGroup().ifPresent(podSecurity::withRunAsGroup);
        PodSpecBuilder pod = new PodSpecBuilder()
                .withAutomountServiceAccountToken(false)
                .withEnableServiceLinks(false)
                .withSecurityContext(podSecurity.build())
                .withContainers(container(app));
        app.imagePullSecret().ifPresent(s -> pod.withImagePullSecrets(new LocalObjectReference(s)));
        if (app.rootFilesystem() == RootFilesystem.READ_ONLY_WITH_TMP) {
            pod.addNewVolume().withName(TMP_VOLUME).withNewEmptyDir().endEmptyDir().endVolume();
        }
        return new DeploymentBuilder()
                .withMetadata(metadata(app, app.names().deployment()))
                .withNewSpec()
                .withReplicas(app.replicas())
                .withNewSelector().withMatchLabels(selector(app)).endSelector()
                .withNewTemplate()
                .withNewMetadata().withLabels(labels(app)).withAnnotations(annotations.isEmpty() ? null : annotations)
                .endMetadata()
                .withSpec(pod.build())
                .endTemplate()
                .endSpec()
                .build();
    }

    private static Container container(DeployedApp app) {
        ContainerBuilder container = new ContainerBuilder()
                .withName(app.names().container())
                .withImage(app.image().reference());
        if (!app.command().isEmpty()) {
            container.withCommand(app.command().stream().map(KubernetesManifests::literal).toList());
        }
        if (!app.args().isEmpty()) {
            container.withArgs(app.args().stream().map(KubernetesManifests::literal).toList());
        }
        for (ContainerPort port : app.ports()) {
            container.addNewPort().withName(port.name()).withContainerPort(port.number())
                    .withProtocol(port.protocol().name()).endPort();
        }
        if (!app.env().isEmpty()) {
            container.addNewEnvFrom().withNewConfigMapRef().withName(app.names().configMap()).endConfigMapRef()
                    .endEnvFrom();
        }
        for (SecretVariable secret : app.secrets()) {
            container.addNewEnv().withName(secret.variable())
                    .withNewValueFrom().withNewSecretKeyRef().withName(secret.secret()).withKey(secret.key())
                    .endSecretKeyRef().endValueFrom()
                    .endEnv();
        }
        app.health().ifPresent(health -> {
            Probe probe = probe(health, health.retries().isPresent() ? health.retries().getAsInt() : null);
            container.withReadinessProbe(probe).withLivenessProbe(probe);
            health.startPeriod().filter(d -> !d.isZero()).ifPresent(start -> {
                int period = health.interval().map(HealthProbe::seconds).orElse(10);
                int starting = (HealthProbe.seconds(start) + period - 1) / period;
                container.withStartupProbe(probe(health, starting + health.retries().orElse(3)));
            });
        });
        boolean readOnly = app.rootFilesystem() == RootFilesystem.READ_ONLY_WITH_TMP;
        container.withSecurityContext(new SecurityContextBuilder()
                .withAllowPrivilegeEscalation(false)
                .withReadOnlyRootFilesystem(readOnly)
                .withNewCapabilities().withDrop("ALL").endCapabilities()
                .build());
        if (readOnly) {
            container.addNewVolumeMount().withName(TMP_VOLUME).withMountPath("/tmp").endVolumeMount();
        }
        return container.build();
    }

    private static Probe probe(HealthProbe health, Integer failureThreshold) {
        ProbeBuilder probe = new ProbeBuilder();
        HealthProbe.Check check = health.check();
        if (check instanceof HealthProbe.HttpGet http) {
            probe.withNewHttpGet().withPath(http.path()).withPort(new IntOrString(http.port())).withScheme("HTTP")
                    .endHttpGet();
        } else if (check instanceof HealthProbe.TcpSocket tcp) {
            probe.withNewTcpSocket().withPort(new IntOrString(tcp.port())).endTcpSocket();
        } else {
            probe.withNewExec().withCommand(((HealthProbe.Exec) check).command()).endExec();
        }
        health.interval().ifPresent(d -> probe.withPeriodSeconds(HealthProbe.seconds(d)));
        health.timeout().ifPresent(d -> probe.withTimeoutSeconds(HealthProbe.seconds(d)));
        if (failureThreshold != null) {
            probe.withFailureThreshold(failureThreshold);
        }
        return probe.build();
    }

    /**
     * {@code word} as Kubernetes keeps it: it expands {@code $(VAR)} in a container's command and
     * arguments, and reads {@code $$} as one {@code $}; a {@code $} before {@code (} or {@code $} is
     * doubled, so the container gets the word as written ({@code $HOME} stays as it is for a shell).
     */
    static String literal(String word) {
        StringBuilder out = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            out.append(c);
            if (c == '$' && i + 1 < word.length() && (word.charAt(i + 1) == '(' || word.charAt(i + 1) == '$')) {
                out.append('$');
            }
        }
        return out.toString();
    }

    private static List<RequiredSecret> requiredSecrets(DeployedApp app) {
        Map<String, Set<String>> keys = new LinkedHashMap<>();
        for (SecretVariable secret : app.secrets()) {
            keys.computeIfAbsent(secret.secret(), s -> new LinkedHashSet<>()).add(secret.key());
        }
        List<RequiredSecret> secrets = new ArrayList<>();
        keys.forEach((name, k) -> secrets.add(new RequiredSecret(name, RequiredSecret.Kind.VARIABLES, List.copyOf(k))));
        app.imagePullSecret().ifPresent(s -> secrets.add(new RequiredSecret(s, RequiredSecret.Kind.REGISTRY_CREDENTIALS,
                List.of())));
        return secrets;
    }

    private static ObjectMeta metadata(DeployedApp app, String name) {
        return new ObjectMetaBuilder().withName(name).withLabels(labels(app)).build();
    }

    private static Map<String, String> labels(DeployedApp app) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(NAME_LABEL, app.names().base());
        app.version().ifPresent(v -> labels.put(VERSION_LABEL, KubernetesNames.versionLabel(v)));
        labels.put(MANAGED_BY_LABEL, "dockenv");
        return labels;
    }

    private static Map<String, String> selector(DeployedApp app) {
        return Map.of(NAME_LABEL, app.names().base());
    }
}
