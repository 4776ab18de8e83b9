package dev.dockenv.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.engine.Compose;
import dev.dockenv.engine.ComposeProject;
import dev.dockenv.engine.ProcessRunner;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code add --app} on an unlocked repository (--no-sync: no engine), and {@code up} of an app whose port is taken. */
class AppAddUpCommandsTest {
    @TempDir
    Path tmp;
    Path project;
    CliHarness cli;
    final List<List<String>> composeCalls = new ArrayList<>();
    /** What compose answers to an {@code up}. */
    ProcessRunner.Result upAnswer = new ProcessRunner.Result(0, "", "");

    private static final String SETTINGS = """
            [project]
            name = "lol"
            version = "0.1"

            [tool.dockenv]
            requirements = ["base"]

            [tool.dockenv.apps.api]
            path = "lol_data_api"
            requirements = ["api", "web"]
            command = "gunicorn lol_data_api.wsgi:app --bind 0.0.0.0:8000"
            ports = [PORT]

            [tool.dockenv.apps.worker]
            command = ["python", "worker/run.py"]

            [tool.dockenv.apps.batch]
            requirements = []
            """;

    @BeforeEach
    void setUp() throws IOException {
        project = Files.createDirectories(tmp.resolve("lol"));
        file(".python-version", "3.11\n");
        file("requirements_base.txt", "requests\n");
        file("requirements_api.txt", "# the api\nflask\n");
        file("requirements_web.txt", "gunicorn\n");
        file("lol_data_api/wsgi.py", "app = None\n");
        file("worker/run.py", "");
        file("batch/job.py", "");
        settings(8000);
        cli = new CliHarness(tmp.resolve("cache"));
    }

    private void settings(int port) throws IOException {
        file("pyproject.toml", SETTINGS.replace("PORT", Integer.toString(port)));
    }

    private void file(String path, String content) throws IOException {
        Path p = project.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }

    private String read(String path) throws IOException {
        return Files.readString(project.resolve(path));
    }

    @Test
    void addWithAnAppEditsItsFirstRequirementsSet() throws IOException {
        assertThat(cli.run(project, "add", "--app", "api", "--no-sync", "flask-cors>=4")).as(cli.err).isZero();
        assertThat(read("requirements_api.txt")).isEqualTo("# the api\nflask\nflask-cors>=4\n");
        assertThat(read("requirements_web.txt")).isEqualTo("gunicorn\n");
        assertThat(read("requirements_base.txt")).as("the shared set is not the app's").isEqualTo("requests\n");
        assertThat(cli.err).contains("added flask-cors>=4 (requirements_api.txt)");
        assertThat(project.resolve("pylock.toml")).as("an unlocked project stays unlocked").doesNotExist();
        assertThat(project.resolve("pylock.api.toml")).doesNotExist();
        assertThat(cli.engine.builds).isEmpty();

        assertThat(cli.run(project.resolve("lol_data_api"), "add", "--no-sync", "itsdangerous")).as(cli.err).isZero();
        assertThat(read("requirements_api.txt")).as("in the app's folder the app is the default")
                .contains("itsdangerous\n");
        assertThat(cli.run(project.resolve("lol_data_api"), "remove", "--no-sync", "flask-cors")).as(cli.err).isZero();
        assertThat(read("requirements_api.txt")).isEqualTo("# the api\nflask\nitsdangerous\n");
    }

    @Test
    void addWithAnAppWithoutRequirementsMakesItsFoldersRequirementsTxt() throws IOException {
        assertThat(cli.run(project, "add", "--app", "worker", "--no-sync", "rq")).as(cli.err).isZero();
        assertThat(read("worker/requirements.txt")).isEqualTo("rq\n");
        assertThat(cli.err).contains("added rq (worker/requirements.txt (new))");
        assertThat(read("requirements_base.txt")).isEqualTo("requests\n");

        assertThat(cli.run(project, "add", "--app", "worker", "--dev", "--no-sync", "pytest")).as(cli.err).isZero();
        assertThat(read("worker/requirements-dev.txt")).isEqualTo("pytest\n");
        assertThat(dev.dockenv.project.ProjectScanner.scan(project).app("worker").orElseThrow().requirements())
                .as("the new file is what the app installs").singleElement()
                .satisfies(set -> assertThat(set.file()).isEqualTo(project.resolve("worker/requirements.txt")));
    }

