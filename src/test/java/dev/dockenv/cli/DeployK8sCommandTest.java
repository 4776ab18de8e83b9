package dev.dockenv.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.GitRepo;
import dev.dockenv.engine.Engine;
import dev.dockenv.engine.EngineEndpoint;
import dev.dockenv.engine.LocalProcessRunner;
import dev.dockenv.engine.ProcessRunner;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dockenv deploy k8s over the in-memory engine, with kubectl stood in for by a fake process runner. */
class DeployK8sCommandTest {
    private static final String REPOSITORY = "registry.example.com/team/shop";

    @TempDir
    Path tmp;

    private Path project;
    private final FakeEngine engine = new FakeEngine();
    private final Map<String, String> env = new HashMap<>();
    /** The kubectl commands run, and what the fake kubectl answers. */
    private final List<List<String>> kubectlCalls = new ArrayList<>();
    private ProcessRunner.Result kubectlAnswer = new ProcessRunner.Result(0,
            "configmap/shop-env created\nservice/shop created\ndeployment.apps/shop created\n", "");
    /** What the last run printed on stdout: with -q, REPOSITORY:TAG@DIGEST for each pushed tag first. */
    private String out = "";
    private String err = "";

    @BeforeEach
    void setUp() throws IOException {
        env.put("DOCKENV_CACHE_DIR", tmp.resolve("cache").toString());
        env.put("PATH", System.getenv("PATH"));
        project = Files.createDirectories(tmp.resolve("shop"));
        Files.writeString(project.resolve(".python-version"), "3.11\n");
        Files.writeString(project.resolve("pyproject.toml"), """
                [project]
                name = "shop"
                version = "1.4.0"
                dependencies = []

                [tool.dockenv]
                command = ["python", "app.py"]
                ports = ["8000"]

                [tool.dockenv.env]
                DEBUG = "no"

                [tool.dockenv.release]
                repository = "%s"

                [tool.dockenv.services]
                db = "postgres:16"
                cache = "redis:7"
                """.formatted(REPOSITORY));
        Files.writeString(project.resolve("app.py"), "print('shop')\n");
        git("init", "-q");
        git("add", "-A");
        git("commit", "-q", "-m", "first");
    }

    private void git(String... args) {
        GitRepo.git(project, args);
    }

