package dev.dockenv.lock.pdm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dockenv.config.TomlDocument;
import dev.dockenv.errors.InputException;
import dev.dockenv.lock.LockFile;
import dev.dockenv.lock.pdm.PdmContentHash.Formula;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The expected hashes come from src/test/resources/lock/pdm/content-hash/reference_hash.py, PDM's
 * {@code PyProject.content_hash} re-created in Python from PDM's source, independently of the
 * Java code. That script's formulas reproduce the content_hash of real PDM locks: a lock_version
 * 4.5.0 lock (github.com/1cu/pdf_toolbox at e49e769, {@link Formula#DEPENDENCY_GROUPS}) and a
 * lock_version 4.2 one (github.com/0-8-4/miui-auto-tasks at 1aa5d14, {@link Formula#OVERRIDES}).
 */
class PdmContentHashTest {

    private static TomlDocument pyproject(String fixture) {
        return TomlDocument.read(PdmLockReaderTest.fixture("content-hash/" + fixture + "/pyproject.toml"));
    }

    private static TomlDocument parse(String text) {
        return TomlDocument.parse(Path.of("pyproject.toml"), text);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "groups,     OVERRIDES,         5ee3c69c00415ef450e5c6a2fb49e0c97d39898147e8a62c90f18a0f37723cae",
        "groups,     RESOLUTION,        4c8386054c0f8bbb554d103fcc54ea7c62411c57c5344e1fccee8b14545ba5b2",
        "groups,     DEPENDENCY_GROUPS, bc7823e2f0031be25235adb1404c2c27622e4a9764526834cbbe8d7358fea8ca",
        "pre-pep735, OVERRIDES,         f55172d75940b0c2568b9f1e9dde716121e77edbef920da295db1dce8a558f16",
        "pre-pep735, RESOLUTION,        60dc7260112ab9a65632b8e5cd21e8b4ea8ff9343fb7e5cbad368b7e95f23493",
        "pre-pep735, DEPENDENCY_GROUPS, f46440e7afb4f937e14ae91a79bba2768f8259db6ee6c85881e890fcc256819c",
        "overrides,  OVERRIDES,         69c9fff1cf1f1cb7d3cbd02be84c9974f4cd9ef0c0e17ee6f9bf42c68a57b807",
        "overrides,  RESOLUTION,        f70ad1cc665ce33f5f1258e37af3e06ffeb0cd154a4d611237b9a9a40ae8fce4",
        "overrides,  DEPENDENCY_GROUPS, f70ad1cc665ce33f5f1258e37af3e06ffeb0cd154a4d611237b9a9a40ae8fce4",
    })
    void matchesPdmsFormulas(String fixture, Formula formula, String hash) {
        assertThat(PdmContentHash.of(pyproject(fixture), formula)).isEqualTo(hash);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"groups", "pre-pep735", "overrides"})
    void eachLockIsFreshForItsPyproject(String fixture) {
        LockFile lock = PdmLockReader.read(PdmLockReaderTest.fixture("content-hash/" + fixture + "/pdm.lock"));
        assertThat(PdmContentHash.matches(pyproject(fixture), lock.inputsDigest().orElseThrow())).isTrue();
    }

    @Test
    void aChangeToWhatPdmLocksFromMakesTheLockStale() throws IOException {
        String digest = "sha256:bc7823e2f0031be25235adb1404c2c27622e4a9764526834cbbe8d7358fea8ca";
        String text = Files.readString(PdmLockReaderTest.fixture("content-hash/groups/pyproject.toml"));
        assertThat(PdmContentHash.matches(parse(text), digest)).isTrue();
        for (String[] edit : new String[][] {
            {"\"anyio>=4\",", "\"anyio>=4.1\","},
            {"yaml = [\"PyYAML>=6\"]", "yaml = [\"PyYAML>=6\", \"ujson\"]"},
            {"lint = [\"ruff\"]", "lint = [\"ruff\", \"mypy\"]"},
            {"Docs_Tools = [\"mkdocs\"]", "Docs_Tools = [\"mkdocs-material\"]"},
            {"requires-python = \">=3.10\"", "requires-python = \">=3.11\""},
            {"idna = \">=3.7\"", "idna = \">=3.8\""},
            {"excludes = [\"pywin32\"]", "excludes = []"},
            {"verify_ssl = true", "verify_ssl = false"},
        }) {
            assertThat(text).contains(edit[0]);
            assertThat(PdmContentHash.matches(parse(text.replace(edit[0], edit[1])), digest)).as(edit[1]).isFalse();
        }
        for (String[] edit : new String[][] {
            {"version = \"0.3.0\"", "version = \"0.4.0\""},
            {"line-length = 100", "line-length = 120"},
            {"distribution = false", "distribution = true"},
        }) {
            assertThat(PdmContentHash.matches(parse(text.replace(edit[0], edit[1])), digest)).as(edit[1]).isTrue();
        }
    }

    @Test
    void keysAreReadAsPdmReadsThem() {
        TomlDocument renamed = parse("[project]\ndependencies = [\"a\"]\n[tool.pdm.dev-dependencies]\n"
                + "\"Lint.Tools\" = [\"x\"]\n\"lint tools\" = [\"y\"]\n");
        TomlDocument normalized = parse("[project]\ndependencies = [\"a\"]\n[tool.pdm.dev-dependencies]\n"
                + "lint-tools = [\"x\", \"y\"]\n");
        assertThat(PdmContentHash.of(renamed, Formula.RESOLUTION)).isEqualTo(PdmContentHash.of(normalized,
                Formula.RESOLUTION));
        assertThat(PdmContentHash.of(renamed, Formula.OVERRIDES)).isNotEqualTo(PdmContentHash.of(normalized,
                Formula.OVERRIDES));
        // [tool.pdm.overrides] wins over [tool.pdm.resolution.overrides] in the old formula
        TomlDocument both = parse("[project]\n[tool.pdm.overrides]\na = \"1\"\n[tool.pdm.resolution.overrides]\n"
                + "a = \"2\"\n");
        TomlDocument old = parse("[project]\n[tool.pdm.overrides]\na = \"1\"\n");
        assertThat(PdmContentHash.of(both, Formula.OVERRIDES)).isEqualTo(PdmContentHash.of(old, Formula.OVERRIDES));
    }

    @Test
    void onlySha256IsChecked() {
        TomlDocument doc = pyproject("groups");
        assertThat(PdmContentHash.matches(doc, "sha256:" + "0".repeat(64))).isFalse();
        assertThat(PdmContentHash.matches(doc, "md5:" + "0".repeat(32))).isTrue();
    }

    @Test
    void aValuePdmCannotWriteAsJsonIsAnError() {
        TomlDocument doc = parse("[project]\ndependencies = []\n[tool.pdm.resolution]\nexclude-newer = 2024-01-01\n");
        InputException e = catchThrowableOfType(InputException.class,
                () -> PdmContentHash.of(doc, Formula.RESOLUTION));
        assertThat(e.getMessage()).startsWith("pyproject.toml: PDM cannot hash this pyproject.toml");
    }
}
