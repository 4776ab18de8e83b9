package dev.dockenv.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.it.support.Exec;
import dev.dockenv.it.support.ProcessResult;
import dev.dockenv.k8s.K8sFixtures;
import dev.dockenv.k8s.KubernetesManifests;
import dev.dockenv.k8s.ManifestFolder;
import dev.dockenv.k8s.Manifests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The manifests {@code deploy k8s} writes, checked by Kubernetes' own schemas: every document is
 * loaded into its typed class of the npm package kubernetes-models and validated
 * (src/test/resources/k8s/validate-manifests.mjs; scripts/ensure-kubernetes-models.sh installs the
 * package, scripts/test.sh runs it). A negative proves the validator refuses what the API server
 * would (a boolean written as a string). {@code kubectl apply --dry-run=client} needs an API server
 * even in client mode (it reads the server's resource list and OpenAPI schema): it runs when a cluster
 * answers and is skipped, saying so, when none does (the test machines have none).
 */
class KubernetesManifestsIT {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final Path VALIDATOR = Path.of("src/test/resources/k8s/validate-manifests.mjs").toAbsolutePath();

    @TempDir
    Path dir;

    @Test
    void everyDocumentPassesTheKubernetesSchemas() throws IOException {
        List<Path> files = writeAll();
        ProcessResult result = validate(files);
        assertThat(result.exitCode()).as(result.describe()).isZero();
        long documents = 0;
        for (Path file : files) {
            documents += Files.readString(file).lines().filter("---"::equals).count();
        }
        assertThat(result.stdout().lines().filter(l -> l.startsWith("ok ")).count()).as(result.describe())
                .isEqualTo(documents).isEqualTo(3 + 1 + 3 + 1);
        assertThat(result.stdout()).contains("ConfigMap shop-env", "Service shop", "Deployment shop",
                "Deployment shop-worker", "Service dns", "Deployment app-2048");
    }

    @Test
    void theValidatorRefusesWhatTheApiServerWould() throws IOException {
        String yaml = KubernetesManifests.render(K8sFixtures.webApp()).yaml();
        Path wrongType = dir.resolve("wrong-type.yaml");
        Files.writeString(wrongType, yaml.replace("runAsNonRoot: true", "runAsNonRoot: \"true\""));
        Path yaml11 = dir.resolve("yaml11.yaml");
        Files.writeString(yaml11, yaml.replace("DEBUG: \"no\"", "DEBUG: no"));
        Path missing = dir.resolve("missing.yaml");
        Files.writeString(missing, yaml.replace("      containers:\n", "      initContainers:\n"));
        for (Path file : List.of(wrongType, yaml11, missing)) {
            assertThat(Files.readString(file)).isNotEqualTo(yaml);
        }
        ProcessResult result = validate(List.of(wrongType, yaml11, missing));
        assertThat(result.exitCode()).as(result.describe()).isEqualTo(1);
        assertThat(result.stdout()).as(result.describe())
                .contains("invalid " + wrongType + "#3 Deployment shop: ", "runAsNonRoot must be boolean")
                .contains("invalid " + yaml11 + "#1 ConfigMap shop-env: ", "DEBUG must be string")
                .contains("invalid " + missing + "#3 Deployment shop: ", "must have required property containers");
    }

    @Test
    void kubectlAcceptsThemWhereAClusterAnswers() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/kubectl")) || onPath("kubectl"),
                "kubectl is not installed");
        List<Path> files = writeAll();
        List<String> command = new ArrayList<>(List.of("kubectl", "apply", "--dry-run=client", "-o", "name"));
        files.forEach(f -> command.addAll(List.of("-f", f.toString())));
        ProcessResult result = Exec.of(command).timeout(TIMEOUT).run();
        Assumptions.assumeFalse(result.stderr().contains("connection refused")
                        || result.stderr().contains("no such host") || result.stderr().contains("the server could not")
                        || result.stderr().contains("failed to download openapi"),
                "kubectl apply --dry-run=client needs an API server (its resource list and OpenAPI schema), and "
                        + "none answers here: " + result.stderr().lines().findFirst().orElse(""));
        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.stdout()).contains("deployment.apps/shop", "service/shop", "configmap/shop-env");
    }

    private List<Path> writeAll() throws IOException {
        List<Manifests> manifests = K8sFixtures.all().stream().map(KubernetesManifests::render).toList();
        List<Path> files = new ArrayList<>();
        new ManifestFolder(dir.resolve("k8s")).write(manifests, false).forEach(w -> files.add(w.file()));
        assertThat(files).hasSize(K8sFixtures.all().size());
        return files;
    }

    private static ProcessResult validate(List<Path> files) {
        Path models = testCache().resolve("kubernetes-models");
        if (!Files.isDirectory(models.resolve("node_modules/kubernetes-models"))) {
            throw new IllegalStateException("kubernetes-models is not installed in " + models
                    + ": run scripts/ensure-kubernetes-models.sh (scripts/test.sh does)");
        }
        List<String> command = new ArrayList<>(List.of("node", VALIDATOR.toString()));
        files.forEach(f -> command.add(f.toString()));
        return Exec.of(command).env("KUBERNETES_MODELS", models.toString()).timeout(TIMEOUT).run();
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && List.of(path.split(":")).stream().anyMatch(d -> Files.isExecutable(Path.of(d, program)));
    }

    /** {@code ${DOCKENV_TEST_CACHE:-~/.cache/dockenv-test}}, as the scripts resolve it. */
    private static Path testCache() {
        String configured = System.getenv("DOCKENV_TEST_CACHE");
        return configured != null && !configured.isEmpty()
                ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "dockenv-test");
    }
}
