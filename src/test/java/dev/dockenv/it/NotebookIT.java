package dev.dockenv.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dockenv.it.support.Docker;
import dev.dockenv.it.support.DockenvCli;
import dev.dockenv.it.support.Exec;
import dev.dockenv.it.support.ItWorkspace;
import dev.dockenv.it.support.LocalPackageIndex;
import dev.dockenv.it.support.Poll;
import dev.dockenv.it.support.ProcessResult;
import dev.dockenv.it.support.TestProject;
import dev.dockenv.it.support.TestUser;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code dockenv notebook} on the real engine: a Jupyter Server installed from the tests' index
 * ({@link LocalPackageIndex#APP_WHEELS}, jupyter-server made from Debian's package) answers
 * {@code /api/status} on 127.0.0.1 with the token dockenv printed (and refuses it without),
 * writes notebooks into the project owned by the user who ran dockenv, and is gone, container and
 * all, when stopped. 8888 taken: the next free port. No Jupyter: one line and exit 127.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotebookIT {
    private static final Pattern URL = Pattern.compile(
            "dockenv: Jupyter at (http://127\\.0\\.0\\.1:(\\d+)/)\\?token=([0-9a-f]{48})\\r?\\n");
    private static final Duration START_LIMIT = Duration.ofMinutes(5);
    private static final String NOTEBOOK = """
            {"type": "notebook", "content": {"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}}""";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private ItWorkspace ws;
    private DockenvCli dockenv;
    private TestProject jupyter;

    @BeforeAll
    void buildTheEnvironment() {
        Docker.requireEngine();
        ws = ItWorkspace.open("dockenv-notebookit", LocalPackageIndex.APP_WHEELS);
        dockenv = ws.dockenv();
        jupyter = jupyterProject(ws, "jupyter");
        long t0 = System.nanoTime();
        dockenv.runOk(jupyter.dir(), "build");
        System.out.printf("NotebookIT: environment with jupyter-server built in %d ms%n", millisSince(t0));
    }

    @AfterAll
    void cleanUp() {
        ItWorkspace.closeIfOpened(ws);
    }

    /** A project whose environment has jupyter-server (and the libraries its compiled modules load). */
    private static TestProject jupyterProject(ItWorkspace ws, String prefix) {
        return ws.project(prefix)
                .file("requirements.txt", "jupyter-server\n")
                .file("pyproject.toml", """
                        [tool.dockenv]
                        index-url = "%s"
                        apt = ["libzmq5", "libargon2-1", "libxslt1.1"]
                        """.formatted(ws.index().url()));
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    /** A started notebook: where it answers, with what token, and after how long. */
    record Server(DockenvCli.Background process, String base, int port, String token, long millisToFirst200) {
    }

    /** Starts {@code dockenv notebook args} and waits until its printed address answers 200. */
    private Server start(DockenvCli cli, TestProject p, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "notebook";
        System.arraycopy(args, 0, all, 1, args.length);
        long t0 = System.nanoTime();
        DockenvCli.Background bg = cli.start(p.dir(), all);
        Matcher[] url = new Matcher[1];
        boolean printed = Poll.until(START_LIMIT, () -> {
            Matcher m = URL.matcher(bg.stderr());
            if (m.find()) {
                url[0] = m;
                return true;
            }
            return !bg.alive();
        });
        assertThat(printed && url[0] != null).as("dockenv prints the address\n" + bg.describe()).isTrue();
        String base = url[0].group(1);
        String token = url[0].group(3);
        AtomicInteger status = new AtomicInteger();
        boolean answered = Poll.until(START_LIMIT, () -> {
            status.set(get(base + "api/status?token=" + token));
            return status.get() == 200 || !bg.alive();
        });
        assertThat(answered && status.get() == 200).as("the server answers its status (last: " + status + ")\n"
                + bg.describe()).isTrue();
        return new Server(bg, base, Integer.parseInt(url[0].group(2)), token, millisSince(t0));
    }

    /** The status code of a GET, 0 when nothing answers. */
    private int get(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Creates hello.ipynb through the contents API; asserts it is made and the listing shows the project. */
    private void createNotebook(Server s, TestProject p) throws Exception {
        HttpResponse<String> put = send(HttpRequest.newBuilder(URI.create(s.base() + "api/contents/hello.ipynb"))
                .header("Authorization", "token " + s.token()).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(NOTEBOOK)).build());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(201);
        HttpResponse<String> listing = send(HttpRequest.newBuilder(URI.create(s.base() + "api/contents"))
                .header("Authorization", "token " + s.token()).build());
        assertThat(listing.statusCode()).isEqualTo(200);
        assertThat(listing.body()).as("the server's root is the project").contains("\"requirements.txt\"", "\"hello.ipynb\"");
        assertThat(p.path("hello.ipynb")).exists();
        assertThat(p.read("hello.ipynb")).contains("\"nbformat\": 4");
    }

    /** Stops it with {@code signal} sent to the docker client the launcher became; asserts nothing is left. */
    private void stop(Server s, TestProject p, String signal) throws Exception {
        new ProcessBuilder("kill", "-" + signal, Long.toString(s.process().process().pid())).start().waitFor();
        assertThat(s.process().process().waitFor(60, TimeUnit.SECONDS)).as("it stops on SIG" + signal + "\n"
                + s.process().describe()).isTrue();
        assertThat(Poll.until(Duration.ofSeconds(30), () -> p.containers(true).isEmpty()))
                .as("no container is left: " + p.containers(true)).isTrue();
        assertThat(get(s.base() + "api/status?token=" + s.token())).as("nothing answers any more").isZero();
    }

    private static int uidOf(Path file) throws IOException {
        return (Integer) Files.getAttribute(file, "unix:uid");
    }

    @Test
    void aServerAnswersItsStatusWithItsTokenAndWritesNotebooksAsTheUser() throws Exception {
        Server s = start(dockenv, jupyter);
        try (DockenvCli.Background bg = s.process()) {
            System.out.printf("NotebookIT: first 200 from /api/status %d ms after dockenv notebook started (image built)%n",
                    s.millisToFirst200());
            assertThat(s.base()).as("a bare Jupyter Server's page").endsWith(":" + s.port() + "/");
            assertThat(get(s.base() + "api/status")).as("no token").isEqualTo(403);
            assertThat(get(s.base() + "api/status?token=" + "0".repeat(48))).as("a wrong token").isEqualTo(403);
            assertThat(jupyter.containers(false)).as("one container runs").hasSize(1);

            createNotebook(s, jupyter);
            int me = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            assertThat(uidOf(jupyter.path("hello.ipynb"))).as("the notebook is the user's").isEqualTo(me);

            Path tokenFile = jupyter.path(".dockenv/stack/notebook-" + s.port() + ".env");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile))).isEqualTo("rw-------");
            assertThat(jupyter.read(".dockenv/stack/notebook-" + s.port() + ".env")).contains("JUPYTER_TOKEN=" + s.token());
            assertThat(commandLines()).as("the token is on no command line").noneMatch(l -> l.contains(s.token()));

            stop(s, jupyter, "INT");
        }
    }

    /** Every process's command line on this machine, as ps shows them to any user. */
    private static List<String> commandLines() {
        return Exec.of("ps", "-eo", "args").runOk().stdout().lines().toList();
    }

    /**
     * Ctrl-C in a terminal (a pseudo-terminal from util-linux {@code script}, the docker client's
     * TTY in raw mode, so the byte reaches the container's terminal, where Jupyter gets SIGINT)
     * stops it at once, without Jupyter's "Shutdown this Jupyter server?" question.
     */
    @Test
    void ctrlCInATerminalStopsItAtOnce() throws Exception {
        StringBuilder line = new StringBuilder();
        for (String word : dockenv.command(List.of("notebook"))) {
            line.append(line.length() == 0 ? "" : " ").append("'").append(word.replace("'", "'\\''")).append("'");
        }
        ProcessBuilder pb = new ProcessBuilder("script", "-qec", line.toString(), "/dev/null")
                .directory(jupyter.dir().toFile()).redirectErrorStream(true);
        dockenv.environment().forEach((k, v) -> {
            if (v == null) {
                pb.environment().remove(k);
            } else {
                pb.environment().put(k, v);
            }
        });
        Process terminal = pb.start();
        StringBuffer output = new StringBuffer();
        Thread reader = new Thread(() -> {
            try (var in = terminal.getInputStream()) {
                byte[] b = new byte[4096];
                for (int n; (n = in.read(b)) > 0; ) {
                    output.append(new String(b, 0, n, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                // the end
            }
        });
        reader.start();
        try {
            Matcher[] url = new Matcher[1];
            assertThat(Poll.until(START_LIMIT, () -> {
                Matcher m = URL.matcher(output);
                url[0] = m.find() ? m : null;
                return url[0] != null || !terminal.isAlive();
            }) && url[0] != null).as("dockenv prints the address\n" + output).isTrue();
            String status = url[0].group(1) + "api/status?token=" + url[0].group(3);
            assertThat(Poll.until(START_LIMIT, () -> get(status) == 200 || !terminal.isAlive()))
                    .as("it answers\n" + output).isTrue();
            assertThat(output.toString()).as("Jupyter's own lines name the host's address")
                    .contains("http://127.0.0.1:" + url[0].group(2) + "/?token=...")
                    .doesNotContain("http://" + jupyter.name() + ":8888/");

            long t0 = System.nanoTime();
            terminal.getOutputStream().write(3); // Ctrl-C
            terminal.getOutputStream().flush();
            assertThat(terminal.waitFor(30, TimeUnit.SECONDS)).as("Ctrl-C stops it\n" + output).isTrue();
            System.out.printf("NotebookIT: Ctrl-C in a terminal: stopped after %d ms%n", millisSince(t0));
            assertThat(output.toString()).doesNotContain("Shutdown this Jupyter server");
            assertThat(Poll.until(Duration.ofSeconds(30), () -> jupyter.containers(true).isEmpty()))
                    .as("no container is left").isTrue();
        } finally {
            terminal.descendants().forEach(ProcessHandle::destroy);
            terminal.destroy();
            reader.join(10_000);
        }
    }

    @Test
    void with8888TakenItTakesTheNextFreePortAndSaysSo() throws Exception {
        ServerSocket held = new ServerSocket();
        try {
            try {
                held.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 8888));
            } catch (IOException alreadyTaken) {
                // another program holds it: the same case
            }
            Server s = start(dockenv, jupyter);
            try (DockenvCli.Background bg = s.process()) {
                assertThat(s.port()).isGreaterThan(8888);
                assertThat(bg.stderr()).contains("dockenv: port 8888 is taken on 127.0.0.1; using " + s.port() + "\n");
                stop(s, jupyter, "TERM");
            }
        } finally {
            held.close();
        }
    }

    @Test
    void aPortGivenThatIsTakenIsAUsageError() throws Exception {
        try (ServerSocket held = new ServerSocket()) {
            held.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            ProcessResult r = dockenv.run(jupyter.dir(), "notebook", "-p", Integer.toString(held.getLocalPort()));
            assertThat(r.exitCode()).as(r.describe()).isEqualTo(2);
            assertThat(r.stderr()).contains("port " + held.getLocalPort() + " is taken on 127.0.0.1");
            assertThat(jupyter.containers(true)).isEmpty();
        }
    }

    @Test
    void withoutJupyterOneLineSaysWhatToAddAndTheExitCodeIs127() {
        TestProject plain = ws.project("plain").file("requirements.txt", "");
        dockenv.runOk(plain.dir(), "build");
        long t0 = System.nanoTime();
        ProcessResult r = dockenv.run(plain.dir(), "notebook");
        System.out.printf("NotebookIT: no Jupyter: exit %d after %d ms%n", r.exitCode(), millisSince(t0));
        assertThat(r.exitCode()).as(r.describe()).isEqualTo(127);
        assertThat(r.stderr()).as(r.describe()).isEqualTo("dockenv: Jupyter is not installed in the environment of "
                + plain.name() + "; add it with: dockenv add --dev jupyterlab\n");
        assertThat(r.stdout()).isEmpty();
        assertThat(plain.containers(true)).isEmpty();
    }

    @Test
    void forAUserWhoIsNotRootTheNotebooksAreTheirs() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "only root can switch to the test user");
        TestUser.require(); // as root, scripts/test.sh has made the user: its absence is a failure
        try (ItWorkspace user = ItWorkspace.openAsTestUser("dockenv-notebookit-user", LocalPackageIndex.APP_WHEELS)) {
            TestProject p = jupyterProject(user, "jupyter-user").chownToTestUser();
            Server s = start(user.dockenv(), p);
            try (DockenvCli.Background bg = s.process()) {
                createNotebook(s, p);
                assertThat(uidOf(p.path("hello.ipynb"))).isEqualTo(TestUser.uid());
                Path tokenFile = p.path(".dockenv/stack/notebook-" + s.port() + ".env");
                assertThat(uidOf(tokenFile)).isEqualTo(TestUser.uid());
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile))).isEqualTo("rw-------");
                stop(s, p, "TERM");
            }
        }
    }
}
