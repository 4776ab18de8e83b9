package dev.dockenv.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.config.DockenvConfig.RequirementsChoice;
import dev.dockenv.errors.InputException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** [tool.dockenv.apps.NAME] read through ConfigReader: the values, and each mistake at its place. */
class AppSettingsReaderTest {
    private static final Path FILE = Path.of("pyproject.toml");
    private static final String SERVICES = """
            [tool.dockenv.services]
            db = "postgres:16"
            cache = "redis:7"
            """;

    private static List<AppSetting> read(String toml) {
        return ConfigReader.read(TomlDocument.parse(FILE, toml), List.of("tool", "dockenv")).apps();
    }

    private static InputException refused(String toml) {
        try {
            read(toml);
        } catch (InputException e) {
            return e;
        }
        throw new AssertionError("accepted: " + toml);
    }

    private static List<String> names(List<RequirementsChoice> choices) {
        return choices.stream().map(RequirementsChoice::name).toList();
    }

    @Test
    void readsAnAppWithEveryKey() {
        List<AppSetting> apps = read(SERVICES + """

                [tool.dockenv.apps.api]
                path = "./svc/api/"
                requirements = ["api"]
                dev-requirements = ["test", "requirements/lint.txt"]
                command = "gunicorn svc.api.wsgi:app --bind 0.0.0.0:8000"
                ports = [8000, "127.0.0.1:8001:8001"]
                depends-on = ["db", "cache"]
                """);
        assertThat(apps).hasSize(1);
        AppSetting api = apps.get(0);
        assertThat(api.name()).isEqualTo("api");
        assertThat(api.location().line()).isEqualTo(5);
        assertThat(api.path()).isEqualTo("svc/api");
        assertThat(api.pathLocation().line()).isEqualTo(6);
        assertThat(api.requirements()).hasValueSatisfying(r -> assertThat(names(r)).containsExactly("api"));
        assertThat(api.devRequirements()).hasValueSatisfying(r -> assertThat(names(r))
                .containsExactly("test", "requirements/lint.txt"));
        assertThat(api.command()).containsExactly("gunicorn", "svc.api.wsgi:app", "--bind", "0.0.0.0:8000");
        assertThat(api.ports()).containsExactly("8000", "127.0.0.1:8001:8001");
        assertThat(api.dependsOn()).hasValueSatisfying(d -> assertThat(d).extracting(NameReference::name)
                .containsExactly("db", "cache"));
        assertThat(api.dependsOn().orElseThrow().get(1).location().line()).isEqualTo(11);
    }

    @Test
    void theFolderIsTheNameUnlessWrittenAndTheAppsKeepTheirWrittenOrder() {
        List<AppSetting> apps = read("""
                [tool.dockenv.apps.zeta]
                command = ["bash", "run zeta.sh"]
                [tool.dockenv.apps.alpha]
                path = "lib\\\\alpha"
                """);
        assertThat(apps).extracting(AppSetting::name).containsExactly("zeta", "alpha");
        AppSetting zeta = apps.get(0);
        assertThat(zeta.path()).isEqualTo("zeta");
        assertThat(zeta.pathLocation()).as("no path: the app's own line").isEqualTo(zeta.location());
        assertThat(zeta.command()).containsExactly("bash", "run zeta.sh");
        assertThat(zeta.requirements()).as("not written").isEmpty();
        assertThat(zeta.devRequirements()).isEmpty();
        assertThat(zeta.ports()).isEmpty();
        assertThat(zeta.dependsOn()).as("not written: every service").isEmpty();
        assertThat(apps.get(1).path()).as("a Windows separator").isEqualTo("lib/alpha");
    }

    @Test
    void emptyListsAreKeptApartFromKeysNotWritten() {
        AppSetting api = read(SERVICES + """
                [tool.dockenv.apps.api]
                requirements = []
                depends-on = []
                """).get(0);
        assertThat(api.requirements()).hasValue(List.of());
        assertThat(api.dependsOn()).hasValue(List.of());
    }

