package dev.dockenv.lock.uv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dockenv.errors.InputException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each file of src/test/resources/lock/uv/malformed is refused at the place of its one mistake. */
class UvLockMalformedTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "bad-toml            ||14|12|invalid TOML",
        "wrong-type          ||9 |1 |package.dependencies: expected an array of tables",
        "missing-version     ||13|1 |package 'six' has no version",
        "bad-hash            ||17|145|package.sdist.hash: invalid sha256 hash: 16 hex digits, expected 64",
        "unknown-source      ||16|1 |package.source: unknown source type 'svn'",
        "unknown-dependency  ||11|5 |package 'app' depends on 'sixx', which is not a package in the lock",
        "unsupported-version ||1 |1 |uv.lock format version 2 is not supported",
        "bad-marker          ||10|21|package.dependencies.marker: invalid marker \"sys_platform = 'win32'\" (at character 14): invalid operator '='",
        "no-project          ||0 |0 |uv.lock has no project package",
        "ambiguous           ||10|5 |depends on 'six', which names several packages in the lock (six 1.17.0, six 1.16.0)",
        "bad-version         ||15|1 |package.version: invalid version '1.17 .0'",
        "wrong-size          ||17|227|package.sdist.size: expected an integer",
        "missing-version     |yaml|13|1 |package 'six' has no version",
    })
    void isRefusedAtTheMistake(String name, String extras, int line, int column, String fragment) {
        Path file = UvLockReaderTest.fixture("malformed/" + name + ".uv.lock");
        Set<String> wanted = extras == null ? Set.of() : Arrays.stream(extras.split(",")).collect(Collectors.toSet());
        InputException e = catchThrowableOfType(InputException.class, () -> UvLockReader.read(file, wanted));
        assertThat(e).as("no error for " + name).isNotNull();
        assertThat(e.location().file()).isEqualTo(file);
        assertThat(e.problem()).contains(fragment.replace('"', '\''));
        assertThat(e.location().line()).as(e.getMessage()).isEqualTo(line);
        assertThat(e.location().column()).as(e.getMessage()).isEqualTo(column);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "nope|extra 'nope' is not defined by project 'webapp'|its extras are: yaml",
    })
    void anUnknownExtraIsRefusedAtTheProject(String extra, String problem, String hint) {
        Path file = UvLockReaderTest.fixture("uv.lock");
        InputException e = catchThrowableOfType(InputException.class, () -> UvLockReader.read(file, Set.of(extra)));
        assertThat(e.problem()).isEqualTo(problem);
        assertThat(e.hint()).contains(hint);
        assertThat(e.location().line()).isEqualTo(158);
    }
}
