package dev.dockenv.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.Golden;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

class KubernetesManifestsTest {
    @Test
    void webApp() {
        Manifests manifests = KubernetesManifests.render(K8sFixtures.webApp());
        assertThat(manifests.fileName()).isEqualTo("shop.yaml");
        Golden.assertMatches("k8s/web-app.yaml", manifests.yaml());
    }

    @Test
    void worker() {
        Manifests manifests = KubernetesManifests.render(K8sFixtures.worker());
        assertThat(manifests.fileName()).isEqualTo("shop-worker.yaml");
        Golden.assertMatches("k8s/worker.yaml", manifests.yaml());
    }

    @Test
    void aWebAppGetsAConfigMapAServiceAndADeploymentInThatOrder() {
        List<Map<String, Object>> docs = documents(KubernetesManifests.render(K8sFixtures.webApp()));
        assertThat(docs).extracting(d -> d.get("kind")).containsExactly("ConfigMap", "Service", "Deployment");
        assertThat(docs).extracting(d -> d.get("apiVersion")).containsExactly("v1", "v1", "apps/v1");
    }

    @Test
    void aWorkerWithoutPortsOrPlainVariablesGetsADeploymentAlone() {
        List<Map<String, Object>> docs = documents(KubernetesManifests.render(K8sFixtures.worker()));
        assertThat(docs).extracting(d -> d.get("kind")).containsExactly("Deployment");
        Map<String, Object> container = container(docs.get(0));
        assertThat(container).doesNotContainKeys("envFrom", "ports", "volumeMounts", "startupProbe");
    }

    @Test
    void noSecretIsRenderedAndTheHeaderSaysHowToCreateThem() {
        Manifests manifests = KubernetesManifests.render(K8sFixtures.webApp());
        assertThat(documents(manifests)).extracting(d -> d.get("kind")).doesNotContain("Secret");
        assertThat(manifests.requiredSecrets()).containsExactly(
                new RequiredSecret("shop-secrets", RequiredSecret.Kind.VARIABLES, List.of("DATABASE_URL", "SECRET_KEY")),
                new RequiredSecret("registry-example", RequiredSecret.Kind.REGISTRY_CREDENTIALS, List.of()));
        assertThat(manifests.yaml()).contains("#   kubectl create secret generic shop-secrets "
                + "--from-literal=DATABASE_URL=... --from-literal=SECRET_KEY=...\n");
        assertThat(manifests.yaml()).contains("#   kubectl create secret docker-registry registry-example "
                + "--docker-server=registry.example.com:5000 --docker-username=... --docker-password=...\n");
        List<Map<String, Object>> env = list(container(deployment(manifests)).get("env"));
        assertThat(env).containsExactly(
                Map.of("name", "DATABASE_URL", "valueFrom", Map.of("secretKeyRef",
                        Map.of("name", "shop-secrets", "key", "DATABASE_URL"))),
                Map.of("name", "SECRET_KEY", "valueFrom", Map.of("secretKeyRef",
                        Map.of("name", "shop-secrets", "key", "SECRET_KEY"))));
    }

    @Test
    void anAppWithoutSecretsSaysSo() {
        Manifests manifests = KubernetesManifests.render(DeployedApp.builder("a", K8sFixtures.image("a"), 1).build());
        assertThat(manifests.requiredSecrets()).isEmpty();
        assertThat(manifests.yaml()).contains("# No Secret is needed.\n").doesNotContain("kubectl create secret");
        assertThat(map(map(map(deployment(manifests).get("spec")).get("template")).get("spec")))
                .doesNotContainKey("imagePullSecrets");
    }

    @Test
    void theRegistryOfThePullSecretIsTheImagesOwn() {
        assertThat(RequiredSecret.registry(K8sFixtures.image("shop"))).isEqualTo("docker.io");
        assertThat(RequiredSecret.registry(K8sFixtures.image("team/shop"))).isEqualTo("docker.io");
        assertThat(RequiredSecret.registry(K8sFixtures.image("localhost/shop"))).isEqualTo("localhost");
        assertThat(RequiredSecret.registry(K8sFixtures.image("127.0.0.1:5000/shop"))).isEqualTo("127.0.0.1:5000");
    }

