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

    @Test
    void buildInputsArePathsAndPatternsInsideTheProject() {
        DockenvConfig c = read("[tool.dockenv]\nbuild-inputs = [\"native/greet.c\", \"./data/\", \"scripts/*.sh\"]\n");
        assertThat(c.buildInputs()).extracting(DockenvConfig.BuildInput::pattern)
                .containsExactly("native/greet.c", "data", "scripts/*.sh");
        assertThat(c.buildInputs()).extracting(DockenvConfig.BuildInput::isGlob).containsExactly(false, false, true);
        assertThat(c.buildInputs().get(2).location()).hasToString("pyproject.toml:2:46");
        assertThat(read("[tool.dockenv]\n").buildInputs()).isEmpty();
        assertThat(readDockenvToml("build-inputs = [\"native\"]\n").buildInputs().get(0).location())
                .hasToString("dockenv.toml:1:17");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "'/etc/passwd'|2:17: tool.dockenv.build-inputs: '/etc/passwd' is an absolute path",
        "'~/notes.txt'|2:17: tool.dockenv.build-inputs: '~/notes.txt' is an absolute path",
        "'C:/data'|2:17: tool.dockenv.build-inputs: 'C:/data' is an absolute path",
        "'../secrets.txt'|2:17: tool.dockenv.build-inputs: '../secrets.txt' leaves the project folder",
        "'native/../../x'|2:17: tool.dockenv.build-inputs: 'native/../../x' leaves the project folder",
        "'native\\\\greet.c'|2:17: tool.dockenv.build-inputs: 'native\\greet.c' holds a backslash",
        "''|2:17: tool.dockenv.build-inputs: '' is empty",
        "'.'|2:17: tool.dockenv.build-inputs: '.' is the whole project",
        "'**'|2:17: tool.dockenv.build-inputs: '**' is the whole project",
        "'!native'|2:17: tool.dockenv.build-inputs: '!native' is an exception pattern",
        "'my data.csv'|2:17: tool.dockenv.build-inputs: 'my data.csv' holds a character a build step's mount cannot",
        "'a,b'|2:17: tool.dockenv.build-inputs: 'a,b' holds a character",
        "'x$HOME'|2:17: tool.dockenv.build-inputs: 'x$HOME' holds a character",
        "'a=b'|2:17: tool.dockenv.build-inputs: 'a=b' holds a character",
    })
    void badBuildInputsAreErrorsAtTheirPlace(String entry, String message) {
        assertThatThrownBy(() -> read("[tool.dockenv]\nbuild-inputs = [\"" + entry + "\"]\n"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("pyproject.toml:" + message);
    }

    @Test
    void buildInputsAreAnArrayOfStrings() {
        assertThatThrownBy(() -> read("[tool.dockenv]\nbuild-inputs = \"native\"\n"))
                .hasMessageStartingWith("pyproject.toml:2:1: tool.dockenv.build-inputs: expected an array of project files");
        assertThatThrownBy(() -> read("[tool.dockenv]\nbuild-inputs = [\"a\", \"b\\nRUN x\"]\n"))
                .hasMessageStartingWith("pyproject.toml:2:22: tool.dockenv.build-inputs: 'b\\nRUN x' holds a line break");
    }

    private static DockenvConfig readDockenvToml(String toml) {
        return ConfigReader.read(TomlDocument.parse(Path.of("dockenv.toml"), toml), List.of());
    }

    @Test
    void aBaseImageThatWouldAddInstructionsIsRefusedAtItsKey() {
        String injected = "base-image = \"python:3.11-slim AS pre\\nRUN echo INJECTED > /injected.txt\\nFROM pre\"\n";
        assertThatThrownBy(() -> readDockenvToml(injected))
                .isInstanceOfSatisfying(InputException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(dev.dockenv.errors.ExitCode.BAD_INPUT);
                    assertThat(e).hasMessage("dockenv.toml:1:1: base-image: 'python:3.11-slim AS pre\\nRUN echo INJECTED"
                            + " > /injected.txt\\nFROM pre' is not a Docker image reference: it holds a line break");
                    assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).contains("python:3.11-slim"));
                });
        assertThatThrownBy(() -> read("[tool.dockenv]\n" + injected))
                .hasMessageStartingWith("pyproject.toml:2:1: tool.dockenv.base-image: 'python:3.11-slim AS pre\\nRUN");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''|it is empty",
        "'python:3.11-slim AS pre'|it holds whitespace",
        "' python:3.11'|it holds whitespace",
        "'Python:3.11-slim'|the repository path must be lower case",
        "'python:3.11:slim'|it is not of the form",
        "'python@sha256:abc'|it is not of the form",
        "'python:3.11\tslim'|it holds whitespace",
    })
    void wrongBaseImagesAreErrorsAtTheirKey(String value, String problem) {
        assertThatThrownBy(() -> readDockenvToml("\nbase-image = \"" + value.replace("'", "") + "\"\n"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("dockenv.toml:2:1: base-image: '")
                .hasMessageContaining("is not a Docker image reference: " + problem);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
        "python:3.11-slim", "python", "library/python:3.12", "docker.io/library/python:3.11-slim-bookworm",
        "registry.example.org:5000/team/py_base:v1.2", "localhost:5000/x", "[::1]:5000/x:y",
        "python:3.11@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
        "mambaorg/micromamba:1.5.8", "GHCR.io/org/img:1", "ghcr.io/org/a__b-c.d:TAG_1"})
    void imageReferencesAreAccepted(String value) {
        assertThat(readDockenvToml("base-image = \"" + value + "\"\n").baseImage()).contains(value);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "index-url = 'ftp://example.org/simple'|2:1: index-url: 'ftp://example.org/simple' is not a package index URL: it is not an http:// or https:// URL",
        "index-url = 'example.org/simple'|2:1: index-url: 'example.org/simple' is not a package index URL: it is not an http:// or https:// URL",
        "index-url = ''|2:1: index-url: '' is not a package index URL: it is empty",
        "index-url = 'https://example.org/simple\\u000A--trusted-host evil'|2:1: index-url: 'https://example.org/simple\\n--trusted-host evil' is not a package index URL: it holds a line break",
        "index-url = 'https://example.org/simple --pre'|2:1: index-url: 'https://example.org/simple --pre' is not a package index URL: it holds whitespace",
        "index-url = 'https:///simple'|2:1: index-url: 'https:///simple' is not a package index URL: it names no host",
        "extra-index-urls = ['https://ok.org/simple', 'file:///srv/simple']|2:46: extra-index-urls: 'file:///srv/simple' is not a package index URL: it is not an http:// or https:// URL",
        "extra-index-urls = 'https://ok.org/simple x'|2:1: extra-index-urls: 'https://ok.org/simple x' is not a package index URL: it holds whitespace",
        "ports = ['999.1.1.1:80:80']|2:10: ports: '999.1.1.1:80:80' is not a port: 999.1.1.1 is not an IPv4 address (each part is 0 to 255)",
        "ports = [8000, 70000]|2:16: ports: '70000' is not a port: a port is between 1 and 65535",
        "ports = ['0.0.0.0:80:0']|2:10: ports: '0.0.0.0:80:0' is not a port: a port is between 1 and 65535",
        "command = ''|2:1: command: the command is empty",
        "command = '   '|2:1: command: the command is empty",
        "command = []|2:1: command: the command is empty",
        "command = ['', 'x']|2:12: command: the program to run is an empty string",
        "trusted-hosts = ['ok.org', 'x\\u000ARUN echo INJECTED']|2:28: trusted-hosts: 'x\\nRUN echo INJECTED' is not a host",
        "trusted-hosts = 'https://x.org'|2:1: trusted-hosts: 'https://x.org' is not a host",
        "build = ['echo one \\\\']|2:10: build: a build command cannot end with a backslash (it would continue onto the next line of the Dockerfile)",
        "build = 'cat <<EOF > /x'|2:1: build: a build command cannot hold a heredoc (<<WORD): BuildKit would read the Dockerfile's next lines into it",
        "[sub]\\nx = 1|2:1: unknown table '[sub]'",
    })
    void valuesThatAreWrongAreErrorsAtTheirKeyWithAHint(String toml, String message) {
        String text = "\n" + toml.replace("\\n", "\n").replace('\'', '"') + "\n";
        assertThatThrownBy(() -> readDockenvToml(text))
                .isInstanceOfSatisfying(InputException.class, e -> {
                    assertThat(e).hasMessage("dockenv.toml:" + message);
                    assertThat(e.hint()).isPresent();
                });
        assertThatThrownBy(() -> read("[tool.dockenv]" + text.replace("[sub]", "[tool.dockenv.sub]")))
                .isInstanceOf(InputException.class)
                .hasMessage("pyproject.toml:" + message.replaceFirst("^(\\d+:\\d+: )(unknown table '\\[)?", "$1$2tool.dockenv."));
    }

    @Test
    void anUnknownSubTableOfToolDockenvIsRefusedAsInDockenvToml() {
        assertThatThrownBy(() -> read("[tool.dockenv]\npython = \"3.11\"\n\n[tool.dockenv.sub]\nx = 1\n"))
                .isInstanceOfSatisfying(InputException.class, e -> {
                    assertThat(e).hasMessage("pyproject.toml:4:1: unknown table '[tool.dockenv.sub]'");
                    assertThat(e.hint()).isPresent();
                });
        assertThatThrownBy(() -> read("[tool.dockenv.sub]\nx = 1\n"))
                .hasMessage("pyproject.toml:1:1: unknown table '[tool.dockenv.sub]'");
        assertThatThrownBy(() -> readDockenvToml("python = \"3.11\"\n\n[sub]\nx = 1\n"))
                .hasMessage("dockenv.toml:3:1: unknown table '[sub]'");
    }

    @Test
    void anEnvValueWithALineBreakIsRefusedAtItsKey() {
        assertThatThrownBy(() -> read("[tool.dockenv]\nenv = { A = \"x\\nRUN echo INJECTED\" }\n"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("pyproject.toml:2:9: tool.dockenv.env.A: a line break or control character");
    }
}
