package dev.dockenv.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dockenv.Golden;
import dev.dockenv.compose.ComposeSpecSchema;
import dev.dockenv.compose.ComposeYaml;
import dev.dockenv.errors.InputException;
import dev.dockenv.stack.StackPlan;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

/** The server's compose file: the mapping (a golden file), the compose-spec schema, what is refused, the health check run. */
class ServerComposeTest {
    private static final String IMAGE = DeployedStacks.IMAGE;

    private static StackPlan deployed(String toml) {
        return DeployedStacks.deployed(toml);
    }

    private static ServerApp app(List<Integer> ports, ServerHealth health, Optional<String> envFile) {
        return new ServerApp("app", IMAGE, ports, "0.0.0.0", health, envFile);
    }

    private static final String STACK = DeployedStacks.SERVICES;

    @Test
    void theAppByItsPushedTagWithTheDeployedServicesMatchesTheGoldenFileAndTheSchema() {
        String yaml = ComposeYaml.render(ServerCompose.model(app(List.of(8000), new ServerHealth.HttpGet(8000, "/"),
                Optional.of("./prod.env")), deployed(STACK)));

        Golden.assertMatches("deploy/server.compose.yaml", yaml);
        assertThat(ComposeSpecSchema.errors(yaml)).isEmpty();
        assertThat(yaml).doesNotContain("build:").doesNotContain("cache:").doesNotContain("REDIS_URL")
                .doesNotContain("9200:9200").doesNotContain("/home/ada")
                .contains("    image: \"" + IMAGE + "\"\n", "    restart: \"unless-stopped\"\n",
                        "      - \"0.0.0.0:8000:8000\"\n", "    env_file:\n      - \"./prod.env\"\n",
                        "${DOCKENV_SECRET_DB:?is not set: give it in the env file of dockenv deploy compose --env-file}",
                        "\"prod$$1\"");
    }

    @Test
    void anAppAloneWithoutAPortHasNoHealthCheckNoPortsAndIsValid() {
        String yaml = ComposeYaml.render(ServerCompose.model(app(List.of(), new ServerHealth.None(), Optional.empty()),
                deployed("")));

        assertThat(ComposeSpecSchema.errors(yaml)).isEmpty();
        assertThat(yaml).doesNotContain("ports:").doesNotContain("healthcheck:").doesNotContain("env_file:")
                .doesNotContain("depends_on:").contains("restart: \"unless-stopped\"");
    }

    @Test
    void anAddressOfIpv6IsWrittenInBrackets() {
        String yaml = ComposeYaml.render(ServerCompose.model(new ServerApp("app", IMAGE, List.of(8000, 9000), "::1",
                new ServerHealth.None(), Optional.empty()), deployed("")));

        assertThat(yaml).contains("      - \"[::1]:8000:8000\"\n      - \"[::1]:9000:9000\"\n");
        assertThat(ComposeSpecSchema.errors(yaml)).isEmpty();
    }

    @Test
    void aDeployedServiceMountingAHostFolderIsRefusedAtItsDeclaration() {
        StackPlan plan = deployed("""
                [tool.dockenv.services]
                db = { image = "postgres:16", volumes = ["./initdb:/docker-entrypoint-initdb.d:ro"], deploy = true }
                """);

        InputException e = catchThrowableOfType(() -> ServerCompose.model(app(List.of(8000), new ServerHealth.None(),
                Optional.empty()), plan), InputException.class);

        assertThat(e.location().line()).isEqualTo(2);
        assertThat(e.getMessage()).contains("'db' is deployed (deploy = true) but mounts the host folder "
                + "/home/ada/shop/initdb, which the server does not have");
    }

    @Test
    void onlyTheDeployedServicesTheAppDependsOnGiveItVariables() {
        StackPlan plan = deployed("""
                [tool.dockenv]
                depends-on = ["cache"]
                [tool.dockenv.services]
                db = { image = "postgres:16", deploy = true }
                cache = { image = "redis:7", deploy = true }
                """);

        assertThat(plan.serviceNames()).containsExactly("db", "cache");
        assertThat(plan.appDependencies()).containsExactly("cache");
        assertThat(plan.appEnvironment()).containsKey("REDIS_URL").doesNotContainKey("DATABASE_URL");
    }

    @Test
    void aHealthPathThatCouldBreakTheCheckIsRefused() {
        for (String bad : List.of("healthz", "/a b", "/it's", "/$HOME", "/a\\b")) {
            assertThat(catchThrowableOfType(() -> new ServerHealth.HttpGet(8000, bad), IllegalArgumentException.class))
                    .as(bad).isNotNull();
        }
    }

    /** The check's Python, run by the host's python3: an answer below 500 is healthy, a 5xx or no server is not. */
    @Test
    void theHealthCheckPassesOnAnyAnswerBelow500AndFailsOn5xxAndOnNoServer() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            int status = exchange.getRequestURI().getPath().equals("/broken") ? 503 : 404;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        try {
            int port = server.getAddress().getPort();
            assertThat(check(new ServerHealth.HttpGet(port, "/"))).as("404 answers").isZero();
            assertThat(check(new ServerHealth.HttpGet(port, "/broken"))).as("503").isNotZero();
        } finally {
            server.stop(0);
        }
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            closed = s.getLocalPort();
        }
        assertThat(check(new ServerHealth.HttpGet(closed, "/"))).as("nobody listens").isNotZero();
    }

    private static int check(ServerHealth.HttpGet get) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(get.command());
        assertThat(command.get(0)).isEqualTo("python");
        command.set(0, "python3");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        return p.exitValue();
    }
}
