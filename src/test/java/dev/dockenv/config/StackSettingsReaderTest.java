package dev.dockenv.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockenv.errors.InputException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StackSettingsReaderTest {
    private static final Path FILE = Path.of("pyproject.toml");

    private static StackSettings read(String toml) {
        return ConfigReader.read(TomlDocument.parse(FILE, toml), List.of("tool", "dockenv")).stack();
    }

    private static InputException refused(String toml) {
        try {
            read(toml);
        } catch (InputException e) {
            return e;
        }
        throw new AssertionError("accepted: " + toml);
    }

    @Test
    void readsTheIssuesExampleInTheOrderWritten() {
        StackSettings s = read("""
                [tool.dockenv]
                depends-on = ["db"]

                [tool.dockenv.services]
                search = { image = "example/search:1.2", ports = ["127.0.0.1:9200:9200"], env = { MODE = "dev" } }
                db = "postgres:16"
                cache = "redis:7"
                """);
        assertThat(s.services()).extracting(ServiceSetting::name).containsExactly("search", "db", "cache");
        ServiceSetting search = s.services().get(0);
        assertThat(search.image()).isEqualTo("example/search:1.2");
        assertThat(search.ports()).containsExactly("127.0.0.1:9200:9200");
        assertThat(search.environment()).containsEntry("MODE", "dev");
        assertThat(search.location().line()).isEqualTo(5);
        assertThat(s.services().get(1).image()).isEqualTo("postgres:16");
        assertThat(s.dependsOn()).get().extracting(l -> l.stream().map(NameReference::name).toList())
                .isEqualTo(List.of("db"));
        assertThat(s.appDependencies()).extracting(ServiceSetting::name).containsExactly("db");
    }

    @Test
    void withoutDependsOnTheAppDependsOnEveryService() {
        StackSettings s = read("""
                [tool.dockenv.services]
                db = "postgres:16"
                cache = "redis:7"
                """);
        assertThat(s.dependsOn()).isEmpty();
        assertThat(s.appDependencies()).extracting(ServiceSetting::name).containsExactly("db", "cache");
        assertThat(read("[tool.dockenv]\npython = \"3.11\"\n").isEmpty()).isTrue();
    }

    @Test
    void anEmptyDependsOnMeansNone() {
        StackSettings s = read("""
                [tool.dockenv]
                depends-on = []
                [tool.dockenv.services]
                db = "postgres:16"
                """);
        assertThat(s.appDependencies()).isEmpty();
    }

    @Test
    void readsATableWithEverything() {
        ServiceSetting db = read("""
                [tool.dockenv.services.db]
                image = "postgis/postgis:16-3.4"
                ports = [5432, "15432:5432"]
                env = { POSTGRES_DB = "shop", SHARED = 1 }
                command = "postgres -c fsync=off"
                volumes = ["pgdata:/var/lib/postgresql/data", "./initdb:/docker-entrypoint-initdb.d:ro"]
                healthcheck = { test = ["pg_isready", "-U", "postgres"], interval = "2s", timeout = "1s", retries = 30, start-period = "1m30s" }
                depends-on = ["cache"]
                [tool.dockenv.services.cache]
                image = "redis:7"
                healthcheck = false
                """).services().get(0);
        assertThat(db.ports()).containsExactly("5432", "15432:5432");
        assertThat(db.environment()).containsEntry("POSTGRES_DB", "shop").containsEntry("SHARED", "1");
        assertThat(db.command()).containsExactly("postgres", "-c", "fsync=off");
        assertThat(db.volumes()).containsExactly(
                new ServiceSetting.VolumeSetting.Named("pgdata", "/var/lib/postgresql/data", false, db.volumes().get(0).location()),
                new ServiceSetting.VolumeSetting.Bind("./initdb", "/docker-entrypoint-initdb.d", true, db.volumes().get(1).location()));
        ServiceSetting.HealthcheckSetting.Check check = (ServiceSetting.HealthcheckSetting.Check) db.healthcheck().orElseThrow();
        assertThat(check.test()).containsExactly("pg_isready", "-U", "postgres");
        assertThat(check.shell()).isFalse();
        assertThat(check.interval()).contains(java.time.Duration.ofSeconds(2));
        assertThat(check.retries()).contains(30);
        assertThat(check.startPeriod()).contains(java.time.Duration.ofSeconds(90));
        assertThat(db.dependsOn()).extracting(NameReference::name).containsExactly("cache");
    }

    @Test
    void aStringHealthcheckRunsInTheShellAndFalseDisablesIt() {
        StackSettings s = read("""
                [tool.dockenv.services]
                a = { image = "x:1", healthcheck = "curl -f http://localhost:9200 || exit 1" }
                b = { image = "x:1", healthcheck = false }
                """);
        var a = (ServiceSetting.HealthcheckSetting.Check) s.services().get(0).healthcheck().orElseThrow();
        assertThat(a.shell()).isTrue();
        assertThat(a.test()).containsExactly("curl -f http://localhost:9200 || exit 1");
        assertThat(s.services().get(1).healthcheck()).containsInstanceOf(ServiceSetting.HealthcheckSetting.Disabled.class);
        assertThat(s.services().get(1).healthcheck().map(Object::getClass)).isNotEqualTo(Optional.empty());
    }

    @Test
    void anUnknownServiceInDependsOnIsRefusedAtItsPlaceWithASuggestion() {
        InputException e = refused("""
                [tool.dockenv]
                depends-on = ["db", "cahce"]
                [tool.dockenv.services]
                db = "postgres:16"
                cache = "redis:7"
                """);
        assertThat(e.location().line()).isEqualTo(2);
        assertThat(e.location().column()).isEqualTo(21);
        assertThat(e.getMessage()).contains("unknown service 'cahce'");
        assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).startsWith("did you mean 'cache'?"));
    }

    @Test
    void deployMarksAServiceForTheServerAndIsFalseWhenNotWritten() {
        StackSettings s = read("""
                [tool.dockenv.services]
                db = { image = "postgres:16", deploy = true }
                cache = "redis:7"
                mail = { image = "example/mail:1", deploy = false }
                """);
        assertThat(s.services()).extracting(ServiceSetting::name, ServiceSetting::deploy).containsExactly(
                org.assertj.core.groups.Tuple.tuple("db", true), org.assertj.core.groups.Tuple.tuple("cache", false),
                org.assertj.core.groups.Tuple.tuple("mail", false));
    }

    @Test
    void deployThatIsNoBooleanOrMisspelledIsRefusedAtItsPlace() {
        InputException text = refused("""
                [tool.dockenv.services]
                db = { image = "postgres:16", deploy = "yes" }
                """);
        assertThat(text.location().line()).isEqualTo(2);
        assertThat(text.getMessage()).contains("tool.dockenv.services.db.deploy");
        assertThat(text.getMessage() + text.hint().orElse("")).contains("true to run the service on the server");
        InputException misspelled = refused("""
                [tool.dockenv.services.db]
                image = "postgres:16"
                depoy = true
                """);
        assertThat(misspelled.location().line()).isEqualTo(3);
        assertThat(misspelled.getMessage()).contains("unknown key 'tool.dockenv.services.db.depoy'");
        assertThat(misspelled.hint()).hasValueSatisfying(h -> assertThat(h).startsWith("did you mean 'deploy'?"));
    }

    @Test
    void aDeployedServiceThatNeedsAServiceNotDeployedIsRefusedAtTheDependency() {
        InputException e = refused("""
                [tool.dockenv.services]
                db = "postgres:16"
                search = { image = "example/search:1", depends-on = ["db"], deploy = true }
                """);
        assertThat(e.location().line()).isEqualTo(3);
        assertThat(e.getMessage()).contains("tool.dockenv.services.search.depends-on: 'db' is not deployed, but "
                + "'search' is (deploy = true)");
        assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).contains("[tool.dockenv.services.db] deploy = true"));
        read("""
                [tool.dockenv.services]
                db = { image = "postgres:16", deploy = true }
                search = { image = "example/search:1", depends-on = ["db"], deploy = true }
                """);
    }

    @Test
    void aServicesUnknownDependencyAndACircleAreRefused() {
        InputException unknown = refused("""
                [tool.dockenv.services]
                db = { image = "postgres:16", depends-on = ["nope"] }
                """);
        assertThat(unknown.location().line()).isEqualTo(2);
        assertThat(unknown.getMessage()).contains("tool.dockenv.services.db.depends-on: unknown service 'nope'");
        InputException circle = refused("""
                [tool.dockenv.services]
                a = { image = "x:1", depends-on = ["b"] }
                b = { image = "x:1", depends-on = ["a"] }
                """);
        assertThat(circle.getMessage()).contains("a -> b -> a");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "db = 5|expected an image reference such as",
        "db = \"Postgres:16\"|is not a Docker image reference",
        "db = { ports = [5432] }|no image",
        "db = { image = \"postgres:16\", port = [5432] }|unknown key 'tool.dockenv.services.db.port'",
        "db = { image = \"postgres:16\", ports = [\"a:b\"] }|is not a port",
        "db = { image = \"postgres:16\", env = { \"A B\" = \"1\" } }|not a valid environment variable name",
        "db = { image = \"postgres:16\", volumes = [\"../up:/x\"] }|is not a mount",
        "db = { image = \"postgres:16\", volumes = [\"data:relative\"] }|is not a mount",
        "db = { image = \"postgres:16\", volumes = [\"data:/x\", \"more:/x\"] }|/x is mounted twice",
        "db = { image = \"postgres:16\", healthcheck = true }|true is not a health check",
        "db = { image = \"postgres:16\", healthcheck = { interval = \"2s\" } }|no test",
        "db = { image = \"postgres:16\", healthcheck = { test = \"x\", interval = \"2 seconds\" } }|is not a duration",
        "db = { image = \"postgres:16\", healthcheck = { test = \"x\", retries = 0 } }|from 1 to 1000",
        "db = { image = \"postgres:16\", healthcheck = { test = \"x\", tries = 3 } }|unknown key 'tool.dockenv.services.db.healthcheck.tries'",
        "db = { image = \"postgres:16\", healthcheck = [] }|the command is empty",
        "db = { image = \"postgres:16\", command = \"\" }|the command is empty",
        "db = { image = \"postgres:16\", depends-on = [\"db\"] }|depends on itself",
        "app = \"postgres:16\"|is the name of the project's own container",
        "Big_DB = \"postgres:16\"|is not a service name",
        "db = { image = \"postgres:16\", healthcheck = { test = \"x\", interval = \"99999999999999999999s\" } }|is not a duration",
    })
    void badServiceSettingsAreRefusedAtTheirLine(String line, String message) {
        InputException e = refused("[tool.dockenv.services]\n" + line + "\n");
        assertThat(e.getMessage()).contains(message);
        assertThat(e.location().file()).isEqualTo(FILE);
        assertThat(e.location().line()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"services = 3", "services = [\"db\"]", "depends-on = \"db\""})
    void wrongTypesAreRefused(String line) {
        assertThatThrownBy(() -> read("[tool.dockenv]\n" + line + "\n")).isInstanceOf(InputException.class)
                .hasMessageContaining("expected");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "pgdata:/var/lib/postgresql/data|named|pgdata|/var/lib/postgresql/data|false",
        "data:/data:ro|named|data|/data|true",
        "./init:/docker-entrypoint-initdb.d|bind|./init|/docker-entrypoint-initdb.d|false",
        ".:/src:rw|bind|.|/src|false",
        "/srv/dumps:/dumps:ro|bind|/srv/dumps|/dumps|true",
    })
    void volumeForms(String spec, String kind, String source, String target, boolean readOnly) {
        var v = StackSettingsReader.volume(spec, null).orElseThrow();
        assertThat(v).isInstanceOf(kind.equals("named") ? ServiceSetting.VolumeSetting.Named.class
                : ServiceSetting.VolumeSetting.Bind.class);
        assertThat(v instanceof ServiceSetting.VolumeSetting.Named n ? n.volume()
                : ((ServiceSetting.VolumeSetting.Bind) v).source()).isEqualTo(source);
        assertThat(v.target()).isEqualTo(target);
        assertThat(v.readOnly()).isEqualTo(readOnly);
    }

    @ParameterizedTest
    @ValueSource(strings = {"data", "data:/x:rx", "data:/x/../y", "$HOME:/x", "./a/../../b:/x", "a b:/x", "data:/x:ro:z"})
    void badVolumeForms(String spec) {
        assertThat(StackSettingsReader.volume(spec, null)).isEmpty();
    }

    @Test
    void twoNamesThatGiveTheSameVariablesAreRefused() {
        InputException e = refused("""
                [tool.dockenv.services]
                db-1 = "postgres:16"
                db_1 = "postgres:16"
                """);
        assertThat(e.location().line()).isEqualTo(3);
        assertThat(e.getMessage()).contains("service 'db_1' and service 'db-1'", "give the same variable names (DB_1_...)");
    }

    @Test
    void dockenvTomlTakesServicesAtTheTopLevel() {
        StackSettings s = ConfigReader.read(TomlDocument.parse(Path.of("dockenv.toml"), """
                depends-on = ["cache"]
                [services]
                cache = "redis:7"
                """), List.of()).stack();
        assertThat(s.services()).extracting(ServiceSetting::name).containsExactly("cache");
    }
}
