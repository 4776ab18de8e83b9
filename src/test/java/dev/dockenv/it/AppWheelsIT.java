package dev.dockenv.it;

import static dev.dockenv.it.support.ResultAssertions.assertPrints;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.it.support.Docker;
import dev.dockenv.it.support.DockenvCli;
import dev.dockenv.it.support.ItWorkspace;
import dev.dockenv.it.support.LocalPackageIndex;
import dev.dockenv.it.support.ProcessResult;
import dev.dockenv.it.support.TestProject;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Real applications' packages install into dockenv environments from the tests' index
 * ({@link LocalPackageIndex#APP_WHEELS}: wheels made from Debian bookworm's packages by
 * scripts/ensure-app-wheels.sh), each family in a project of its own built on the real engine:
 * Django with psycopg2 (its compiled module loading Debian's libpq5 from {@code apt}), Flask with
 * redis-py, and jupyter-server answering {@code /api/status} with its token. pip finds each
 * package's dependencies through their requirements, from that index only. Fails when the wheels
 * are missing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AppWheelsIT {
    private ItWorkspace ws;
    private LocalPackageIndex index;
    private DockenvCli dockenv;

    @BeforeAll
    void serveIndex() {
        Docker.requireEngine();
        ws = ItWorkspace.open("dockenv-appwheelsit", LocalPackageIndex.APP_WHEELS);
        index = ws.index();
        dockenv = ws.dockenv();
    }

    @AfterAll
    void cleanUp() {
        ItWorkspace.closeIfOpened(ws);
    }

    /** A project installing {@code requirements} from the index, with these Debian packages. */
    private TestProject project(String name, String requirements, String... apt) {
        String aptList = String.join(", ", Arrays.stream(apt).map(a -> "\"" + a + "\"").toList());
        return ws.project(name)
                .file("requirements.txt", requirements)
                .file("pyproject.toml", """
                        [tool.dockenv]
                        index-url = "%s"
                        apt = [%s]
                        """.formatted(index.url(), aptList));
    }

    /** The version of the served wheel of a project (as its file name has it). */
    private String version(String project) {
        return wheel(project).split("-")[1];
    }

    private String wheel(String project) {
        return index.wheels().stream().filter(w -> w.project().equals(project)).map(LocalPackageIndex.Wheel::fileName)
                .findFirst().orElseThrow(() -> new AssertionError("the index serves no " + project + " wheel"));
    }

    private void assertDownloaded(List<String> projects) {
        assertThat(index.downloadedFiles()).containsAll(projects.stream().map(this::wheel).toList());
    }

    @Test
    void djangoWithPsycopg2() {
        TestProject p = project("django", "django\npsycopg2\n", "libpq5");
        ProcessResult r = dockenv.run(p.dir(), "run", "--", "sh", "-c", "django-admin --version && python -c '"
                + "import django, psycopg2, psycopg2.extensions as e, sqlparse;"
                + " print(django.get_version(), psycopg2.__version__.split()[0], e.libpq_version() > 0,"
                + " sqlparse.format(\"select 1 from t\", keyword_case=\"upper\"))'");
        assertPrints(r, version("django") + "\n" + version("django") + " " + version("psycopg2") + " True SELECT 1 FROM t\n");
        assertDownloaded(List.of("django", "asgiref", "sqlparse", "pytz", "psycopg2"));
    }

    @Test
    void flaskWithRedis() {
        TestProject p = project("flask", "flask\nredis\n");
        ProcessResult r = dockenv.run(p.dir(), "run", "--", "python", "-c", """
                import flask, redis, importlib.metadata as m
                from markupsafe import _speedups  # the compiled module
                app = flask.Flask("visits")
                @app.route("/")
                def index():
                    return "visits: %d" % 1
                body = app.test_client().get("/").get_data(as_text=True)
                client = redis.Redis(host="redis", port=6379)
                print(body, m.version("flask"), m.version("werkzeug"), redis.__version__, client.connection_pool.connection_kwargs["host"])
                """);
        assertPrints(r, "visits: 1 " + version("flask") + " " + version("werkzeug") + " " + version("redis") + " redis\n");
        assertDownloaded(List.of("flask", "werkzeug", "jinja2", "markupsafe", "itsdangerous", "click", "redis",
                "async-timeout", "deprecated", "wrapt", "packaging"));
    }

    @Test
    void jupyterServerAnswersItsStatusWithItsToken() {
        TestProject p = project("jupyter", "jupyter-server\n", "libzmq5", "libargon2-1", "libxslt1.1");
        ProcessResult r = dockenv.run(p.dir(), "run", "--", "sh", "-c", """
                jupyter server --version
                export JUPYTER_RUNTIME_DIR=/tmp/jupyter-runtime JUPYTER_DATA_DIR=/tmp/jupyter-data
                jupyter server --allow-root --no-browser --ip 127.0.0.1 --port 8899 --ServerApp.token=s3cret \
                    >/tmp/jupyter.log 2>&1 &
                server=$!
                python -c '
                import json, time, urllib.error, urllib.request
                def status(query):
                    try:
                        with urllib.request.urlopen("http://127.0.0.1:8899/api/status" + query) as r:
                            return r.status, json.load(r)
                    except urllib.error.HTTPError as e:
                        return e.code, None
                for _ in range(300):
                    try:
                        code, body = status("?token=s3cret")
                        break
                    except urllib.error.URLError:
                        time.sleep(0.1)
                print(code, sorted(body), status("")[0], status("?token=wrong")[0])
                ' || cat /tmp/jupyter.log >&2
                kill $server
                """);
        assertPrints(r, version("jupyter-server") + "\n200 ['connections', 'kernels', 'last_activity', 'started'] 403 403\n");
        assertDownloaded(List.of("jupyter-server", "pyzmq", "tornado", "nbconvert", "argon2-cffi", "cffi", "lxml"));
    }
}
