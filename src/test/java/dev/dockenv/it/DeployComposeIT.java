package dev.dockenv.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.GitRepo;
import dev.dockenv.compose.ComposeSpecSchema;
import dev.dockenv.it.support.Docker;
import dev.dockenv.it.support.DockenvCli;
import dev.dockenv.it.support.Exec;
import dev.dockenv.it.support.ItWorkspace;
import dev.dockenv.it.support.Poll;
import dev.dockenv.it.support.ProcessResult;
import dev.dockenv.it.support.ServerEngine;
import dev.dockenv.it.support.TestProject;
import dev.dockenv.it.support.TestRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * dockenv deploy compose against the real engines (issue 10, must have 5): the release pushed to the
 * test registry with the test's own docker login, the server engine (-H its socket) pulls it from
 * 127.0.0.1:5000 and runs it with compose; the app answers over HTTP on the server's published port
 * with the variable of the env file; a new commit deployed again recreates the container with the new
 * image and the app answers with the new version; that second deploy goes through ssh:// (the
 * server's sshd, scripts/ensure-ssh-engine.sh), as a real server is reached. The compose project is
 * removed from the server afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeployComposeIT {
    private static final String APP = """
            import http.server
            import os
            import socket
            import urllib.parse

            VERSION = open("VERSION").read().strip()
            PORT = int(os.environ.get("PORT", "%d"))


            def redis_ping():
                url = urllib.parse.urlparse(os.environ["REDIS_URL"])
                with socket.create_connection((url.hostname, url.port), timeout=3) as s:
                    s.sendall(b"PING\\r\\n")
                    return s.recv(64).decode().strip()


            class Handler(http.server.BaseHTTPRequestHandler):
                def do_GET(self):
                    body = ("shop %%s %%s %%s" %% (VERSION, os.environ.get("GREETING", "-"), redis_ping())).encode()
                    self.send_response(200)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)


            http.server.ThreadingHTTPServer(("0.0.0.0", PORT), Handler).serve_forever()
            """;

    private ItWorkspace ws;
    private DockenvCli dockenv;
    private TestRegistry registry;
    private String server;
    private String repository;
    private String composeProject;
    private Path composeFile;
    private final List<String> pushed = new ArrayList<>();

    @BeforeAll
    void setUp() {
        Docker.requireEngine();
        ServerEngine.requireRunning();
        registry = TestRegistry.require();
        server = ServerEngine.host();
        ws = ItWorkspace.open("dockenv-deployit");
        dockenv = ws.dockenv();
    }

    @AfterAll
    void cleanUp() {
        if (composeProject != null && composeFile != null && Files.exists(composeFile)) {
            Exec.of("docker-compose", "-H", server, "-p", composeProject, "-f", composeFile.toString(), "down",
                    "--volumes", "--remove-orphans").run();
        }
        if (composeProject != null) {
            String ids = ServerEngine.docker("ps", "-aq", "--filter", "label=com.docker.compose.project="
                    + composeProject).stdout().strip();
            if (!ids.isEmpty()) {
                List<String> rm = new ArrayList<>(List.of("rm", "-f"));
                rm.addAll(ids.lines().toList());
                ServerEngine.docker(rm.toArray(String[]::new));
            }
        }
        if (repository != null) {
            ServerEngine.removeImages(repository);
        }
        Docker.removeImages(pushed.toArray(String[]::new));
        ServerEngine.removeImages("dockenv-deployshop");
        Docker.removeImages(ServerEngine.mainImages("dockenv-deployshop").toArray(String[]::new));
        ItWorkspace.closeIfOpened(ws);
    }

    private static String git(TestProject p, String... args) {
        return GitRepo.git(p.dir(), args);
    }

    private static String pyproject(String version, String repository, int port) {
        return """
                [project]
                name = "deployshop"
                version = "%s"
                dependencies = []

                [tool.dockenv]
                command = ["python", "app.py"]
                ports = [%d]

                [tool.dockenv.release]
                repository = "%s"

                [tool.dockenv.services]
                cache = { image = "redis:7", deploy = true }
                """.formatted(version, port, repository);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** The body the app answers on the server's published port, once it answers. */
    private static String answer(int port, String expected) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        AtomicReference<String> last = new AtomicReference<>("(no answer)");
        Poll.until(Duration.ofSeconds(30), () -> {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                        .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
                last.set(r.statusCode() + " " + r.body());
                return last.get().equals("200 " + expected);
            } catch (IOException e) {
                last.set(e.toString());
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
        return last.get();
    }

    private ProcessResult deploy(TestProject p, Path config) {
        return dockenv.withEnv("DOCKER_CONFIG", config.toString()).run(p.dir(), "-H", server, "deploy", "compose",
                "--env-file", "prod.env", "--project-name", composeProject);
    }

    /** The same through ssh://, as the README's example deploys: the server's sshd, compose over the system's ssh. */
    private ProcessResult deployOverSsh(TestProject p, Path config) {
        return dockenv.withEnv("DOCKER_CONFIG", config.toString()).withEnv("PATH", ServerEngine.sshPath())
                .run(p.dir(), "-H", ServerEngine.sshHost(), "deploy", "compose", "--env-file", "prod.env",
                        "--project-name", composeProject);
    }

    /** The references push printed (REFERENCE@DIGEST), to remove from the main engine afterwards. */
    private static List<String> pushedReferences(ProcessResult r) {
        return r.stdout().lines().filter(l -> l.contains("@sha256:")).map(l -> l.replaceFirst("@sha256:.*$", ""))
                .toList();
    }

    private List<String> serverContainers() {
        return ServerEngine.docker("ps", "--filter", "label=com.docker.compose.project=" + composeProject,
                "--format", "{{.ID}} {{.Image}} {{.Status}}").assertOk().stdout().lines().toList();
    }

    @Test
    void theServerPullsTheReleaseRunsItAndASecondReleaseRollsItForward() throws Exception {
        repository = registry.newRepository("deployshop");
        composeProject = Docker.uniqueName("deployit");
        int port = freePort();
        TestProject p = ws.project("deployshop").file(".python-version", "3.11\n")
                .file("pyproject.toml", pyproject("1.0.0", repository, port))
                .file("app.py", APP.formatted(port))
                .file("VERSION", "1.0.0\n")
                .file(".gitignore", "prod.env\ndeploy/\n")
                .file("prod.env", "GREETING=hello-from-env-file\n");
        git(p, "init", "-q");
        git(p, "add", "-A");
        git(p, "commit", "-q", "-m", "1.0.0");
        Path config = registry.login(ws.path("docker-config-deploy"));
        // the server engine shares the host's network namespace: it reaches the registry on 127.0.0.1
        assertThat(ServerEngine.images(repository)).as("the server has no image of the release yet").isEmpty();

        ProcessResult first = deploy(p, config);
        assertThat(first.exitCode()).as(first.describe()).isZero();
        pushed.addAll(pushedReferences(first));
        composeFile = p.path("deploy/compose.yaml");
        String yaml = Files.readString(composeFile);
        assertThat(yaml).contains("image: \"" + repository + ":1.0.0\"", "restart: \"unless-stopped\"",
                "\"0.0.0.0:" + port + ":" + port + "\"", "env_file:\n      - \"../prod.env\"")
                .doesNotContain("build:").doesNotContain("hello-from-env-file");
        assertThat(ComposeSpecSchema.errors(yaml)).isEmpty();
        ProcessResult check = Exec.of("docker-compose", "-f", composeFile.toString(), "config", "-q")
                .dir(p.dir()).run();
        assertThat(check.exitCode()).as("docker-compose 1.29 reads the file: " + check.describe()).isZero();
        assertThat(first.stdout()).contains("app: new " + repository + ":1.0.0 (");
        assertThat(first.stderr()).contains("dockenv: app is healthy");
        assertThat(ServerEngine.images(repository)).as("pulled from the registry").contains(repository + ":1.0.0");
        assertThat(ServerEngine.images("dockenv-deployshop")).as("built by the main engine, not on the server").isEmpty();
        assertThat(ServerEngine.mainImages(repository)).as("built by the main engine").contains(repository + ":1.0.0");
        assertThat(first.stdout()).contains("cache: new redis:7 (");
        assertThat(yaml).contains("  cache:\n    image: \"redis:7\"\n", "REDIS_URL: \"redis://cache:6379/0\"");
        assertThat(answer(port, "shop 1.0.0 hello-from-env-file +PONG")).isEqualTo("200 shop 1.0.0 hello-from-env-file +PONG");
        List<String> before = serverContainers();
        List<String> app = before.stream().filter(l -> l.contains(repository)).toList();
        assertThat(before).hasSize(2);
        assertThat(app).hasSize(1).allMatch(l -> l.contains(repository + ":1.0.0") && l.contains("(healthy)"));

        p.file("VERSION", "1.1.0\n").file("pyproject.toml", pyproject("1.1.0", repository, port));
        git(p, "commit", "-q", "-am", "1.1.0");
        ProcessResult second = deployOverSsh(p, config);
        assertThat(second.exitCode()).as(second.describe()).isZero();
        pushed.addAll(pushedReferences(second));
        assertThat(second.stdout()).contains("cache: unchanged redis:7 (").containsPattern("app: " + java.util.regex.Pattern.quote(repository) + ":1\\.0\\.0 "
                + "\\([0-9a-f]{12}\\) -> " + java.util.regex.Pattern.quote(repository) + ":1\\.1\\.0 \\([0-9a-f]{12}\\)");
        assertThat(answer(port, "shop 1.1.0 hello-from-env-file +PONG")).isEqualTo("200 shop 1.1.0 hello-from-env-file +PONG");
        List<String> after = serverContainers();
        List<String> appAfter = after.stream().filter(l -> l.contains(repository)).toList();
        assertThat(after).hasSize(2);
        assertThat(appAfter).hasSize(1).allMatch(l -> l.contains(repository + ":1.1.0"));
        assertThat(appAfter.get(0).split(" ")[0]).as("the container is recreated").isNotEqualTo(app.get(0).split(" ")[0]);
        assertThat(second.stderr()).contains("deploying " + composeProject + " to " + ServerEngine.sshHost() + " (-H)");
    }

    /**
     * The golden server file (a postgres service marked deploy = true) read by docker-compose 1.29: its
     * password comes from the variable the operator sets, and compose stops, naming it, when it is not set.
     */
    @Test
    void dockerCompose129ReadsTheServerFileWithThePasswordsTheOperatorSets() throws IOException {
        Path dir = ws.path("golden-server");
        Files.createDirectories(dir);
        Files.copy(Path.of("src/test/resources/golden/deploy/server.compose.yaml"), dir.resolve("compose.yaml"));
        Files.writeString(dir.resolve("prod.env"), "GREETING=hello\n");
        ProcessResult set = Exec.of("docker-compose", "-f", "compose.yaml", "config").dir(dir)
                .env("DOCKENV_SECRET_DB", "from-the-operator").run();
        assertThat(set.exitCode()).as(set.describe()).isZero();
        assertThat(set.stdout()).contains("POSTGRES_PASSWORD: from-the-operator", "restart: unless-stopped");
        ProcessResult unset = Exec.of("docker-compose", "-f", "compose.yaml", "config", "-q").dir(dir)
                .env("DOCKENV_SECRET_DB", null).run();
        assertThat(unset.exitCode()).isNotZero();
        assertThat(unset.stderr()).contains("DOCKENV_SECRET_DB", "is not set: give it in the env file of dockenv "
                + "deploy compose --env-file");
    }
}
