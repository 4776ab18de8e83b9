package dev.dockenv.lock.pdm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dockenv.errors.InputException;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each file of src/test/resources/lock/pdm/malformed is refused at the place of its one mistake. */
class PdmLockMalformedTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "bad-toml              |5 |20|invalid TOML",
        "wrong-type            |32|1 |package.groups: expected an array of strings",
        "missing-version       |27|1 |package 'six' has no version",
        "bad-hash              |35|48|package.files.hash: invalid hash 'sha256-4721f391",
        "unsupported-version   |7 |1 |pdm.lock format 5.0 is not supported",
        "bad-requirement       |20|9 |package.dependencies: invalid requirement 'six>>1.5'",
        "unknown-dependency    |20|5 |package 'python-dateutil' depends on 'sixx', which is not a package in the lock",
        "bad-marker            |33|1 |package.marker: invalid marker 'python_version >= \"3.10\" and' (at character 29): expected a marker expression",
        "no-metadata           |10|1 |pdm.lock has no lock_version in [metadata]",
        "editable-without-path |30|1 |package.editable: an editable package needs a path or a VCS URL",
    })
    void isRefusedAtTheMistake(String name, int line, int column, String fragment) {
        Path file = PdmLockReaderTest.fixture("malformed/" + name + ".pdm.lock");
        InputException e = catchThrowableOfType(InputException.class, () -> PdmLockReader.read(file));
        assertThat(e).as("no error for " + name).isNotNull();
        assertThat(e.location().file()).isEqualTo(file);
        assertThat(e.problem()).contains(fragment);
        assertThat(e.location().line()).as(e.getMessage()).isEqualTo(line);
        assertThat(e.location().column()).as(e.getMessage()).isEqualTo(column);
    }
}
