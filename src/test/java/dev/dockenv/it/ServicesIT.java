package dev.dockenv.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.it.support.Docker;
import dev.dockenv.it.support.DockenvCli;
import dev.dockenv.it.support.ItWorkspace;
import dev.dockenv.it.support.ProcessResult;
import dev.dockenv.it.support.Stacks;
import dev.dockenv.it.support.TestProject;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Services beside the app on the real engine, driven by docker-compose 1.29 (issue 9): PostgreSQL
 * and Redis (the stand-ins scripts/ensure-service-images.sh builds) started by {@code dockenv run},
 * waited for until healthy, reached by name with the preset variables; their data kept by
 * {@code down} and removed by {@code down --volumes}; a service that never gets healthy, an image
 * that cannot be pulled and a taken port as clear errors, with nothing left running.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServicesIT {
    private ItWorkspace ws;
    private DockenvCli dockenv;
    private final List<TestProject> projects = new ArrayList<>();

    @BeforeAll
    void setUp() {
        Docker.requireEngine();
        assertThat(Docker.imageExists("postgres:16")).as("postgres:16 (scripts/ensure-service-images.sh)").isTrue();
        assertThat(Docker.imageExists("redis:7")).as("redis:7 (scripts/ensure-service-images.sh)").isTrue();
        ws = ItWorkspace.open("dockenv-servicesit");
        dockenv = ws.dockenv();
    }

    @AfterAll
    void cleanUp() {
        for (TestProject p : projects) {
            Stacks.remove(p.name());
        }
        ItWorkspace.closeIfOpened(ws);
    }

    private TestProject project(String prefix, String settings) {
        TestProject p = ws.project(prefix);
        projects.add(p);
        return p.file("pyproject.toml", """
                [project]
                name = "%s"
                version = "0.1"

                %s
                """.formatted(p.name(), settings));
    }

    private static String stack(TestProject p) {
        List<String> found = Stacks.projects(p.name());
        assertThat(found).as("the compose project of " + p.name()).hasSize(1);
        return found.get(0);
    }

    @Test
    void runStartsPostgresAndRedisWaitsForThemAndTheAppReachesThemByTheirVariables() throws Exception {
        TestProject p = project("pgredis", """
                [tool.dockenv]
                apt = ["postgresql-client", "redis-tools"]

                [tool.dockenv.services]
                db = "postgres:16"
                cache = "redis:7"
                """);
        ProcessResult first = dockenv.run(p.dir(), "run", "--", "sh", "-c",
                "psql -tAc 'select current_user, current_database()' && redis-cli -u \"$REDIS_URL\" ping"
                        + " && echo \"$DATABASE_URL\" && echo \"$PGHOST:$PGPORT\"");
        assertThat(first.exitCode()).as(first.describe()).isZero();
        String password = Files.readAllLines(p.path(".dockenv/stack/secrets.env")).stream()
                .filter(l -> l.startsWith("DOCKENV_SECRET_DB=")).findFirst().orElseThrow().substring(18);
        assertThat(password).matches("[A-Za-z0-9]{24}");
        assertThat(first.stdout()).isEqualTo("app|app\nPONG\npostgresql://app:" + password + "@db:5432/app\ndb:5432\n");
        assertThat(first.stderr()).contains("dockenv: Starting db, cache", "dockenv: Ready: db, cache");
        assertThat(Files.getPosixFilePermissions(p.path(".dockenv/stack/secrets.env")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(p.read(".dockenv/stack/compose.yaml")).as("the password never reaches the compose file")
                .doesNotContain(password).contains("${DOCKENV_SECRET_DB}");
        assertThat(first.stderr()).as("nor dockenv's output").doesNotContain(password);
        try (var files = Files.walk(dockenv.cacheDir())) {
            for (var f : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1))
                        .as("dockenv's cache file " + f).doesNotContain(password);
            }
        }
        assertThat(Docker.run("image", "inspect", p.repository() + ":dev").stdout())
                .as("nor the image (labels, history, ENV)").doesNotContain(password);
        String project = stack(p);
        assertThat(Stacks.running(project)).containsExactly("cache running", "db running");

        // warm: the services are up, nothing is started again, the run is a warm hit
        ProcessResult warm = dockenv.withEnv("DOCKENV_TIMING", "1").run(p.dir(), "run", "--", "psql", "-tAc",
                "create table visits (n int); insert into visits values (7)");
        assertThat(warm.exitCode()).as(warm.describe()).isZero();
        assertThat(warm.stderr()).contains("timing: warm hit").doesNotContain("Starting");

        // a changed setting reaches the running service (compose recreates it), the database keeps running
        p.file("pyproject.toml", p.read("pyproject.toml").replace("cache = \"redis:7\"",
                "cache = { image = \"redis:7\", env = { MARKER = \"2\" } }"));
        ProcessResult changed = dockenv.run(p.dir(), "run", "--", "true");
        assertThat(changed.exitCode()).as(changed.describe()).isZero();
        assertThat(changed.stderr()).contains("dockenv: Updating db, cache");
        assertThat(Docker.run("ps", "--filter", "label=com.docker.compose.project=" + project, "--filter",
                "label=com.docker.compose.service=cache", "--format", "{{.ID}}").stdout().strip())
                .satisfies(id -> assertThat(Docker.run("inspect", "--format", "{{.Config.Env}}", id).stdout())
                        .contains("MARKER=2"));

        // down keeps the data; the next run starts the services again and finds it
        dockenv.runOk(p.dir(), "down");
        assertThat(Stacks.containers(project)).isEmpty();
        assertThat(Stacks.volumes(project)).hasSize(2);
        ProcessResult again = dockenv.run(p.dir(), "run", "--", "psql", "-tAc", "select n from visits");
        assertThat(again.exitCode()).as(again.describe()).isZero();
        assertThat(again.stdout()).isEqualTo("7\n");
        assertThat(again.stderr()).contains("dockenv: Starting db, cache");

        ProcessResult status = dockenv.runOk(p.dir(), "status");
        assertThat(status.stdout()).contains("services    db: postgres:16 (preset: postgres), up ", "(healthy)",
                "cache: redis:7 (preset: redis), up ");

        // ps, logs and exec see the stack
        ProcessResult ps = dockenv.runOk(p.dir(), "ps");
        assertThat(ps.stdout()).contains("_db_1", "_cache_1", "Up");
        ProcessResult logs = dockenv.runOk(p.dir(), "logs", "--tail", "50", "db");
        assertThat(logs.stdout()).contains("database system is ready to accept connections");
        ProcessResult exec = dockenv.runOk(p.dir(), "exec", "cache", "redis-cli", "ping");
        assertThat(exec.stdout()).contains("PONG");

        // down --volumes: data and passwords gone
        dockenv.runOk(p.dir(), "down", "--volumes");
        assertThat(Stacks.containers(project)).isEmpty();
        assertThat(Stacks.volumes(project)).isEmpty();
        assertThat(p.path(".dockenv/stack/secrets.env")).doesNotExist();
        ProcessResult fresh = dockenv.run(p.dir(), "run", "--", "psql", "-tAc", "select count(*) from pg_tables "
                + "where tablename = 'visits'");
        assertThat(fresh.exitCode()).as(fresh.describe()).isZero();
        assertThat(fresh.stdout()).isEqualTo("0\n");
        dockenv.runOk(p.dir(), "down", "--volumes");
    }

    @Test
    void theComposeFileInitWritesRunsTheAppOnItsServicesWithPlainDockerCompose() throws Exception {
        TestProject p = project("init", """
                [tool.dockenv]
                apt = ["postgresql-client"]
                command = ["psql", "-tAc", "select current_user"]

                [tool.dockenv.services]
                db = { image = "postgres:16", env = { POSTGRES_DB = "shop" } }
                """);
        ProcessResult init = dockenv.runOk(p.dir(), "init");
        assertThat(init.stdout()).contains("wrote compose.yaml", "wrote .env");
        assertThat(p.read(".env")).matches("(?s)# the passwords.*\nDOCKENV_SECRET_DB=[A-Za-z0-9]{24}\n");
        assertThat(Files.getPosixFilePermissions(p.path(".env"))).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(p.read("compose.yaml")).contains("${DOCKENV_SECRET_DB:?", "condition: \"service_healthy\"")
                .doesNotContain(p.read(".env").lines().filter(l -> l.startsWith("DOCKENV")).findFirst().orElseThrow()
                        .substring("DOCKENV_SECRET_DB=".length()));
        dockenv.runOk(p.dir(), "build"); // tags the dev image compose.yaml names
        String composeProject = p.name().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_-]", "");
        try {
            ProcessResult run = dev.dockenv.it.support.Exec.of("docker-compose", "run", "--rm", "-T", "app",
                            "sh", "-c", "psql -tAc 'select current_user, current_database()' && echo \"$DATABASE_URL\"")
                    .dir(p.dir()).env(java.util.Map.of("DOCKENV_UID", "0", "DOCKENV_GID", "0"))
                    .timeout(java.time.Duration.ofMinutes(3)).run();
            assertThat(run.exitCode()).as(run.describe()).isZero();
            assertThat(run.stdout()).startsWith("app|shop\npostgresql://app:").contains("@db:5432/shop");
        } finally {
            dev.dockenv.it.support.Exec.of("docker-compose", "down", "--volumes").dir(p.dir())
                    .timeout(java.time.Duration.ofMinutes(2)).run();
            Stacks.removeComposeProject(composeProject);
        }
    }

    @Test
    void aServiceThatNeverGetsHealthyIsAnErrorWithItsLogAndNothingIsLeftRunning() {
        TestProject p = project("unhealthy", """
                [tool.dockenv.services]
                cache = "redis:7"
                broken = { image = "redis:7", healthcheck = { test = "echo checking; exit 1", interval = "300ms", retries = 3 } }
                """);
        ProcessResult r = dockenv.run(p.dir(), "run", "--", "true");
        assertThat(r.exitCode()).as(r.describe()).isEqualTo(10);
        assertThat(r.stderr()).contains("pyproject.toml:7:1: service 'broken' (redis:7) is unhealthy: its health "
                + "check fails (it said: checking)",
                "Ready to accept connections", "its health check is: echo checking; exit 1");
        assertThat(Stacks.running(stack(p))).as("nothing left running").isEmpty();
    }

    @Test
    void stoppingDockenvWhileItWaitsForAServiceStopsTheServiceToo() {
        TestProject p = project("stopped", """
                [tool.dockenv.services]
                slow = { image = "redis:7", healthcheck = { test = "exit 1", interval = "1s", retries = 100 } }
                """);
        dockenv.runOk(p.dir(), "build");
        try (DockenvCli.Background run = dockenv.start(p.dir(), "run", "--", "true")) {
            assertThat(dev.dockenv.it.support.Poll.until(java.time.Duration.ofSeconds(60),
                    () -> !Stacks.projects(p.name()).isEmpty() && !Stacks.running(Stacks.projects(p.name()).get(0)).isEmpty()))
                    .as(run.describe()).isTrue();
            assertThat(run.terminate(java.time.Duration.ofSeconds(60))).as(run.describe()).isNotZero();
            assertThat(run.stderr()).contains("dockenv: Starting slow");
        }
        assertThat(Stacks.running(stack(p))).as("the service dockenv was waiting for is stopped").isEmpty();
    }

    @Test
    void anImageThatCannotBePulledIsAnErrorAtItsLine() {
        TestProject p = project("nopull", """
                [tool.dockenv.services]
                search = { image = "example/search:1.2", env = { MODE = "dev" } }
                """);
        ProcessResult r = dockenv.run(p.dir(), "run", "--", "true");
        assertThat(r.exitCode()).as(r.describe()).isEqualTo(10);
        assertThat(r.stderr()).contains("pyproject.toml:6:1: service 'search' (example/search:1.2) cannot start: "
                + "its image cannot be pulled");
        assertThat(Stacks.projects(p.name()).stream().flatMap(s -> Stacks.running(s).stream())).isEmpty();
    }

    @Test
    void aTakenPortIsAnErrorNamingThePortAndNothingIsLeftRunning() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            TestProject p = project("port", """
                    [tool.dockenv.services]
                    cache = { image = "redis:7", ports = ["%d:6379"] }
                    """.formatted(port));
            ProcessResult r = dockenv.run(p.dir(), "run", "--", "true");
            assertThat(r.exitCode()).as(r.describe()).isEqualTo(10);
            assertThat(r.stderr()).contains("service 'cache' (redis:7) cannot publish port " + port
                    + " on this machine: another program listens there");
            assertThat(Stacks.projects(p.name()).stream().flatMap(s -> Stacks.running(s).stream())).isEmpty();
        }
    }

    @Test
    void anUnknownServiceInDependsOnIsRefusedBeforeAnythingStarts() {
        TestProject p = project("unknown", """
                [tool.dockenv]
                depends-on = ["db", "cahce"]
                [tool.dockenv.services]
                db = "postgres:16"
                cache = "redis:7"
                """);
        ProcessResult r = dockenv.run(p.dir(), "run", "--", "true");
        assertThat(r.exitCode()).as(r.describe()).isEqualTo(4);
        assertThat(r.stderr()).contains("pyproject.toml:6:21: tool.dockenv.depends-on: unknown service 'cahce'",
                "did you mean 'cache'?");
        assertThat(Stacks.projects(p.name())).isEmpty();
        ProcessResult logs = dockenv.run(p.dir(), "logs", "cahce");
        assertThat(logs.exitCode()).isEqualTo(4);
    }
}
