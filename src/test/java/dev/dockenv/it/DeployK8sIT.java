package dev.dockenv.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.GitRepo;
import dev.dockenv.it.support.Docker;
import dev.dockenv.it.support.DockenvCli;
import dev.dockenv.it.support.Exec;
import dev.dockenv.it.support.ItWorkspace;
import dev.dockenv.it.support.ProcessResult;
import dev.dockenv.it.support.TestProject;
import dev.dockenv.it.support.TestRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * dockenv deploy k8s against the real engine, the real registry and the real kubectl: the release
 * pushed with the test's own docker login, the manifests written with the image by the digest the
 * registry holds (read back through its v2 API), every document valid by the Kubernetes schemas
 * (kubernetes-models, as KubernetesManifestsIT), and --apply without a cluster reported as kubectl's
 * own failure with exit 13.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeployK8sIT {
    private static final String COMMIT_DATE = "2026-11-30T12:00:00Z";
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final Path VALIDATOR = Path.of("src/test/resources/k8s/validate-manifests.mjs").toAbsolutePath();

    private ItWorkspace ws;
    private DockenvCli dockenv;
    private TestRegistry registry;
    private final List<String> references = new ArrayList<>();

    @BeforeAll
    void setUp() {
        Docker.requireEngine();
        registry = TestRegistry.require();
        ws = ItWorkspace.open("dockenv-deployk8sit");
        dockenv = ws.dockenv();
    }

    @AfterAll
    void cleanUp() {
        Docker.removeImages(references.toArray(String[]::new));
        ItWorkspace.closeIfOpened(ws);
    }

    private TestProject committed(String name, String repository) {
        TestProject p = ws.project(name).file(".python-version", "3.11\n")
                .file("pyproject.toml", "[project]\nname = \"shop\"\nversion = \"1.4.0\"\ndependencies = []\n\n"
                        + "[tool.dockenv]\ncommand = [\"python\", \"app.py\"]\nports = [\"8000\"]\n\n"
                        + "[tool.dockenv.env]\nGREETING = \"hello\"\n\n"
                        + "[tool.dockenv.services]\ndb = \"postgres:16\"\n\n"
                        + "[tool.dockenv.release]\nrepository = \"" + repository + "\"\n")
                .file("app.py", "print('shop')\n");
        git(p, "init", "-q");
        git(p, "add", "-A");
        git(p, "commit", "-q", "-m", "first");
        return p;
    }

    private static void git(TestProject p, String... args) {
        GitRepo.gitAt(p.dir(), COMMIT_DATE, args);
    }

    @Test
    void theManifestsNameTheDigestTheRegistryHoldsAndPassTheSchemas() throws IOException {
        String repository = registry.newRepository("k8s");
        TestProject p = committed("deployk8s", repository);
        Path config = registry.login(ws.path("docker-config-k8s"));
        Path out = ws.path("manifests");

        ProcessResult r = dockenv.withEnv("DOCKER_CONFIG", config.toString()).run(p.dir(), "deploy", "k8s", "-q",
                "-o", out.toString());
        references.addAll(r.stdout().lines().map(l -> l.replaceFirst("@sha256:.*$", "")).toList());
        assertThat(r.exitCode()).as(r.describe()).isZero();

        String digest = registry.manifestDigest(repository, "1.4.0").orElseThrow();
        Path file = out.resolve("shop.yaml");
        String yaml = Files.readString(file);
        Matcher image = Pattern.compile("image: \"([^\"]+)\"").matcher(yaml);
        assertThat(image.find()).as(yaml).isTrue();
        assertThat(image.group(1)).isEqualTo(repository + ":1.4.0@" + digest);
        assertThat(r.stdout()).contains(repository + ":1.4.0@" + digest);
        assertThat(yaml).contains("GREETING: hello", "PGHOST: db", "- name: DATABASE_URL", "name: shop-secrets",
                "runAsUser: 10001", "tcpSocket:");
        assertThat(r.stderr()).contains("kubectl create secret generic shop-secrets");

        ProcessResult valid = validate(file);
        assertThat(valid.exitCode()).as(valid.describe()).isZero();
        assertThat(valid.stdout()).contains("ConfigMap shop-env", "Service shop", "Deployment shop");

        // the image by digest is the one pushed: pulled by it, it runs the app
        Docker.exec("pull", image.group(1)).env("DOCKER_CONFIG", config.toString()).run().assertOk();
        assertThat(Docker.runOk("run", "--rm", repository + "@" + digest).stdout().strip()).isEqualTo("shop");
    }

    @Test
    void applyWithoutAClusterIsKubectlsOwnErrorAndExitThirteen() throws IOException {
        String repository = registry.newRepository("k8sapply");
        TestProject p = committed("deployk8sapply", repository);
        Path config = registry.login(ws.path("docker-config-apply"));
        Path kubeconfig = ws.path("kubeconfig-none");
        Path out = ws.path("applied");

        ProcessResult r = dockenv.withEnv("DOCKER_CONFIG", config.toString())
                .withEnv("KUBECONFIG", kubeconfig.toString())
                .run(p.dir(), "deploy", "k8s", "-q", "-o", out.toString(), "--apply");
        references.addAll(r.stdout().lines().filter(l -> l.contains("@sha256:"))
                .map(l -> l.replaceFirst("@sha256:.*$", "")).toList());

        assertThat(r.exitCode()).as(r.describe()).isEqualTo(13);
        assertThat(r.stderr()).as(r.describe()).contains("dockenv: error: kubectl apply -f " + out + " failed (exit 1): ")
                .containsPattern("connection refused|the server could not|failed to download openapi")
                .contains("dockenv: hint: the manifests are written in " + out);
        assertThat(out.resolve("shop.yaml")).isRegularFile();
        assertThat(registry.tags(repository)).contains("1.4.0", "latest");
    }

    private static ProcessResult validate(Path file) {
        String configured = System.getenv("DOCKENV_TEST_CACHE");
        Path cache = configured != null && !configured.isEmpty() ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "dockenv-test");
        Path models = cache.resolve("kubernetes-models");
        if (!Files.isDirectory(models.resolve("node_modules/kubernetes-models"))) {
            throw new IllegalStateException("kubernetes-models is not installed in " + models
                    + ": run scripts/ensure-kubernetes-models.sh (scripts/test.sh does)");
        }
        return Exec.of("node", VALIDATOR.toString(), file.toString()).env("KUBERNETES_MODELS", models.toString())
                .timeout(TIMEOUT).run();
    }
}
