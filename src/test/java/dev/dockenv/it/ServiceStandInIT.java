package dev.dockenv.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.it.support.Docker;
import dev.dockenv.it.support.Poll;
import dev.dockenv.it.support.ProcessResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service images {@code postgres:16} and {@code redis:7} keep the contract dockenv's services
 * rely on (issue 9), whether pulled or the stand-ins scripts/ensure-service-images.sh builds from
 * scripts/standins/: PostgreSQL made with POSTGRES_USER, POSTGRES_PASSWORD and POSTGRES_DB,
 * reachable by name from another container on a user-defined network with that password only,
 * healthy by {@code pg_isready} once it really listens, its data kept by a named volume across a
 * new container; Redis answering PING over the network; both stopping cleanly on {@code docker stop}.
 */
class ServiceStandInIT {
    private static final String POSTGRES = "postgres:16";
    private static final String REDIS = "redis:7";
    private static final Duration UP = Duration.ofSeconds(60);

    private final List<String> containers = new ArrayList<>();
    private final List<String> volumes = new ArrayList<>();
    private String network;
    private String client;

    @BeforeEach
    void setUp() {
        Docker.requireEngine();
        for (String image : List.of(POSTGRES, REDIS)) {
            assertThat(Docker.imageExists(image))
                    .as(image + " is missing: scripts/test.sh makes it (scripts/ensure-service-images.sh)")
                    .isTrue();
        }
        network = Docker.uniqueName("dockenv-it-svc");
        Docker.runOk("network", "create", network);
    }

    @AfterEach
    void cleanUp() {
        for (String c : containers) {
            Docker.run("rm", "-f", "-v", c);
        }
        for (String v : volumes) {
            Docker.run("volume", "rm", "-f", v);
        }
        if (network != null) {
            Docker.run("network", "rm", network);
        }
    }

    @Test
    void postgresTakesItsUserPasswordAndDatabaseAndKeepsItsDataInTheVolume() {
        String db = container("db");
        String volume = volume("pgdata");
        String password = "pw-" + UUID.randomUUID();
        List<String> env = List.of("-e", "POSTGRES_USER=app", "-e", "POSTGRES_PASSWORD=" + password,
                "-e", "POSTGRES_DB=appdb");
        startPostgres(db, volume, env);
        awaitHealthy(db, "app", "appdb");

        ProcessResult created = psql(db, "app", password, "appdb",
                "create table visits(n int); insert into visits values (7);"
                        + " select current_user || ' ' || current_database()");
        assertThat(created.exitCode()).as(created.describe()).isZero();
        assertThat(created.stdout()).contains("app appdb");

        ProcessResult wrong = psql(db, "app", "not-" + password, "appdb", "select 1");
        assertThat(wrong.exitCode()).as(wrong.describe()).isEqualTo(2);
        assertThat(wrong.stderr()).contains("password authentication failed for user \"app\"");
        ProcessResult none = Docker.run("exec", client(), "psql", "-w", "-h", db, "-U", "app", "-d", "appdb",
                "-c", "select 1");
        assertThat(none.exitCode()).as("no password over the network: " + none.describe()).isEqualTo(2);

        stopCleanly(db);
        Docker.runOk("rm", db);
        startPostgres(db, volume, env);
        awaitHealthy(db, "app", "appdb");
        ProcessResult kept = psql(db, "app", password, "appdb", "select 'n=' || n from visits");
        assertThat(kept.exitCode()).as(kept.describe()).isZero();
        assertThat(kept.stdout()).contains("n=7");
        assertThat(Docker.run("logs", db).output()).contains("Skipping initialization");
    }

    @Test
    void pgIsReadyOverTcpAnswersOnlyOnceTheFirstStartHasRunItsInitScripts(@TempDir Path tmp) throws IOException {
        String db = container("db");
        Path init = Files.createDirectories(tmp.resolve("initdb.d"));
        Files.writeString(init.resolve("01-schema.sql"), "create table seeded(v text);"
                + " insert into seeded values (current_user || '@' || current_database());\n");
        Path slow = Files.writeString(init.resolve("02-slow.sh"),
                "#!/bin/bash\necho \"slow init script as $(id -un)\"\nsleep 3\n");
        Files.setPosixFilePermissions(slow, PosixFilePermissions.fromString("rwxr-xr-x"));
        String password = "pw-" + UUID.randomUUID();
        Docker.runOk("create", "--name", db, "--network", network,
                "-e", "POSTGRES_USER=app", "-e", "POSTGRES_PASSWORD=" + password, POSTGRES);
        Docker.runOk("cp", init + "/.", db + ":/docker-entrypoint-initdb.d/");
        Docker.runOk("start", db);

        assertThat(Poll.until(UP, () -> Docker.run("logs", db).output().contains("slow init script as postgres")))
                .as("the init script runs, as postgres\n" + Docker.run("logs", db).output()).isTrue();
        ProcessResult during = pgIsReady(db, "app", "app");
        assertThat(during.ok()).as("pg_isready over TCP while the init scripts run: " + during.describe()).isFalse();

        awaitHealthy(db, "app", "app");
        ProcessResult seeded = psql(db, "app", password, "app", "select v from seeded");
        assertThat(seeded.exitCode()).as(seeded.describe()).isZero();
        assertThat(seeded.stdout().strip()).isEqualTo("app@app");
    }