    @Test
    void theFirstLineIsTheMarker() {
        assertThat(KubernetesManifests.render(K8sFixtures.worker()).yaml())
                .startsWith(KubernetesManifests.MARKER + " for the app shop-worker:");
    }

    @Test
    void theSelectorsCarryTheNameAloneAndEveryObjectTheThreeLabels() {
        Manifests manifests = KubernetesManifests.render(K8sFixtures.webApp());
        Map<String, Object> labels = Map.of("app.kubernetes.io/name", "shop", "app.kubernetes.io/version", "1.4.0",
                "app.kubernetes.io/managed-by", "dockenv");
        for (Map<String, Object> doc : documents(manifests)) {
            assertThat(map(doc.get("metadata")).get("labels")).isEqualTo(labels);
        }
        Map<String, Object> deployment = deployment(manifests);
        Map<String, Object> spec = map(deployment.get("spec"));
        assertThat(map(spec.get("selector")).get("matchLabels")).isEqualTo(Map.of("app.kubernetes.io/name", "shop"));
        assertThat(map(map(spec.get("template")).get("metadata")).get("labels")).isEqualTo(labels);
        Map<String, Object> service = documents(manifests).get(1);
        assertThat(map(service.get("spec")).get("selector")).isEqualTo(Map.of("app.kubernetes.io/name", "shop"));
    }

    @Test
    void theServicePublishesEachPortByName() {
        DeployedApp app = DeployedApp.builder("dns", K8sFixtures.image("dns"), 1000)
                .port(ContainerPort.tcp(53)).port(ContainerPort.udp(53)).port(new ContainerPort("metrics", 9153,
                        ContainerPort.Protocol.TCP)).build();
        Map<String, Object> service = documents(KubernetesManifests.render(app)).get(0);
        assertThat(service.get("kind")).isEqualTo("Service");
        assertThat(map(service.get("spec")).get("type")).isEqualTo("ClusterIP");
        assertThat(list(map(service.get("spec")).get("ports"))).containsExactly(
                Map.of("name", "tcp-53", "port", 53, "protocol", "TCP", "targetPort", "tcp-53"),
                Map.of("name", "udp-53", "port", 53, "protocol", "UDP", "targetPort", "udp-53"),
                Map.of("name", "metrics", "port", 9153, "protocol", "TCP", "targetPort", "metrics"));
    }

    @Test
    void thePlainVariablesAreAConfigMapWhoseDigestRollsThePods() {
        DeployedApp one = DeployedApp.builder("a", K8sFixtures.image("a"), 1).env("PORT", "8000").env("DEBUG", "no")
                .build();
        DeployedApp other = DeployedApp.builder("a", K8sFixtures.image("a"), 1).env("PORT", "8001").env("DEBUG", "no")
                .build();
        Map<String, Object> configMap = documents(KubernetesManifests.render(one)).get(0);
        assertThat(configMap.get("kind")).isEqualTo("ConfigMap");
        assertThat(map(configMap.get("metadata")).get("name")).isEqualTo("a-env");
        // YAML 1.1 readers (kubectl) must read strings: "8000" and "no" are quoted
        assertThat(configMap.get("data")).isEqualTo(Map.of("DEBUG", "no", "PORT", "8000"));
        assertThat(KubernetesManifests.render(one).yaml()).contains("  DEBUG: \"no\"\n  PORT: \"8000\"\n");
        assertThat(list(container(deployment(KubernetesManifests.render(one))).get("envFrom")))
                .containsExactly(Map.of("configMapRef", Map.of("name", "a-env")));
        assertThat(configDigest(one)).hasSize(64).isNotEqualTo(configDigest(other));
        assertThat(configDigest(one)).isEqualTo(configDigest(DeployedApp.builder("a", K8sFixtures.image("a"), 1)
                .env("DEBUG", "no").env("PORT", "8000").build()));
    }

