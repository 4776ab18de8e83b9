package dev.dockenv.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockenv.errors.InputException;
import dev.dockenv.pep.Requirement;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Edits keep the file as the user wrote it: only the one requirement changes. */
class PyprojectEditorTest {
    private static final List<String> DEPS = List.of("project", "dependencies");
    private static final List<String> DEV = List.of("dependency-groups", "dev");

    private static DependencyEdit add(String text, List<String> path, String requirement) throws Exception {
        return new PyprojectEditor(Path.of("pyproject.toml"), text).add(path, Requirement.parse(requirement));
    }

    private static String remove(String text, List<String> path, String name) {
        return new PyprojectEditor(Path.of("pyproject.toml"), text).remove(path, name).orElseThrow().text();
    }

    @Test
    void appendsToAMultilineListKeepingCommentsIndentAndTrailingComma() throws Exception {
        String text = """
                # my project
                [project]
                name = "shop"   # the name
                dependencies = [
                  "requests>=2",  # http
                  # a comment line
                  "flask",
                ]
                """;
        DependencyEdit edit = add(text, DEPS, "numpy>=1.26");
        assertThat(edit.kind()).isEqualTo(EditKind.ADDED);
        assertThat(edit.text()).isEqualTo("""
                # my project
                [project]
                name = "shop"   # the name
                dependencies = [
                  "requests>=2",  # http
                  # a comment line
                  "flask",
                  "numpy>=1.26",
                ]
                """);
    }

    @Test
    void aSortedListGetsTheNewRequirementInItsPlace() throws Exception {
        String text = "[project]\nname = \"x\"\ndependencies = [\n    \"attrs\",\n    \"zope-interface\",\n]\n";
        assertThat(add(text, DEPS, "Pydantic>=2").text())
                .isEqualTo("[project]\nname = \"x\"\ndependencies = [\n    \"attrs\",\n    \"Pydantic>=2\",\n"
                        + "    \"zope-interface\",\n]\n");
    }

    @Test
    void withoutATrailingCommaTheLastElementGetsOneAndTheNewOneHasNone() throws Exception {
        String text = "[project]\ndependencies = [\n    \"b\",\n    \"a\"  # last\n]\n";
        assertThat(add(text, DEPS, "c").text())
                .isEqualTo("[project]\ndependencies = [\n    \"b\",\n    \"a\",  # last\n    \"c\"\n]\n");
    }

    @Test
    void aOneLineListStaysOnOneLine() throws Exception {
        assertThat(add("[project]\ndependencies = ['b', 'a']\n", DEPS, "c").text())
                .isEqualTo("[project]\ndependencies = ['b', 'a', 'c']\n");
        assertThat(add("[project]\ndependencies = []\n", DEPS, "c").text())
                .isEqualTo("[project]\ndependencies = [\n    \"c\",\n]\n");
    }

    @Test
    void aRequirementWithQuotesInItsMarkerIsWrittenWithoutEscapes() throws Exception {
        String edited = add("[project]\ndependencies = [\"a\"]\n", DEPS,
                "tomli>=2; python_version < \"3.11\"").text();
        assertThat(edited).isEqualTo("[project]\ndependencies = [\"a\", 'tomli>=2; python_version < \"3.11\"']\n");
    }

    @Test
    void theSamePackageIsReplacedInPlaceWhateverItsSpelling() throws Exception {
        String text = "[project]\ndependencies = [\n    \"Flask_Login==0.5\",  # auth\n    \"a\",\n]\n";
        DependencyEdit edit = add(text, DEPS, "flask-login>=0.6");
        assertThat(edit.kind()).isEqualTo(EditKind.REPLACED);
        assertThat(edit.previous()).contains("Flask_Login==0.5");
        assertThat(edit.text()).isEqualTo("[project]\ndependencies = [\n    \"flask-login>=0.6\",  # auth\n"
                + "    \"a\",\n]\n");
        assertThat(add(text, DEPS, "Flask_Login==0.5").kind()).isEqualTo(EditKind.UNCHANGED);
    }

    @Test
    void aMissingListIsCreatedAfterTheTablesLastKey() throws Exception {
        String text = """
                [project]
                name = "x"
                classifiers = [
                    "A",
                ]

                [project.scripts]
                x = "x:main"
                """;
        assertThat(add(text, DEPS, "attrs").text()).isEqualTo("""
                [project]
                name = "x"
                classifiers = [
                    "A",
                ]
                dependencies = [
                    "attrs",
                ]

                [project.scripts]
                x = "x:main"
                """);
    }

