package dev.dockenv.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dockenv.errors.ExitCode;
import dev.dockenv.errors.InputException;
import dev.dockenv.lock.LockFile;
import dev.dockenv.project.ProjectScanner;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A project's lock is checked against its manifest when it is selected. */
class LockSelectionTest {
    @TempDir
    Path dir;

    private static Path resource(String name) {
        try {
            return Path.of(LockSelectionTest.class.getResource("/lock/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private void copy(String resource, String as) throws IOException {
        Files.copy(resource(resource), dir.resolve(as));
    }

    @Test
    void aFreshPdmLockIsSelected() throws IOException {
        copy("pdm/content-hash/groups/pyproject.toml", "pyproject.toml");
        copy("pdm/content-hash/groups/pdm.lock", "pdm.lock");
        Optional<LockFile> lock = LockSelection.find(ProjectScanner.scan(dir));
        assertThat(lock).hasValueSatisfying(l -> assertThat(l.format()).isEqualTo("pdm.lock"));
    }

    @Test
    void aStalePdmLockIsAnErrorWithTheWayOut() throws IOException {
        copy("pdm/content-hash/groups/pdm.lock", "pdm.lock");
        Files.writeString(dir.resolve("pyproject.toml"), Files.readString(
                resource("pdm/content-hash/groups/pyproject.toml")).replace("\"anyio>=4\",", "\"anyio>=4\", \"rich\","));
        InputException e = catchThrowableOfType(InputException.class,
                () -> LockSelection.find(ProjectScanner.scan(dir)));
        assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(e.getMessage()).startsWith(dir.resolve("pdm.lock") + ": stale lock: pyproject.toml changed");
        assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).contains("pdm lock"));
    }

    @Test
    void aPdmLockBesideAPyprojectWithoutAProjectTableIsNotChecked() throws IOException {
        copy("pdm/content-hash/groups/pdm.lock", "pdm.lock");
        Files.writeString(dir.resolve("pyproject.toml"), "[tool.ruff]\nline-length = 100\n");
        assertThat(LockSelection.find(ProjectScanner.scan(dir))).isPresent();
    }

    @Test
    void aUvLockIsCheckedAgainstPyproject() throws IOException {
        copy("uv/freshness/studio/pyproject.toml", "pyproject.toml");
        copy("uv/freshness/studio/uv.lock", "uv.lock");
        assertThat(LockSelection.find(ProjectScanner.scan(dir))).hasValueSatisfying(
                l -> assertThat(l.format()).isEqualTo("uv.lock"));

        Files.writeString(dir.resolve("pyproject.toml"), Files.readString(dir.resolve("pyproject.toml"))
                .replace("lint = [\"ruff\"]", "lint = [\"ruff\", \"mypy\"]"));
        InputException e = catchThrowableOfType(InputException.class,
                () -> LockSelection.find(ProjectScanner.scan(dir)));
        assertThat(e.getMessage()).isEqualTo(dir.resolve("uv.lock") + ": stale lock: pyproject.toml changed since "
                + "uv.lock was written (studio's dependency group 'lint': pyproject.toml has mypy, which uv.lock "
                + "does not record)");
        assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).contains("uv lock"));
    }
}
