package dev.dockenv.compose;

import java.time.Duration;
import java.util.List;

/**
 * Compose models for the tests: a representative stack (an app built from the project, PostgreSQL
 * with a health check, a named volume and an interpolated password, Redis, a one-off migration, a
 * tool behind a profile, a network with a fixed name), and models of awkward values. Public for
 * the ITs, which hand the same models to docker-compose.
 */
public final class ComposeSamples {
    /** The environment variable the representative stack's password is interpolated from. */
    public static final String PASSWORD_VARIABLE = "DOCKENV_DB_PASSWORD";

    /** Values that need escaping or quoting in YAML or compose, each the value of an environment variable. */
    public static final List<String> AWKWARD_VALUES = List.of(
            "$5", "$$", "${HOME}", "$HOME and ${USER:-x}", "it's \"quoted\"", "back\\slash\\", "ünïcødé 😀 日本",
            "yes", "no", "on", "off", "null", "~", "true", "8000:8000", "1e3", "0x1F", "012", "", " padded ",
            "# not a comment", "key: value", "- item", "[a, b]", "{a: b}", "&anchor", "*alias", "!tag", "%percent",
            "@at", "`tick`", "a\ttab", "\u00a0nbsp", "\u2028line separator", "\u2029paragraph", "\u0085nel",
            "c1 \u0090 control", "\ufeffbom",
            "trailing\\");

    private ComposeSamples() {
    }

    public static ComposeModel representative() {
        Service db = Service.builder()
                .image("postgres:16")
                .environment("POSTGRES_USER", "shop")
                .environment("POSTGRES_PASSWORD", ComposeString.variable(PASSWORD_VARIABLE))
                .environment("POSTGRES_DB", "shop")
                .port("127.0.0.1:5432:5432")
                .volume(VolumeMount.named("db-data", "/var/lib/postgresql/data"))
                .network("backend")
                .healthcheck(Healthcheck.cmd("pg_isready", "-U", "shop", "-d", "shop")
                        .interval(Duration.ofSeconds(2)).timeout(Duration.ofSeconds(5)).retries(30)
                        .startPeriod(Duration.ofSeconds(90)).build())
                .restart(Restart.UNLESS_STOPPED)
                .build();
        Service cache = Service.builder()
                .image("redis:7")
                .command("redis-server", "--save", "", "--appendonly", "no")
                .volume(VolumeMount.named("cache-data", "/data"))
                .network("backend")
                .healthcheck(Healthcheck.cmdShell("redis-cli ping | grep -q PONG")
                        .interval(Duration.ofMillis(1500)).build())
                .build();
        Build build = Build.builder(".").dockerfile("Dockerfile").target("dev")
                .arg("PIP_INDEX_URL", "http://127.0.0.1:3141/simple").network("host").build();
        ComposeString user = ComposeString.interpolated("${DOCKENV_UID:-1000}:${DOCKENV_GID:-1000}");
        Service migrate = Service.builder()
                .image("dockenv-shop:dev")
                .builtFrom(build)
                .command("python", "manage.py", "migrate")
                .user(user)
                .environment("DATABASE_URL", databaseUrl())
                .network("backend")
                .dependsOn("db", Condition.SERVICE_HEALTHY)
                .build();
        Service app = Service.builder()
                .image("dockenv-shop:dev")
                .builtFrom(build)
                .dependsOn("db", Condition.SERVICE_HEALTHY)
                .dependsOn("cache", Condition.SERVICE_STARTED)
                .dependsOn("migrate", Condition.SERVICE_COMPLETED_SUCCESSFULLY)
                .entrypoint("/opt/venv/bin/python", "-m")
                .command("gunicorn", "shop.wsgi:app", "--bind", "0.0.0.0:8000")
                .user(user)
                .workingDir("/app")
                .init(true)
                .tty(true)
                .stdinOpen(true)
                .envFile(".env")
                .environment("HOME", "/tmp")
                .environment("DATABASE_URL", databaseUrl())
                .environment("PGPASSWORD", ComposeString.required(PASSWORD_VARIABLE, "run dockenv up first"))
                .environment("PRICE", "$5 a month")
                .port("127.0.0.1:8000:8000")
                .port("127.0.0.1::9000/udp")
                .volume(VolumeMount.bind(".", "/app"))
                .volume(VolumeMount.bind("./data", "/data").asReadOnly())
                .network("backend", "api", "web")
                .network("default")
                .label("dev.dockenv.project", "shop")
                .stopGracePeriod(Duration.ofSeconds(90))
                .build();
        Service notebook = Service.builder()
                .image("dockenv-shop:dev")
                .command("jupyter", "lab", "--ip", "0.0.0.0")
                .port("127.0.0.1:8888:8888")
                .profile("tools")
                .build();
        return ComposeModel.builder()
                .header("Written by dockenv: the services of shop.", "",
                        "Passwords come from the environment: " + PASSWORD_VARIABLE + ".")
                .service("db", db)
                .service("cache", cache)
                .service("migrate", migrate)
                .service("app", app)
                .service("notebook", notebook)
                .network("backend", Network.named("shop_backend"))
                .volume("db-data")
                .volume("cache-data", Volume.named("shop_cache"))
                .build();
    }

    private static ComposeString databaseUrl() {
        return ComposeString.interpolated("postgresql://shop:${" + PASSWORD_VARIABLE + "}@db:5432/shop");
    }

    /**
     * One service whose environment holds {@link #AWKWARD_VALUES} literally, {@code V0}, {@code V1}...
     * in order, a command with a line break and control characters, and keys that YAML 1.1 reads as
     * booleans or numbers unless quoted.
     */
    public static ComposeModel awkward() {
        Service.Builder service = Service.builder().image("busybox:1.36")
                .command("sh", "-c", "echo \"$$0\"\necho done\r\u0007", "yes")
                .label("on", "no");
        for (int i = 0; i < AWKWARD_VALUES.size(); i++) {
            service.environment("V" + i, AWKWARD_VALUES.get(i));
        }
        service.environment("ON", "off").environment("y", "n").environment("NULL", "~");
        return ComposeModel.builder().service("yes", service.build()).volume("123").network("off").build();
    }
}
