package dev.dockenv.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.config.ConfigReader;
import dev.dockenv.config.PortMapping;
import dev.dockenv.config.StackSettings;
import dev.dockenv.config.TomlDocument;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StackPlannerTest {
    private static final Path ROOT = Path.of("/home/ada/shop");

    private static StackPlan plan(String toml, Set<String> appVariables) {
        StackSettings settings = ConfigReader.read(TomlDocument.parse(ROOT.resolve("pyproject.toml"), toml),
                List.of("tool", "dockenv")).stack();
        return StackPlanner.plan("shop", ROOT, settings, appVariables);
    }

    private static StackPlan plan(String toml) {
        return plan(toml, Set.of());
    }

    private static Map<String, String> resolved(Map<String, StackValue> env) {
        Map<String, String> out = new java.util.TreeMap<>();
        env.forEach((k, v) -> out.put(k, v.resolve(Map.of("DOCKENV_SECRET_DB", "s3cret", "DOCKENV_ROOT_SECRET_DB", "r00t",
                "DOCKENV_SECRET_MQ", "mqpw", "DOCKENV_SECRET_DOCS", "mpw", "DOCKENV_SECRET_MAIN", "m1",
                "DOCKENV_SECRET_ANALYTICS", "a2"))));
        return out;
    }

    @Test
    void postgresGetsAnAccountAGeneratedPasswordAVolumeAHealthCheckAndTheAppItsVariables() {
        StackPlan plan = plan("""
                [tool.dockenv.services]
                db = "postgres:16"
                """);
        PlannedService db = plan.service("db").orElseThrow();
        assertThat(db.kind()).contains(ServiceKind.POSTGRES);
        assertThat(resolved(db.environment())).containsExactlyInAnyOrderEntriesOf(Map.of("POSTGRES_USER", "app",
                "POSTGRES_DB", "app", "POSTGRES_PASSWORD", "s3cret"));
        assertThat(db.environment().get("POSTGRES_PASSWORD").secrets()).containsExactly("DOCKENV_SECRET_DB");
        assertThat(db.mounts()).containsExactly(new PlannedService.Mount.Volume("db-data", "/var/lib/postgresql/data", false));
        assertThat(db.healthcheck().orElseThrow().test().get(0)).contains("pg_isready -h 127.0.0.1");
        assertThat(db.ports()).isEmpty();
        assertThat(resolved(plan.appEnvironment())).containsExactlyInAnyOrderEntriesOf(Map.of(
                "DATABASE_URL", "postgresql://app:s3cret@db:5432/app", "PGHOST", "db", "PGPORT", "5432",
                "PGUSER", "app", "PGPASSWORD", "s3cret", "PGDATABASE", "app"));
        assertThat(plan.secrets()).containsExactly("DOCKENV_SECRET_DB");
        assertThat(plan.appDependencies()).containsExactly("db");
        assertThat(plan.project()).matches("dockenv-shop-[0-9a-f]{8}");
        assertThat(plan.appEnvironment().get("DATABASE_URL").toString()).isEqualTo(
                "postgresql://app:${DOCKENV_SECRET_DB}@db:5432/app");
    }

    @Test
    void theUsersVariablesWinAndTheUrlFollowsThem() {
        StackPlan plan = plan("""
                [tool.dockenv.services.db]
                image = "postgres:16"
                env = { POSTGRES_USER = "shop owner", POSTGRES_DB = "orders", POSTGRES_PASSWORD = "p@ss:word/1" }
                volumes = ["pg:/var/lib/postgresql/data"]
                ports = [5432]
                """, Set.of("PGHOST"));
        PlannedService db = plan.service("db").orElseThrow();
        assertThat(resolved(db.environment())).containsEntry("POSTGRES_PASSWORD", "p@ss:word/1")
                .containsEntry("POSTGRES_USER", "shop owner");
        assertThat(plan.secrets()).isEmpty();
        assertThat(db.mounts()).containsExactly(new PlannedService.Mount.Volume("pg", "/var/lib/postgresql/data", false));
        assertThat(db.ports()).containsExactly(PortMapping.parse("127.0.0.1:5432:5432").orElseThrow());
        Map<String, String> app = resolved(plan.appEnvironment());
        assertThat(app).containsEntry("DATABASE_URL", "postgresql://shop%20owner:p%40ss%3Aword%2F1@db:5432/orders")
                .containsEntry("PGPASSWORD", "p@ss:word/1").doesNotContainKey("PGHOST");
    }

    @Test
    void trustNeedsNoPassword() {
        StackPlan plan = plan("""
                [tool.dockenv.services]
                db = { image = "postgres:16", env = { POSTGRES_HOST_AUTH_METHOD = "trust" } }
                """);
        assertThat(resolved(plan.appEnvironment())).containsEntry("DATABASE_URL", "postgresql://app@db:5432/app")
                .doesNotContainKey("PGPASSWORD");
        assertThat(plan.service("db").orElseThrow().environment()).doesNotContainKey("POSTGRES_PASSWORD");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "mysql:8.4|MYSQL|DATABASE_URL|mysql://app:s3cret@db:3306/app|/var/lib/mysql",
        "mariadb:11|MARIADB|DATABASE_URL|mysql://app:s3cret@db:3306/app|/var/lib/mysql",
        "redis:7|REDIS|REDIS_URL|redis://db:6379/0|/data",
        "valkey/valkey:8|VALKEY|REDIS_URL|redis://db:6379/0|/data",
        "mongo:7|MONGODB|MONGODB_URL|mongodb://app:s3cret@db:27017/app?authSource=admin|/data/db",
        "rabbitmq:3-management|RABBITMQ|AMQP_URL|amqp://app:s3cret@db:5672/%2F|/var/lib/rabbitmq",
        "docker.io/library/postgres:16@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef|POSTGRES|DATABASE_URL|postgresql://app:s3cret@db:5432/app|/var/lib/postgresql/data",
        "postgis/postgis:16-3.4|POSTGRES|PGDATABASE|app|/var/lib/postgresql/data",
    })
    void presets(String image, ServiceKind kind, String variable, String value, String dataPath) {
        StackPlan plan = plan("[tool.dockenv.services]\ndb = \"" + image + "\"\n");
        PlannedService db = plan.service("db").orElseThrow();
        assertThat(db.kind()).contains(kind);
        assertThat(resolved(plan.appEnvironment())).containsEntry(variable, value);
        assertThat(db.mounts()).extracting(PlannedService.Mount::target).containsExactly(dataPath);
        assertThat(db.healthcheck()).isPresent();
    }

    @Test
    void mysqlGetsARootPasswordOfItsOwn() {
        PlannedService db = plan("[tool.dockenv.services]\ndb = \"mysql:8\"\n").service("db").orElseThrow();
        assertThat(resolved(db.environment())).containsEntry("MYSQL_ROOT_PASSWORD", "r00t").containsEntry("MYSQL_PASSWORD",
                "s3cret");
    }

    @Test
    void memcachedIsReadyOnceStartedAndUnknownImagesGetNothing() {
        StackPlan plan = plan("""
                [tool.dockenv.services]
                cache = "memcached:1.6"
                search = { image = "example/search:1.2", env = { MODE = "dev" } }
                """);
        assertThat(plan.service("cache").orElseThrow().healthcheck()).isEmpty();
        assertThat(resolved(plan.appEnvironment())).containsExactlyEntriesOf(Map.of("MEMCACHED_SERVERS", "cache:11211"));
        PlannedService search = plan.service("search").orElseThrow();
        assertThat(search.kind()).isEmpty();
        assertThat(search.mounts()).isEmpty();
        assertThat(search.healthcheck()).isEmpty();
        assertThat(resolved(search.environment())).containsExactlyEntriesOf(Map.of("MODE", "dev"));
    }

    @Test
    void twoServicesOfOneKindGiveTheirVariablesUnderTheirNames() {
        StackPlan plan = plan("""
                [tool.dockenv.services]
                main = "postgres:16"
                analytics = "postgres:16"
                """);
        Map<String, String> app = resolved(plan.appEnvironment());
        assertThat(app).containsEntry("MAIN_DATABASE_URL", "postgresql://app:m1@main:5432/app")
                .containsEntry("ANALYTICS_DATABASE_URL", "postgresql://app:a2@analytics:5432/app")
                .doesNotContainKey("DATABASE_URL");
    }

    @Test
    void twoOfAKindOfWhichTheAppDependsOnOneGiveItTheUsualNames() {
        StackPlan plan = plan("""
                [tool.dockenv]
                depends-on = ["main"]
                [tool.dockenv.services]
                main = "postgres:16"
                analytics = "postgres:16"
                """);
        assertThat(resolved(plan.appEnvironment())).containsEntry("DATABASE_URL", "postgresql://app:m1@main:5432/app")
                .doesNotContainKey("MAIN_DATABASE_URL");
    }

    @Test
    void mysqlsHealthCheckKeepsThePasswordOffItsCommandLine() {
        PlannedService db = plan("[tool.dockenv.services]\ndb = \"mysql:8\"\n").service("db").orElseThrow();
        assertThat(db.healthcheck().orElseThrow().test().get(0)).startsWith("MYSQL_PWD=\"$MYSQL_PASSWORD\" mysqladmin")
                .doesNotContain("--password");
    }

    @Test
    void theAppGetsTheVariablesOfWhatItDependsOnAndStartsTheirDependenciesFirst() {
        StackPlan plan = plan("""
                [tool.dockenv]
                depends-on = ["mq"]
                [tool.dockenv.services]
                db = "postgres:16"
                mq = { image = "rabbitmq:3", depends-on = ["db"] }
                """);
        assertThat(plan.appDependencies()).containsExactly("db", "mq");
        assertThat(plan.appEnvironment()).containsKey("AMQP_URL").doesNotContainKey("DATABASE_URL");
    }

    @Test
    void aUsersHealthCheckReplacesThePresetsAndFalseRemovesIt() {
        StackPlan plan = plan("""
                [tool.dockenv.services]
                db = { image = "postgres:16", healthcheck = { test = ["pg_isready"], interval = "250ms" } }
                cache = { image = "redis:7", healthcheck = false }
                """);
        PlannedService.Healthcheck check = plan.service("db").orElseThrow().healthcheck().orElseThrow();
        assertThat(check.test()).containsExactly("pg_isready");
        assertThat(check.shell()).isFalse();
        assertThat(check.interval()).isEqualTo(Duration.ofMillis(250));
        assertThat(check.retries()).isEqualTo(StackPlanner.RETRIES);
        assertThat(plan.service("cache").orElseThrow().healthcheck()).isEmpty();
        assertThat(plan.service("cache").orElseThrow().healthcheckDisabled()).isTrue();
        assertThat(plan.service("db").orElseThrow().healthcheckDisabled()).isFalse();
    }

    @Test
    void relativeBindsStartAtTheRoot() {
        PlannedService db = plan("""
                [tool.dockenv.services]
                db = { image = "postgres:16", volumes = ["./initdb:/docker-entrypoint-initdb.d:ro"] }
                """).service("db").orElseThrow();
        assertThat(db.mounts()).contains(new PlannedService.Mount.Bind(ROOT.resolve("initdb"),
                "/docker-entrypoint-initdb.d", true));
    }

    @Test
    void composeProjectNamesAreValidForBothComposeVersionsAndApartPerFolder() {
        assertThat(StackPlanner.composeProject("My.Shop App", Path.of("/a"))).matches("dockenv-my-shop-app-[0-9a-f]{8}");
        assertThat(StackPlanner.composeProject("x", Path.of("/a"))).isNotEqualTo(StackPlanner.composeProject("x", Path.of("/b")));
        assertThat(StackPlanner.composeProject("___", Path.of("/a"))).startsWith("dockenv-project-");
        assertThat(plan("[tool.dockenv.services]\nmy-db = \"postgres:16\"\n").secrets())
                .containsExactly("DOCKENV_SECRET_MY_DB");
    }
}
