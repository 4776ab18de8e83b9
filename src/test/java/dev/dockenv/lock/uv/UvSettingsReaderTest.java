package dev.dockenv.lock.uv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockenv.config.TomlDocument;
import dev.dockenv.errors.InputException;
import dev.dockenv.errors.SourceLocation;
import dev.dockenv.python.DeclaredRequirement;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UvSettingsReaderTest {
    private static final Path FILE = Path.of("pyproject.toml");

    private static UvSettings read(String toml) {
        return UvSettingsReader.read(TomlDocument.parse(FILE, toml));
    }

    @Test
    void readsEverySetting() {
        UvSettings s = read("""
                [project]
                name = "webapp"

                [tool.uv]
                index-url = "https://mirror.example.org/simple"
                extra-index-url = ["https://extra.example.org/simple"]
                find-links = ["./wheels"]
                dev-dependencies = ["pytest>=8"]
                default-groups = ["dev", "Lint"]
                constraint-dependencies = ["urllib3<2"]
                override-dependencies = ["werkzeug==2.3.0"]

                [[tool.uv.index]]
                name = "pytorch"
                url = "https://download.pytorch.org/whl/cpu"
                explicit = true

                [[tool.uv.index]]
                name = "internal"
                url = "https://pypi.internal.example.org/simple"
                """);
        assertThat(s.indexes()).extracting(UvSettings.Index::url).containsExactly(
                "https://download.pytorch.org/whl/cpu", "https://pypi.internal.example.org/simple",
                "https://extra.example.org/simple", "https://mirror.example.org/simple", "./wheels");
        assertThat(s.indexes().get(0)).isEqualTo(new UvSettings.Index(Optional.of("pytorch"),
                "https://download.pytorch.org/whl/cpu", false, true, false, new SourceLocation(FILE, 13, 1)));
        assertThat(s.defaultIndexUrl()).contains("https://mirror.example.org/simple");
        assertThat(s.extraIndexUrls()).containsExactly("https://pypi.internal.example.org/simple",
                "https://extra.example.org/simple");
        assertThat(s.findLinks()).containsExactly("./wheels");
        assertThat(s.explicitIndexes()).extracting(i -> i.name().orElseThrow()).containsExactly("pytorch");
        assertThat(s.devDependencies()).containsExactly(
                new DeclaredRequirement("pytest>=8", new SourceLocation(FILE, 8, 21)));
        assertThat(s.defaultGroups().orElseThrow().names()).containsExactly("dev", "lint");
        assertThat(s.defaultGroups().orElseThrow().all()).isFalse();
        assertThat(s.constraintDependencies()).extracting(DeclaredRequirement::text).containsExactly("urllib3<2");
        assertThat(s.overrideDependencies()).extracting(DeclaredRequirement::text).containsExactly("werkzeug==2.3.0");
    }

    @Test
    void aDefaultIndexReplacesPyPI() {
        UvSettings s = read("""
                [[tool.uv.index]]
                url = "https://mirror.example.org/simple"
                default = true
                """);
        assertThat(s.defaultIndexUrl()).contains("https://mirror.example.org/simple");
        assertThat(s.extraIndexUrls()).isEmpty();
    }

    @Test
    void noToolUvIsNone() {
        assertThat(read("[project]\nname = \"x\"\n")).isEqualTo(UvSettings.NONE);
        assertThat(read("[tool.ruff]\nline-length = 100\n")).isEqualTo(UvSettings.NONE);
        assertThat(UvSettings.NONE.defaultIndexUrl()).isEmpty();
    }

    @Test
    void defaultGroupsMayBeAll() {
        UvSettings s = read("[tool.uv]\ndefault-groups = \"all\"\n");
        assertThat(s.defaultGroups()).contains(new UvSettings.DefaultGroups(true, List.of(),
                new SourceLocation(FILE, 2, 1)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[tool.uv]\\nindex-url = 3|pyproject.toml:2:1: tool.uv.index-url: expected a string",
        "[tool.uv]\\nextra-index-url = 'https://x.org'|pyproject.toml:2:1: tool.uv.extra-index-url: expected an array of strings",
        "[tool.uv]\\ndev-dependencies = ['pytest>=8', 'ruff>>1']|pyproject.toml:2:39: tool.uv.dev-dependencies: invalid requirement 'ruff>>1'",
        "[tool.uv]\\ndefault-groups = 'some'|pyproject.toml:2:1: tool.uv.default-groups: expected \"all\" or an array",
        "[tool.uv]\\ndefault-groups = ['dev', 3]|pyproject.toml:2:26: tool.uv.default-groups: expected a string",
        "[[tool.uv.index]]\\nname = 'a'|pyproject.toml:1:1: tool.uv.index: 'url' is missing",
        "[[tool.uv.index]]\\nurl = 'https://a.org'\\nexplicit = 'yes'|pyproject.toml:3:1: tool.uv.index.explicit: expected true or false",
        "[[tool.uv.index]]\\nurl = 'https://a.org'\\nexplicit = true|pyproject.toml:1:1: an explicit index needs a name",
        "[[tool.uv.index]]\\nurl = 'https://a.org'\\ndefault = true\\n[[tool.uv.index]]\\nurl = 'https://b.org'\\ndefault = true|pyproject.toml:6:1: tool.uv.index.default: a second default index (the first is at pyproject.toml:3:1)",
        "[[tool.uv.index]]\\nname = 'a b'\\nurl = 'https://a.org'|pyproject.toml:2:1: tool.uv.index.name: invalid index name 'a b'",
        "[[tool.uv.index]]\\nname = 'a'\\nurl = 'https://a.org'\\n[[tool.uv.index]]\\nname = 'A'\\nurl = 'https://b.org'|pyproject.toml:5:1: tool.uv.index.name: index 'A' is defined twice (also at pyproject.toml:2:1)",
        "[[tool.uv.index]]\\nurl = 'https://a.org'\\nformat = 'pep691'|pyproject.toml:3:1: tool.uv.index.format: unknown index format 'pep691'",
        "[tool.uv]\\nindex = {url = 'https://a.org'}|pyproject.toml:2:1: tool.uv.index: expected an array of tables",
        "tool = 1|pyproject.toml:1:1: tool: expected a table",
    })
    void badSettingsNameFileLineAndKey(String toml, String message) {
        assertThatThrownBy(() -> read(toml.replace("\\n", "\n").replace('\'', '"')))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(message);
    }
}
