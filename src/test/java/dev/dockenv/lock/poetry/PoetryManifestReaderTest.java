package dev.dockenv.lock.poetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.lock.DeclaredDependencies;
import dev.dockenv.pep.Requirement;
import dev.dockenv.python.DeclaredRequirement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PoetryManifestReaderTest {
    @TempDir
    Path tmp;

    @Test
    void readsTheProjectLockedByTheRealPoetry() {
        Path file = PoetryFixtures.path("real-poetry-1.3/pyproject.toml");
        PoetryManifest manifest = PoetryManifestReader.readManifest(file).orElseThrow();
        DeclaredDependencies deps = manifest.dependencies();

        assertThat(deps.format()).isEqualTo("pyproject.toml [tool.poetry]");
        assertThat(deps.file()).isEqualTo(file);
        assertThat(deps.python()).hasValueSatisfying(p -> {
            assertThat(p.text()).isEqualTo(">=3.8,<4.0");
            assertThat(p.location().line()).isEqualTo(8);
        });
        assertThat(texts(deps)).containsOnly(
                Map.entry("main", List.of(
                        "colorsay[fancy]>=2.0,<3.0",
                        "greeting>=1.0,<2.0",
                        "oldcompat>=0.9,<0.10 ; python_version < \"3.12\" and extra == \"legacy\"",
                        "winonly ; sys_platform == \"win32\"",
                        "localpkg @ file:./libs/localpkg")),
                Map.entry("dev", List.of("devtool==0.3.0")),
                Map.entry("docs", List.of("docsgen>=1.2,<2.0")));
        assertThat(deps.group("main").get(1).location()).satisfies(at -> {
            assertThat(at.file()).isEqualTo(file);
            assertThat(at.line()).isEqualTo(10);
            assertThat(at.column()).isEqualTo(1);
        });
        assertThat(manifest.optionalGroups()).containsExactly("docs");
        assertThat(manifest.extras()).containsExactly(Map.entry("legacy", List.of("oldcompat")));
        assertThat(deps.indexUrls()).containsExactly("http://127.0.0.1:8765/simple/");
        assertThat(PoetryManifestReader.read(file)).contains(deps);
    }

    @Test
    void readsEveryFormOfDependency() {
        PoetryManifest manifest = PoetryManifestReader.readManifest(
                PoetryFixtures.path("manifests/every-form.pyproject.toml")).orElseThrow();
        DeclaredDependencies deps = manifest.dependencies();

        assertThat(deps.python()).hasValueSatisfying(p -> assertThat(p.text()).isEqualTo(">=3.8,<4.0"));
        assertThat(texts(deps).get("main")).containsExactly(
                "requests[socks,security]>=2.31,<3.0",
                "Django>=4.2,<5.0 ; python_version < \"3.10\"",
                "Django>=5.0,<6.0 ; python_version >= \"3.10\"",
                "pywin32>=306 ; sys_platform == \"win32\"",
                "uvloop>=0.19,<0.20 ; sys_platform != \"win32\" and implementation_name == \"cpython\"",
                "mylib @ git+https://github.com/example/mylib.git@main",
                "sublib @ git+ssh://git@github.com/example/monorepo.git@0f3c2a1#subdirectory=packages/sublib",
                "tagged[cli] @ git+https://github.com/example/tagged.git@v2.0.0",
                "localtool @ file:./tools/local%20tool",
                "sibling @ file:../sibling",
                "wheelfile @ file:./vendor/wheelfile-1.0-py3-none-any.whl",
                "remote @ https://files.example.org/remote-1.0.tar.gz",
                "orjson>=3.9,<4.0 ; extra == \"fast\" or extra == \"json\"",
                "ujson>=5.8,<6.0 ; extra == \"fast\"",
                "private>=1.0,<2.0",
                "pre>=2.0b1,<3.0",
                "anything");
        assertThat(texts(deps).get("dev")).containsExactly("black>=23.0,<24.0", "pytest>=7.4,<8.0");
        assertThat(texts(deps).get("lint")).containsExactly("ruff>=0.1,<0.2", "black>=23.0,<24.0",
                "pytest>=7.4,<8.0");
        assertThat(texts(deps).get("docs")).containsExactly("mkdocs==1.5.*");
        assertThat(manifest.optionalGroups()).containsExactly("docs");
        // the primary mirror replaces PyPI; then supplemental; then the explicit source a dependency names
        assertThat(deps.indexUrls()).containsExactly("https://mirror.example/simple/",
                "https://supplemental.example/simple/", "https://corp.example/simple/");
        assertThat(manifest.sources()).extracting(PoetrySource::priority).containsExactly(
                PoetrySource.Priority.SUPPLEMENTAL, PoetrySource.Priority.EXPLICIT, PoetrySource.Priority.EXPLICIT,
                PoetrySource.Priority.PRIMARY);
    }

    @Test
    void everyRequirementIsValidPep508() throws Exception {
        for (String fixture : List.of("manifests/every-form.pyproject.toml", "real-poetry-1.3/pyproject.toml",
                "real-poetry-1.3-legacy/pyproject.toml", "lock-1.1/pyproject.toml", "lock-2.1/pyproject.toml")) {
            DeclaredDependencies deps = PoetryManifestReader.read(PoetryFixtures.path(fixture)).orElseThrow();
            for (List<DeclaredRequirement> group : deps.groups().values()) {
                for (DeclaredRequirement r : group) {
                    assertThat(Requirement.parse(r.text()).text()).isEqualTo(r.text());
                }
            }
        }
    }

    @Test
    void readsPoetry11DevDependenciesAndMultipleConstraints() {
        DeclaredDependencies deps = PoetryManifestReader.read(
                PoetryFixtures.path("real-poetry-1.3-legacy/pyproject.toml")).orElseThrow();
        assertThat(texts(deps)).containsOnly(
                Map.entry("main", List.of("greeting==1.0.0 ; python_version < \"3.8\"",
                        "greeting==1.1.0 ; python_version >= \"3.8\"", "colorsay==2.0.0")),
                Map.entry("dev", List.of("devtool>=0.3,<0.4")));
        assertThat(deps.python()).hasValueSatisfying(p -> assertThat(p.text()).isEqualTo(">=3.7,<4.0"));
    }

    @Test
    void leavesProjectDependenciesToThePyprojectReaderAndReadsTheGroups() {
        PoetryManifest manifest = PoetryManifestReader.readManifest(
                PoetryFixtures.path("lock-2.1/pyproject.toml")).orElseThrow();
        DeclaredDependencies deps = manifest.dependencies();
        assertThat(deps.groups()).containsOnlyKeys("dev", "docs");
        assertThat(texts(deps).get("dev")).containsExactly("pytest>=8.3,<9.0");
        assertThat(texts(deps).get("docs")).containsExactly("sphinx>=7.4,<8.0");
        assertThat(deps.python()).isEmpty();
        assertThat(manifest.extras()).isEmpty();
        // only a supplemental source: PyPI stays first
        assertThat(deps.indexUrls()).containsExactly("https://pypi.org/simple/",
                "https://pypi.internal.example/simple/");
    }

    @Test
    void readsToolPoetryDependenciesWhenProjectLeavesThemDynamic() throws IOException {
        Path file = write("""
                [project]
                name = "dyn"
                dynamic = ["dependencies"]

                [tool.poetry.dependencies]
                python = ">=3.9"
                attrs = "^23.1"
                """);
        DeclaredDependencies deps = PoetryManifestReader.read(file).orElseThrow();
        assertThat(texts(deps)).containsOnly(Map.entry("main", List.of("attrs>=23.1,<24.0")));
        assertThat(deps.python()).hasValueSatisfying(p -> assertThat(p.text()).isEqualTo(">=3.9"));
        assertThat(deps.indexUrls()).isEmpty();
    }

    @Test
    void isEmptyWithoutPoetryDependencies() throws IOException {
        assertThat(PoetryManifestReader.read(write("""
                [project]
                name = "plain"
                dependencies = ["attrs"]
                """))).isEmpty();
        assertThat(PoetryManifestReader.read(write("""
                [tool.poetry]
                name = "nothing"
                version = "0.1.0"
                """))).isEmpty();
    }

    @Test
    void ordersSourcesAsPoetryDoes() throws IOException {
        PoetryManifest legacy = PoetryManifestReader.readManifest(write("""
                [tool.poetry.dependencies]
                attrs = "*"

                [[tool.poetry.source]]
                name = "second"
                url = "https://second.example/simple/"
                secondary = true

                [[tool.poetry.source]]
                name = "main"
                url = "https://main.example/simple/"
                default = true
                """)).orElseThrow();
        assertThat(legacy.dependencies().indexUrls()).containsExactly("https://main.example/simple/",
                "https://second.example/simple/");

        PoetryManifest pypiExplicit = PoetryManifestReader.readManifest(write("""
                [tool.poetry.dependencies]
                attrs = "*"

                [[tool.poetry.source]]
                name = "extra"
                url = "https://extra.example/simple"
                priority = "primary"

                [[tool.poetry.source]]
                name = "PyPI"
                priority = "supplemental"
                """)).orElseThrow();
        assertThat(pypiExplicit.dependencies().indexUrls()).containsExactly("https://extra.example/simple",
                "https://pypi.org/simple/");
    }

    private Path write(String content) throws IOException {
        Path file = Files.createTempFile(tmp, "pyproject", ".toml");
        Files.writeString(file, content);
        return file;
    }

    private static Map<String, List<String>> texts(DeclaredDependencies deps) {
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        deps.groups().forEach((g, rs) -> out.put(g, rs.stream().map(DeclaredRequirement::text).toList()));
        return out;
    }
}
