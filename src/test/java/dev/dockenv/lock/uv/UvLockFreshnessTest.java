package dev.dockenv.lock.uv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.config.TomlDocument;
import dev.dockenv.lock.LockFile;
import dev.dockenv.pyproject.PyprojectReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * uv.lock against pyproject.toml, as {@code uv lock --check} decides it. The fixtures are
 * src/test/resources/lock/uv/uv.lock with the pyproject.toml beside it, and freshness/studio (a
 * project with sources, markers, extras, groups, legacy dev-dependencies and a constraint): each
 * lock records in [package.metadata] what uv records for that pyproject.toml.
 */
class UvLockFreshnessTest {
    private static final Path STUDIO = UvLockReaderTest.fixture("freshness/studio/pyproject.toml");

    private static String studio() throws IOException {
        return Files.readString(STUDIO);
    }

    private static Optional<String> difference(Path pyproject, Path lock) throws IOException {
        return difference(Files.readString(pyproject), Files.readString(lock));
    }

    private static Optional<String> difference(String pyproject, String lock) {
        return UvLockFreshness.difference(PyprojectReader.read(TomlDocument.parse(Path.of("pyproject.toml"), pyproject)),
                TomlDocument.parse(Path.of("uv.lock"), lock), Path.of("/work/project"));
    }

    private static Optional<String> studio(String pyproject) throws IOException {
        return difference(pyproject, Files.readString(UvLockReaderTest.fixture("freshness/studio/uv.lock")));
    }

    @Test
    void theFixturesAreUpToDate() throws IOException {
        assertThat(difference(UvLockReaderTest.fixture("pyproject.toml"), UvLockReaderTest.fixture("uv.lock")))
                .isEmpty();
        assertThat(difference(STUDIO, UvLockReaderTest.fixture("freshness/studio/uv.lock"))).isEmpty();
        LockFile lock = UvLockReader.read(UvLockReaderTest.fixture("freshness/studio/uv.lock"), Set.of("fast"));
        assertThat(lock.packagesOf("main")).extracting(p -> p.name()).contains("torch", "uvloop", "httpx");
    }

