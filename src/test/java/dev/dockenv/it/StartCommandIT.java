package dev.dockenv.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.it.support.Docker;
import dev.dockenv.it.support.DockenvCli;
import dev.dockenv.it.support.ItWorkspace;
import dev.dockenv.it.support.LocalPackageIndex;
import dev.dockenv.it.support.Poll;
import dev.dockenv.it.support.ProcessResult;
import dev.dockenv.it.support.TestProject;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A start command detected for the prod image on the real engine (issue 10, must have 2): a Flask
 * project and a Django site with no command configured build prod images that, run with plain
 * {@code docker run -p 127.0.0.1:PORT:8000}, answer over HTTP through gunicorn (and a Django ASGI
 * site through uvicorn), on 8000 without PORT and on $PORT with it; {@code status} names the command
 * and its source. Packages (Flask, Django, gunicorn, uvicorn) come from wheels made of Debian's
 * packages ({@link LocalPackageIndex#APP_WHEELS}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StartCommandIT {
    private ItWorkspace ws;
    private LocalPackageIndex index;
    private DockenvCli dockenv;
    private final List<String> containers = new ArrayList<>();

    @BeforeAll
    void setUp() {
        Docker.requireEngine();
        ws = ItWorkspace.open("dockenv-startit", LocalPackageIndex.APP_WHEELS);
        index = ws.index();
        dockenv = ws.dockenv();
    }

    @AfterAll
    void cleanUp() {
        containers.forEach(c -> Docker.run("rm", "-f", c));
        ItWorkspace.closeIfOpened(ws);
    }

    @Test
    void aFlaskProjectWithoutACommandIsServedByGunicornOnPortOr8000() throws Exception {
        TestProject p = ws.project("flask");
        p.file("requirements.txt", "flask\ngunicorn\n")
                .file("pyproject.toml", """
                        [tool.dockenv]
                        index-url = "%s"
                        """.formatted(index.url()))
                .file("app.py", """
                        import os
                        from flask import Flask

                        app = Flask(__name__)

                        @app.get("/")
                        def hello():
                            return f"hello from {os.getuid()} port={os.environ.get('PORT', '-')}"
                        """);
        ProcessResult status = dockenv.runOk(p.dir(), "status");
        assertThat(status.stdout()).contains("start       gunicorn --bind \"0.0.0.0:${PORT:-8000}\" app:app (Flask app "
                + "in app.py; gunicorn in requirements.txt); listens on 0.0.0.0:$PORT (8000 unset)\n");

        ProcessResult build = dockenv.run(p.dir(), "build", "--target", "prod");
        assertThat(build.exitCode()).as(build.describe()).isZero();
        String image = build.stdout().strip();
        assertThat(Docker.runOk("image", "inspect", "--format", "{{json .Config.ExposedPorts}}", image).stdout())
                .contains("\"8000/tcp\"");

        int port = freePort();
        String name = Docker.uniqueName("dockenv-startit-flask");
        containers.add(name);
        Docker.runOk("run", "-d", "--name", name, "-p", "127.0.0.1:" + port + ":8000", image);
        HttpResponse<String> r = get(port, name);
        assertThat(r.body()).isEqualTo("hello from 10001 port=-");
        assertThat(r.headers().firstValue("server")).as("served by gunicorn").hasValueSatisfying(
                s -> assertThat(s).startsWith("gunicorn"));
        assertThat(Docker.runOk("logs", name).stderr()).contains("Listening at: http://0.0.0.0:8000");
        // gunicorn replaced the shell: it is the container's first process, so docker stop reaches it
        assertThat(Docker.runOk("exec", name, "cat", "/proc/1/cmdline").stdout().replace('\0', ' '))
                .contains("gunicorn --bind 0.0.0.0:8000 app:app");

        int second = freePort();
        String withPort = Docker.uniqueName("dockenv-startit-flask-port");
        containers.add(withPort);
        Docker.runOk("run", "-d", "--name", withPort, "-e", "PORT=9000", "-p", "127.0.0.1:" + second + ":9000", image);
        assertThat(get(second, withPort).body()).isEqualTo("hello from 10001 port=9000");
        assertThat(Docker.runOk("logs", withPort).stderr()).contains("Listening at: http://0.0.0.0:9000");
        ProcessResult stop = Docker.run("stop", "-t", "5", withPort);
        assertThat(stop.exitCode()).as(stop.describe()).isZero();
        assertThat(Docker.runOk("inspect", "--format", "{{.State.ExitCode}}", withPort).stdout().strip())
                .as("gunicorn stops on SIGTERM, before docker's timeout kills it").isEqualTo("0");
    }

    @Test
    void aDjangoSiteIsServedByGunicornThenByUvicornForItsAsgiApplication() throws Exception {
        TestProject p = ws.project("django");
        p.file("requirements.txt", "django\ngunicorn\n")
                .file("pyproject.toml", """
                        [tool.dockenv]
                        index-url = "%s"
                        """.formatted(index.url()))
                .file("manage.py", """
                        import os, sys
                        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop.settings")
                        from django.core.management import execute_from_command_line
                        execute_from_command_line(sys.argv)
                        """)
                .file("shop/__init__.py", "")
                .file("shop/settings.py", """
                        SECRET_KEY = "test"
                        DEBUG = False
                        ALLOWED_HOSTS = ["*"]
                        ROOT_URLCONF = "shop.urls"
                        INSTALLED_APPS = []
                        DATABASES = {}
                        WSGI_APPLICATION = "shop.wsgi.application"
                        """)
                .file("shop/urls.py", """
                        from django.http import HttpResponse
                        from django.urls import path

                        urlpatterns = [path("", lambda request: HttpResponse("django says hello"))]
                        """)
                .file("shop/wsgi.py", """
                        import os
                        from django.core.wsgi import get_wsgi_application
                        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop.settings")
                        application = get_wsgi_application()
                        """)
                .file("shop/asgi.py", """
                        import os
                        from django.core.asgi import get_asgi_application
                        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop.settings")
                        application = get_asgi_application()
                        """);
        assertThat(dockenv.runOk(p.dir(), "status").stdout()).contains("start       gunicorn --bind "
                + "\"0.0.0.0:${PORT:-8000}\" shop.wsgi (Django: shop/settings.py WSGI_APPLICATION; gunicorn in "
                + "requirements.txt)");
        String wsgi = serve(p, "django-wsgi");
        assertThat(Docker.runOk("logs", wsgi).stderr()).contains("Listening at: http://0.0.0.0:8000");

        p.file("requirements.txt", "django\nuvicorn\n")
                .file("shop/settings.py", p.read("shop/settings.py") + "ASGI_APPLICATION = \"shop.asgi.application\"\n");
        assertThat(dockenv.runOk(p.dir(), "status").stdout()).contains("start       uvicorn --host 0.0.0.0 --port "
                + "\"${PORT:-8000}\" shop.asgi:application (Django: shop/settings.py ASGI_APPLICATION; uvicorn in "
                + "requirements.txt)");
        String asgi = serve(p, "django-asgi");
        assertThat(Docker.runOk("logs", asgi).stderr()).contains("Uvicorn running on http://0.0.0.0:8000");
    }

    /** Builds the prod image, runs it on a free port of 127.0.0.1 and checks Django's answer; the container's name. */
    private String serve(TestProject p, String what) throws Exception {
        ProcessResult build = dockenv.run(p.dir(), "build", "--target", "prod");
        assertThat(build.exitCode()).as(build.describe()).isZero();
        int port = freePort();
        String name = Docker.uniqueName("dockenv-startit-" + what);
        containers.add(name);
        Docker.runOk("run", "-d", "--name", name, "-p", "127.0.0.1:" + port + ":8000", build.stdout().strip());
        assertThat(get(port, name).body()).isEqualTo("django says hello");
        return name;
    }

    private static int freePort() throws Exception {
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return free.getLocalPort();
        }
    }

    private static HttpResponse<String> get(int port, String container) {
        // HTTP/1.1 without the h2c upgrade Java asks for by default, which uvicorn 0.17 (h11) leaves unanswered
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .timeout(Duration.ofSeconds(5)).build();
        @SuppressWarnings("unchecked")
        HttpResponse<String>[] response = new HttpResponse[1];
        boolean answered = Poll.until(Duration.ofSeconds(60), () -> {
            try {
                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                response[0] = r;
                return r.statusCode() == 200;
            } catch (java.io.IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
        assertThat(answered).as("the app answers on 127.0.0.1:" + port + "; its log:\n"
                + Docker.run("logs", container).stderr()).isTrue();
        return response[0];
    }
}
