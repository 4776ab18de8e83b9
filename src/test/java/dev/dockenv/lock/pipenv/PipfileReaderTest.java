package dev.dockenv.lock.pipenv;

import static dev.dockenv.lock.pipenv.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.config.TomlDocument;
import dev.dockenv.lock.DeclaredDependencies;
import dev.dockenv.lock.PackageSource;
import dev.dockenv.pep.PepSyntaxException;
import dev.dockenv.pep.Requirement;
import dev.dockenv.python.DeclaredRequirement;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import dev.dockenv.python.DeclaredPython;

class PipfileReaderTest {
    private static final String LOCAL = "http://127.0.0.1:18741/simple";
    private static final String MIRROR = "http://127.0.0.1:18742/simple";
    private static final PackageSource ANY_INDEX = new PackageSource.Registry(Optional.empty());

    private static PipfileEntry entry(String toml) {
        Pipfile pipfile = PipfileReader.readPipfile(TomlDocument.parse(Path.of("Pipfile"), toml));
        return pipfile.groups().values().iterator().next().get(0);
    }

    @Test
    void simple() {
        Path file = Fixtures.pipfile("simple");
        DeclaredDependencies d = PipfileReader.read(file);
        assertThat(d.file()).isEqualTo(file);
        assertThat(d.format()).isEqualTo("Pipfile");
        assertThat(d.groups()).containsOnlyKeys("main", "dev");
        assertThat(d.group("main")).containsExactly(new DeclaredRequirement("colorsay", at(file, 7, 1)));
        assertThat(d.group("dev")).containsExactly(new DeclaredRequirement("devtool==0.3.0", at(file, 10, 1)));
        assertThat(d.python()).contains(new DeclaredPython("3.11", at(file, 13, 1)));
        assertThat(d.indexUrls()).containsExactly(LOCAL);
    }

    @Test
    void markersExtrasPathsFilesAndVcs() {
        Path file = Fixtures.pipfile("rich");
        Pipfile pipfile = PipfileReader.readPipfile(file);
        assertThat(pipfile.group("main")).extracting(e -> e.requirement().text()).containsExactly(
                "shout[loud]>=1.0; os_name == 'posix'",
                "greeting==1.*; sys_platform == 'linux'",
                "Tiny_Util",
                "localpkg @ file:./libs/localpkg",
                "richapp @ file:.",
                "filepkg @ http://127.0.0.1:18741/files/filepkg-0.5.0-py3-none-any.whl",
                "vcspkg @ git+https://github.com/example/vcspkg@v1",
                "vcssub @ git+https://github.com/example/vcspkg@v1#subdirectory=sub/vcssub");
        assertThat(pipfile.group("main")).extracting(PipfileEntry::source).containsExactly(
                ANY_INDEX, ANY_INDEX, ANY_INDEX,
                new PackageSource.LocalPath("./libs/localpkg", false),
                new PackageSource.LocalPath(".", true),
                new PackageSource.DirectUrl("http://127.0.0.1:18741/files/filepkg-0.5.0-py3-none-any.whl"),
                new PackageSource.Vcs("git+https://github.com/example/vcspkg", Optional.of("v1")),
                new PackageSource.Vcs("git+https://github.com/example/vcspkg#subdirectory=sub/vcssub",
                        Optional.of("v1")));
        assertThat(pipfile.group("main")).extracting(PipfileEntry::editable)
                .containsExactly(false, false, false, false, true, false, true, false);
        assertThat(pipfile.group("main")).extracting(PipfileEntry::location).extracting(l -> l.line())
                .containsExactly(7, 8, 9, 10, 11, 12, 13, 14);
        assertThat(pipfile.group("dev")).extracting(e -> e.requirement().text()).containsExactly("devtool==0.3.0");
        assertThat(pipfile.python()).contains(new DeclaredPython("3.11.7", at(file, 20, 1)));
    }