    @Test
    void probesFromTheHealthCheck() {
        Map<String, Object> c = container(deployment(KubernetesManifests.render(K8sFixtures.webApp())));
        Map<String, Object> probe = Map.of("httpGet", Map.of("path", "/healthz", "port", 8000, "scheme", "HTTP"),
                "periodSeconds", 5, "timeoutSeconds", 2, "failureThreshold", 3);
        assertThat(c.get("readinessProbe")).isEqualTo(probe);
        assertThat(c.get("livenessProbe")).isEqualTo(probe);
        // 20s of start period at 5s a check, then the 3 retries
        assertThat(map(c.get("startupProbe")).get("failureThreshold")).isEqualTo(4 + 3);
    }

    @ParameterizedTest
    @CsvSource({
        // start period, interval (0: unset, Kubernetes' 10s), retries (0: unset, 3) -> startup failureThreshold
        "20, 5, 3, 7",
        "21, 5, 3, 8",
        "30, 0, 0, 6",
        "1, 30, 1, 2",
    })
    void theStartupProbeCoversTheStartPeriodThenTheRetries(int start, int interval, int retries, int threshold) {
        HealthProbe.Builder health = HealthProbe.tcpSocket(8000).startPeriod(Duration.ofSeconds(start));
        if (interval > 0) {
            health.interval(Duration.ofSeconds(interval));
        }
        if (retries > 0) {
            health.retries(retries);
        }
        DeployedApp app = DeployedApp.builder("a", K8sFixtures.image("a"), 1).health(health.build()).build();
        Map<String, Object> c = container(deployment(KubernetesManifests.render(app)));
        assertThat(map(c.get("startupProbe")).get("failureThreshold")).isEqualTo(threshold);
        assertThat(map(c.get("startupProbe")).get("tcpSocket")).isEqualTo(Map.of("port", 8000));
    }

    @Test
    void withoutAStartPeriodOrTimingKubernetesDefaultsApply() {
        DeployedApp app = DeployedApp.builder("a", K8sFixtures.image("a"), 1)
                .health(HealthProbe.tcpSocket(8000).startPeriod(Duration.ZERO).build()).build();
        Map<String, Object> c = container(deployment(KubernetesManifests.render(app)));
        assertThat(c).doesNotContainKey("startupProbe");
        assertThat(c.get("livenessProbe")).isEqualTo(Map.of("tcpSocket", Map.of("port", 8000)));
    }

    @Test
    void theSecurityContextIsRestricted() {
        Map<String, Object> deployment = deployment(KubernetesManifests.render(K8sFixtures.webApp()));
        Map<String, Object> pod = map(map(map(deployment.get("spec")).get("template")).get("spec"));
        assertThat(pod.get("securityContext")).isEqualTo(Map.of("runAsNonRoot", true, "runAsUser", 10001,
                "runAsGroup", 10001, "seccompProfile", Map.of("type", "RuntimeDefault")));
        assertThat(pod.get("automountServiceAccountToken")).isEqualTo(false);
        assertThat(pod.get("enableServiceLinks")).isEqualTo(false);
        assertThat(pod.get("volumes")).isEqualTo(List.of(Map.of("name", "tmp", "emptyDir", Map.of())));
        Map<String, Object> c = container(deployment);
        assertThat(c.get("securityContext")).isEqualTo(Map.of("allowPrivilegeEscalation", false,
                "readOnlyRootFilesystem", true, "capabilities", Map.of("drop", List.of("ALL"))));
        assertThat(c.get("volumeMounts")).isEqualTo(List.of(Map.of("name", "tmp", "mountPath", "/tmp")));
    }

    @Test
    void aWritableRootFileSystemHasNoTmpVolume() {
        Map<String, Object> deployment = deployment(KubernetesManifests.render(K8sFixtures.worker()));
        Map<String, Object> pod = map(map(map(deployment.get("spec")).get("template")).get("spec"));
        assertThat(pod).doesNotContainKey("volumes");
        assertThat(map(container(deployment).get("securityContext")).get("readOnlyRootFilesystem")).isEqualTo(false);
    }

