package dev.dockenv.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.it.support.Docker;
import dev.dockenv.it.support.DockenvCli;
import dev.dockenv.it.support.ItWorkspace;
import dev.dockenv.it.support.LocalPackageIndex;
import dev.dockenv.it.support.Poll;
import dev.dockenv.it.support.ProcessResult;
import dev.dockenv.it.support.Stacks;
import dev.dockenv.it.support.TestProject;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Real apps on their services (issue 9's proof): a Django project migrating into PostgreSQL and
 * reading it back through {@code dockenv run}, and a Flask app counting visits in Redis, started
 * with {@code dockenv up -d} and reached over HTTP from the host, then {@code ps}, {@code logs},
 * {@code down} (the count kept) and {@code down --volumes} (the count gone). Packages come from
 * the tests' index ({@link LocalPackageIndex#APP_WHEELS}), the services are the stand-ins.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AppStackIT {
    private ItWorkspace ws;
    private LocalPackageIndex index;
    private DockenvCli dockenv;
    private final List<TestProject> projects = new ArrayList<>();

    @BeforeAll
    void setUp() {
        Docker.requireEngine();
        ws = ItWorkspace.open("dockenv-appstackit", LocalPackageIndex.APP_WHEELS);
        index = ws.index();
        dockenv = ws.dockenv();
    }

    @AfterAll
    void cleanUp() {
        for (TestProject p : projects) {
            dockenv.run(p.dir(), "down", "--volumes");
            Stacks.remove(p.name());
        }
        ItWorkspace.closeIfOpened(ws);
    }

    @Test
    void djangoMigratesIntoPostgresAndReadsItBack() {
        TestProject p = ws.project("django");
        projects.add(p);
        p.file("requirements.txt", "django\npsycopg2\n")
                .file("pyproject.toml", """
                        [tool.dockenv]
                        index-url = "%s"
                        apt = ["libpq5"]

                        [tool.dockenv.services]
                        db = "postgres:16"
                        """.formatted(index.url()))
                .file("manage.py", """
                        import os, sys
                        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop.settings")
                        from django.core.management import execute_from_command_line
                        execute_from_command_line(sys.argv)
                        """)
                .file("shop/__init__.py", "")
                .file("shop/settings.py", """
                        import os
                        from urllib.parse import urlsplit, unquote
                        url = urlsplit(os.environ["DATABASE_URL"])  # dockenv's contract for PostgreSQL
                        SECRET_KEY = "test"
                        INSTALLED_APPS = ["visits"]
                        DEFAULT_AUTO_FIELD = "django.db.models.AutoField"
                        DATABASES = {"default": {
                            "ENGINE": "django.db.backends.postgresql",
                            "NAME": url.path.lstrip("/"), "USER": unquote(url.username),
                            "PASSWORD": unquote(url.password), "HOST": url.hostname, "PORT": url.port,
                        }}
                        """)
                .file("visits/__init__.py", "")
                .file("visits/models.py", """
                        from django.db import models

                        class Visit(models.Model):
                            page = models.CharField(max_length=100)
                        """);

        ProcessResult made = dockenv.run(p.dir(), "run", "--", "python", "manage.py", "makemigrations", "visits");
        assertThat(made.exitCode()).as(made.describe()).isZero();
        assertThat(made.stderr()).contains("dockenv: Starting db", "dockenv: Ready: db");
        assertThat(p.path("visits/migrations/0001_initial.py")).exists();

        ProcessResult migrate = dockenv.run(p.dir(), "run", "--", "python", "manage.py", "migrate");
        assertThat(migrate.exitCode()).as(migrate.describe()).isZero();
        assertThat(migrate.stdout()).contains("Applying visits.0001_initial... OK");

        ProcessResult write = dockenv.run(p.dir(), "run", "--", "python", "manage.py", "shell", "-c",
                "from visits.models import Visit; Visit.objects.create(page='/'); Visit.objects.create(page='/shop')");
        assertThat(write.exitCode()).as(write.describe()).isZero();
        ProcessResult read = dockenv.run(p.dir(), "run", "--", "python", "manage.py", "shell", "-c",
                "from visits.models import Visit; from django.db import connection;"
                        + " print(connection.vendor, sorted(v.page for v in Visit.objects.all()))");
        assertThat(read.exitCode()).as(read.describe()).isZero();
        assertThat(read.stdout()).isEqualTo("postgresql ['/', '/shop']\n");
        // and it is in PostgreSQL itself, read with psql in the service's container
        ProcessResult psql = dockenv.runOk(p.dir(), "exec", "db", "psql", "-U", "app", "-tAc",
                "select count(*) from visits_visit");
        assertThat(psql.stdout()).isEqualTo("2\n");
    }

    @Test
    void aFlaskAppCountsVisitsInRedisThroughUpPsLogsAndDown() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = free.getLocalPort();
        }
        TestProject p = ws.project("flask");
        projects.add(p);
        p.file("requirements.txt", "flask\nredis\n")
                .file("pyproject.toml", """
                        [tool.dockenv]
                        index-url = "%s"
                        command = "flask --app counter run --host 0.0.0.0 --port 5000"
                        ports = ["%d:5000"]

                        [tool.dockenv.services]
                        cache = "redis:7"
                        """.formatted(index.url(), port))
                .file("counter.py", """
                        import os
                        import redis
                        from flask import Flask

                        app = Flask(__name__)
                        store = redis.Redis.from_url(os.environ["REDIS_URL"])

                        @app.get("/")
                        def hit():
                            return str(store.incr("hits"))
                        """);

        ProcessResult up = dockenv.run(p.dir(), "up", "-d");
        assertThat(up.exitCode()).as(up.describe()).isZero();
        assertThat(up.stderr()).contains("dockenv: Ready: cache", "http://127.0.0.1:" + port);
        assertThat(get(port)).isEqualTo("1");
        assertThat(get(port)).isEqualTo("2");
        String project = Stacks.projects(p.name()).get(0);
        assertThat(Stacks.running(project)).containsExactly("app running", "cache running");
        assertThat(Docker.run("ps", "--filter", "label=com.docker.compose.project=" + project, "--filter",
                "label=com.docker.compose.service=app", "--format", "{{.Ports}}").stdout())
                .as("the app is published on 127.0.0.1 only").contains("127.0.0.1:" + port + "->5000/tcp")
                .doesNotContain("0.0.0.0");

        ProcessResult ps = dockenv.runOk(p.dir(), "ps");
        assertThat(ps.stdout()).contains("_app_1", "_cache_1");
        ProcessResult logs = dockenv.runOk(p.dir(), "logs", "app");
        assertThat(logs.stdout()).contains("\"GET / HTTP/1.1\" 200");
        assertThat(Files.getOwner(p.path("counter.py")).getName()).isNotBlank();

        dockenv.runOk(p.dir(), "down");
        assertThat(Stacks.containers(project)).isEmpty();
        assertThat(Stacks.volumes(project)).hasSize(1);
        dockenv.runOk(p.dir(), "up", "-d");
        assertThat(get(port)).as("down keeps the data").isEqualTo("3");

        dockenv.runOk(p.dir(), "down", "--volumes");
        assertThat(Stacks.volumes(project)).isEmpty();
        dockenv.runOk(p.dir(), "up", "-d", "app");
        assertThat(get(port)).as("down --volumes removes it").isEqualTo("1");
        dockenv.runOk(p.dir(), "down", "--volumes");
        assertThat(Stacks.containers(project)).isEmpty();
    }

    @Test
    void eachAppOfARepositoryGetsTheServicesItDependsOnAndUpStartsTheNamedApp() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = free.getLocalPort();
        }
        TestProject p = ws.project("apps");
        projects.add(p);
        p.file("requirements_web.txt", "flask\nredis\n")
                .file("pyproject.toml", """
                        [tool.dockenv]
                        index-url = "%s"

                        [tool.dockenv.services]
                        cache = "redis:7"

                        [tool.dockenv.apps.web]
                        path = "web"
                        requirements = ["web"]
                        command = "flask --app web.counter run --host 0.0.0.0 --port 5000"
                        ports = ["%d:5000"]
                        depends-on = ["cache"]

                        [tool.dockenv.apps.worker]
                        depends-on = []
                        command = "python -m worker"
                        """.formatted(index.url(), port))
                .file("web/__init__.py", "")
                .file("web/counter.py", """
                        import os
                        import redis
                        from flask import Flask

                        app = Flask(__name__)
                        store = redis.Redis.from_url(os.environ["REDIS_URL"])

                        @app.get("/")
                        def hit():
                            return str(store.incr("hits"))
                        """)
                .file("worker/__init__.py", "")
                .file("worker/__main__.py", "import os\nprint('worker', os.environ.get('REDIS_URL', 'no redis'))\n");

        // the worker depends on no service: its run starts none and it gets no variable of one
        ProcessResult worker = dockenv.runOk(p.dir(), "run", "--app", "worker", "--", "python", "-m", "worker");
        assertThat(worker.stdout()).isEqualTo("worker no redis\n");
        assertThat(Stacks.projects(p.name())).as("no service started for the worker").isEmpty();

        ProcessResult web = dockenv.runOk(p.path("web"), "run", "--", "python", "-c",
                "import os, flask; print(os.environ['REDIS_URL'])");
        assertThat(web.stdout()).as("inside web/ the web app, with its service").isEqualTo("redis://cache:6379/0\n");
        String project = Stacks.projects(p.name()).get(0);
        assertThat(Stacks.running(project)).containsExactly("cache running");

        try (ServerSocket taken = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            ProcessResult refused = dockenv.run(p.dir(), "up", "-d", "web");
            assertThat(refused.exitCode()).as(refused.describe()).isEqualTo(10);
            assertThat(refused.stderr()).contains("web cannot publish port " + port + " on 127.0.0.1",
                    "[tool.dockenv.apps.web]", "pyproject.toml:");
            assertThat(Stacks.running(project)).as("nothing more started").containsExactly("cache running");
        }
        ProcessResult up = dockenv.run(p.dir(), "up", "-d", "web");
        assertThat(up.exitCode()).as(up.describe()).isZero();
        assertThat(up.stderr()).contains("web on http://127.0.0.1:" + port);
        assertThat(get(port)).isEqualTo("1");
        assertThat(Stacks.running(project)).containsExactly("cache running", "web running");
        ProcessResult logs = dockenv.runOk(p.dir(), "logs", "web");
        assertThat(logs.stdout()).contains("\"GET / HTTP/1.1\" 200");
        assertThat(dockenv.runOk(p.dir(), "status", "--app", "web").stdout())
                .contains("web (web/): adds requirements_web.txt", "the app depends on cache and gets REDIS_URL");

        dockenv.runOk(p.dir(), "down", "--volumes");
        assertThat(Stacks.containers(project)).isEmpty();
    }

    /** GET http://127.0.0.1:PORT/, retried while the app starts. */
    private static String get(int port) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .timeout(Duration.ofSeconds(5)).build();
        String[] body = new String[1];
        boolean answered = Poll.until(Duration.ofSeconds(60), () -> {
            try {
                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                body[0] = r.body().strip();
                return r.statusCode() == 200;
            } catch (java.io.IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
        assertThat(answered).as("the app answers on 127.0.0.1:" + port).isTrue();
        return body[0];
    }
}