    @Test
    void postgresWithoutAPasswordStopsWithTheOfficialImagesError() {
        String db = container("nopass");
        ProcessResult r = Docker.run("run", "--name", db, POSTGRES);
        assertThat(r.exitCode()).as(r.describe()).isEqualTo(1);
        assertThat(r.stderr()).contains("Database is uninitialized and superuser password is not specified")
                .contains("POSTGRES_HOST_AUTH_METHOD=trust");
    }

    @Test
    void redisAnswersPingFromAnotherContainerOnTheNetwork() {
        String cache = container("cache");
        Docker.runOk("run", "-d", "--name", cache, "--network", network, REDIS);
        assertThat(Poll.until(UP, () -> Docker.run("exec", cache, "redis-cli", "ping").stdout().strip().equals("PONG")))
                .as("redis-cli ping inside " + cache).isTrue();

        ProcessResult remote = Docker.run("run", "--rm", "--network", network, "--entrypoint", "sh", REDIS, "-c",
                "redis-cli -h \"$1\" ping && redis-cli -h \"$1\" set visits 3", "sh", cache);
        assertThat(remote.exitCode()).as(remote.describe()).isZero();
        assertThat(remote.stdout().strip().split("\\s+")).as(remote.describe()).containsExactly("PONG", "OK");
        assertThat(Docker.run("exec", cache, "redis-cli", "get", "visits").stdout().strip()).isEqualTo("3");

        stopCleanly(cache);
    }

    // ---- helpers -------------------------------------------------------------------------------

    private String container(String role) {
        String name = Docker.uniqueName("dockenv-it-svc-" + role);
        containers.add(name);
        return name;
    }

    private String volume(String role) {
        String name = Docker.uniqueName("dockenv-it-svc-" + role);
        volumes.add(name);
        return name;
    }

    /** Another container on the network, as the app will be, with psql (from the same image). */
    private String client() {
        if (client == null) {
            client = container("client");
            Docker.runOk("run", "-d", "--name", client, "--network", network, "--entrypoint", "sleep", POSTGRES, "300");
        }
        return client;
    }

    private void startPostgres(String name, String volume, List<String> env) {
        List<String> args = new ArrayList<>(List.of("run", "-d", "--name", name, "--network", network,
                "-v", volume + ":/var/lib/postgresql/data"));
        args.addAll(env);
        args.add(POSTGRES);
        Docker.runOk(args);
    }

    /**
     * The health check for dockenv to use: pg_isready over TCP inside the container. Over the Unix
     * socket it would answer "accepting connections" too early: the first start runs its init
     * scripts on a temporary server that listens on the socket only (so does the official image).
     */
    private static ProcessResult pgIsReady(String container, String user, String database) {
        return Docker.run("exec", container, "pg_isready", "-h", "127.0.0.1", "-U", user, "-d", database);
    }

    private static void awaitHealthy(String container, String user, String database) {
        assertThat(Poll.until(UP, () -> pgIsReady(container, user, database).ok()))
                .as("pg_isready in " + container + "\n" + Docker.run("logs", container).output())
                .isTrue();
    }

    /** psql in the client container, reaching the server by its container name. */
    private ProcessResult psql(String server, String user, String password, String database, String sql) {
        return Docker.run("exec", "-e", "PGPASSWORD=" + password, client(),
                "psql", "-w", "-v", "ON_ERROR_STOP=1", "-At", "-h", server, "-U", user, "-d", database, "-c", sql);
    }

    /** docker stop reaches the server as PID 1, which ends by itself with 0 (not killed, 137). */
    private static void stopCleanly(String container) {
        Docker.runOk("stop", "-t", "20", container);
        String exit = Docker.runOk("inspect", "--format", "{{.State.ExitCode}}", container).stdout().strip();
        assertThat(exit).as("exit code of " + container + " after docker stop\n"
                + Docker.run("logs", container).output()).isEqualTo("0");
    }
}