    /** Written differently, meaning the same to uv. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "\"requests >= 2.31, < 3\"                      | \"requests<3.0,>=2.31.0\"",
        "\"tomli>=1.1; python_version < '3.11'\"          | \"tomli>=1.1; python_full_version < '3.11'\"",
        "\"tomli>=1.1; python_version < '3.11'\"          | \"tomli >= 1.1 ; python_version <= '3.10'\"",
        "\"typing_extensions ; python_version >= '3.8'\"  | \"Typing.Extensions\"",
        "test = [\"pytest>=8\", { include-group = \"lint\" }] | test = [\"ruff\", \"pytest>=8.0\"]",
        "Plot = [\"matplotlib\"]                        | plot = [\"matplotlib; python_version >= '3.9'\"]",
        "requires-python = \">=3.9\"                    | requires-python = \">= 3.9.0\"",
        "line-length = 100                              | line-length = 120",
        "httpx = { git = \"https://github.com/        | httpx = { git = \"https://user:token@GitHub.com/",
    })
    void equivalentSpellingsAreNotADifference(String before, String after) throws IOException {
        String text = studio();
        assertThat(text).contains(before);
        assertThat(studio(text.replace(before, after))).as(after).isEmpty();
    }

    /** A change uv would relock for. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "\"requests >= 2.31, < 3\"                    | \"requests >= 2.32, < 3\"     | studio's dependencies: pyproject.toml has requests >= 2.32, < 3, which uv.lock does not record (it records requests>=2.31,<3)",
        "\"torch>=2.3\",                              | \"torch>=2.3\", \"rich\",      | studio's dependencies: pyproject.toml has rich, which uv.lock does not record",
        "\"wheelpkg\",                                |                               | studio's dependencies: uv.lock records wheelpkg @ https://example.org/files/wheelpkg-1.0-py3-none-any.whl, which pyproject.toml no longer has",
        "python_version < '3.11'                      | python_version < '3.12'       | studio's dependencies: pyproject.toml has tomli>=1.1; python_version < '3.12'",
        "sys_platform != 'win32'                      | sys_platform == 'linux'       | studio's dependencies: pyproject.toml has uvloop>=0.19; sys_platform == 'linux'",
        "Plot = [                                     | Plots = [                     | studio's dependencies: pyproject.toml has matplotlib",
        "lint = [\"ruff\"]                            | lint = [\"ruff>=0.6\"]        | studio's dependency group 'lint': pyproject.toml has ruff>=0.6",
        "dev-dependencies = [\"ipython\"]             | dev-dependencies = []         | studio's dependency group 'dev': uv.lock records ipython",
        "tag = \"0.27.0\"                             | tag = \"0.28.0\"              | studio's dependencies: pyproject.toml has httpx (tool.uv.sources)",
        "url = \"https://download.pytorch.org/whl/cpu\" | url = \"https://download.pytorch.org/whl/cu121\" | studio's dependencies: pyproject.toml has torch>=2.3 (tool.uv.sources)",
        "editable = true                              | editable = false              | studio's dependencies: pyproject.toml has shared (tool.uv.sources)",
        "path = \"libs/shared\"                       | path = \"libs/common\"        | studio's dependencies: pyproject.toml has shared (tool.uv.sources)",
        "legacy_lib-0.9.tar.gz#sha256                 | legacy_lib-1.0.tar.gz#sha256  | studio's dependencies: pyproject.toml has legacy-lib @ https://example.org/archive/legacy_lib-1.0.tar.gz",
        "requires-python = \">=3.9\"                  | requires-python = \">=3.10\"  | requires-python is >=3.10 in pyproject.toml, >=3.9 in uv.lock",
        "\"urllib3<2.3\"                              | \"urllib3<2.4\"               | constraint-dependencies: pyproject.toml has urllib3<2.4",
        "name = \"Studio\"                            | name = \"atelier\"            | the lock's project is studio, pyproject.toml names atelier",
    })
    void aChangeIsADifference(String before, String after, String difference) throws IOException {
        String text = studio();
        assertThat(text).contains(before);
        assertThat(studio(text.replace(before, after == null ? "" : after))).hasValueSatisfying(
                d -> assertThat(d).startsWith(difference));
    }

    @Test
    void aPackageWithSeveralSourcesIsOneRequirementPerSource() {
        String pyproject = """
                [project]
                name = "multi"
                version = "0.1.0"
                requires-python = ">=3.11"
                dependencies = ["httpx"]

                [tool.uv.sources]
                httpx = [
                    { git = "https://github.com/encode/httpx", tag = "0.27.0", marker = "sys_platform == 'linux'" },
                    { git = "https://github.com/encode/httpx", branch = "master", marker = "sys_platform != 'linux'" },
                ]
                """;
        String lock = """
                version = 1
                revision = 3
                requires-python = ">=3.11"

                [[package]]
                name = "multi"
                version = "0.1.0"
                source = { editable = "." }

                [package.metadata]
                requires-dist = [
                    { name = "httpx", marker = "sys_platform != 'linux'", git = "https://github.com/encode/httpx?branch=master" },
                    { name = "httpx", marker = "sys_platform == 'linux'", git = "https://github.com/encode/httpx?tag=0.27.0" },
                ]
                """;
        assertThat(difference(pyproject, lock)).isEmpty();
        assertThat(difference(pyproject.replace("branch = \"master\"", "branch = \"main\""), lock)).isPresent();
    }

    @Test
    void whatUvWouldBuildToKnowIsNotCalledStale() {
        String lock = """
                version = 1
                requires-python = ">=3.11"

                [[package]]
                name = "dyn"
                source = { editable = "." }

                [package.metadata]
                requires-dist = [{ name = "anyio" }]
                """;
        assertThat(difference("""
                [project]
                name = "dyn"
                dynamic = ["version", "dependencies"]
                """, lock)).isEmpty();
        assertThat(difference("""
                [project]
                name = "dyn"
                dynamic = ["version"]
                dependencies = ["anyio", "idna"]
                """, lock)).hasValueSatisfying(d -> assertThat(d).contains("idna"));
        // a lock from a uv that recorded no metadata
        assertThat(difference("[project]\nname = \"dyn\"\ndependencies = [\"idna\"]\n",
                lock.replace("[package.metadata]\nrequires-dist = [{ name = \"anyio\" }]\n", ""))).isEmpty();
    }

    @Test
    void aRootThatIsNotAProjectHasItsGroupsInTheManifest() {
        String lock = """
                version = 1
                revision = 3
                requires-python = ">=3.12"

                [manifest]

                [manifest.dependency-groups]
                docs = [{ name = "mkdocs", specifier = ">=1.6" }]
                """;
        assertThat(difference("[dependency-groups]\ndocs = [\"mkdocs>=1.6\"]\n", lock)).isEmpty();
        assertThat(difference("[dependency-groups]\ndocs = [\"mkdocs>=1.6\", \"mkdocs-material\"]\n", lock))
                .hasValueSatisfying(d -> assertThat(d).startsWith("dependency group 'docs': pyproject.toml has "
                        + "mkdocs-material"));
    }
}
