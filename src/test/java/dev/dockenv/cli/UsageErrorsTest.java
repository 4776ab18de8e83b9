package dev.dockenv.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A command line dockenv cannot take is a usage error (exit 2) with picocli's own words, never "a bug" (1). */
class UsageErrorsTest {
    @TempDir
    Path tmp;
    Path project;
    CliHarness cli;

    @BeforeEach
    void setUp() throws Exception {
        project = Files.createDirectories(tmp.resolve("shop"));
        Files.writeString(project.resolve("requirements.txt"), "requests==2.31.0\n");
        cli = new CliHarness(tmp.resolve("cache"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "frobnicate               | Unmatched argument at index 0: 'frobnicate'",
        "run --nope               | Unknown option: '--nope'",
        "build --target           | Missing required parameter for option '--target'",
        "init --force=maybe       | Invalid value for option '--force': 'maybe' is not a boolean",
        "add                      | Missing required parameter: 'PKG'",
        "status a.py extra        | Unmatched argument at index 2: 'extra'",
        "status extra             | extra is not a file",
        "lock --check --check=no  | Invalid value for option '--check'",
    })
    void isAUsageError(String commandLine, String says) {
        assertThat(cli.run(project, commandLine.trim().split(" +"))).isEqualTo(2);
        assertThat(cli.err).contains(says).doesNotContain("internal error", "a bug");
    }
}
