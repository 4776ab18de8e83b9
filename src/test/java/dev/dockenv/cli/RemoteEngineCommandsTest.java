package dev.dockenv.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commands against an engine chosen with -H or DOCKER_HOST: that engine, and its own caches. */
class RemoteEngineCommandsTest {
    private static final String SERVER = "unix:///run/dockenv-server/docker.sock";

    @TempDir
    Path tmp;
    Path project;
    CliHarness cli;
    FakeEngine server;

    @BeforeEach
    void setUp() throws Exception {
        project = Files.createDirectories(tmp.resolve("shop"));
        Files.writeString(project.resolve("requirements.txt"), "requests==2.31.0\n");
        Files.writeString(project.resolve(".python-version"), "3.11\n");
        Files.writeString(project.resolve("app.py"), "print('hi')\n");
        cli = new CliHarness(tmp.resolve("cache"));
        server = new FakeEngine();
        cli.engines.put(SERVER, server);
        cli.env.put("DOCKER_CONFIG", tmp.resolve("docker-config").toString());
    }

    private List<String> handedOver(Path handoff) throws Exception {
        return List.of(Files.readString(handoff).split("\0"));
    }

    @Test
    void buildGoesToTheEngineTheOptionNames() {
        assertThat(cli.run(project, "-H", SERVER, "build")).as(cli.err).isZero();

        assertThat(server.builds).hasSize(1);
        assertThat(cli.engine.builds).isEmpty();
    }

    @Test
    void theOptionIsTakenAfterTheCommandToo() {
        assertThat(cli.run(project, "build", "--host", SERVER)).as(cli.err).isZero();

        assertThat(server.builds).hasSize(1);
        assertThat(cli.engine.builds).isEmpty();
    }

    @Test
    void dockerHostChoosesTheEngineOfAPlainRun() throws Exception {
        Path handoff = tmp.resolve("exec");
        cli.env.put("DOCKENV_EXEC_FILE", handoff.toString());
        cli.env.put("DOCKER_HOST", SERVER);

        assertThat(cli.run(project, "run", "python", "app.py")).as(cli.err).isZero();

        assertThat(server.builds).hasSize(1);
        assertThat(cli.engine.builds).isEmpty();
    }

    /**
     * The run cache is the engine's own: a warm run on one engine says nothing of the image on
     * another, and the first run on the second builds there (then is warm there too).
     */
    @Test
    void eachEngineHasItsOwnWarmRuns() throws Exception {
        Path handoff = tmp.resolve("exec");
        cli.env.put("DOCKENV_EXEC_FILE", handoff.toString());
        assertThat(cli.run(project, "run", "--", "python", "app.py")).as(cli.err).isZero();
        assertThat(cli.engine.builds).hasSize(1);

        assertThat(cli.run(project, "-H", SERVER, "run", "--", "python", "app.py")).as(cli.err).isZero();
        assertThat(server.builds).as("built on the server, not taken for there from the local run's cache").hasSize(1);
        assertThat(handedOver(handoff)).startsWith("docker", "-H", SERVER, "run");

        int questions = server.imageIdQuestions;
        assertThat(cli.run(project, "-H", SERVER, "run", "--", "python", "app.py")).as(cli.err).isZero();
        assertThat(server.imageIdQuestions).as("the second run on the server is warm: one question").isEqualTo(questions + 1);
        assertThat(server.builds).hasSize(1);
        assertThat(cli.run(project, "run", "--", "python", "app.py")).as(cli.err).isZero();
        assertThat(cli.engine.builds).hasSize(1);
        assertThat(handedOver(handoff)).startsWith("docker", "run");
    }

    @Test
    void aRunOnAnEngineElsewhereIsRefusedBeforeAnythingIsBuilt() {
        cli.engines.put("tcp://10.0.0.5:2375", server);

        int code = cli.run(project, "-H", "tcp://10.0.0.5:2375", "run", "--", "python", "app.py");

        assertThat(code).isEqualTo(2);
        assertThat(cli.err).contains("the engine at tcp://10.0.0.5:2375 (-H) is not on this machine")
                .contains("hint:").contains("DOCKENV_ENGINE_SHARES_FILES=1");
        assertThat(server.builds).isEmpty();
        assertThat(cli.engine.builds).isEmpty();
    }

    @Test
    void aRunOnAnEngineElsewhereThatSharesTheFilesIsAllowed() throws Exception {
        cli.engines.put("tcp://127.0.0.1:23750", server);
        cli.env.put("DOCKENV_EXEC_FILE", tmp.resolve("exec").toString());
        cli.env.put("DOCKENV_ENGINE_SHARES_FILES", "1");

        assertThat(cli.run(project, "-H", "tcp://127.0.0.1:23750", "run", "--", "python", "app.py")).as(cli.err).isZero();
        assertThat(server.builds).hasSize(1);
    }

    @Test
    void buildAndStatusWorkOnAnEngineElsewhere() {
        cli.engines.put("ssh://deploy@server", server);
        cli.env.put("DOCKER_HOST", "ssh://deploy@server");

        assertThat(cli.run(project, "build")).as(cli.err).isZero();
        assertThat(cli.run(project, "status")).as(cli.err).isZero();

        assertThat(server.builds).hasSize(1);
        assertThat(cli.out).containsPattern("(?m)^engine +ssh://deploy@server \\(DOCKER_HOST\\)$")
                .containsPattern("(?m)^state +up to date");
    }

    @Test
    void statusNamesTheDefaultEngine() {
        assertThat(cli.run(project, "status")).as(cli.err).isZero();

        assertThat(cli.out).containsPattern("(?m)^engine +unix:///var/run/docker.sock \\(default\\)$");
    }

    @Test
    void aHostThatIsNoAddressIsAUsageError() {
        assertThat(cli.run(project, "-H", "not a host", "build")).isEqualTo(2);
        assertThat(cli.err).contains("'not a host' (-H) is not an engine address");
    }
}