    @Test
    void aGroupWithAnAppIsAUsageError() throws IOException {
        assertThat(cli.run(project, "add", "--app", "api", "--group", "lint", "--no-sync", "ruff")).isEqualTo(2);
        assertThat(cli.err).contains("--group", "app 'api' installs requirements files");
        assertThat(read("requirements_api.txt")).isEqualTo("# the api\nflask\n");
    }

    @Test
    void anAppWhoseSettingsChooseNoRequirementsRefusesAdd() {
        assertThat(cli.run(project, "add", "--app", "batch", "--no-sync", "pandas")).isEqualTo(2);
        assertThat(cli.err).contains("app 'batch' installs no requirements set: its requirements is empty",
                "pyproject.toml:", "name a requirements file in the app's requirements");
        assertThat(project.resolve("batch/requirements.txt")).doesNotExist();
    }

    @Test
    void anUnknownAppIsAUsageErrorAndNothingIsWritten() throws IOException {
        assertThat(cli.run(project, "add", "--app", "apii", "--no-sync", "flask-cors")).isEqualTo(2);
        assertThat(cli.err).contains("unknown app 'apii'", "did you mean 'api'?");
        assertThat(read("requirements_api.txt")).isEqualTo("# the api\nflask\n");
    }

    private void withCompose() {
        cli.engine.compose = new Compose() {
            @Override
            public String version() {
                return "docker-compose 1.29.2";
            }

            @Override
            public List<String> commandLine(ComposeProject p, List<String> args) {
                List<String> line = new ArrayList<>(List.of("docker-compose"));
                line.addAll(p.options());
                line.addAll(args);
                return line;
            }

            @Override
            public ProcessRunner.Result run(ComposeProject p, List<String> args) {
                composeCalls.add(List.copyOf(args));
                return args.get(0).equals("up") ? upAnswer : new ProcessRunner.Result(0, "", "");
            }

            @Override
            public int attach(ComposeProject p, List<String> args) {
                composeCalls.add(List.copyOf(args));
                return 0;
            }
        };
    }

    @Test
    void upOfAnAppWhosePortAnotherProgramHoldsStartsNothing() throws IOException {
        withCompose();
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0));
            int port = taken.getLocalPort();
            settings(port);
            assertThat(cli.run(project, "up", "-d", "api")).isEqualTo(10);
            assertThat(cli.err).contains("api cannot publish port " + port + " on 127.0.0.1: another program listens there",
                    "(ports of [tool.dockenv.apps.api], " + project.resolve("pyproject.toml") + ":8:1)");
            assertThat(cli.err).contains("ss -ltnp");
            assertThat(composeCalls).as("nothing started").isEmpty();
        }
        // the port free again: the same up starts the app through compose
        assertThat(cli.run(project, "up", "-d", "api")).as(cli.err).isZero();
        assertThat(composeCalls).contains(List.of("up", "-d", "--no-build", "--no-color", "api"));
    }

    @Test
    void aPortComposeCouldNotBindIsToldOfTheAppThatPublishesItNotOfOneWhosePortIsAPrefix() throws IOException {
        withCompose();
        file("pyproject.toml", """
                [project]
                name = "lol"
                version = "0.1"

                [tool.dockenv.apps.api]
                command = "python -m http.server 80"
                ports = ["0.0.0.0:800:80"]

                [tool.dockenv.apps.web]
                command = "python -m http.server 8000"
                ports = ["0.0.0.0:8000:8000"]
                """);
        file("api/app.py", "");
        file("web/app.py", "");
        upAnswer = new ProcessRunner.Result(1, "", "Creating lol_web_1 ... error\nERROR: for web  Cannot start service "
                + "web: driver failed programming external connectivity on endpoint lol_web_1 (0123): Bind for "
                + "0.0.0.0:8000 failed: port is already allocated\n");
        assertThat(cli.run(project, "up", "-d")).isEqualTo(10);
        assertThat(cli.err).contains("web cannot publish port 8000 on 0.0.0.0", "(ports of [tool.dockenv.apps.web], ")
                .doesNotContain("api cannot publish");
        assertThat(composeCalls).as("what this up started is removed again")
                .contains(List.of("rm", "-f", "-s", "api", "web"));
    }
}
