package dev.dockenv.lock.poetry;

import dev.dockenv.lock.PythonJson;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.config.TomlDocument;
import dev.dockenv.lock.LockFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PoetryContentHashTest {

    /**
     * The expected hashes are what the real poetry 1.3.2 computes
     * ({@code Locker(...)._get_content_hash()} on {@code PyProjectTOML(path).poetry_config}).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "real-poetry-1.3/pyproject.toml, 7ef22c0b824222ec2d10057c8d1ddd01be23abe68db9de9da3bc6d463fc335de",
        "real-poetry-1.3-legacy/pyproject.toml, 7c8001a8052669b42d0b74602b3b9c969ceb03b28a17060d8ed401d3d7826dcf",
        "lock-1.1/pyproject.toml, 179499bfc81537619ed1568af51504409a03db99f0bf8a2b6718eeea5af4e2f2",
        "manifests/every-form.pyproject.toml, 0fd280d62a3de8d9d30412fd2824e8441aafac4d54fbd6fdf767b5544b3d90ad",
        "content-hash/unusual-values.pyproject.toml, 38417fb6d8a6e475de437f4c799ef018431851e7f3ba6d24b1cd7d65828c7f2c",
    })
    void matchesPoetry1(String pyproject, String hash) {
        assertThat(PoetryContentHash.of(PoetryFixtures.path(pyproject))).isEqualTo(hash);
    }

    /**
     * Poetry 2 hashes [project] too. Computed with poetry 2's formula, which reproduced the
     * content-hash of a real Poetry 2.1.3 lock of such a project.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "content-hash/poetry2-project.pyproject.toml, e1833ded8b2eb24a0cfc21b3e8cdabd7afd65d36167b896743e4447d487b1a34",
        "lock-2.1/pyproject.toml, 343aac62598998b603ee9e355ebd776a2e792ae0b4b4f6a867892ffa2f3ec6b0",
    })
    void matchesPoetry2ForProjectsWithAProjectTable(String pyproject, String hash) {
        assertThat(PoetryContentHash.of(PoetryFixtures.path(pyproject))).isEqualTo(hash);
    }

    @Test
    void tellsAFreshLockFromAStaleOne() {
        for (String fixture : List.of("real-poetry-1.3", "real-poetry-1.3-legacy", "lock-2.0", "lock-1.1", "lock-2.1")) {
            Path pyproject = PoetryFixtures.path(fixture + "/pyproject.toml");
            LockFile lock = PoetryLockReader.read(PoetryFixtures.path(fixture + "/poetry.lock"),
                    PoetryManifestReader.read(pyproject).orElseThrow());
            assertThat(lock.inputsDigest()).as(fixture).contains(PoetryContentHash.of(pyproject));
        }
        Path other = PoetryFixtures.path("manifests/every-form.pyproject.toml");
        assertThat(PoetryContentHash.of(other)).isNotEqualTo("7ef22c0b824222ec2d10057c8d1ddd01be23abe68db9de9da3bc6d463fc335de");
    }

    /** Expected values from Python's json.dumps(..., sort_keys=True). */
    @Test
    void writesJsonAsPythonDoes() {
        TomlDocument doc = TomlDocument.read(PoetryFixtures.path("content-hash/unusual-values.pyproject.toml"));
        assertThat(PythonJson.dumps(doc.root().get(List.of("tool", "poetry", "group")))).isEqualTo(
                "{\"odd\": {\"dependencies\": {\"numbers\": {\"huge\": 3e+20, \"int\": 42, \"neg\": -0.25, "
                        + "\"tiny\": 1e-07, \"version\": \"*\", \"weight\": 1.5}}}}");
        assertThat(PythonJson.dumps(doc.root().get(List.of("tool", "poetry", "dependencies")))).isEqualTo(
                "{\"Zed\": \"*\", \"a.b\": [{\"python\": \"<3.10\", \"version\": \"1\"}, {\"python\": \">=3.10\", "
                        + "\"version\": \"2\"}], \"emoji\": {\"extras\": [\"\\ud83d\\ude00\", \"\\u00df\", "
                        + "\"\\u007f\\u0001\"], \"version\": \"*\"}, \"python\": \"^3.9\", \"tricky\": {\"develop\": "
                        + "false, \"path\": \"C:\\\\dir\\\\x\"}, \"\\u00e4pfel\": {\"markers\": \"sys_platform == "
                        + "\\\"win32\\\"\\t\", \"version\": \"^1.0\"}}");
        assertThat(PythonJson.dumps(Map.of("k", List.of()))).isEqualTo("{\"k\": []}");
        java.util.Map<String, Object> withNull = new java.util.HashMap<>();
        withNull.put("dev-dependencies", null);
        assertThat(PythonJson.dumps(withNull)).isEqualTo("{\"dev-dependencies\": null}");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "1.0, 1.0", "1.5, 1.5", "-0.25, -0.25", "100.0, 100.0", "1e16, 1e+16", "1.5e16, 1.5e+16",
        "123456789012345.6, 123456789012345.6", "0.0001, 0.0001", "0.00001, 1e-05", "1e-7, 1e-07",
        "3e20, 3e+20", "0.1, 0.1", "2.5e-10, 2.5e-10",
    })
    void writesFloatsAsPythonRepr(double value, String repr) {
        assertThat(PythonJson.pythonFloat(value)).isEqualTo(repr);
    }
}