    @Test
    void aProjectWithoutAppsHasNone() {
        assertThat(read("[tool.dockenv]\npython = \"3.11\"\n")).isEmpty();
        assertThat(ConfigReader.read(TomlDocument.parse(Path.of("dockenv.toml"), """
                [apps.api]
                path = "api"
                """), List.of()).apps()).extracting(AppSetting::name).as("dockenv.toml: at the top level")
                .containsExactly("api");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Api|'Api' is not an app name|use lower-case letters",
        "-api|'-api' is not an app name|use lower-case letters",
        "\"my api\"|'my api' is not an app name|use lower-case letters",
        "base|'base' is a name dockenv gives a part of every project|give the app another name",
        "dev|'dev' is a name dockenv gives a part|give the app another name",
        "prod|'prod' is a name dockenv gives a part|give the app another name",
        "app|'app' is a name dockenv gives a part|give the app another name",
        "system|'system' is a name dockenv gives a part|give the app another name",
        "wheel|'wheel' is a name dockenv gives a part|give the app another name",
        "deps|'deps' is a name dockenv gives a part|give the app another name",
    })
    void badAndReservedNamesAreRefusedAtTheAppsLine(String name, String message, String hint) {
        InputException e = refused("[tool.dockenv]\npython = \"3.11\"\n\n[tool.dockenv.apps." + name
                + "]\ncommand = \"python -m x\"\n");
        assertThat(e.location().file()).isEqualTo(FILE);
        assertThat(e.location().line()).isEqualTo(4);
        assertThat(e.getMessage()).startsWith("pyproject.toml:4:").contains("tool.dockenv.apps.", message);
        assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).contains(hint));
    }

    @Test
    void anUnknownKeyIsRefusedAtItsLineWithASuggestion() {
        InputException e = refused("""
                [tool.dockenv.apps.api]
                path = "api"
                depends_on = ["db"]
                """);
        assertThat(e.location().line()).isEqualTo(3);
        assertThat(e.location().column()).isEqualTo(1);
        assertThat(e.getMessage()).contains("unknown key 'tool.dockenv.apps.api.depends_on'");
        assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).startsWith("did you mean 'depends-on'?")
                .contains("an app takes: path, requirements, dev-requirements, command, ports, depends-on"));
    }

    @Test
    void anAppNamedLikeAServiceIsRefusedAtTheApp() {
        InputException e = refused(SERVICES + """
                [tool.dockenv.apps.db]
                path = "database"
                """);
        assertThat(e.location().line()).isEqualTo(4);
        assertThat(e.getMessage()).contains("app 'db' has the name of a service (pyproject.toml:2:1)");
        assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).contains("rename the app or the service"));
    }

    @Test
    void twoAppsOfOneNameWrittenTwoWaysAreRefusedAtTheSecond() {
        InputException e = refused("""
                [tool.dockenv.apps.my-api]
                path = "one"
                [tool.dockenv.apps.my_api]
                path = "two"
                """);
        assertThat(e.location().line()).isEqualTo(3);
        assertThat(e.getMessage()).contains("app 'my_api' and app 'my-api' (pyproject.toml:1:1) are one name written two ways");
        assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).contains("rename one of them"));
    }

    @Test
    void twoAppsInOneFolderAreRefusedAtTheSecondsPath() {
        InputException e = refused("""
                [tool.dockenv.apps.api]
                path = "svc"
                [tool.dockenv.apps.worker]
                path = "./svc/"
                """);
        assertThat(e.location().line()).isEqualTo(4);
        assertThat(e.getMessage()).contains("app 'worker' (folder svc) and app 'api' (folder svc, pyproject.toml:2:1) "
                + "share a folder");
        assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).contains("a folder of its own"));
    }

    @Test
    void aFolderInsideAnotherAppsIsRefusedWhicheverComesFirst() {
        InputException inner = refused("""
                [tool.dockenv.apps.api]
                path = "svc"
                [tool.dockenv.apps.worker]
                path = "svc/worker"
                """);
        assertThat(inner.location().line()).isEqualTo(4);
        assertThat(inner.getMessage()).contains("share folders: one is inside the other");
        InputException outer = refused("""
                [tool.dockenv.apps.worker]
                path = "svc/worker"
                [tool.dockenv.apps.svc]
                """);
        assertThat(outer.location().line()).as("the app's line when it has no path").isEqualTo(3);
        assertThat(outer.getMessage()).contains("app 'svc' (folder svc) and app 'worker' (folder svc/worker");
        assertThat(read("""
                [tool.dockenv.apps.api]
                path = "svc/api"
                [tool.dockenv.apps.api2]
                path = "svc/api2"
                """)).as("a common prefix of names is not a folder inside another").hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../api", "svc/../../api", "svc/./api", "/srv/api", "\\\\srv\\\\api", ".", "./", "",
        "C:/api", "svc//api", "api dir", "$HOME/api"})
    void aFolderOutsideTheProjectOrNotAPlainPathIsRefusedAtThePath(String path) {
        InputException e = refused("[tool.dockenv.apps.api]\ncommand = \"x\"\npath = \"" + path + "\"\n");
        assertThat(e.location().line()).isEqualTo(3);
        assertThat(e.location().column()).isEqualTo(1);
        assertThat(e.getMessage()).contains("tool.dockenv.apps.api.path:", "is not a folder inside the project");
        assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).contains("relative to the project", "no '..'"));
    }

    @Test
    void anUnknownServiceInDependsOnIsRefusedAtItsPlaceWithASuggestion() {
        InputException e = refused(SERVICES + """
                [tool.dockenv.apps.api]
                depends-on = ["db", "cahce"]
                """);
        assertThat(e.location().line()).isEqualTo(5);
        assertThat(e.location().column()).isEqualTo(21);
        assertThat(e.getMessage()).contains("tool.dockenv.apps.api.depends-on: unknown service 'cahce'");
        assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).startsWith("did you mean 'cache'?")
                .contains("the services are: db, cache"));
        InputException none = refused("[tool.dockenv.apps.api]\ndepends-on = [\"db\"]\n");
        assertThat(none.hint()).hasValueSatisfying(h -> assertThat(h).contains("declare services under"));
    }

    @Test
    void aServiceNamedTwiceInDependsOnIsRefused() {
        InputException e = refused(SERVICES + """
                [tool.dockenv.apps.api]
                depends-on = ["db", "db"]
                """);
        assertThat(e.location().line()).isEqualTo(5);
        assertThat(e.getMessage()).contains("'db' is named twice");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[tool.dockenv]\\napps = 3|2|tool.dockenv.apps: expected a table of the repository's apps",
        "[tool.dockenv]\\napps = ['api']|2|tool.dockenv.apps: expected a table",
        "[tool.dockenv.apps]\\napi = 'api'|2|tool.dockenv.apps.api: expected a table with path",
        "[tool.dockenv.apps.api]\\npath = 3|2|tool.dockenv.apps.api.path: expected the app's folder",
        "[tool.dockenv.apps.api]\\nrequirements = 'api'|2|tool.dockenv.apps.api.requirements: expected an array",
        "[tool.dockenv.apps.api]\\ncommand = []|2|tool.dockenv.apps.api.command: the command is empty",
        "[tool.dockenv.apps.api]\\nports = ['http']|2|tool.dockenv.apps.api.ports: 'http' is not a port",
        "[tool.dockenv.apps.api]\\ndepends-on = 'db'|2|tool.dockenv.apps.api.depends-on: expected an array",
    })
    void wrongTypesAreRefusedAtTheirLine(String toml, int line, String message) {
        InputException e = refused(toml.replace("\\n", "\n").replace('\'', '"'));
        assertThat(e.location().line()).isEqualTo(line);
        assertThat(e.getMessage()).contains(message);
    }

    @Test
    void aTableOfAnAppWrittenTwiceIsATomlErrorAtTheSecondHeader() {
        InputException e = refused("""
                [tool.dockenv.apps.api]
                path = "api"

                [tool.dockenv.apps.api]
                path = "other"
                """);
        assertThat(e.location().file()).isEqualTo(FILE);
        assertThat(e.location().line()).isEqualTo(4);
        assertThat(e.getMessage()).isEqualTo("pyproject.toml:4:1: invalid TOML: tool.dockenv.apps.api previously "
                + "defined at line 1, column 1");
    }
}