    @Test
    void sourcesAndNamedIndexes() {
        Pipfile pipfile = PipfileReader.readPipfile(Fixtures.pipfile("sources"));
        assertThat(pipfile.sources()).extracting(PipenvSource::name, PipenvSource::url, PipenvSource::verifySsl)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("local", LOCAL, false),
                        org.assertj.core.groups.Tuple.tuple("mirror", MIRROR, true));
        assertThat(pipfile.declared().indexUrls()).containsExactly(LOCAL, MIRROR);
        assertThat(pipfile.group("main")).extracting(e -> e.requirement().text(), PipfileEntry::source,
                PipfileEntry::index).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("colorsay", new PackageSource.Registry(Optional.of(MIRROR)),
                                Optional.of("mirror")),
                        org.assertj.core.groups.Tuple.tuple("greeting>=1.0,<1.1",
                                new PackageSource.Registry(Optional.of(LOCAL)), Optional.of("local")));
        assertThat(pipfile.group("dev")).extracting(PipfileEntry::source)
                .containsExactly(new PackageSource.Registry(Optional.of(MIRROR)));
        assertThat(pipfile.groups()).as("[scripts] and [pipenv] are not categories").containsOnlyKeys("main", "dev");
    }

    @Test
    void customCategoriesAreGroupsUnderTheirNormalizedNames() {
        DeclaredDependencies d = PipfileReader.read(Fixtures.pipfile("categories"));
        assertThat(d.groups()).containsOnlyKeys("main", "dev", "docs", "test-tools");
        assertThat(d.group("docs")).extracting(DeclaredRequirement::text).containsExactly("colorsay");
        assertThat(d.group("test-tools")).extracting(DeclaredRequirement::text).containsExactly("shout[loud]");
        assertThat(d.group("main")).extracting(DeclaredRequirement::text).containsExactly("greeting==1.0.0");
    }

    @Test
    void withoutSourcesTheIndexListIsEmptyAndEmptyTablesAreEmptyGroups() {
        DeclaredDependencies d = PipfileReader.read(Fixtures.pipfile("no-source"));
        assertThat(d.indexUrls()).isEmpty();
        assertThat(d.groups()).containsOnlyKeys("main", "dev");
        assertThat(d.group("main")).isEmpty();
    }

    @Test
    void nonAsciiAndEscapedStrings() {
        Pipfile unicode = PipfileReader.readPipfile(Fixtures.pipfile("non-ascii"));
        assertThat(unicode.group("main")).extracting(e -> e.requirement().text())
                .containsExactly("Greeting; platform_version != 'ünï ✓ 😀'", "tiny.util");
        assertThat(unicode.group("main").get(0).source()).isEqualTo(new PackageSource.Registry(Optional.of(LOCAL)));

        Pipfile crlf = PipfileReader.readPipfile(Fixtures.pipfile("crlf-escapes"));
        assertThat(crlf.sources().get(0).name()).isEqualTo("back\\slash");
        assertThat(crlf.group("main")).extracting(e -> e.requirement().text()).containsExactly(
                "greeting; os_name == \"posix\"\tand\tpython_version >= \"3\"", "colorsay>=2.0");
        assertThat(crlf.python()).map(DeclaredPython::text).contains("3.11");
    }

    static Stream<Arguments> entries() {
        return Stream.of(
                Arguments.of("requests = \"*\"", "requests", ANY_INDEX),
                Arguments.of("requests = \"\"", "requests", ANY_INDEX),
                Arguments.of("requests = \"==2.31\"", "requests==2.31", ANY_INDEX),
                Arguments.of("requests = \"2.31\"", "requests==2.31", ANY_INDEX),
                Arguments.of("requests = \" >=1,<2 \"", "requests>=1,<2", ANY_INDEX),
                Arguments.of("requests = \"~=2.31\"", "requests~=2.31", ANY_INDEX),
                Arguments.of("requests = \"!=2.0\"", "requests!=2.0", ANY_INDEX),
                Arguments.of("requests = {version = \"*\"}", "requests", ANY_INDEX),
                Arguments.of("requests = {extras = [\"socks\", \"security\"]}", "requests[socks,security]",
                        ANY_INDEX),
                Arguments.of("requests = {version = \">=1\", markers = \"python_version < '3.13' or os_name == 'nt'\","
                        + " sys_platform = \"== 'linux'\"}",
                        "requests>=1; sys_platform == 'linux' and (python_version < '3.13' or os_name == 'nt')",
                        ANY_INDEX),
                Arguments.of("x = {version = \"*\", platform_machine = \"!= 'arm64'\", os_name = \"== 'posix'\"}",
                        "x; os_name == 'posix' and platform_machine != 'arm64'", ANY_INDEX),
                Arguments.of("x = {python_version = \">= '3.8'\", markers = \"\"}", "x; python_version >= '3.8'",
                        ANY_INDEX),
                Arguments.of("x = {path = \"./libs/x\", editable = true}", "x @ file:./libs/x",
                        new PackageSource.LocalPath("./libs/x", true)),
                Arguments.of("x = {path = \"/opt/x y\"}", "x @ file:///opt/x%20y",
                        new PackageSource.LocalPath("/opt/x y", false)),
                Arguments.of("x = {file = \"https://e.org/x-1.0.tar.gz\", extras = [\"a\"], markers = \"os_name=='posix'\"}",
                        "x[a] @ https://e.org/x-1.0.tar.gz ; os_name=='posix'",
                        new PackageSource.DirectUrl("https://e.org/x-1.0.tar.gz")),
                Arguments.of("x = {file = \"dist/x-1.0-py3-none-any.whl\"}", "x @ file:dist/x-1.0-py3-none-any.whl",
                        new PackageSource.LocalPath("dist/x-1.0-py3-none-any.whl", false)),
                Arguments.of("x = {git = \"git@github.com:o/x.git\", ref = \"main\"}",
                        "x @ git+ssh://git@github.com/o/x.git@main",
                        new PackageSource.Vcs("git+ssh://git@github.com/o/x.git", Optional.of("main"))),
                Arguments.of("x = {git = \"git+https://e.org/x.git#egg=x\", ref = \"1.0\", subdirectory = \"py\"}",
                        "x @ git+https://e.org/x.git@1.0#egg=x&subdirectory=py",
                        new PackageSource.Vcs("git+https://e.org/x.git#egg=x&subdirectory=py", Optional.of("1.0"))),
                Arguments.of("x = {hg = \"https://hg.e.org/x\", editable = true}", "x @ hg+https://hg.e.org/x",
                        new PackageSource.Vcs("hg+https://hg.e.org/x", Optional.empty())),
                Arguments.of("x = {version = \"*\", index = \"pypi\"}", "x",
                        new PackageSource.Registry(Optional.of("https://pypi.org/simple"))));
    }

    @ParameterizedTest
    @MethodSource("entries")
    void convertsEachFormToAValidPep508Requirement(String line, String pep508, PackageSource source)
            throws PepSyntaxException {
        PipfileEntry e = entry("[packages]\n" + line + "\n");
        assertThat(e.requirement().text()).isEqualTo(pep508);
        assertThat(e.source()).isEqualTo(source);
        assertThat(e.group()).isEqualTo("main");
        assertThat(e.location()).isEqualTo(at(Path.of("Pipfile"), 2, 1));
        Requirement parsed = Requirement.parse(pep508);
        assertThat(parsed.url().isPresent()).isEqualTo(!(source instanceof PackageSource.Registry));
    }

    @Test
    void theFullVersionWinsOverTheMinorVersion() {
        Pipfile p = PipfileReader.readPipfile(TomlDocument.parse(Path.of("Pipfile"),
                "[requires]\npython_version = \"3.11\"\npython_full_version = \"3.11.4\"\n"));
        assertThat(p.python()).contains(new DeclaredPython("3.11.4", at(Path.of("Pipfile"), 3, 1)));
        assertThat(p.groups()).isEmpty();
    }

    @Test
    void entriesKeepTheirOrderAndDeclaredListsThemPerGroup() {
        Pipfile p = PipfileReader.readPipfile(TomlDocument.parse(Path.of("Pipfile"),
                "[dev-packages]\nzeta = \"*\"\nalpha = \"*\"\n[packages]\nmid = \"*\"\n"));
        assertThat(p.declared().group("dev")).extracting(DeclaredRequirement::text).containsExactly("zeta", "alpha");
        assertThat(p.declared().group("main")).extracting(DeclaredRequirement::text).containsExactly("mid");
        assertThat(p.declared().group("docs")).isEmpty();
        assertThat(List.copyOf(p.groups().keySet())).containsExactly("dev", "main");
    }
}
