package dev.dockenv.lock.conda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockenv.deps.GlobalOption;
import dev.dockenv.deps.IncludeFile;
import dev.dockenv.deps.LocalRequirement;
import dev.dockenv.deps.PackageRequirement;
import dev.dockenv.errors.ExitCode;
import dev.dockenv.errors.InputException;
import dev.dockenv.errors.SourceLocation;
import dev.dockenv.lock.DeclaredDependencies;
import dev.dockenv.lock.DependencyGroups;
import dev.dockenv.python.DeclaredRequirement;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import dev.dockenv.python.DeclaredPython;

public class CondaEnvironmentReaderTest {

    public static Path resource(String name) {
        try {
            return Path.of(CondaEnvironmentReaderTest.class.getResource("/lock/conda/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String describe(MatchSpec s) {
        return s.location().line() + ":" + s.location().column() + " " + s.channel().map(c -> c + "::").orElse("")
                + s.name() + s.version().map(v -> " " + v).orElse("") + s.build().map(b -> " [" + b + "]").orElse("");
    }

    @Test
    void readsADataScienceEnvironment() {
        Path file = resource("valid/data-science.yml");

        CondaEnvironment env = CondaEnvironmentReader.read(file);

        assertThat(env.file()).isEqualTo(file);
        assertThat(env.name()).contains("churn-analysis");
        assertThat(env.channelNames()).containsExactly("conda-forge", "nodefaults");
        assertThat(env.channels().get(1).location()).isEqualTo(new SourceLocation(file, 6, 5));
        assertThat(env.dependencies()).extracting(CondaEnvironmentReaderTest::describe).containsExactly(
                "8:5 python =3.11",
                "9:5 pip",
                "10:5 numpy >=1.26,<2",
                "11:5 pandas =2.2",
                "12:5 scikit-learn",
                "13:5 matplotlib-base",
                "14:5 jupyterlab >=4",
                "15:5 conda-forge::pyarrow =15.0.2",
                "16:5 libblas =* [*openblas]",
                "17:6 scipy >=1.11");
        assertThat(env.listsPip()).isTrue();
        assertThat(env.python()).contains(new DeclaredPython("3.11", new SourceLocation(file, 8, 5)));
        assertThat(env.variables()).isEmpty();
        assertThat(env.ignoredKeys()).isEmpty();
    }

    @Test
    void readsThePipSectionAsPipReadsARequirementsFile() {
        Path file = resource("valid/data-science.yml");

        CondaEnvironment env = CondaEnvironmentReader.read(file);

        assertThat(env.pipLines()).extracting(PipLine::text).containsExactly(
                "--extra-index-url https://download.pytorch.org/whl/cpu",
                "torch==2.2.2",
                "shap>=0.45 ; python_version >= '3.10'",
                "-r requirements-extra.txt",
                "-e .");
        assertThat(env.pipRequirements().entries()).extracting(e -> e.location().line() + ":" + e.location().column())
                .containsExactly("19:9", "20:9", "21:10", "22:9", "23:9");
        assertThat(env.pipRequirements().entriesOf(GlobalOption.class)).singleElement()
                .satisfies(o -> assertThat(o.value()).contains("https://download.pytorch.org/whl/cpu"));
        assertThat(env.pipRequirements().entriesOf(PackageRequirement.class))
                .extracting(p -> p.requirement().name()).containsExactly("torch", "shap");
        assertThat(env.pipRequirements().entriesOf(IncludeFile.class)).singleElement()
                .satisfies(i -> assertThat(i.rawPath()).isEqualTo("requirements-extra.txt"));
        assertThat(env.pipRequirements().entriesOf(LocalRequirement.class)).singleElement()
                .satisfies(l -> assertThat(l.editable()).isTrue());
    }

    @Test
    void turnsThePipPartIntoDeclaredDependencies() {
        Path file = resource("valid/data-science.yml");

        DeclaredDependencies declared = CondaEnvironmentReader.read(file).toDeclaredDependencies();

        assertThat(declared.file()).isEqualTo(file);
        assertThat(declared.format()).isEqualTo("environment.yml");
        assertThat(declared.group(DependencyGroups.MAIN)).containsExactly(
                new DeclaredRequirement("torch==2.2.2", new SourceLocation(file, 20, 9)),
                new DeclaredRequirement("shap>=0.45 ; python_version >= '3.10'", new SourceLocation(file, 21, 10)));
        assertThat(declared.python()).map(DeclaredPython::text).contains("3.11");
        assertThat(declared.indexUrls()).containsExactly("https://download.pytorch.org/whl/cpu");
    }

    @Test
    void readsAMinimalEnvironment() {
        CondaEnvironment env = CondaEnvironmentReader.read(resource("valid/minimal.yml"));

        assertThat(env.name()).contains("base");
        assertThat(env.channels()).isEmpty();
        assertThat(env.dependencies()).extracting(MatchSpec::name).containsExactly("python", "requests");
        assertThat(env.python()).isEmpty();
        assertThat(env.hasPipSection()).isFalse();
        assertThat(env.listsPip()).isFalse();
        assertThat(env.toDeclaredDependencies().group(DependencyGroups.MAIN)).isEmpty();
    }

    @Test
    void readsVariablesWithYaml12ScalarsAndSetsOtherToolsKeysAside() {
        Path file = resource("valid/variables.yaml");

        CondaEnvironment env = CondaEnvironmentReader.read(file);

        assertThat(env.variables()).containsExactly(
                Map.entry("PROJ_NETWORK", "ON"),
                Map.entry("DEBUG", "on"),
                Map.entry("MAX_WORKERS", "4"),
                Map.entry("GREETING", "hello, world"));
        assertThat(env.python()).contains(new DeclaredPython("3.12", new SourceLocation(file, 5, 5)));
        assertThat(env.ignoredKeys()).containsExactly(Map.entry("platforms", new SourceLocation(file, 16, 1)));
        assertThat(env.pipRequirements().entriesOf(PackageRequirement.class)).singleElement()
                .satisfies(p -> assertThat(p.location()).isEqualTo(new SourceLocation(file, 9, 7)));
    }

    @Test
    void readsFlowStyleBracketSpecsAndPythonRanges() {
        Path file = resource("valid/ranges.yml");

        CondaEnvironment env = CondaEnvironmentReader.read(file);

        assertThat(env.channelNames()).containsExactly("conda-forge", "bioconda");
        assertThat(env.dependencies()).extracting(CondaEnvironmentReaderTest::describe).containsExactly(
                "2:18 python >=3.10,<3.13",
                "2:39 samtools =1.19 [h50ea8bc_0]",
                "2:66 numpy >=1.24 [py*]");
        assertThat(env.python()).map(DeclaredPython::text).contains(">=3.10,<3.13");
    }

    @Test
    void keepsYaml12ScalarsAsWritten() {
        String yaml = """
                name: yes
                channels: ~
                dependencies:
                  - python=3.10
                  - nodejs=18
                variables:
                  ENABLED: off
                  EMPTY: ""
                """;

        CondaEnvironment env = CondaEnvironmentReader.parse(Path.of("environment.yml"), yaml);

        assertThat(env.name()).contains("yes");
        assertThat(env.channels()).isEmpty();
        assertThat(env.dependencies()).extracting(MatchSpec::text).containsExactly("python=3.10", "nodejs=18");
        assertThat(env.python()).map(DeclaredPython::text).contains("3.10");
        assertThat(env.variables()).containsExactly(Map.entry("ENABLED", "off"), Map.entry("EMPTY", ""));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        quoted newline      | '  X: "one\\nRUN echo INJECTED > /injected.txt"~' | 4 | 6 | line break
        block scalar        | '  X: |~    one~    RUN echo INJECTED~'             | 4 | 6 | line break
        folded scalar       | '  X: >~    one~'                                   | 4 | 6 | line break
        carriage return     | '  X: "one\\rtwo"~'                                 | 4 | 6 | line break
        bell                | '  X: "one\\atwo"~'                                 | 4 | 6 | control character
        """)
    void aVariableThatWouldBreakOutOfItsEnvLineIsRefusedAtItsValue(String what, String variable, int line, int column,
            String kind) {
        String yaml = "name: x\ndependencies: []\nvariables:\n" + variable.replace("~", "\n");
        Path file = Path.of("environment.yml");
        assertThatThrownBy(() -> CondaEnvironmentReader.parse(file, yaml))
                .isInstanceOfSatisfying(InputException.class, e -> {
                    assertThat(e.location()).isEqualTo(new SourceLocation(file, line, column));
                    assertThat(e.problem()).isEqualTo("variables: X holds a " + kind + ", which an environment variable"
                            + " of the image cannot carry (a Dockerfile ENV value is one line)");
                    assertThat(e.hint()).isPresent();
                    assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
                });
    }

    @Test
    void aFoldedOneLineVariableIsKept() {
        CondaEnvironment env = CondaEnvironmentReader.parse(Path.of("environment.yml"),
                "name: x\ndependencies: []\nvariables:\n  X: >-\n    one\n    two\n  Y: \"tab\\there\"\n");
        assertThat(env.variables()).containsExactly(Map.entry("X", "one two"), Map.entry("Y", "tab\there"));
    }

    @Test
    void toleratesAByteOrderMarkAndEmptySections() {
        CondaEnvironment env = CondaEnvironmentReader.parse(Path.of("environment.yml"),
                "\uFEFFname: empty\ndependencies:\nvariables:\n");

        assertThat(env.name()).contains("empty");
        assertThat(env.dependencies()).isEmpty();
        assertThat(env.variables()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        yaml-syntax.yml               | 3 | 13 | invalid YAML: mapping values are not allowed here
        tab-indent.yml                | 3 | 1  | invalid YAML: found character '\\t(TAB)' that cannot start any token
        unclosed-quote.yml            | 3 | 1  | invalid YAML: found unexpected end of stream while scanning a quoted scalar
        two-documents.yml             | 2 | 1  | invalid YAML: expected a single document in the stream, but found another document
        empty.yml                     | 0 | 0  | the environment file is empty
        top-level-list.yml            | 1 | 1  | expected a mapping with name, channels and dependencies at the top level, found a list
        duplicate-key.yml             | 4 | 1  | 'name' appears twice (first on line 1)
        misspelt-key.yml              | 2 | 1  | unknown key 'chanels'
        dependencies-not-a-list.yml   | 2 | 15 | dependencies: expected a list, found 'numpy'
        dict-other-than-pip.yml       | 4 | 5  | dependencies: only 'pip:' can hold a list here, found 'conda:'
        empty-dependency.yml          | 2 | 4  | dependencies: expected a conda package such as numpy=1.26, or a pip: list, found nothing
        two-pip-lists.yml             | 4 | 5  | dependencies: a second 'pip:' list
        pip-not-a-list.yml            | 3 | 10 | pip: expected a list of pip requirement lines, found 'requests'
        channel-with-blank.yml        | 2 | 10 | channels: a channel name cannot contain blanks ('conda forge')
        variables-not-a-mapping.yml   | 4 | 3  | variables: expected a mapping of NAME: value, found a list
        bad-operator.yml              | 6 | 10 | invalid conda dependency 'numpy=>1.26': invalid operator '=>': did you mean '>='?
        bad-version-character.yml     | 3 | 15 | invalid conda dependency 'numpy=1.26$': invalid character '$' in version '1.26$'
        single-colon-channel.yml      | 2 | 16 | invalid conda dependency 'conda-forge:numpy': a single ':' here
        quoted-trailing-comma.yml     | 2 | 19 | invalid conda dependency 'numpy >=1.20,': expected a version constraint, found the end
        blank-in-build.yml            | 2 | 21 | unexpected blank in build string 'py311 extra'
        unknown-bracket-key.yml       | 2 | 11 | unknown key 'versoin' inside [...]
        python-or.yml                 | 2 | 5  | cannot read the Python version of 'python 3.11|3.12'
        bad-pip-line.yml              | 5 | 25 | invalid pip line: invalid requirement: expected a version after '<'
        pip-bad-hash.yml              | 3 | 23 | invalid pip line: a sha256 digest has 64 hex digits, this one has 3
        pip-option-alone.yml          | 3 | 9  | invalid pip line: option '--hash' applies to a requirement, but this line has none
        """)
    void reportsMalformedFilesAtFileLineAndColumn(String name, int line, int column, String message) {
        Path file = resource("invalid/" + name);

        assertThatThrownBy(() -> CondaEnvironmentReader.read(file))
                .isInstanceOfSatisfying(InputException.class, e -> {
                    assertThat(e.location()).isEqualTo(new SourceLocation(file, line, column));
                    assertThat(e.problem()).contains(message);
                    assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
                });
    }

    @Test
    void hintsAtTheKeyAMisspeltKeyMeant() {
        assertThatThrownBy(() -> CondaEnvironmentReader.read(resource("invalid/misspelt-key.yml")))
                .isInstanceOfSatisfying(InputException.class,
                        e -> assertThat(e.hint()).contains("did you mean 'channels'?"));
    }

    @Test
    void reportsAMissingOrNonUtf8File(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("environment.yml");
        assertThatThrownBy(() -> CondaEnvironmentReader.read(missing))
                .isInstanceOfSatisfying(InputException.class, e -> {
                    assertThat(e.location()).isEqualTo(SourceLocation.of(missing));
                    assertThat(e.problem()).isEqualTo("file not found");
                });

        Path latin1 = Files.write(dir.resolve("environment.yaml"), new byte[] {'n', 'a', 'm', 'e', ':', ' ', (byte) 0xE9});
        assertThatThrownBy(() -> CondaEnvironmentReader.read(latin1))
                .isInstanceOfSatisfying(InputException.class,
                        e -> assertThat(e.problem())
                                .isEqualTo("the file is not valid UTF-8 text at line 1 (byte 0xE9 at byte offset 6)"));
    }

    @Test
    void quotedPipLinesReportColumnsInsideTheQuotes() {
        String yaml = "dependencies:\n  - pip:\n      - \"flask>=3.0,<\"\n";

        assertThatThrownBy(() -> CondaEnvironmentReader.parse(Path.of("env.yml"), yaml))
                .isInstanceOfSatisfying(InputException.class,
                        e -> assertThat(e.location()).isEqualTo(new SourceLocation(Path.of("env.yml"), 3, 22)));
    }

    @Test
    void pipLinesOnSeveralYamlLinesAreReportedAtTheirStart() {
        String yaml = "dependencies:\n  - pip:\n      - \"flask>=3.0,\n        <\"\n";

        assertThatThrownBy(() -> CondaEnvironmentReader.parse(Path.of("env.yml"), yaml))
                .isInstanceOfSatisfying(InputException.class,
                        e -> assertThat(e.location()).isEqualTo(new SourceLocation(Path.of("env.yml"), 3, 10)));
    }

    @Test
    void recordsEveryListedDependencyInOrder() {
        CondaEnvironment env = CondaEnvironmentReader.parse(Path.of("environment.yml"),
                "dependencies: [python=3.12, pip, {pip: [requests]}]\n");

        assertThat(env.dependencies()).extracting(MatchSpec::name).containsExactly("python", "pip");
        assertThat(env.pipLines()).extracting(PipLine::text).containsExactly("requests");
        assertThat(env.python()).map(DeclaredPython::text).isEqualTo(Optional.of("3.12"));
        assertThat(List.copyOf(env.variables().keySet())).isEmpty();
    }
}
