package dev.dockenv.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dockenv.errors.DockenvException;
import dev.dockenv.errors.ExitCode;
import dev.dockenv.errors.InputException;
import dev.dockenv.lock.format.Freshness;
import dev.dockenv.lock.format.LockFormat;
import dev.dockenv.project.Project;
import dev.dockenv.project.ProjectScanner;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one decision of what installs the environment: conda over a lock over a manifest over
 * requirements; a lock of each format read and checked against its manifest (freshness as a
 * value, refused by {@code requireFresh}).
 */
class InstallDeciderTest {
    @TempDir
    Path dir;

    private static Path resource(String name) {
        try {
            return Path.of(InstallDeciderTest.class.getResource("/lock/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private void copy(String resource, String as) throws IOException {
        Files.copy(resource(resource), dir.resolve(as));
    }

    private void write(String name, String text) throws IOException {
        Files.createDirectories(dir.resolve(name).getParent());
        Files.writeString(dir.resolve(name), text);
    }

    private InstallDecision decide() {
        return InstallDecider.decide(ProjectScanner.scan(dir), Map.of());
    }

    private InstallDecision.Locked locked() {
        InstallDecision d = decide();
        assertThat(d).isInstanceOf(InstallDecision.Locked.class);
        return (InstallDecision.Locked) d;
    }

    @Test
    void requirementsAloneAreRequirements() throws IOException {
        write("requirements.txt", "requests>=2\n");
        write("requirements-dev.txt", "pytest\n");
        InstallDecision d = decide();
        assertThat(d).isInstanceOf(InstallDecision.Requirements.class);
        DeclaredStages stages = ((InstallDecision.Requirements) d).stages();
        assertThat(stages.main().requirements()).extracting(r -> dir.relativize(r.file()).toString())
                .containsExactly("requirements.txt");
        assertThat(stages.dev().requirements()).extracting(r -> dir.relativize(r.file()).toString())
                .containsExactly("requirements-dev.txt");
    }

    @Test
    void aPipfileWithoutALockIsAManifestBesideTheRequirements() throws IOException {
        write("requirements.txt", "requests>=2\n");
        write("Pipfile", "[packages]\nrich = \"*\"\n\n[dev-packages]\npytest = \">=8\"\n");
        InstallDecision d = decide();
        assertThat(d).isInstanceOf(InstallDecision.Manifest.class);
        InstallDecision.Manifest m = (InstallDecision.Manifest) d;
        assertThat(m.stages().main().packages()).contains("rich");
        assertThat(m.stages().dev().packages()).contains("pytest>=8");
        assertThat(m.stages().main().requirements()).hasSize(1);
    }

    @Test
    void theFirstLockInOrderOfPrecedenceWins() throws IOException {
        copy("pdm/content-hash/groups/pyproject.toml", "pyproject.toml");
        copy("pdm/content-hash/groups/pdm.lock", "pdm.lock");
        assertThat(locked().reading().format()).isEqualTo(LockFormat.PDM);
        copy("uv/freshness/studio/uv.lock", "uv.lock");
        assertThat(locked().reading().format()).isEqualTo(LockFormat.UV);
        assertThat(LockFormat.fileNames()).containsExactly("pylock.toml", "uv.lock", "poetry.lock", "pdm.lock",
                "Pipfile.lock");
    }

    @Test
    void aCondaEnvironmentIsTheEnvironmentWhateverLocksThereAre() throws IOException {
        copy("pdm/content-hash/groups/pyproject.toml", "pyproject.toml");
        copy("pdm/content-hash/groups/pdm.lock", "pdm.lock");
        write("environment.yml", "dependencies:\n  - python=3.11\n  - numpy\n");
        assertThat(decide()).isInstanceOf(InstallDecision.Conda.class);
    }

    @Test
    void aFreshPdmLockIsFresh() throws IOException {
        copy("pdm/content-hash/groups/pyproject.toml", "pyproject.toml");
        copy("pdm/content-hash/groups/pdm.lock", "pdm.lock");
        InstallDecision.Locked locked = locked();
        assertThat(locked.reading().freshness()).isEqualTo(Freshness.FRESH);
        assertThat(locked.requireFresh()).isSameAs(locked);
    }

    @Test
    void aStalePdmLockIsStaleAndRefusedWithTheWayOut() throws IOException {
        copy("pdm/content-hash/groups/pdm.lock", "pdm.lock");
        Files.writeString(dir.resolve("pyproject.toml"), Files.readString(
                resource("pdm/content-hash/groups/pyproject.toml")).replace("\"anyio>=4\",", "\"anyio>=4\", \"rich\","));
        InstallDecision.Locked locked = locked();
        assertThat(locked.reading().freshness()).isInstanceOf(Freshness.Stale.class);
        InputException e = catchThrowableOfType(InputException.class, locked::requireFresh);
        assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(e.getMessage()).startsWith(dir.resolve("pdm.lock") + ": stale lock: pyproject.toml changed");
        assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).contains("pdm lock"));
    }

    @Test
    void aPdmLockBesideAPyprojectWithoutAProjectTableIsNotChecked() throws IOException {
        copy("pdm/content-hash/groups/pdm.lock", "pdm.lock");
        Files.writeString(dir.resolve("pyproject.toml"), "[tool.ruff]\nline-length = 100\n");
        assertThat(locked().reading().freshness()).isEqualTo(Freshness.UNRECORDED);
        locked().requireFresh();
    }

    @Test
    void aUvLockIsCheckedAgainstPyproject() throws IOException {
        copy("uv/freshness/studio/pyproject.toml", "pyproject.toml");
        copy("uv/freshness/studio/uv.lock", "uv.lock");
        assertThat(locked().reading().freshness()).isEqualTo(Freshness.FRESH);

        Files.writeString(dir.resolve("pyproject.toml"), Files.readString(dir.resolve("pyproject.toml"))
                .replace("lint = [\"ruff\"]", "lint = [\"ruff\", \"mypy\"]"));
        InputException e = catchThrowableOfType(InputException.class, () -> locked().requireFresh());
        assertThat(e.getMessage()).isEqualTo(dir.resolve("uv.lock") + ": stale lock: pyproject.toml changed since "
                + "uv.lock was written (studio's dependency group 'lint': pyproject.toml has mypy, which uv.lock "
                + "does not record)");
        assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).contains("uv lock"));
    }

    @Test
    void dockenvsOwnLockIsJudgedByTheDigestOfWhatTheProjectWouldBeLockedFrom() throws IOException {
        write("requirements.txt", "colorsay>=2\n");
        Project project = ProjectScanner.scan(dir);
        String digest = LockInputs.digest(project, InstallDecider.unlocked(project, Map.of()));
        write("pylock.toml", pylock(digest));
        InstallDecision.Locked locked = locked();
        assertThat(locked.reading().format()).isEqualTo(LockFormat.PYLOCK);
        assertThat(locked.reading().writtenByDockenv()).isTrue();
        assertThat(locked.reading().freshness()).isEqualTo(Freshness.FRESH);

        write("requirements.txt", "colorsay>=2.1\n");
        DockenvException stale = catchThrowableOfType(DockenvException.class, () -> locked().requireFresh());
        assertThat(stale.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(stale.getMessage()).startsWith("stale lock: the project's dependencies");
        assertThat(stale.hint()).contains("run `dockenv lock` to update it");
    }

    @Test
    void aPylockAnotherToolWroteRecordsNothingToCompareAndIsInstalled() throws IOException {
        write("requirements.txt", "colorsay>=2\n");
        write("pylock.toml", pylock(null));
        InstallDecision.Locked locked = locked();
        assertThat(locked.reading().writtenByDockenv()).isFalse();
        assertThat(locked.reading().freshness()).isEqualTo(Freshness.UNRECORDED);
        locked.requireFresh();
    }

    @Test
    void theLocksIndexIsTheBuildsWhenNothingElseNamesOne() throws IOException {
        write("requirements.txt", "colorsay>=2\n");
        write("pylock.toml", pylock(null));
        assertThat(decide().index().indexUrl()).contains("http://127.0.0.1:9/simple");
        assertThat(InstallDecider.decide(ProjectScanner.scan(dir), Map.of("PIP_INDEX_URL", "http://u:p@host/simple"))
                .index().indexUrl()).contains("http://host/simple");
    }

    @Test
    void anExtraTheConfigurationAsksForMustExistEvenWithALock() throws IOException {
        write("pyproject.toml", "[project]\nname = \"shop\"\ndependencies = []\n\n[tool.dockenv]\nextras = [\"nope\"]\n");
        write("pylock.toml", pylock(null));
        DockenvException e = catchThrowableOfType(DockenvException.class, this::decide);
        assertThat(e.getMessage()).contains("extra 'nope'");
    }

    @Test
    void aLockWhoseRequiresPythonExcludesTheEnvironmentsPythonIsRefused() throws IOException {
        write("requirements.txt", "colorsay>=2\n");
        write(".python-version", "3.11\n");
        write("pylock.toml", "requires-python = \"==3.12.*\"\n" + pylock(null));
        InputException e = catchThrowableOfType(InputException.class, this::decide);
        assertThat(e.getMessage()).startsWith(dir.resolve("pylock.toml") + ": requires-python '==3.12.*' of "
                + "pylock.toml excludes Python 3.11, the environment's (from .python-version)");
        assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).contains("dockenv lock"));

        write("pylock.toml", "requires-python = \">=3.10\"\n" + pylock(null));
        assertThat(decide()).isInstanceOf(InstallDecision.Locked.class);
    }

    @Test
    void poetrysPythonConstraintBoundsThePythonChoice() throws IOException {
        write("pyproject.toml", "[tool.poetry]\nname = \"legacy\"\nversion = \"1.0\"\n\n"
                + "[tool.poetry.dependencies]\npython = \"^2.7\"\n");
        write(".python-version", "3.11\n");
        InputException e = catchThrowableOfType(InputException.class, () -> ProjectScanner.scan(dir));
        assertThat(e.getMessage()).startsWith(dir.resolve("pyproject.toml") + ":6:1: [tool.poetry] python '^2.7', "
                + "that is '>=2.7,<3.0' excludes Python 3.11 chosen in " + dir.resolve(".python-version") + ":1:1");

        write("pyproject.toml", "[tool.poetry]\nname = \"legacy\"\nversion = \"1.0\"\n\n"
                + "[tool.poetry.dependencies]\npython = \"^3.10\"\n");
        assertThat(ProjectScanner.scan(dir).python().version().toString()).isEqualTo("3.11");
    }

    /** A one-package pylock.toml, with dockenv's inputs digest when given. */
    private static String pylock(String digest) {
        return "lock-version = \"1.0\"\ncreated-by = \"test\"\n\n[[packages]]\nname = \"colorsay\"\nversion = \"2.0.0\"\n"
                + "index = \"http://127.0.0.1:9/simple\"\n\n[[packages.wheels]]\nname = \"colorsay-2.0.0-py3-none-any.whl\"\n"
                + "url = \"http://127.0.0.1:9/files/colorsay-2.0.0-py3-none-any.whl\"\n"
                + "hashes = {sha256 = \"" + "ab".repeat(32) + "\"}\n"
                + (digest == null ? "" : "\n[tool.dockenv]\ninputs-digest = \"" + digest + "\"\n");
    }
}
