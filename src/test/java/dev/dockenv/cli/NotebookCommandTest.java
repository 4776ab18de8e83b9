package dev.dockenv.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.run.HostUser;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dockenv notebook against the in-memory engine: what it hands to docker run. */
class NotebookCommandTest {
    @TempDir
    Path tmp;
    Path project;
    Path handoff;
    CliHarness cli;

    @BeforeEach
    void setUp() throws Exception {
        project = Files.createDirectories(tmp.resolve("shop"));
        Files.writeString(project.resolve("requirements.txt"), "jupyterlab\n");
        Files.writeString(project.resolve(".python-version"), "3.11\n");
        cli = new CliHarness(tmp.resolve("cache"));
        handoff = tmp.resolve("exec");
        cli.env.put("DOCKENV_EXEC_FILE", handoff.toString());
    }

    private List<String> argv() throws Exception {
        return List.of(Files.readString(handoff).split("\0"));
    }

    private static String after(List<String> argv, String option) {
        int i = argv.indexOf(option);
        assertThat(i).as(option + " in " + argv).isNotNegative();
        return argv.get(i + 1);
    }

    /** The notebook's script: the argument before its name. */
    private static String script(List<String> argv) {
        return argv.get(argv.indexOf("dockenv-notebook") - 1);
    }

    private static ServerSocket hold(int port) throws Exception {
        ServerSocket s = new ServerSocket();
        s.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
        return s;
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = hold(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void itPublishesOnLoopbackAndPassesTheTokenInAPrivateFileOnly() throws Exception {
        int port = freePort();
        assertThat(cli.run(project, "notebook", "-p", Integer.toString(port), "--", "--ServerApp.base_url=/nb/")).isZero();

        List<String> argv = argv();
        assertThat(argv).startsWith("docker", "run", "--rm", "--init", "-i");
        assertThat(after(argv, "--publish")).isEqualTo("127.0.0.1:" + port + ":8888");
        Path envFile = project.resolve(".dockenv/stack/notebook-" + port + ".env");
        assertThat(after(argv, "--env-file")).isEqualTo(envFile.toString());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(envFile))).isEqualTo("rw-------");
        Matcher token = Pattern.compile("(?m)^JUPYTER_TOKEN=([0-9a-f]{48})$").matcher(Files.readString(envFile));
        assertThat(token.find()).as("the env file holds the token").isTrue();
        assertThat(String.join(" ", argv)).doesNotContain(token.group(1));
        assertThat(cli.out + cli.err).doesNotContain(token.group(1));
        try (var cached = Files.walk(cli.cache())) {
            for (Path f : cached.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readAllBytes(f)).asString().doesNotContain(token.group(1));
            }
        }

        int name = argv.indexOf("dockenv-notebook");
        assertThat(argv.subList(name - 3, name - 1)).containsExactly("sh", "-c");
        assertThat(argv.subList(name, argv.size())).startsWith("dockenv-notebook", "shop", Integer.toString(port),
                "--ip=0.0.0.0", "--port=8888", "--port-retries=0", "--no-browser", "--y",
                "--ServerApp.custom_display_url=http://127.0.0.1:" + port + "/").endsWith("--ServerApp.base_url=/nb/");
        assertThat(argv.contains("--allow-root")).isEqualTo(HostUser.current().isRoot());
        assertThat(script(argv)).contains("jupyter-lab jupyter-notebook jupyter-server");
        assertThat(after(argv, "--workdir")).isEqualTo("/app");
    }

    @Test
    void labAndClassicChooseTheirProgram() throws Exception {
        assertThat(cli.run(project, "notebook", "--classic", "-p", Integer.toString(freePort()))).isZero();
        String script = script(argv());
        assertThat(script).contains("for program in jupyter-notebook;").doesNotContain("jupyter-lab");

        assertThat(cli.run(project, "notebook", "--lab", "-p", Integer.toString(freePort()))).isZero();
        script = script(argv());
        assertThat(script).contains("for program in jupyter-lab;").doesNotContain("jupyter-notebook");

        assertThat(cli.run(project, "notebook", "--lab", "--classic")).isEqualTo(2);
        assertThat(cli.err).contains("--lab and --classic exclude each other");
    }

    @Test
    void aPortGivenThatIsTakenIsAUsageErrorNamingIt() throws Exception {
        try (ServerSocket held = hold(0)) {
            int port = held.getLocalPort();
            assertThat(cli.run(project, "notebook", "-p", Integer.toString(port))).isEqualTo(2);
            assertThat(cli.err).contains("port " + port + " is taken on 127.0.0.1");
            assertThat(handoff).doesNotExist();
        }
        assertThat(cli.run(project, "notebook", "-p", "70000")).isEqualTo(2);
        assertThat(cli.err).contains("-p 70000 is not a port");
    }

    @Test
    void withoutPortItTakes8888OrTheNextFreeOneAndSaysSo() throws Exception {
        ServerSocket held = null;
        try {
            try {
                held = hold(8888);
            } catch (java.io.IOException taken) {
                // another program has it: the same case
            }
            assertThat(cli.run(project, "notebook")).isZero();
            String published = after(argv(), "--publish");
            int port = Integer.parseInt(published.split(":")[1]);
            assertThat(port).isGreaterThan(8888);
            assertThat(published).isEqualTo("127.0.0.1:" + port + ":8888");
            assertThat(cli.err).contains("dockenv: port 8888 is taken on 127.0.0.1; using " + port);
        } finally {
            if (held != null) {
                held.close();
            }
        }
    }

    @Test
    void itStartsInTheFolderItIsRunFrom() throws Exception {
        Path sub = Files.createDirectories(project.resolve("notebooks"));
        assertThat(cli.run(sub, "notebook", "-p", Integer.toString(freePort()))).isZero();
        assertThat(after(argv(), "--workdir")).isEqualTo("/app/notebooks");
        assertThat(project.resolve(".dockenv/stack/.gitignore")).exists();
    }

    @Test
    void theTokenFileChangesNoImage() throws Exception {
        assertThat(cli.run(project, "build")).isZero();
        int builds = cli.engine.builds.size();
        assertThat(cli.run(project, "notebook", "-p", Integer.toString(freePort()))).isZero();
        assertThat(cli.run(project, "notebook", "-p", Integer.toString(freePort()))).isZero();
        assertThat(cli.run(project, "build")).isZero();
        assertThat(cli.engine.builds).as("nothing rebuilt").hasSize(builds);
    }

    @Test
    void helpSaysWhatItRunsAndTheTopLevelHelpListsIt() {
        assertThat(cli.run(project, "notebook", "--help")).isZero();
        assertThat(cli.out).contains("--lab", "--classic", "-p, --port=PORT", "JupyterLab", "127.0.0.1", "8888",
                "dockenv add --dev jupyterlab");
        assertThat(cli.run(project, "--help")).isZero();
        assertThat(cli.out).contains("notebook");
    }
}