    private int run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        Session session = new Session(project, env, new PrintWriter(o, true), new PrintWriter(e, true),
                new KubectlStandIn(), false, (Function<EngineEndpoint, Engine>) endpoint -> engine);
        int code = Main.run(args, session);
        out = o.toString();
        err = e.toString();
        return code;
    }

    private String pushedDigest() {
        String first = out.lines().findFirst().orElseThrow();
        assertThat(first).startsWith(REPOSITORY + ":1.4.0@sha256:");
        return first.substring(first.indexOf('@') + 1);
    }

    @Test
    void theManifestsNameThePushedImageByDigestAndHoldNoSecretValue() throws IOException {
        assertThat(run("deploy", "k8s", "-q")).as(err).isZero();

        assertThat(engine.pushes).hasSize(3).startsWith(REPOSITORY + ":1.4.0").endsWith(REPOSITORY + ":latest");
        Path file = project.resolve("k8s/shop.yaml");
        String yaml = Files.readString(file);
        assertThat(yaml).startsWith("# Written by dockenv (deploy k8s)")
                .contains("image: \"" + REPOSITORY + ":1.4.0@" + pushedDigest() + "\"")
                .contains("app.kubernetes.io/version: \"1.4.0\"")
                .contains("runAsUser: 10001", "runAsNonRoot: true")
                .contains("DEBUG: \"no\"", "PGHOST: db\n", "REDIS_URL: \"redis://cache:6379/0\"")
                .contains("- name: DATABASE_URL\n", "- name: PGPASSWORD\n", "name: shop-secrets\n")
                .contains("containerPort: 8000", "tcpSocket:", "- args:\n            - python\n            - app.py\n")
                .doesNotContain("httpGet");
        assertThat(yaml).doesNotContainPattern("(PGPASSWORD|DATABASE_URL): ");
        assertThat(err).contains(file + " created (image " + REPOSITORY + ":1.4.0@" + pushedDigest() + ")",
                "kubectl create secret generic shop-secrets --from-literal=DATABASE_URL=... "
                        + "--from-literal=PGPASSWORD=...", "apply them with: kubectl apply -f " + project.resolve("k8s"));
        assertThat(kubectlCalls).as("no --apply, no kubectl").isEmpty();
    }

    @Test
    void applyRunsKubectlOnTheFolderAndPrintsWhatItDid() {
        assertThat(run("deploy", "k8s", "-q", "-o", "out/k8s", "--apply")).as(err).isZero();

        assertThat(kubectlCalls).containsExactly(List.of("kubectl", "apply", "-f", project.resolve("out/k8s").toString()));
        assertThat(out).endsWith("@" + pushedDigest() + "\nconfigmap/shop-env created\nservice/shop created\n"
                + "deployment.apps/shop created\n");
    }

    @Test
    void kubectlsFailureIsOneLineWithItsOwnExitCode() {
        env.put("DOCKENV_KUBECTL", "/opt/kubectl-1.30");
        kubectlAnswer = new ProcessRunner.Result(1, "", "error: error validating \"k8s/shop.yaml\": failed to download "
                + "openapi: connection refused\n");

        assertThat(run("deploy", "k8s", "-q", "--apply")).isEqualTo(13);

        assertThat(kubectlCalls).containsExactly(List.of("/opt/kubectl-1.30", "apply", "-f",
                project.resolve("k8s").toString()));
        assertThat(err).contains("dockenv: error: kubectl apply -f " + project.resolve("k8s") + " failed (exit 1): "
                + "error: error validating \"k8s/shop.yaml\": failed to download openapi: connection refused",
                "dockenv: hint: the manifests are written in " + project.resolve("k8s"));
        assertThat(project.resolve("k8s/shop.yaml")).isRegularFile();
    }

    @Test
    void aHealthPathMakesTheProbesHttpAndNoHealthLeavesThemOut() throws IOException {
        assertThat(run("deploy", "k8s", "-q", "--health-path", "/healthz")).as(err).isZero();
        String http = Files.readString(project.resolve("k8s/shop.yaml"));
        assertThat(http).contains("httpGet:", "path: /healthz", "readinessProbe:", "livenessProbe:",
                "startupProbe:").doesNotContain("tcpSocket");

        git("add", "-A");
        git("commit", "-q", "-m", "manifests"); // the written folder is the project's: a change makes the tree dirty
        assertThat(run("deploy", "k8s", "-q", "--no-health", "--replicas", "3")).as(err).isZero();
        String none = Files.readString(project.resolve("k8s/shop.yaml"));
        assertThat(none).doesNotContain("Probe:").contains("replicas: 3");
        assertThat(err).contains("shop.yaml replaced");
    }

    @Test
    void aDirtyTreeIsRefusedBeforeAnythingIsPushedUnlessAllowed() throws IOException {
        Files.writeString(project.resolve("app.py"), "print('changed')\n");

        assertThat(run("deploy", "k8s", "-q")).isEqualTo(2);
        assertThat(err).contains("uncommitted changes", "--allow-dirty");
        assertThat(engine.pushes).isEmpty();
        assertThat(project.resolve("k8s")).doesNotExist();

        assertThat(run("deploy", "k8s", "-q", "--allow-dirty")).as(err).isZero();
        assertThat(engine.pushes).anyMatch(p -> p.matches(".*:sha-[0-9a-f]{7}-dirty"));
    }

    @Test
    void aFileDockenvDidNotWriteIsKeptWithoutForce() throws IOException {
        Files.createDirectories(project.resolve("k8s"));
        Files.writeString(project.resolve("k8s/shop.yaml"), "kind: Deployment\n");
        git("add", "-A");
        git("commit", "-q", "-m", "own manifests");

        assertThat(run("deploy", "k8s", "-q")).isEqualTo(7);
        assertThat(Files.readString(project.resolve("k8s/shop.yaml"))).isEqualTo("kind: Deployment\n");

        assertThat(run("deploy", "k8s", "-q", "--force")).as(err).isZero();
        assertThat(Files.readString(project.resolve("k8s/shop.yaml"))).contains(pushedDigest());
    }

    @Test
    void anOwnDockerfileNeedsTheUserId() throws IOException {
        Files.writeString(project.resolve("Dockerfile"), "FROM python:3.11-slim AS prod\nUSER 1234\nCMD [\"python\"]\n");
        git("add", "-A");
        git("commit", "-q", "-m", "own Dockerfile");

        assertThat(run("deploy", "k8s", "-q")).isEqualTo(2);
        assertThat(err).contains("its own Dockerfile", "--uid UID");
        assertThat(engine.pushes).isEmpty();

        assertThat(run("deploy", "k8s", "-q", "--uid", "1234")).as(err).isZero();
        String yaml = Files.readString(project.resolve("k8s/shop.yaml"));
        assertThat(yaml).contains("runAsUser: 1234").doesNotContain("- app.py");
    }

    @Test
    void deployWithoutATargetIsAUsageError() {
        assertThat(run("deploy")).isEqualTo(2);
        assertThat(err).contains("dockenv deploy k8s");
    }

    @Test
    void conflictingHealthOptionsAreAUsageError() {
        assertThat(run("deploy", "k8s", "--health-path", "/h", "--no-health")).isEqualTo(2);
        assertThat(run("deploy", "k8s", "--health-path", "healthz")).isEqualTo(2);
        assertThat(err).contains("--health-path: a health check's path starts with '/'");
        assertThat(engine.pushes).isEmpty();
    }

    /** Runs git for real; any other program is kubectl, answered with {@link #kubectlAnswer}. */
    private final class KubectlStandIn implements ProcessRunner {
        private final LocalProcessRunner local = new LocalProcessRunner();

        @Override
        public Result run(List<String> command, Map<String, String> environment, byte[] stdin) throws IOException {
            if (command.get(0).equals("git")) {
                return local.run(command, environment, stdin);
            }
            kubectlCalls.add(List.copyOf(command));
            return kubectlAnswer;
        }

        @Override
        public int stream(List<String> command, Map<String, String> environment, StdinWriter stdin,
                Consumer<String> lines) throws IOException {
            return local.stream(command, environment, stdin, lines);
        }

        @Override
        public Result runTo(List<String> command, Map<String, String> environment, OutputStream stdout)
                throws IOException {
            return local.runTo(command, environment, stdout);
        }

        @Override
        public int inherit(List<String> command, Map<String, String> environment) throws IOException {
            return local.inherit(command, environment);
        }
    }
}