    @Test
    void aDependencyGroupIsCreatedWithItsTableWhenMissing() throws Exception {
        String text = "[project]\nname = \"x\"\n";
        assertThat(add(text, DEV, "pytest>=8").text())
                .isEqualTo("[project]\nname = \"x\"\n\n[dependency-groups]\ndev = [\n    \"pytest>=8\",\n]\n");
        String withGroups = "[dependency-groups]\nlint = [\"ruff\"]\n\n[tool.x]\ny = 1\n";
        assertThat(add(withGroups, DEV, "pytest").text())
                .isEqualTo("[dependency-groups]\nlint = [\"ruff\"]\ndev = [\n    \"pytest\",\n]\n\n[tool.x]\ny = 1\n");
    }

    @Test
    void includeGroupTablesAreLeftAlone() throws Exception {
        String text = "[dependency-groups]\ntest = [\"pytest\"]\ndev = [\n    {include-group = \"test\"},\n"
                + "    \"ruff\",\n]\n";
        assertThat(add(text, DEV, "mypy").text()).isEqualTo("[dependency-groups]\ntest = [\"pytest\"]\ndev = [\n"
                + "    {include-group = \"test\"},\n    \"ruff\",\n    \"mypy\",\n]\n");
        assertThat(remove(text, DEV, "ruff")).isEqualTo("[dependency-groups]\ntest = [\"pytest\"]\ndev = [\n"
                + "    {include-group = \"test\"},\n]\n");
    }

    @Test
    void removingTakesTheElementsLineWithItsComment() {
        String text = "[project]\ndependencies = [\n    \"a\",\n    \"b\",  # why b\n    \"c\",\n]\n";
        assertThat(remove(text, DEPS, "b")).isEqualTo("[project]\ndependencies = [\n    \"a\",\n    \"c\",\n]\n");
        assertThat(remove(text, DEPS, "c")).isEqualTo("[project]\ndependencies = [\n    \"a\",\n    \"b\",  # why b\n]\n");
    }

    @Test
    void removingFromAOneLineList() {
        String text = "[project]\ndependencies = [\"a\", \"b\", \"c\"]\n";
        assertThat(remove(text, DEPS, "a")).isEqualTo("[project]\ndependencies = [\"b\", \"c\"]\n");
        assertThat(remove(text, DEPS, "b")).isEqualTo("[project]\ndependencies = [\"a\", \"c\"]\n");
        assertThat(remove(text, DEPS, "c")).isEqualTo("[project]\ndependencies = [\"a\", \"b\"]\n");
        assertThat(remove("[project]\ndependencies = [\"a\"]\n", DEPS, "a")).isEqualTo("[project]\ndependencies = []\n");
        assertThat(new PyprojectEditor(Path.of("p"), text).remove(DEPS, "zzz")).isEmpty();
        assertThat(new PyprojectEditor(Path.of("p"), text).declares(DEPS, "b")).isTrue();
        assertThat(new PyprojectEditor(Path.of("p"), text).declares(DEPS, "zzz")).isFalse();
        assertThat(new PyprojectEditor(Path.of("p"), text).declares(DEV, "b")).isFalse();
    }

    @Test
    void multilineStringsAndDottedKeysAreFoundWhereTheyAre() throws Exception {
        String text = "project.name = \"x\"\nproject.dependencies = [\n    '''a''',\n    \"\"\"b\"\"\",\n]\n";
        assertThat(add(text, DEPS, "c").text())
                .isEqualTo("project.name = \"x\"\nproject.dependencies = [\n    '''a''',\n    \"\"\"b\"\"\",\n    'c',\n]\n");
        assertThat(remove(text, DEPS, "a")).isEqualTo("project.name = \"x\"\nproject.dependencies = [\n    \"\"\"b\"\"\",\n]\n");
    }

    @Test
    void windowsLineEndingsAreKept() throws Exception {
        String text = "[project]\r\nname = \"x\"\r\ndependencies = [\r\n    \"a\",\r\n]\r\n";
        assertThat(add(text, DEPS, "b").text())
                .isEqualTo("[project]\r\nname = \"x\"\r\ndependencies = [\r\n    \"a\",\r\n    \"b\",\r\n]\r\n");
    }

    @Test
    void anUnreadableEntryIsReportedWhereItIs() {
        String text = "[project]\ndependencies = [\n    \"a\",\n    \"b >>> 1\",\n]\n";
        assertThatThrownBy(() -> add(text, DEPS, "c")).isInstanceOf(InputException.class)
                .hasMessageStartingWith("pyproject.toml:4:5: not a PEP 508 requirement");
    }
}
