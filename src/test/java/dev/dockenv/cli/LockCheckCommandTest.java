package dev.dockenv.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dockenv lock --check} checks the lock the project actually installs from. */
class LockCheckCommandTest {
    @TempDir
    Path tmp;
    Path project;
    CliHarness cli;

    @BeforeEach
    void setUp() throws Exception {
        project = Files.createDirectories(tmp.resolve("studio"));
        cli = new CliHarness(tmp.resolve("cache"));
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(LockCheckCommandTest.class.getResource("/lock/" + name).toURI());
    }

    private void uvProject() throws Exception {
        Files.copy(resource("uv/freshness/studio/pyproject.toml"), project.resolve("pyproject.toml"));
        Files.copy(resource("uv/freshness/studio/uv.lock"), project.resolve("uv.lock"));
    }

    @Test
    void aFreshUvLockIsUpToDate() throws Exception {
        uvProject();
        assertThat(cli.run(project, "lock", "--check")).as(cli.err).isZero();
        assertThat(cli.err).contains("uv.lock is up to date").contains("uv lock --check").doesNotContain("pylock");
    }

    @Test
    void aStaleUvLockIsExitFourWithUvsWayOut() throws Exception {
        uvProject();
        Files.writeString(project.resolve("pyproject.toml"), Files.readString(project.resolve("pyproject.toml"))
                .replace("lint = [\"ruff\"]", "lint = [\"ruff\", \"mypy\"]"));
        assertThat(cli.run(project, "lock", "--check")).isEqualTo(4);
        assertThat(cli.err).contains("uv.lock: stale lock: pyproject.toml changed since uv.lock was written")
                .contains("run `uv lock` to update it");
    }

    @Test
    void aLockThatRecordsNothingIsLeftToItsToolsCheck() throws Exception {
        Files.writeString(project.resolve("Pipfile"), "[packages]\nrequests = \"*\"\n");
        Files.writeString(project.resolve("Pipfile.lock"), "{\"_meta\": {\"requires\": {}, \"sources\": []},"
                + " \"default\": {}, \"develop\": {}}");
        assertThat(cli.run(project, "lock", "--check")).isEqualTo(4);
        assertThat(cli.err).contains("cannot tell whether Pipfile.lock is up to date").contains("pipenv verify");
    }

    @Test
    void withoutAnyLockItIsStillPylockThatIsMissing() throws Exception {
        Files.writeString(project.resolve("requirements.txt"), "requests\n");
        assertThat(cli.run(project, "lock", "--check")).isEqualTo(4);
        assertThat(cli.err).contains("no lock: pylock.toml does not exist");
    }
}
