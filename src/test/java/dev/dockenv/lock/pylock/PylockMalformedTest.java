package dev.dockenv.lock.pylock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dockenv.errors.InputException;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each file of src/test/resources/lock/pylock/malformed is the PEP 751 example with one mistake,
 * refused at its place.
 */
class PylockMalformedTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "bad-toml           |4 |14|invalid TOML",
        "wrong-type         |10|1 |packages.wheels: expected an array of tables",
        "missing-version    |19|1 |package 'cattrs' has no version",
        "bad-hash           |27|264|packages.wheels.hashes.sha265: unknown hash algorithm 'sha265'",
        "no-source          |30|1 |package 'numpy' has no source (vcs, directory, archive, sdist or wheels)",
        "two-sources        |35|1 |packages.wheels: package 'numpy' has both directory and wheels; a package has one source",
        "unknown-dependency |24|5 |package 'cattrs' depends on 'atrs', which is not a package in the lock",
        "unsupported-version|1 |1 |lock-version: 2.0 is not supported (dockenv reads 1.x)",
        "no-created-by      |0 |0 |'created-by' is missing",
        "bad-marker         |33|1 |packages.marker: invalid marker 'dependency_groups == 'dev'' (at character 1): 'dependency_groups' is a set",
        "unknown-vcs        |34|8 |packages.vcs.type: unknown version control system 'fossil'",
        "not-a-wheel        |27|3 |packages.wheels: 'cattrs-24.1.2.tar.gz' is not a wheel file name",
    })
    void isRefusedAtTheMistake(String name, int line, int column, String fragment) {
        Path file = PylockReaderTest.fixture("malformed/pylock." + name + ".toml");
        InputException e = catchThrowableOfType(InputException.class, () -> PylockReader.read(file));
        assertThat(e).as("no error for " + name).isNotNull();
        assertThat(e.location().file()).isEqualTo(file);
        assertThat(e.problem()).contains(fragment);
        assertThat(e.location().line()).as(e.getMessage()).isEqualTo(line);
        assertThat(e.location().column()).as(e.getMessage()).isEqualTo(column);
    }
}
