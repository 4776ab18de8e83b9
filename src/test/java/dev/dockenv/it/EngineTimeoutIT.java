package dev.dockenv.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.it.support.Docker;
import dev.dockenv.it.support.DockenvCli;
import dev.dockenv.it.support.ItWorkspace;
import dev.dockenv.it.support.ProcessResult;
import dev.dockenv.it.support.TestProject;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An engine socket that accepts connections and never answers (issue 8, campaign item 14): where
 * dockenv itself waits on the engine (status, doctor, a run's image check), it waits a bounded time
 * (DOCKENV_ENGINE_TIMEOUT) and says so, exit 5, instead of hanging forever as docker itself does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngineTimeoutIT {
    private ItWorkspace ws;
    private ServerSocketChannel server;
    private Thread acceptor;
    private final List<SocketChannel> held = new ArrayList<>();
    private Path socket;

    @BeforeAll
    void setUp() throws Exception {
        Docker.requireEngine();
        ws = ItWorkspace.open("dockenv-enginetimeout");
        socket = ws.path("silent.sock");
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        acceptor = new Thread(() -> {
            try {
                while (true) {
                    held.add(server.accept()); // accepted, never read, never answered
                }
            } catch (Exception e) {
                // closed at the end
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterAll
    void cleanUp() throws Exception {
        server.close();
        for (SocketChannel c : held) {
            c.close();
        }
        ItWorkspace.closeIfOpened(ws);
    }

    @ParameterizedTest
    @ValueSource(strings = {"status", "doctor", "run"})
    void aSilentEngineIsAnErrorAfterTheLimit(String command) {
        TestProject p = ws.project("silent-" + command).file("requirements.txt", "");
        DockenvCli dockenv = ws.dockenv().withEnv("DOCKER_HOST", "unix://" + socket)
                .withEnv("DOCKENV_ENGINE_TIMEOUT", "2");
        long start = System.nanoTime();
        ProcessResult r = command.equals("run") ? dockenv.run(p.dir(), "run", "--", "true")
                : dockenv.run(p.dir(), command);
        assertThat(r.exitCode()).as(r.describe()).isEqualTo(5);
        assertThat(r.stdout() + r.stderr()).contains("did not answer", "within 2 s", "DOCKENV_ENGINE_TIMEOUT");
        assertThat((System.nanoTime() - start) / 1_000_000_000L).as("seconds").isLessThan(30);
    }
}
