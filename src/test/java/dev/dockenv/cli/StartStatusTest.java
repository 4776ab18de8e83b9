package dev.dockenv.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dockenv status} names the prod image's start command and where it comes from, per app. */
class StartStatusTest {
    @TempDir
    Path tmp;
    Path project;
    CliHarness cli;

    @BeforeEach
    void setUp() {
        project = tmp.resolve("shop");
        cli = new CliHarness(tmp.resolve("cache"));
    }

    private void file(String path, String content) throws IOException {
        Path p = project.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }

    @Test
    void statusPrintsTheDetectedStartCommandAndItsSource() throws IOException {
        file("requirements.txt", "django\ngunicorn\n");
        file("manage.py", "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'shop.settings')\n");
        file("shop/settings.py", "WSGI_APPLICATION = 'shop.wsgi.application'\n");
        assertThat(cli.run(project, "status")).as(cli.err).isZero();
        assertThat(cli.out).contains("start       gunicorn --bind \"0.0.0.0:${PORT:-8000}\" shop.wsgi (Django: "
                + "shop/settings.py WSGI_APPLICATION; gunicorn in requirements.txt); listens on 0.0.0.0:$PORT (8000 unset)\n");
    }

    @Test
    void statusSaysWhyARuleDidNotApplyAndPrintsAConfiguredCommandAsSuch() throws IOException {
        file("requirements.txt", "flask\n");
        file("app.py", "from flask import Flask\napp = Flask(__name__)\n");
        assertThat(cli.run(project, "status")).as(cli.err).isZero();
        assertThat(cli.out).contains("start       python app.py (app.py, run with python)\n",
                "            not used: Flask app in app.py: gunicorn is not among the prod dependencies, so it is not "
                        + "served by it\n");
        file("pyproject.toml", "[tool.dockenv]\ncommand = \"flask run\"\n");
        assertThat(cli.run(project, "status")).as(cli.err).isZero();
        assertThat(cli.out).contains("start       flask run (command in the dockenv settings)\n");
    }

    @Test
    void statusPrintsEachAppsStart() throws IOException {
        file("requirements.txt", "gunicorn\n");
        file("api/app.py", "from flask import Flask\napp = Flask(__name__)\n");
        file("worker/Procfile", "web: python -m http.server $PORT\n");
        file("pyproject.toml", """
                [tool.dockenv.apps.api]
                [tool.dockenv.apps.worker]
                """);
        assertThat(cli.run(project, "status", "--app", "api")).as(cli.err).isZero();
        assertThat(cli.out).contains(
                "apps        api (api/): no requirements of its own; start gunicorn --bind \"0.0.0.0:${PORT:-8000}\" "
                        + "app:app (Flask app in api/app.py; gunicorn in requirements.txt) [this report]\n",
                "            worker (worker/): no requirements of its own; start python -m http.server $PORT "
                        + "(worker/Procfile web, line 1)\n",
                "start       gunicorn --bind \"0.0.0.0:${PORT:-8000}\" app:app (Flask app in api/app.py; gunicorn in "
                        + "requirements.txt), in api/; listens on 0.0.0.0:$PORT (8000 unset)\n");
    }

    @Test
    void aMalformedProcfileIsExitFourAtItsLine() throws IOException {
        file("requirements.txt", "gunicorn\n");
        file("Procfile", "web:\n");
        assertThat(cli.run(project, "status")).isEqualTo(4);
        assertThat(cli.err).contains("Procfile:1:5").contains("has no command");
    }
}
