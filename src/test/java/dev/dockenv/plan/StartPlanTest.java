package dev.dockenv.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.Golden;
import dev.dockenv.dockerfile.Dialect;
import dev.dockenv.dockerfile.Dockerfile;
import dev.dockenv.dockerfile.DockerfileRenderer;
import dev.dockenv.dockerfile.Instruction;
import dev.dockenv.dockerfile.Stage;
import dev.dockenv.project.ProjectScanner;
import dev.dockenv.start.StartSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The prod image's start command in the plan and the Dockerfile: detected when none is configured
 * (the project's and each app's), EXPOSE 8000 for a detected web server, the dev stage unchanged,
 * a configured command and configured ports always winning.
 */
class StartPlanTest {
    @TempDir
    Path tmp;

    private Path file(Path root, String path, String content) throws IOException {
        Path p = root.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
        return p;
    }

    private static Stage stage(Dockerfile d, String name) {
        return d.stage(name).orElseThrow(() -> new AssertionError("no stage " + name + " in " + d.stageNames()));
    }

    private static List<Instruction> of(Stage s, Class<? extends Instruction> kind) {
        return s.instructions().stream().filter(kind::isInstance).toList();
    }

    /** A Django site served by gunicorn, an app with a Flask module, an app with a Procfile, one configured. */
    private Path shop() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("shop"));
        file(root, ".python-version", "3.11\n");
        file(root, "requirements.txt", "django\n-r requirements/servers.txt\n");
        file(root, "requirements/servers.txt", "gunicorn>=20\n");
        file(root, "manage.py", "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'shop.settings')\n");
        file(root, "shop/__init__.py", "");
        file(root, "shop/settings.py", "WSGI_APPLICATION = 'shop.wsgi.application'\n");
        file(root, "api/app.py", "from flask import Flask\n\napp = Flask(__name__)\n");
        file(root, "api/requirements.txt", "flask\n");
        file(root, "web/Procfile", "web: bin/serve --port $PORT\nworker: bin/work\n");
        file(root, "cli/main.py", "print('hello')\n");
        file(root, "pyproject.toml", """
                [tool.dockenv.apps.api]
                [tool.dockenv.apps.web]
                [tool.dockenv.apps.cli]
                command = ["python", "cli/main.py"]
                ports = [9000]
                """);
        return root;
    }

    @Test
    void detectedStartCommandsRenderForBuildKit() throws IOException {
        Golden.assertMatches("start.buildkit.Dockerfile", new DockerfileRenderer(Dialect.BUILDKIT)
                .render(EnvironmentDockerfile.compose(Plans.of(ProjectScanner.scan(shop())), "0.0.0-test", "project/")));
    }

    @Test
    void theProdStageStartsTheDetectedServerAndExposesItsPortWhileDevIsUnchanged() throws IOException {
        EnvironmentPlan plan = Plans.of(ProjectScanner.scan(shop()));
        assertThat(plan.app().start().source()).isEqualTo(new StartSource.Django("shop/settings.py", "WSGI_APPLICATION",
                dev.dockenv.start.WebServer.GUNICORN, "requirements/servers.txt"));
        assertThat(plan.command()).isEmpty(); // run, up and the dev stage see the configured command only
        Dockerfile d = EnvironmentDockerfile.compose(plan, "0.0.0-test", "project/");
        assertThat(of(stage(d, "prod"), Instruction.Cmd.class)).containsExactly(new Instruction.Cmd(List.of("sh", "-c",
                "exec gunicorn --bind \"0.0.0.0:${PORT:-8000}\" shop.wsgi")));
        assertThat(of(stage(d, "prod"), Instruction.Expose.class)).containsExactly(new Instruction.Expose(8000));
        assertThat(of(stage(d, "dev"), Instruction.Cmd.class)).containsExactly(new Instruction.Cmd(List.of("python")));
        assertThat(of(stage(d, "dev"), Instruction.Expose.class)).isEmpty();

        assertThat(of(stage(d, "api-prod"), Instruction.Workdir.class)).containsExactly(new Instruction.Workdir("/app/api"));
        assertThat(of(stage(d, "api-prod"), Instruction.Cmd.class)).containsExactly(new Instruction.Cmd(List.of("sh", "-c",
                "exec gunicorn --bind \"0.0.0.0:${PORT:-8000}\" app:app")));
        assertThat(of(stage(d, "api-dev"), Instruction.Cmd.class)).containsExactly(new Instruction.Cmd(List.of("python")));
        assertThat(of(stage(d, "web-prod"), Instruction.Cmd.class)).containsExactly(new Instruction.Cmd(List.of("sh", "-c",
                "PORT=\"${PORT:-8000}\"; export PORT; exec bin/serve --port $PORT")));
        assertThat(of(stage(d, "web-prod"), Instruction.Expose.class)).containsExactly(new Instruction.Expose(8000));
        // a configured command and ports: as written, no detection, no WORKDIR
        assertThat(of(stage(d, "cli-prod"), Instruction.Cmd.class)).containsExactly(new Instruction.Cmd(List.of("python",
                "cli/main.py")));
        assertThat(of(stage(d, "cli-prod"), Instruction.Expose.class)).containsExactly(new Instruction.Expose(9000));
        assertThat(of(stage(d, "cli-prod"), Instruction.Workdir.class)).isEmpty();
    }

    @Test
    void aConfiguredCommandWinsOverEveryRule() throws IOException {
        Path root = shop();
        file(root, "Procfile", "web: gunicorn shop.wsgi\n");
        file(root, "pyproject.toml", "[tool.dockenv]\ncommand = \"python -m shop\"\n");
        EnvironmentPlan plan = Plans.of(ProjectScanner.scan(root));
        Dockerfile d = EnvironmentDockerfile.compose(plan, "0.0.0-test", "project/");
        assertThat(of(stage(d, "prod"), Instruction.Cmd.class)).containsExactly(new Instruction.Cmd(List.of("python", "-m",
                "shop")));
        assertThat(of(stage(d, "prod"), Instruction.Expose.class)).isEmpty();
        assertThat(plan.app().start().source()).isEqualTo(new StartSource.Configured());
    }

    @Test
    void aServerOnlyTheDevEnvironmentHasIsNotUsed() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("flaskapp"));
        file(root, "requirements.txt", "flask\n");
        file(root, "requirements-dev.txt", "gunicorn\n");
        file(root, "app.py", "from flask import Flask\napp = Flask(__name__)\n");
        EnvironmentPlan plan = Plans.of(ProjectScanner.scan(root));
        assertThat(plan.app().start().argv()).containsExactly("python", "app.py");
        assertThat(plan.app().prodPorts()).isEmpty();
        file(root, "pyproject.toml", "[project]\nname = \"flaskapp\"\nversion = \"1\"\ndependencies = [\"gunicorn\"]\n");
        plan = Plans.of(ProjectScanner.scan(root));
        assertThat(plan.app().start().describe()).isEqualTo("gunicorn --bind \"0.0.0.0:${PORT:-8000}\" app:app (Flask app "
                + "in app.py; gunicorn in pyproject.toml [project] dependencies)");
    }

    @Test
    void aProcfileCommandReachesTheDockerfileAsOneJsonStringWhateverItHolds() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("odd"));
        file(root, "Procfile", "web: echo \"]\" '$(id)' `x` \\\n");
        String text = new DockerfileRenderer(Dialect.BUILDKIT)
                .render(EnvironmentDockerfile.compose(Plans.of(ProjectScanner.scan(root)), "0.0.0-test", "project/"));
        List<String> cmd = text.lines().filter(l -> l.startsWith("CMD ")).toList();
        assertThat(cmd).containsExactly("CMD [\"python\"]", "CMD [\"sh\", \"-c\", \"PORT=\\\"${PORT:-8000}\\\"; export "
                + "PORT; echo \\\"]\\\" '$(id)' `x` \\\\\"]");
    }

    @Test
    void anInstallableProjectsOnlyConsoleScriptRuns() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("tool"));
        file(root, "pyproject.toml", """
                [build-system]
                requires = ["setuptools"]
                build-backend = "setuptools.build_meta"

                [project]
                name = "tool"
                version = "1"

                [project.scripts]
                tool = "tool.cli:main"
                """);
        file(root, "tool/__init__.py", "");
        file(root, "main.py", "");
        EnvironmentPlan plan = Plans.of(ProjectScanner.scan(root));
        assertThat(plan.app().start().argv()).containsExactly("tool");
        assertThat(plan.app().start().source()).isEqualTo(new StartSource.ConsoleScript("tool"));
    }
}