    @Test
    void theImageIsByDigest() {
        Map<String, Object> c = container(deployment(KubernetesManifests.render(K8sFixtures.worker())));
        assertThat(c.get("image")).isEqualTo("registry.example.com/team/shop-worker@" + K8sFixtures.DIGEST);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "plain|plain",
        "$HOME|$HOME",
        "$(QUEUE)|$$(QUEUE)",
        "$$|$$$",
        "a$|a$",
        "$$(X)|$$$$(X)",
        "cost: 5$ (about)|cost: 5$ (about)",
    })
    void commandsAndArgumentsAreLiteralForKubernetesExpansion(String word, String written) {
        assertThat(KubernetesManifests.literal(word)).isEqualTo(written);
        assertThat(expand(written)).isEqualTo(word);
    }

    @Test
    void commandAndArgumentsReachTheContainer() {
        Map<String, Object> c = container(deployment(KubernetesManifests.render(K8sFixtures.worker())));
        assertThat(c.get("command")).isEqualTo(List.of("python", "-m", "shop.worker"));
        assertThat(c.get("args")).isEqualTo(List.of("--queue", "$$(QUEUE)", "--log", "$HOME/worker.log"));
        Map<String, Object> none = container(deployment(KubernetesManifests.render(
                DeployedApp.builder("a", K8sFixtures.image("a"), 1).build())));
        assertThat(none).doesNotContainKeys("command", "args", "env", "envFrom", "livenessProbe");
    }

    @Test
    void stringsThatAYaml11ReaderWouldMisreadAreQuoted() {
        DeployedApp app = DeployedApp.builder("a", K8sFixtures.image("a"), 1)
                .env("A", "on").env("B", "0755").env("C", "1:20").env("D", "~").env("E", "line\u2028break")
                .env("F", "plain/path.txt").build();
        String yaml = KubernetesManifests.render(app).yaml();
        assertThat(yaml).contains("A: \"on\"\n", "B: \"0755\"\n", "C: \"1:20\"\n", "D: \"~\"\n",
                "E: \"line\\u2028break\"\n", "F: plain/path.txt\n");
        assertThat(documents(KubernetesManifests.render(app)).get(0).get("data")).isEqualTo(Map.of("A", "on",
                "B", "0755", "C", "1:20", "D", "~", "E", "line\u2028break", "F", "plain/path.txt"));
    }

    @Test
    void theSameAppRendersTheSameBytes() {
        assertThat(KubernetesManifests.render(K8sFixtures.webApp()).yaml())
                .isEqualTo(KubernetesManifests.render(K8sFixtures.webApp()).yaml());
    }

    /** Kubernetes' expansion of $(VAR) (k8s.io/kubernetes third_party/forked/golang/expansion), every variable set. */
    private static String expand(String input) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < input.length()) {
            char c = input.charAt(i);
            if (c == '$' && i + 1 < input.length()) {
                char next = input.charAt(i + 1);
                if (next == '$') {
                    out.append('$');
                    i += 2;
                    continue;
                }
                if (next == '(') {
                    int close = input.indexOf(')', i + 2);
                    if (close > 0) {
                        out.append("EXPANDED");
                        i = close + 1;
                        continue;
                    }
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static String configDigest(DeployedApp app) {
        Map<String, Object> template = map(map(deployment(KubernetesManifests.render(app)).get("spec")).get("template"));
        return (String) map(map(template.get("metadata")).get("annotations")).get("dockenv.dev/config-sha256");
    }

    static List<Map<String, Object>> documents(Manifests manifests) {
        List<Map<String, Object>> docs = new ArrayList<>();
        new Load(LoadSettings.builder().build()).loadAllFromString(manifests.yaml()).forEach(d -> docs.add(map(d)));
        return docs;
    }

    private static Map<String, Object> deployment(Manifests manifests) {
        List<Map<String, Object>> docs = documents(manifests);
        return docs.get(docs.size() - 1);
    }

    private static Map<String, Object> container(Map<String, Object> deployment) {
        Map<String, Object> pod = map(map(map(deployment.get("spec")).get("template")).get("spec"));
        List<Map<String, Object>> containers = list(pod.get("containers"));
        assertThat(containers).hasSize(1);
        return containers.get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }
}
