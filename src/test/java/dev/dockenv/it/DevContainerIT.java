package dev.dockenv.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dockenv.it.support.DevContainerCli;
import dev.dockenv.it.support.Docker;
import dev.dockenv.it.support.DockenvCli;
import dev.dockenv.it.support.ItWorkspace;
import dev.dockenv.it.support.LocalPackageIndex;
import dev.dockenv.it.support.ProcessResult;
import dev.dockenv.it.support.Stacks;
import dev.dockenv.it.support.TestProject;
import dev.dockenv.it.support.TestUser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code dockenv ide vscode} with the real Dev Containers CLI (npm @devcontainers/cli), as the
 * non-root test user: {@code devcontainer up} runs dockenv's initializeCommand (the dev image built,
 * this machine's compose file written), the container is the dev environment with the project at
 * /app as that user ({@code whoami}, file ownership on the host), without an image of the tools'
 * own; with a PostgreSQL service beside it reached by name with its password; {@code --down}
 * leaves nothing behind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DevContainerIT {
    private ItWorkspace ws;
    private LocalPackageIndex index;
    private DockenvCli dockenv;
    private DevContainerCli devcontainer;
    private final List<String> composeProjects = new ArrayList<>();

    @BeforeAll
    void setUp() {
        assumeTrue("root".equals(System.getProperty("user.name")), "only root can switch to the test user");
        TestUser.require();
        Docker.requireEngine();
        assertThat(Docker.imageExists("postgres:16")).as("postgres:16 (scripts/ensure-service-images.sh)").isTrue();
        ws = ItWorkspace.openAsTestUser("dockenv-devcontainerit", "greeting-1.0.0");
        index = ws.index();
        dockenv = ws.dockenv();
        devcontainer = DevContainerCli.asTestUser(dockenv, ws.path("tools"));
    }

    @AfterAll
    void cleanUp() {
        composeProjects.forEach(Stacks::removeComposeProject);
        ItWorkspace.closeIfOpened(ws);
    }

    private TestProject project(String prefix, String settings) {
        TestProject p = ws.project(prefix);
        p.file("pyproject.toml", """
                [project]
                name = "%s"
                version = "0.1"
                dependencies = ["greeting"]

                [tool.dockenv]
                index-url = "%s"
                %s
                """.formatted(p.name(), index.url(), settings));
        return p.chownToTestUser();
    }

    private static List<String> toolImages() {
        return Docker.run("images", "--format", "{{.Repository}}").stdout().lines().filter(r -> r.startsWith("vsc-")).toList();
    }

    @Test
    void upAndExecRunInTheDevEnvironmentAsTheUserWithoutAnImageOfTheirOwn() throws Exception {
        TestProject p = project("vscode", "ports = [\"8000\"]\n");
        ProcessResult wrote = dockenv.run(p.dir(), "ide", "vscode");
        assertThat(wrote.exitCode()).as(wrote.describe()).isZero();
        assertThat(wrote.stdout()).startsWith("wrote .devcontainer/devcontainer.json\n")
                .contains("Reopen in Container", "devcontainer up --workspace-folder .");
        String config = p.read(".devcontainer/devcontainer.json");
        assertThat(config).startsWith("// Written by dockenv ide vscode.")
                .contains("\"initializeCommand\": [\n    \"dockenv\",", "\"forwardPorts\": [\n    8000\n  ]",
                        "\"python.defaultInterpreterPath\": \"/opt/venv/bin/python\"", "\"updateRemoteUserUID\": false");
        assertThat(devcontainer.readConfiguration(p.dir()).exitCode()).isZero();
        String composeProject = p.name().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "") + "devcontainer";
        composeProjects.add(composeProject);
        List<String> imagesBefore = toolImages();

        ProcessResult up = devcontainer.up(p.dir());

        assertThat(up.exitCode()).as(up.describe()).isZero();
        assertThat(up.stdout()).contains("\"outcome\":\"success\"", "\"composeProjectName\":\"" + composeProject + "\"",
                "\"remoteWorkspaceFolder\":\"/app\"");
        assertThat(up.stderr()).as("the initializeCommand built the dev image").contains("building " + p.repository());
        assertThat(toolImages()).as("no image of the tools' own (updateRemoteUserUID)").isEqualTo(imagesBefore);
        assertThat(p.read(".dockenv/devcontainer/" + composeProject + "/compose.yaml"))
                .contains("user: \"" + TestUser.uid() + ":" + TestUser.gid() + "\"");

        ProcessResult inside = devcontainer.exec(p.dir(), "sh", "-c", "whoami; id -u; pwd; command -v python; "
                + "python -c \"import greeting; print(greeting.hello('vscode'))\"; touch /app/made-inside; "
                + "mkdir -p \"$HOME/.cache\" && echo home-ok");
        assertThat(inside.exitCode()).as(inside.describe()).isZero();
        assertThat(inside.stdout()).isEqualTo(TestUser.name() + "\n" + TestUser.uid() + "\n/app\n/opt/venv/bin/python\n"
                + "hello, vscode\nhome-ok\n");
        Path made = p.path("made-inside");
        assertThat(Files.getAttribute(made, "unix:uid")).isEqualTo(TestUser.uid());
        assertThat(Files.getAttribute(made, "unix:gid")).isEqualTo(TestUser.gid());

        // unchanged settings: the file stays; an edit is the user's, kept without --force
        ProcessResult again = dockenv.run(p.dir(), "ide", "vscode");
        assertThat(again.stdout()).startsWith(".devcontainer/devcontainer.json is up to date");
        p.file(".devcontainer/devcontainer.json", config.replace("\"name\"", "\"remoteEnv\": {\"MINE\": \"1\"},\n  \"name\""));
        ProcessResult kept = dockenv.run(p.dir(), "ide", "vscode");
        assertThat(kept.exitCode()).as(kept.describe()).isEqualTo(7);
        assertThat(kept.stderr()).contains(".devcontainer/devcontainer.json (edited since dockenv wrote it) exists",
                "nothing was written", "dockenv ide vscode --force");
        assertThat(p.read(".devcontainer/devcontainer.json")).contains("MINE");

        ProcessResult down = dockenv.run(p.dir(), "ide", "vscode", "--down");
        assertThat(down.exitCode()).as(down.describe()).isZero();
        assertThat(Stacks.containers(composeProject)).as("nothing left").isEmpty();
        assertThat(Docker.run("network", "ls", "-q", "--filter", "label=com.docker.compose.project=" + composeProject)
                .stdout()).isBlank();
    }

    @Test
    void withAPostgresServiceBothStartAndTheAppReachesItWithItsPassword() {
        TestProject p = project("vscodedb", """

                [tool.dockenv.services]
                db = "postgres:16"
                """);
        ProcessResult wrote = dockenv.run(p.dir(), "ide", "vscode");
        assertThat(wrote.exitCode()).as(wrote.describe()).isZero();
        assertThat(p.read(".devcontainer/devcontainer.json")).contains("\"runServices\": [\n    \"app\",\n    \"db\"\n  ]");
        String composeProject = p.name().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "") + "devcontainer";
        composeProjects.add(composeProject);

        ProcessResult up = devcontainer.up(p.dir());

        assertThat(up.exitCode()).as(up.describe()).isZero();
        assertThat(Stacks.running(composeProject)).containsExactly("app running", "db running");
        String compose = p.read(".dockenv/devcontainer/" + composeProject + "/compose.yaml");
        String password = p.read(".dockenv/stack/secrets.env").lines().filter(l -> l.startsWith("DOCKENV_SECRET_DB="))
                .findFirst().orElseThrow().substring("DOCKENV_SECRET_DB=".length());
        assertThat(compose).as("the password stays in the .env beside it").doesNotContain(password)
                .contains("${DOCKENV_SECRET_DB");
        ProcessResult inside = devcontainer.exec(p.dir(), "python", "-c", """
                import os, socket, time
                for _ in range(120):
                    try:
                        socket.create_connection(("db", 5432), timeout=1).close()
                        break
                    except OSError:
                        time.sleep(0.5)
                print(os.environ["DATABASE_URL"].split("@")[1], os.environ["PGPASSWORD"] == os.environ["DATABASE_URL"].split(":")[2].split("@")[0])
                """);
        assertThat(inside.exitCode()).as(inside.describe()).isZero();
        assertThat(inside.stdout()).isEqualTo("db:5432/app True\n");
        assertThat(inside.stdout() + inside.stderr()).doesNotContain(password);

        ProcessResult down = dockenv.run(p.dir(), "ide", "vscode", "--down", "--volumes");
        assertThat(down.exitCode()).as(down.describe()).isZero();
        assertThat(Stacks.containers(composeProject)).as("nothing left").isEmpty();
        assertThat(Stacks.volumes(composeProject)).as("the data volume went with --volumes").isEmpty();
    }
}
