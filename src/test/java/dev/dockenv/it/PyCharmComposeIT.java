package dev.dockenv.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dockenv.it.support.Docker;
import dev.dockenv.it.support.DockenvCli;
import dev.dockenv.it.support.Exec;
import dev.dockenv.it.support.ItWorkspace;
import dev.dockenv.it.support.LocalPackageIndex;
import dev.dockenv.it.support.ProcessResult;
import dev.dockenv.it.support.Stacks;
import dev.dockenv.it.support.TestProject;
import dev.dockenv.it.support.TestUser;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code dockenv ide pycharm}, tested by what PyCharm's Docker Compose interpreter runs (PyCharm
 * itself cannot run here): from the project's root, as the non-root test user, docker-compose 1.29
 * on compose.pycharm.yaml: {@code config}, and {@code run --rm app python ...} for its
 * introspection (the interpreter, the packages) and a script reaching the PostgreSQL service, as the
 * user whose ids .env holds; no container of the app left behind after the runs, nothing after
 * {@code down}. A changed setting makes the file out of date in {@code dockenv status} until
 * {@code dockenv ide pycharm} refreshes it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PyCharmComposeIT {
    private ItWorkspace ws;
    private LocalPackageIndex index;
    private DockenvCli dockenv;
    private final List<String> composeProjects = new ArrayList<>();

    @BeforeAll
    void setUp() {
        assumeTrue("root".equals(System.getProperty("user.name")), "only root can switch to the test user");
        TestUser.require();
        Docker.requireEngine();
        assertThat(Docker.imageExists("postgres:16")).as("postgres:16 (scripts/ensure-service-images.sh)").isTrue();
        ws = ItWorkspace.openAsTestUser("dockenv-pycharmit", "greeting-1.0.0");
        index = ws.index();
        dockenv = ws.dockenv();
    }

    @AfterAll
    void cleanUp() {
        composeProjects.forEach(Stacks::removeComposeProject);
        ItWorkspace.closeIfOpened(ws);
    }

    private ProcessResult compose(TestProject p, String... args) {
        List<String> cmd = new ArrayList<>(List.of("docker-compose", "-f", "compose.pycharm.yaml"));
        cmd.addAll(List.of(args));
        return TestUser.exec(cmd).dir(p.dir()).timeout(java.time.Duration.ofMinutes(3)).run();
    }

    /** The compose project docker-compose 1.29 names after the project's folder. */
    private static String composeProject(TestProject p) {
        return p.dir().getFileName().toString().toLowerCase(java.util.Locale.ROOT).replaceAll("[^-_a-z0-9]", "");
    }

    @Test
    void composeRunsTheDevEnvironmentAsTheUserBesideTheDatabaseAndLeavesNothing() throws Exception {
        TestProject p = ws.project("pycharm").file("pyproject.toml", """
                [project]
                name = "%s"
                version = "0.1"
                dependencies = ["greeting"]

                [tool.dockenv]
                index-url = "%s"

                [tool.dockenv.services]
                db = "postgres:16"
                """.formatted("pycharmapp", index.url())).chownToTestUser();
        String project = composeProject(p);
        composeProjects.add(project);

        ProcessResult wrote = dockenv.run(p.dir(), "ide", "pycharm");

        assertThat(wrote.exitCode()).as(wrote.describe()).isZero();
        assertThat(wrote.stdout()).startsWith("wrote compose.pycharm.yaml\n")
                .contains(":dev is the dev environment of", "wrote .env (your user's ids and the services' passwords",
                        "On Docker Compose", "Configuration file(s): ./compose.pycharm.yaml", "Service: app",
                        "Python interpreter path: /opt/venv/bin/python");
        assertThat(p.read(".env")).contains("DOCKENV_UID=" + TestUser.uid() + "\n", "DOCKENV_GID=" + TestUser.gid() + "\n",
                "DOCKENV_SECRET_DB=");
        assertThat(compose(p, "config", "-q").exitCode()).isZero();

        // PyCharm's introspection: the interpreter on PATH, its paths and packages
        ProcessResult introspect = compose(p, "run", "--rm", "app", "python", "-c",
                "import os, sys, importlib.metadata as m; print(sys.executable, os.getuid(), os.getcwd(), "
                        + "m.version('greeting'), any(p.endswith('site-packages') for p in sys.path))");
        assertThat(introspect.exitCode()).as(introspect.describe()).isZero();
        assertThat(introspect.stdout().strip()).isEqualTo("/opt/venv/bin/python " + TestUser.uid() + " /app 1.0.0 True");

        // a run configuration: a script of the project, the database reached by its variables
        p.file("check_db.py", """
                import os, socket, time
                for _ in range(120):
                    try:
                        socket.create_connection((os.environ["PGHOST"], int(os.environ["PGPORT"])), timeout=1).close()
                        break
                    except OSError:
                        time.sleep(0.5)
                open("made-by-run.txt", "w").write("x")
                print("db reached at", os.environ["DATABASE_URL"].split("@")[1])
                """).chownToTestUser();
        ProcessResult script = compose(p, "run", "--rm", "app", "python", "check_db.py");
        assertThat(script.exitCode()).as(script.describe()).isZero();
        assertThat(script.stdout()).contains("db reached at db:5432/app");
        assertThat(Files.getAttribute(p.path("made-by-run.txt"), "unix:uid")).isEqualTo(TestUser.uid());

        assertThat(Stacks.containers(project)).as("run --rm leaves no container of the app; the database runs on")
                .containsExactly("db running");
        ProcessResult down = compose(p, "down", "-v", "--remove-orphans");
        assertThat(down.exitCode()).as(down.describe()).isZero();
        assertThat(Stacks.containers(project)).isEmpty();
        assertThat(Stacks.volumes(project)).isEmpty();
    }

    @Test
    void aChangedSettingMakesTheFileOutOfDateUntilTheCommandRefreshesIt() {
        TestProject p = ws.project("pycharmstale").file("pyproject.toml", """
                [project]
                name = "stale"
                version = "0.1"
                dependencies = ["greeting"]

                [tool.dockenv]
                index-url = "%s"
                """.formatted(index.url())).chownToTestUser();
        assertThat(dockenv.run(p.dir(), "ide", "pycharm").exitCode()).isZero();
        assertThat(DockenvCli.statusRow(dockenv.runOk(p.dir(), "status"), "kept files"))
                .isEqualTo("compose.pycharm.yaml: up to date");

        p.file("pyproject.toml", p.read("pyproject.toml") + "ports = [\"8000\"]\n");
        assertThat(DockenvCli.statusRow(dockenv.runOk(p.dir(), "status"), "kept files"))
                .isEqualTo("compose.pycharm.yaml: out of date (dockenv ide pycharm refreshes it)");
        ProcessResult refreshed = dockenv.run(p.dir(), "ide", "pycharm");
        assertThat(refreshed.exitCode()).as(refreshed.describe()).isZero();
        assertThat(refreshed.stdout()).startsWith("refreshed compose.pycharm.yaml\n");
        assertThat(p.read("compose.pycharm.yaml")).contains("127.0.0.1:8000:8000");

        p.file("compose.pycharm.yaml", p.read("compose.pycharm.yaml").replace("init: true", "init: false"));
        assertThat(DockenvCli.statusRow(dockenv.runOk(p.dir(), "status"), "kept files"))
                .isEqualTo("compose.pycharm.yaml: edited since dockenv wrote it, kept as it is");
        ProcessResult forced = dockenv.run(p.dir(), "ide", "pycharm", "--force");
        assertThat(forced.stdout()).startsWith("overwrote compose.pycharm.yaml\n");
        assertThat(p.read("compose.pycharm.yaml")).contains("init: true");
    }
}
