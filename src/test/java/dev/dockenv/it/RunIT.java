package dev.dockenv.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.it.support.Docker;
import dev.dockenv.it.support.DockenvCli;
import dev.dockenv.it.support.Exec;
import dev.dockenv.it.support.ItWorkspace;
import dev.dockenv.it.support.LocalPackageIndex;
import dev.dockenv.it.support.Poll;
import dev.dockenv.it.support.ProcessResult;
import dev.dockenv.it.support.TestProject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code dockenv run} on the real engine, as the test JVM's user: a requirements.txt project whose
 * dependency (colorsay, which needs greeting) comes from a local index on 127.0.0.1 named by an
 * {@code --index-url} line. One build (in {@link #buildOnce()}) serves every test; the second run
 * builds nothing; exit codes, pipes, terminals, the working directory, file ownership, published
 * ports and SIGTERM behave as with a local virtualenv.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RunIT {
    private static final String IMPORT = "import colorsay, greeting; print(colorsay.say('world'), greeting.__version__)";

    private ItWorkspace ws;
    private LocalPackageIndex index;
    private TestProject project;
    private DockenvCli dockenv;
    private ProcessResult firstRun;

    @BeforeAll
    void buildOnce() {
        Docker.requireEngine();
        ws = ItWorkspace.open("dockenv-runit", "greeting-1.0.0", "colorsay-2.0.0");
        index = ws.index();
        dockenv = ws.dockenv();
        project = ws.project("run")
                .file("requirements.txt", "--index-url " + index.url() + "\ncolorsay\n")
                .file("www/marker.txt", "served from the project\n")
                .mkdirs("sub/deeper");
        firstRun = dockenv.run(project.dir(), "run", "--", "python", "-c", IMPORT);
    }

    @AfterAll
    void cleanUp() {
        ItWorkspace.closeIfOpened(ws);
    }

    @Test
    @Order(1)
    void theFirstRunBuildsTheEnvironmentFromTheLocalIndexAndImportsTheDependency() {
        assertImported(firstRun);
        assertThat(firstRun.stderr()).as("build progress goes to stderr").contains("dockenv: building " + project.repository());
        assertThat(index.downloadedFiles())
                .containsExactlyInAnyOrder("colorsay-2.0.0-py3-none-any.whl", "greeting-1.0.0-py3-none-any.whl");
        assertThat(project.images()).isNotEmpty()
                .allSatisfy(line -> assertThat(line).startsWith(project.repository() + ":dev"));
    }

    @Test
    @Order(2)
    void aSecondRunBuildsNothing() {
        List<String> before = project.images();
        index.clearRequests();

        ProcessResult again = dockenv.run(project.dir(), "run", "--", "python", "-c", IMPORT);

        assertImported(again);
        assertThat(again.stderr()).as(again.describe()).doesNotContain("building").doesNotContain("built ");
        assertThat(project.images()).as("same images, same ids").isEqualTo(before);
        assertThat(index.requestedPaths()).as("pip was not run again").isEmpty();
    }

    @Test
    @Order(3)
    void rewritingARequirementsFileWithTheSameContentBuildsNothing() {
        List<String> before = project.images();
        index.clearRequests();
        project.file("requirements.txt", project.read("requirements.txt")); // new mtime, same bytes

        ProcessResult again = dockenv.run(project.dir(), "run", "--", "python", "-c", IMPORT);

        assertThat(again.exitCode()).as(again.describe()).isZero();
        assertThat(again.stderr()).as(again.describe()).doesNotContain("building");
        assertThat(project.images()).isEqualTo(before);
        assertThat(index.requestedPaths()).isEmpty();
    }

    @Test
    void theCommandsExitCodeIsDockenvs() {
        assertThat(dockenv.run(project.dir(), "run", "--", "sh", "-c", "exit 42").exitCode()).isEqualTo(42);
        assertThat(dockenv.run(project.dir(), "run", "--", "python", "-c", "import sys; sys.exit(3)").exitCode())
                .isEqualTo(3);
        assertThat(dockenv.run(project.dir(), "run", "--", "false").exitCode()).isEqualTo(1);
        assertThat(dockenv.run(project.dir(), "run", "--", "true").exitCode()).isZero();
    }

    @Test
    void aCommandThatDoesNotExistExits127() {
        ProcessResult r = dockenv.run(project.dir(), "run", "--", "no-such-command-here");
        assertThat(r.exitCode()).as(r.describe()).isEqualTo(127);
    }

    @Test
    void stdinStdoutAndStderrArePipes() {
        ProcessResult r = dockenv.exec(project.dir(), "run", "--", "python", "-c",
                "import sys; data = sys.stdin.read(); sys.stdout.write(data.upper());"
                        + " sys.stderr.write('to stderr\\n'); sys.exit(7)")
                .stdin("first line\nsecond line\n").run();

        assertThat(r.exitCode()).as(r.describe()).isEqualTo(7);
        assertThat(r.stdout()).as("stdout carries the command's output and nothing else")
                .isEqualTo("FIRST LINE\nSECOND LINE\n");
        assertThat(r.stderr()).contains("to stderr\n");
    }

    @Test
    void outputPipesIntoAnotherProgramOnTheHost() {
        ProcessResult r = Exec.of("sh", "-c", "printf 'b\\na\\nc\\n' | \"$0\" run -- sort | tr a-z A-Z",
                        dockenv.launcher().toString())
                .dir(project.dir()).env(dockenv.environment()).timeout(DockenvCli.TIMEOUT).run();
        assertThat(r.exitCode()).as(r.describe()).isZero();
        assertThat(r.stdout()).isEqualTo("A\nB\nC\n");
    }

    @Test
    void theWorkingDirectoryFollowsTheCurrentDirectorysPlaceInTheProject() {
        assertThat(dockenv.runOk(project.dir(), "run", "--", "pwd").stdout()).isEqualTo("/app\n");
        assertThat(dockenv.runOk(project.path("sub"), "run", "--", "pwd").stdout()).isEqualTo("/app/sub\n");
        assertThat(dockenv.runOk(project.path("sub/deeper"), "run", "--", "pwd").stdout()).isEqualTo("/app/sub/deeper\n");
        // the environment is the project's from anywhere inside it
        assertThat(dockenv.runOk(project.path("sub"), "run", "--", "python", "-c", IMPORT).stdout())
                .isEqualTo("hello, world 1.0.0\n");
    }

    @Test
    void filesCreatedInsideBelongToTheHostUser() throws IOException {
        int uid = Integer.parseInt(Exec.of("id", "-u").runOk().stdout().strip());
        int gid = Integer.parseInt(Exec.of("id", "-g").runOk().stdout().strip());

        dockenv.runOk(project.dir(), "run", "--", "sh", "-c", "mkdir -p out/nested && echo x > out/nested/made.txt");

        for (Path p : List.of(project.path("out"), project.path("out/nested"), project.path("out/nested/made.txt"))) {
            assertThat(Files.getAttribute(p, "unix:uid")).as(p.toString()).isEqualTo(uid);
            assertThat(Files.getAttribute(p, "unix:gid")).as(p.toString()).isEqualTo(gid);
        }
        assertThat(project.read("out/nested/made.txt")).isEqualTo("x\n");
    }

    @Test
    void aTerminalOnlyWhenStdinIsOne() {
        ProcessResult piped = dockenv.run(project.dir(), "run", "--", "tty");
        assertThat(piped.stdout().strip()).as(piped.describe()).isEqualTo("not a tty");
        assertThat(piped.exitCode()).isEqualTo(1);

        ProcessResult terminal = dockenv.runInTerminal(project.dir(), "run", "--", "tty");
        assertThat(terminal.exitCode()).as(terminal.describe()).isZero();
        assertThat(terminal.stdout()).as(terminal.describe()).containsPattern("/dev/pts/\\d+");
    }

    @Test
    void aPublishedPortIsReachedOverHttpFromTheHost() throws Exception {
        int port = freePort();
        try (DockenvCli.Background server = dockenv.start(project.dir(), "run", "-p", port + ":8000", "--",
                "python", "-m", "http.server", "8000")) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            AtomicReference<HttpResponse<String>> answer = new AtomicReference<>();
            boolean served = Poll.until(Duration.ofSeconds(90), () -> {
                if (!server.alive()) {
                    return true;
                }
                try {
                    answer.set(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/www/marker.txt"))
                            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()));
                    return answer.get().statusCode() == 200;
                } catch (IOException e) {
                    return false;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return true;
                }
            });
            assertThat(served && answer.get() != null).as("the server answered; " + server.describe()).isTrue();
            assertThat(answer.get().statusCode()).isEqualTo(200);
            assertThat(answer.get().body()).isEqualTo("served from the project\n");

            assertThat(server.terminate(Duration.ofSeconds(60))).as(server.describe()).isEqualTo(143);
        }
        assertThat(Poll.until(Duration.ofSeconds(20), () -> project.containers(true).isEmpty()))
                .as("no container left: " + project.containers(true)).isTrue();
    }

    @Test
    void sigtermEndsTheRunAndLeavesNoContainerBehind() {
        try (DockenvCli.Background server = dockenv.start(project.dir(), "run", "--", "python", "-m", "http.server")) {
            boolean started = Poll.until(Duration.ofSeconds(90),
                    () -> !server.alive() || server.stdout().contains("Serving HTTP"));
            assertThat(started && server.alive()).as("the server runs; " + server.describe()).isTrue();
            assertThat(project.containers(false)).hasSize(1);

            int code = server.terminate(Duration.ofSeconds(60));

            assertThat(code).as("SIGTERM ends the command (128 + 15); " + server.describe()).isEqualTo(143);
        }
        assertThat(Poll.until(Duration.ofSeconds(20), () -> project.containers(true).isEmpty()))
                .as("docker ps -a --filter label=dev.dockenv.project=" + project.name() + " is empty: "
                        + project.containers(true)).isTrue();
    }

    @Test
    void shellReadsItsCommandsFromAPipe() {
        ProcessResult r = dockenv.exec(project.path("sub"), "shell").stdin("pwd\npython -c 'import colorsay'\nexit 5\n").run();
        assertThat(r.exitCode()).as(r.describe()).isEqualTo(5);
        assertThat(r.stdout()).isEqualTo("/app/sub\n");
    }

    @Test
    void argumentsReachTheCommandUnchanged() {
        ProcessResult r = dockenv.run(project.dir(), "run", "--", "python", "-c",
                "import sys; print(sys.argv[1:])", "a b", "", "--help", "line\nbreak", "$HOME", "café ☕");
        assertThat(r.exitCode()).as(r.describe()).isZero();
        assertThat(r.stdout()).isEqualTo("['a b', '', '--help', 'line\\nbreak', '$HOME', 'café ☕']\n");
    }

    /**
     * Without a UTF-8 locale (cron, CI runners, ssh sessions without LANG) non-ASCII arguments,
     * environment values and project paths must still arrive as the bytes the user gave.
     */
    @Test
    void nonAsciiArgumentsAndPathsSurviveWithoutAUtf8Locale() {
        DockenvCli posix = dockenv.withEnv("LANG", null).withEnv("LC_ALL", null).withEnv("LC_CTYPE", null);
        SoftAssertions soft = new SoftAssertions();

        ProcessResult args = posix.run(project.dir(), "run", "-e", "GREETING=héllo", "--", "sh", "-c",
                "printf '%s|%s' \"$GREETING\" \"$1\"", "sh", "café");
        soft.assertThat(args.exitCode()).as(args.describe()).isZero();
        soft.assertThat(args.stdout()).as("argument and -e value; " + args.describe()).isEqualTo("héllo|café");

        TestProject accented = ws.project("projé", "accent")
                .file("requirements.txt", "--index-url " + index.url() + "\ncolorsay\n")
                .mkdirs("sub");
        ProcessResult path = posix.run(accented.path("sub"), "run", "--", "sh", "-c", "pwd; ls /app");
        soft.assertThat(path.exitCode()).as("a project under " + accented.dir() + "; " + path.describe()).isZero();
        soft.assertThat(path.stdout()).as(path.describe()).isEqualTo("/app/sub\nrequirements.txt\nsub\n");
        soft.assertAll();
    }

    @Test
    void concurrentFirstRunsOfOneProjectMakeOneBuildAndAllSucceed() throws Exception {
        TestProject fresh = ws.project("concurrent")
                .file("requirements.txt", "--index-url " + index.url() + "\ncolorsay\n");
        DockenvCli coldCache = DockenvCli.checkout(ws.path("cache-concurrent"));
        List<java.util.concurrent.CompletableFuture<ProcessResult>> runs = new java.util.ArrayList<>();
        // ten at once, as a team's scripts or a test runner's workers start them (issue 8, campaign item 6)
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(10);
        try {
            for (int i = 0; i < 10; i++) {
                runs.add(java.util.concurrent.CompletableFuture.supplyAsync(
                        () -> coldCache.run(fresh.dir(), "run", "--", "python", "-c", IMPORT), pool));
            }
            int builds = 0;
            for (var run : runs) {
                ProcessResult r = run.get();
                assertImported(r);
                builds += r.stderr().contains("dockenv: building ") ? 1 : 0;
            }
            assertThat(builds).as("processes that built the image").isEqualTo(1);
        } finally {
            pool.shutdown();
        }
        assertThat(fresh.images()).isNotEmpty().allSatisfy(l -> assertThat(l).startsWith(fresh.repository() + ":dev"));
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void anImageRemovedBehindDockenvsBackIsBuiltAgain() {
        List<String> refs = project.images().stream().map(l -> l.substring(0, l.indexOf(' '))).toList();
        assertThat(refs).isNotEmpty();
        List<String> rmi = new java.util.ArrayList<>(List.of("rmi", "-f"));
        rmi.addAll(refs);
        Docker.runOk(rmi);

        ProcessResult r = dockenv.run(project.dir(), "run", "--", "python", "-c", IMPORT);

        assertImported(r);
        assertThat(r.stderr()).contains("building " + project.repository());
        assertThat(project.images()).isNotEmpty();
    }

    /** The run succeeded and printed what {@link #IMPORT} prints. */
    private static void assertImported(ProcessResult r) {
        assertThat(r.exitCode()).as(r.describe()).isZero();
        assertThat(r.stdout()).isEqualTo("hello, world 1.0.0\n");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
