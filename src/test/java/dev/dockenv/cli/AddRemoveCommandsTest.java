package dev.dockenv.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** add/remove without an engine (--no-sync, no lock): the file edits, the refusals and their exit codes. */
class AddRemoveCommandsTest {
    @TempDir
    Path tmp;
    Path project;
    CliHarness cli;

    @BeforeEach
    void setUp() throws Exception {
        project = Files.createDirectories(tmp.resolve("shop"));
        Files.writeString(project.resolve("requirements.txt"), "# web\nflask==3.0.0\n");
        cli = new CliHarness(tmp.resolve("cache"));
    }

    @Test
    void addAndRemoveEditTheRequirementsFile() throws Exception {
        assertThat(cli.run(project, "add", "--no-sync", "requests>=2", "Flask>=3.1")).as(cli.err).isZero();
        assertThat(Files.readString(project.resolve("requirements.txt"))).isEqualTo("# web\nFlask>=3.1\nrequests>=2\n");
        assertThat(cli.err).contains("added requests>=2 (requirements.txt)",
                "replaced flask==3.0.0 with Flask>=3.1");
        assertThat(cli.run(project, "remove", "--no-sync", "flask")).as(cli.err).isZero();
        assertThat(Files.readString(project.resolve("requirements.txt"))).isEqualTo("# web\nrequests>=2\n");
    }

    @Test
    void devPackagesGoToANewDevRequirementsFile() throws Exception {
        assertThat(cli.run(project, "add", "--dev", "--no-sync", "pytest")).as(cli.err).isZero();
        assertThat(Files.readString(project.resolve("requirements-dev.txt"))).isEqualTo("pytest\n");
        assertThat(cli.err).contains("requirements-dev.txt (new)");
    }

    @Test
    void removingWhatIsNotThereSaysWhereItIs() throws Exception {
        Files.writeString(project.resolve("requirements-dev.txt"), "pytest\n");
        assertThat(cli.run(project, "remove", "--no-sync", "pytest")).isEqualTo(4);
        assertThat(cli.err).contains("pytest is not in requirements.txt", "requirements-dev.txt",
                "dockenv remove --dev pytest").doesNotContain("Exception");
        assertThat(cli.run(project, "remove", "--no-sync", "numpy")).isEqualTo(4);
        assertThat(cli.err).contains("numpy is not declared in requirements.txt");
        assertThat(Files.readString(project.resolve("requirements.txt"))).isEqualTo("# web\nflask==3.0.0\n");
    }

    @Test
    void aBadRequirementIsAUsageError() {
        assertThat(cli.run(project, "add", "--no-sync", "requests>>2")).isEqualTo(2);
        assertThat(cli.err).contains("'requests>>2' is not a PEP 508 requirement");
    }

    @Test
    void aLockAnotherToolWritesIsLeftToIt() throws Exception {
        Files.writeString(project.resolve("uv.lock"), "version = 1\n");
        assertThat(cli.run(project, "add", "--no-sync", "numpy")).isEqualTo(4);
        assertThat(cli.err).contains("uv.lock pins this project's packages", "uv add");
        assertThat(Files.readString(project.resolve("requirements.txt"))).isEqualTo("# web\nflask==3.0.0\n");
    }
}
