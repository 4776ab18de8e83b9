package dev.dockenv.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockenv.errors.InputException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ConfigReaderTest {
    private static final Path FILE = Path.of("pyproject.toml");
    private static final List<String> TOOL = List.of("tool", "dockenv");

    private static DockenvConfig read(String toml) {
        return ConfigReader.read(TomlDocument.parse(FILE, toml), TOOL);
    }

    @Test
    void readsEverySetting() {
        DockenvConfig c = read("""
                [tool.dockenv]
                python = "3.11"
                base-image = "python:3.11-slim-bookworm"
                apt = ["libpq-dev"]
                build = "python -m nltk.downloader punkt"
                ports = [8000, "127.0.0.1:8888:8888"]
                env = { DEBUG = "1", WORKERS = 4 }
                command = "python -m flask run --host 0.0.0.0"
                index-url = "http://127.0.0.1:3141/simple"
                extra-index-urls = ["https://example.org/simple"]
                trusted-hosts = ["example.org"]
                extras = ["postgres"]
                """);
        assertThat(c.python()).contains("3.11");
        assertThat(c.baseImage()).contains("python:3.11-slim-bookworm");
        assertThat(c.aptPackages()).containsExactly("libpq-dev");
        assertThat(c.buildCommands()).containsExactly("python -m nltk.downloader punkt");
        assertThat(c.ports()).containsExactly("8000", "127.0.0.1:8888:8888");
        assertThat(c.environment()).containsEntry("DEBUG", "1").containsEntry("WORKERS", "4");
        assertThat(c.command()).containsExactly("python", "-m", "flask", "run", "--host", "0.0.0.0");
        assertThat(c.indexUrl()).contains("http://127.0.0.1:3141/simple");
        assertThat(c.extraIndexUrls()).containsExactly("https://example.org/simple");
        assertThat(c.trustedHosts()).containsExactly("example.org");
        assertThat(c.extras()).containsExactly("postgres");
        assertThat(c.source()).contains(FILE);
    }

    @Test
    void noTableIsAnEmptyConfiguration() {
        assertThat(read("[project]\nname = \"x\"\n")).isEqualTo(DockenvConfig.empty());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[tool.dockenv]\\npyhton = '3.11'|pyproject.toml:2:1: unknown key 'tool.dockenv.pyhton'",
        "[tool.dockenv]\\napt = 'gcc'|pyproject.toml:2:1: tool.dockenv.apt: expected an array of Debian package names",
        "[tool.dockenv]\\nports = [true]|pyproject.toml:2:10: tool.dockenv.ports: expected an array of ports",
        "[tool.dockenv]\\n\\nenv = { 'BAD NAME' = 'x' }|pyproject.toml:3:",
        "[tool.dockenv]\\nports = [8000, 'http']|pyproject.toml:2:16: tool.dockenv.ports: 'http' is not a port",
        "[tool.dockenv]\\napt = ['libpq-dev', 'rm -rf /']|pyproject.toml:2:21: tool.dockenv.apt: 'rm -rf /' is not a Debian package name",
        "[tool.dockenv]\\nbuild = ['echo one', '''echo\\ntwo''']|pyproject.toml:2:22: tool.dockenv.build: each build command is one line",
        "[tool.dockenv]\\ncommand = []|pyproject.toml:2:1: tool.dockenv.command: the command is empty",
        "[tool.dockenv]\\npython = 3.11|pyproject.toml:2:1: tool.dockenv.python: expected a Python version",
        "tool = 1\\n[tool.dockenv]|pyproject.toml:2:",
        "[tool]\\ndockenv = 3|pyproject.toml:2:1: tool.dockenv: expected a table",
        "[tool.dockenv]\\nrequirements = 'base'|pyproject.toml:2:1: tool.dockenv.requirements: expected an array of requirements sets",
        "[tool.dockenv]\\ndev-requirements = ['test', 3]|pyproject.toml:2:29: tool.dockenv.dev-requirements: expected an array",
        "[tool.dockenv]\\nrequirements = ['base', ' ']|pyproject.toml:2:25: tool.dockenv.requirements: an empty requirements set name",
        "[tool.dockenv]\\nrequirement = ['base']|pyproject.toml:2:1: unknown key 'tool.dockenv.requirement'",
    })
    void badSettingsNameFileLineAndKey(String toml, String message) {
        assertThatThrownBy(() -> read(toml.replace("\\n", "\n").replace('\'', '"')))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void anUnclosedQuoteInACommandStringIsAnError() {
        assertThatThrownBy(() -> read("[tool.dockenv]\ncommand = \"echo 'oops\"\n"))
                .hasMessageStartingWith("pyproject.toml:2:1: tool.dockenv.command: unclosed");
    }

    @Test
    void unknownKeysGetASuggestion() {
        assertThatThrownBy(() -> read("[tool.dockenv]\nbase_image = \"x\"\n"))
                .isInstanceOfSatisfying(InputException.class,
                        e -> assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).startsWith(
                                "did you mean 'base-image'?")));
    }

    @Test
    void requirementsSetsKeepWhereTheyAreNamed() {
        DockenvConfig c = read("[tool.dockenv]\nrequirements = [\"base\", \"parser\"]\n");
        assertThat(c.requirements()).hasValueSatisfying(sets -> {
            assertThat(sets).extracting(DockenvConfig.RequirementsChoice::name).containsExactly("base", "parser");
            assertThat(sets.get(1).location().line()).isEqualTo(2);
            assertThat(sets.get(1).location().column()).isEqualTo(25);
        });
        assertThat(c.devRequirements()).as("not configured is not an empty choice").isEmpty();
        assertThat(read("[tool.dockenv]\ndev-requirements = []\n").devRequirements()).contains(List.of());
    }

    @Test
    void aMisspeltRequirementsKeyGetsASuggestion() {
        assertThatThrownBy(() -> read("[tool.dockenv]\ndev_requirements = [\"test\"]\n"))
                .isInstanceOfSatisfying(InputException.class,
                        e -> assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).startsWith(
                                "did you mean 'dev-requirements'?")));
    }
}
