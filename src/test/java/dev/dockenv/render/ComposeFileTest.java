package dev.dockenv.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.compose.ComposeSpecSchema;
import dev.dockenv.compose.ComposeString;
import dev.dockenv.decision.InstallDecider;
import dev.dockenv.plan.EnvironmentPlan;
import dev.dockenv.plan.EnvironmentPlanner;
import dev.dockenv.project.Project;
import dev.dockenv.project.ProjectScanner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compose.yaml of {@code dockenv init}, rendered from its compose model: every string
 * double-quoted, the plan's values literal ($ written $$), the user interpolated from the caller's
 * DOCKENV_UID and DOCKENV_GID, valid against the compose-spec schema of docker-compose 1.29.
 */
class ComposeFileTest {
    @TempDir
    Path root;

    private static final String SHOP = """
                [project]
                name = "shop"
                version = "0.1.0"
                dependencies = ["greeting"]

                [tool.dockenv]
                index-url = "http://127.0.0.1:3141/simple"
                command = ["python", "app.py", "--say", "it's \\"$5\\" \\\\ ok"]
                ports = [8000, "0.0.0.0:8080:80"]
                env = { APP_MODE = "compose $HOME", ZED = "yes", A_URL = "postgresql://u:p@db:5432/x?opt=1&b=ünï 😀" }
                """;

    private EnvironmentPlan plan(String pyproject) throws Exception {
        Files.writeString(root.resolve("pyproject.toml"), pyproject);
        Project project = ProjectScanner.scan(root);
        return EnvironmentPlanner.plan(project, InstallDecider.decide(project, Map.of()));
    }

    @Test
    void theDevServiceWithBuildArgumentsPortsCommandAndEnvironment() throws Exception {
        assertThat(ComposeFile.render(plan(SHOP))).isEqualTo("""
                # Written by dockenv init: the environment of `dockenv run` for docker compose.
                # Run as yourself: export DOCKENV_UID=$(id -u) DOCKENV_GID=$(id -g)
                #   then: docker compose run --rm app python --version
                services:
                  app:
                    image: "dockenv-shop:dev"
                    build:
                      context: "."
                      target: "dev"
                      network: "host"
                      args:
                        PIP_INDEX_URL: "http://127.0.0.1:3141/simple"
                    command:
                      - "python"
                      - "app.py"
                      - "--say"
                      - "it's \\"$$5\\" \\\\ ok"
                    user: "${DOCKENV_UID:-1000}:${DOCKENV_GID:-1000}"
                    working_dir: "/app"
                    init: true
                    environment:
                      HOME: "/tmp"
                      APP_MODE: "compose $$HOME"
                      A_URL: "postgresql://u:p@db:5432/x?opt=1&b=ünï 😀"
                      ZED: "yes"
                    ports:
                      - "127.0.0.1:8000:8000"
                      - "0.0.0.0:8080:80"
                    volumes:
                      - ".:/app"
                """);
    }

    @Test
    void aProjectWithoutSettings() throws Exception {
        assertThat(ComposeFile.render(plan("""
                [project]
                name = "tiny"
                version = "0.1.0"
                """))).isEqualTo("""
                # Written by dockenv init: the environment of `dockenv run` for docker compose.
                # Run as yourself: export DOCKENV_UID=$(id -u) DOCKENV_GID=$(id -g)
                #   then: docker compose run --rm app python --version
                services:
                  app:
                    image: "dockenv-tiny:dev"
                    build:
                      context: "."
                      target: "dev"
                    user: "${DOCKENV_UID:-1000}:${DOCKENV_GID:-1000}"
                    working_dir: "/app"
                    init: true
                    environment:
                      HOME: "/tmp"
                    volumes:
                      - ".:/app"
                """);
    }

    @Test
    void theModelKeepsThePlansValuesLiteralAndOnlyTheUserInterpolated() throws Exception {
        var app = ComposeFile.model(plan(SHOP)).services().get(ComposeFile.SERVICE);
        assertThat(app.environment().get("APP_MODE")).isEqualTo(ComposeString.literal("compose $HOME"));
        assertThat(app.command()).allMatch(c -> c instanceof ComposeString.Literal);
        assertThat(app.user()).hasValue(ComposeString.interpolated("${DOCKENV_UID:-1000}:${DOCKENV_GID:-1000}"));
    }

    @Test
    void theFileIsValidAgainstTheComposeSpecSchema() throws Exception {
        assertThat(ComposeSpecSchema.errors(ComposeFile.render(plan(SHOP)))).isEmpty();
    }
}
