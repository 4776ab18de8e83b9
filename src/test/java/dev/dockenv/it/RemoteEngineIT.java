package dev.dockenv.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.it.support.Docker;
import dev.dockenv.it.support.DockenvCli;
import dev.dockenv.it.support.ItWorkspace;
import dev.dockenv.it.support.LocalPackageIndex;
import dev.dockenv.it.support.Poll;
import dev.dockenv.it.support.ProcessResult;
import dev.dockenv.it.support.ServerEngine;
import dev.dockenv.it.support.TestProject;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * dockenv against "the server", a second real engine beside the main one
 * (scripts/ensure-server-engine.sh): chosen with -H or DOCKER_HOST, the environment is built and run
 * there and only there (the main engine never gets the image), the second run is warm, status names
 * the engine, a bad host is one error naming it (exit 5), a tcp:// engine builds but refuses to
 * mount the project. The project's dependency comes from a package index on the host's 127.0.0.1,
 * which the server's build reaches (the host's network namespace).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RemoteEngineIT {
    private static final String IMPORT = "import greeting; print('greeting', greeting.__version__)";

    private ItWorkspace ws;
    private DockenvCli dockenv;
    private TestProject project;
    private TestProject sshProject;
    private String server;

    @BeforeAll
    void setUp() {
        Docker.requireEngine();
        ServerEngine.requireRunning();
        server = ServerEngine.host();
        ws = ItWorkspace.open("dockenv-remoteit", "greeting-1.0.0");
        LocalPackageIndex index = ws.index();
        dockenv = ws.dockenv().withEnv("DOCKER_HOST", null).withEnv("DOCKER_CONTEXT", null);
        project = ws.project("remote")
                .file("requirements.txt", "--index-url " + index.url() + "\ngreeting\n")
                .file(".python-version", "3.11\n")
                .file("serve.py", "import http.server, socketserver\n"
                        + "socketserver.TCPServer(('0.0.0.0', 8000), http.server.SimpleHTTPRequestHandler).serve_forever()\n")
                .file("hello.txt", "served by the server engine\n");
    }

    @AfterAll
    void tearDown() {
        if (project != null) {
            ServerEngine.removeImages(project.repository());
        }
        if (sshProject != null) {
            ServerEngine.removeImages(sshProject.repository());
        }
        ItWorkspace.closeIfOpened(ws);
    }

    @Test
    @Order(1)
    void aRunWithTheOptionBuildsAndRunsOnTheServerOnly() {
        ProcessResult r = dockenv.run(project.dir(), "-H", server, "run", "--", "python", "-c", IMPORT);

        assertThat(r.exitCode()).as(r.describe()).isZero();
        assertThat(r.stdout()).contains("greeting 1.0.0");
        assertThat(r.stderr()).contains("dockenv: building " + project.repository() + ":dev-");
        assertThat(ServerEngine.images(project.repository())).as("the server has the image")
                .anyMatch(i -> i.startsWith(project.repository() + ":dev-"));
        assertThat(ServerEngine.mainImages(project.repository())).as("the main engine has none").isEmpty();
    }

    @Test
    @Order(2)
    void theSecondRunIsWarm() {
        ProcessResult r = dockenv.withEnv("DOCKENV_TIMING", "1")
                .run(project.dir(), "-H", server, "run", "--", "python", "-c", IMPORT);

        assertThat(r.exitCode()).as(r.describe()).isZero();
        assertThat(r.stdout()).contains("greeting 1.0.0");
        assertThat(r.stderr()).contains("warm hit").doesNotContain("building");
    }

    @Test
    @Order(3)
    void dockerHostChoosesTheServerToo() {
        ProcessResult r = dockenv.withEnv("DOCKER_HOST", server).withEnv("DOCKENV_TIMING", "1")
                .run(project.dir(), "run", "--", "python", "-c", IMPORT);

        assertThat(r.exitCode()).as(r.describe()).isZero();
        assertThat(r.stdout()).contains("greeting 1.0.0");
        assertThat(r.stderr()).as("the same engine, the same warm entry").contains("warm hit").doesNotContain("building");
        assertThat(ServerEngine.mainImages(project.repository())).isEmpty();
    }

    @Test
    @Order(4)
    void statusNamesTheEngineAndWhatItHas() {
        ProcessResult onServer = dockenv.runOk(project.dir(), "-H", server, "status");
        ProcessResult onMain = dockenv.runOk(project.dir(), "status");

        assertThat(DockenvCli.statusRow(onServer, "engine")).isEqualTo(server + " (-H)");
        assertThat(DockenvCli.statusRow(onServer, "state")).startsWith("up to date");
        assertThat(DockenvCli.statusRow(onMain, "engine")).doesNotContain(server);
        assertThat(DockenvCli.statusRow(onMain, "state")).startsWith("not built");
    }

    @Test
    @Order(5)
    void aPortPublishedOnTheServerAnswersOnThisMachine() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = free.getLocalPort();
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest get = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hello.txt"))
                .timeout(Duration.ofSeconds(3)).build();
        try (DockenvCli.Background app = dockenv.start(project.dir(), "-H", server, "run", "-p", port + ":8000",
                "--", "python", "serve.py")) {
            String[] body = {""};
            boolean answered = Poll.until(Duration.ofSeconds(60), () -> {
                try {
                    HttpResponse<String> response = http.send(get, HttpResponse.BodyHandlers.ofString());
                    body[0] = response.body();
                    return response.statusCode() == 200;
                } catch (Exception e) {
                    return false;
                }
            });
            assertThat(answered).as(app.describe()).isTrue();
            assertThat(body[0]).isEqualTo("served by the server engine\n");
            assertThat(app.terminate(Duration.ofSeconds(60))).as("SIGTERM reaches the container on the server; "
                    + app.describe()).isEqualTo(143);
        }
        assertThat(Poll.until(Duration.ofSeconds(20), () -> ServerEngine.docker("ps", "-aq", "--filter",
                "label=" + TestProject.LABEL_PROJECT + "=" + project.name()).stdout().isBlank()))
                .as("no container left on the server").isTrue();
    }

    /**
     * A context made by the real client (`docker context create`, then `docker context use`) in a
     * configuration folder of the test's own: dockenv reads the client's context store as the client
     * does, and the warm path stays on the server.
     */
    @Test
    @Order(8)
    void aDockerContextChoosesTheServer() throws Exception {
        java.nio.file.Path config = ws.path("docker-config");
        java.nio.file.Files.createDirectories(config);
        Docker.runOk("--config", config.toString(), "context", "create", "dockenv-server",
                "--docker", "host=" + server);
        DockenvCli inConfig = dockenv.withEnv("DOCKER_CONFIG", config.toString());

        ProcessResult named = inConfig.withEnv("DOCKER_CONTEXT", "dockenv-server").runOk(project.dir(), "status");
        assertThat(DockenvCli.statusRow(named, "engine")).isEqualTo(server + " (context dockenv-server, DOCKER_CONTEXT)");
        assertThat(DockenvCli.statusRow(named, "state")).startsWith("up to date");

        Docker.runOk("--config", config.toString(), "context", "use", "dockenv-server");
        ProcessResult current = inConfig.withEnv("DOCKENV_TIMING", "1")
                .run(project.dir(), "run", "--", "python", "-c", IMPORT);
        assertThat(current.exitCode()).as(current.describe()).isZero();
        assertThat(current.stdout()).contains("greeting 1.0.0");
        assertThat(current.stderr()).contains("warm hit").doesNotContain("building");
        assertThat(ServerEngine.mainImages(project.repository())).isEmpty();
    }

    /**
     * A stack on the server: compose (docker-compose 1.29 here) is pointed at it with -H, its
     * service runs there and not on the main engine, and a run on the server reaches it by name
     * (redis answers PING).
     */
    @Test
    @Order(9)
    void theStacksServicesRunOnTheServer() {
        TestProject stacked = ws.project("remote-stack")
                .file("requirements.txt", "")
                .file(".python-version", "3.11\n")
                .file("pyproject.toml", "[tool.dockenv.services]\ncache = \"redis:7\"\n");
        String label = "label=com.docker.compose.project";
        try {
            ProcessResult up = dockenv.run(stacked.dir(), "-H", server, "up", "-d");
            assertThat(up.exitCode()).as(up.describe()).isZero();
            ProcessResult onServer = ServerEngine.docker("ps", "--filter", label, "--format",
                    "{{.Label \"com.docker.compose.service\"}}").assertOk();
            assertThat(onServer.stdout().lines()).contains("cache");
            ProcessResult onMain = Docker.runOk("ps", "-a", "--filter", "label=com.docker.compose.project="
                    + composeProject(stacked, server), "--format", "{{.Names}}");
            assertThat(onMain.stdout()).as("nothing on the main engine").isBlank();

            ProcessResult run = dockenv.run(stacked.dir(), "-H", server, "run", "--", "python", "-c",
                    "import os, socket; print(os.environ['REDIS_URL']); s = socket.create_connection(('cache', 6379), 5); "
                            + "s.sendall(b'PING\\r\\n'); print(s.recv(64).decode().strip())");
            assertThat(run.exitCode()).as(run.describe()).isZero();
            assertThat(run.stdout().lines()).containsExactly("redis://cache:6379/0", "+PONG");
        } finally {
            ProcessResult down = dockenv.run(stacked.dir(), "-H", server, "down", "--volumes");
            assertThat(down.exitCode()).as(down.describe()).isZero();
            ServerEngine.removeImages(stacked.repository());
        }
    }

    /** The compose project's name as status prints it on the given engine. */
    private String composeProject(TestProject stacked, String host) {
        String row = DockenvCli.statusRow(dockenv.runOk(stacked.dir(), "-H", host, "status"), "stack");
        return row.split(";")[0].strip();
    }

    @Test
    @Order(6)
    void aBadHostIsOneErrorNamingItWithExitCode5() {
        ProcessResult r = dockenv.run(project.dir(), "-H", "unix:///nonexistent/docker.sock", "run", "--", "true");

        assertThat(r.exitCode()).as(r.describe()).isEqualTo(5);
        assertThat(r.stderr()).contains("dockenv: error: container engine unreachable")
                .contains("unix:///nonexistent/docker.sock")
                .contains("dockenv: hint: is the engine at unix:///nonexistent/docker.sock running");
    }

    @Test
    @Order(7)
    void aTcpEngineBuildsButDoesNotMountTheProject() {
        String tcp = ServerEngine.tcpHost();
        ProcessResult build = dockenv.run(project.dir(), "-H", tcp, "build");
        assertThat(build.exitCode()).as(build.describe()).isZero();
        assertThat(build.stdout().strip()).startsWith(project.repository() + ":dev-");

        ProcessResult run = dockenv.run(project.dir(), "-H", tcp, "run", "--", "true");
        assertThat(run.exitCode()).as(run.describe()).isEqualTo(2);
        assertThat(run.stderr()).contains("the engine at " + tcp + " (-H) is not on this machine")
                .contains("DOCKENV_ENGINE_SHARES_FILES=1");

        ProcessResult shared = dockenv.withEnv("DOCKENV_ENGINE_SHARES_FILES", "1")
                .run(project.dir(), "-H", tcp, "run", "--", "cat", "hello.txt");
        assertThat(shared.exitCode()).as(shared.describe()).isZero();
        assertThat(shared.stdout()).isEqualTo("served by the server engine\n");
    }

    /**
     * An ssh:// engine, as a deploy server usually is: the docker client reaches it through the
     * system's ssh (docker system dial-stdio on the other side); dockenv builds there and says so,
     * and refuses to mount the project, which that engine does not see.
     */
    @Test
    @Order(8)
    void anSshEngineBuildsAndShowsItsImageButDoesNotMountTheProject() {
        String ssh = ServerEngine.sshHost();
        DockenvCli overSsh = dockenv.withEnv("PATH", ServerEngine.sshPath());
        // a project of its own: its image is built over ssh, not found built already
        sshProject = ws.project("remotessh").file(".python-version", "3.11\n")
                .file("requirements.txt", "# nothing to install\n")
                .file("postBuild", "echo built over ssh > /opt/over-ssh.txt\n");

        ProcessResult build = overSsh.run(sshProject.dir(), "-H", ssh, "build");
        assertThat(build.exitCode()).as(build.describe()).isZero();
        assertThat(build.stderr()).contains("built " + sshProject.repository() + ":dev-");
        String image = build.stdout().strip();
        assertThat(ServerEngine.images(sshProject.repository())).contains(image);
        assertThat(ServerEngine.docker("run", "--rm", image, "cat", "/opt/over-ssh.txt").assertOk().stdout())
                .isEqualTo("built over ssh\n");

        ProcessResult status = overSsh.run(sshProject.dir(), "-H", ssh, "status");
        assertThat(status.exitCode()).as(status.describe()).isZero();
        assertThat(status.stdout()).contains("engine      " + ssh + " (-H)").contains(image).contains("up to date");

        ProcessResult run = overSsh.run(sshProject.dir(), "-H", ssh, "run", "--", "true");
        assertThat(run.exitCode()).as(run.describe()).isEqualTo(2);
        assertThat(run.stderr()).contains("the engine at " + ssh + " (-H) is not on this machine");
    }
}
