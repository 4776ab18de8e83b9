package dev.dockenv.deps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockenv.errors.ExitCode;
import dev.dockenv.errors.InputException;
import dev.dockenv.pep.MarkerEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequirementsFileParserTest {
    private static final Path FILE = Path.of("requirements.txt");

    /** Each deps/valid/NAME.txt must parse to the entries listed in NAME.expected. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "pip-compile-hashes", "app", "markers-and-continuations", "vcs-and-urls", "options", "windows-bom"})
    void parsesTheValidCorpus(String name) throws IOException {
        String content = resource("/deps/valid/" + name + ".txt");
        List<String> expected = resource("/deps/valid/" + name + ".expected").lines().toList();

        RequirementsFile parsed = RequirementsFileParser.parse(Path.of(name + ".txt"), content);

        assertThat(parsed.entries().stream().map(RequirementsFileParserTest::describe))
                .containsExactlyElementsOf(expected);
        assertThat(parsed.entries()).allSatisfy(e -> assertThat(e.location().file()).isEqualTo(Path.of(name + ".txt")));
    }

    @Test
    void keepsHashesNormalizedAndInOrder() throws IOException {
        RequirementsFile parsed = RequirementsFileParser.parse(FILE, resource("/deps/valid/pip-compile-hashes.txt"));
        List<PackageRequirement> packages = parsed.entriesOf(PackageRequirement.class);
        assertThat(packages.get(1).hashes()).containsExactly(
                "sha256:75f1e8a53e1c114bb0b17cd3d900768e8b92ab25acbc7b4cdbe21129bb478425",
                "sha256:602670933db5a0175bcaddbefcdb05d810ff38995787af2c9ff7118deb89ddea");
        assertThat(packages.get(5).hashes()).singleElement().asString().startsWith("sha384:cb00753f");
        PackageRequirement tomli = packages.get(4);
        assertThat(tomli.requirement().appliesTo(MarkerEnvironment.forLinux("3.11.7"))).isFalse();
        assertThat(tomli.requirement().appliesTo(MarkerEnvironment.forLinux("3.10.13"))).isTrue();
    }

    @Test
    void recognizesTheProjectRootInEveryForm() {
        String content = ".\n./\n-e .\n--editable=./\nfile:.\n-e file:.\n";
        Path root = Path.of("/work/project");
        List<LocalRequirement> locals = RequirementsFileParser.parse(FILE, content).entriesOf(LocalRequirement.class);
        assertThat(locals).hasSize(6).allSatisfy(l -> assertThat(l.isProjectRoot(root)).isTrue());
        assertThat(locals).extracting(LocalRequirement::editable).containsExactly(false, false, true, true, false, true);
    }

    @Test
    void resolvesLocalPathsAndFileUrls() {
        Path root = Path.of("/work/project");
        List<LocalRequirement> locals = RequirementsFileParser.parse(FILE,
                "./libs/seed\nlibs/x/\nfile:///work/project/libs/y\nfile://localhost/opt/z%20z\n../outside\n")
                .entriesOf(LocalRequirement.class);
        assertThat(locals).extracting(l -> l.resolve(root)).containsExactly(
                Path.of("/work/project/libs/seed"), Path.of("/work/project/libs/x"),
                Path.of("/work/project/libs/y"), Path.of("/opt/z z"), Path.of("/work/outside"));
        assertThat(locals.get(0).isProjectRoot(root)).isFalse();
    }

    @Test
    void tellsArchivesAndDirectoriesApart() {
        List<LocalRequirement> locals = RequirementsFileParser.parse(FILE,
                "dist/pkg-1.0.tar.gz\npkg-1.0-py3-none-any.whl\nsrc.zip\n./pkg\n").entriesOf(LocalRequirement.class);
        assertThat(locals).extracting(LocalRequirement::isArchive).containsExactly(true, true, true, false);
    }

    @Test
    void aNameWithoutSlashOrDotIsAPackageName() {
        RequirementsFile parsed = RequirementsFileParser.parse(FILE, "libs\nsetuptools.extra\n");
        assertThat(parsed.entries()).allMatch(e -> e instanceof PackageRequirement);
    }

    @Test
    void anEmptyFileHasNoEntries() {
        assertThat(RequirementsFileParser.parse(FILE, "").entries()).isEmpty();
        assertThat(RequirementsFileParser.parse(FILE, "\n  \n# only a comment\n\\\n").entries()).isEmpty();
    }

    @Test
    void errorsCarryTheLocationAndTheExitCodeForBadInput() {
        assertThatThrownBy(() -> RequirementsFileParser.parse(FILE, "flask\nrequests>=\n"))
                .isInstanceOf(InputException.class)
                .hasMessage("requirements.txt:2:11: invalid requirement: expected a version after '>='")
                .satisfies(e -> assertThat(((InputException) e).exitCode()).isEqualTo(ExitCode.BAD_INPUT));
    }

    @Test
    void aDirectReferenceWithoutANameIsAnErrorNotAPath() {
        assertThatThrownBy(() -> RequirementsFileParser.parse(FILE, "flask\n@ http://x/y.whl\n"))
                .isInstanceOf(InputException.class)
                .hasMessage("requirements.txt:2:1: invalid requirement '@ http://x/y.whl': no package name before '@'");
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                // content, line, column, message fragment
                Arguments.of("requests>=\n", 1, 11, "invalid requirement: expected a version after '>='"),
                Arguments.of("flask\n\nrequests = 2.0\n", 3, 10, "invalid operator '='"),
                Arguments.of("numpy ; python_versio >= '3'\n", 1, 9, "invalid requirement: unknown marker variable 'python_versio'"),
                Arguments.of("Django \\\n    >=4.2, \\\n    <5.0 x\n", 3, 10, "expected ',', ';' or the end of the requirement"),
                Arguments.of("Django \\\n    >=4.2,, \\\n", 2, 11, "expected a version specifier after ','"),
                Arguments.of("requests[security,]\n", 1, 19, "expected an extra name after ','"),
                Arguments.of("--index-urll https://x\n", 1, 1, "unknown option '--index-urll'"),
                Arguments.of("-x foo\n", 1, 1, "unknown option '-x'"),
                Arguments.of("--install-option=--prefix=/x\n", 1, 1, "unknown option '--install-option'"),
                Arguments.of("--no pkg\n", 1, 1, "ambiguous option '--no': it could be --no-index, --no-binary"),
                Arguments.of("--index-url\n", 1, 12, "option '--index-url' needs a value"),
                Arguments.of("--index-url=\n", 1, 13, "option '--index-url' needs a value"),
                Arguments.of("-r\n", 1, 3, "option '-r' needs a value"),
                Arguments.of("--index-url --pre\n", 1, 12, "option '--index-url' needs a value"),
                Arguments.of("-i=https://x\n", 1, 3, "unexpected '=' after '-i'"),
                Arguments.of("--pre=yes\n", 1, 6, "option '--pre' does not take a value"),
                Arguments.of("--index-url https://a https://b\n", 1, 23, "unexpected 'https://b' after option '--index-url'"),
                Arguments.of("flask --index-url https://x\n", 1, 7, "option '--index-url' cannot follow a requirement"),
                Arguments.of("flask -e .\n", 1, 7, "option '-e' cannot follow a requirement"),
                Arguments.of("-e . --pre\n", 1, 6, "option '--pre' cannot share a line with an editable requirement"),
                Arguments.of("-e . -e ./other\n", 1, 6, "only one editable requirement"),
                Arguments.of("-e https://example.com/pkg.whl\n", 1, 4, "an editable requirement must be a local directory or a VCS URL"),
                Arguments.of("-e . --hash=sha256:" + "a".repeat(64) + "\n", 1, 6, "--hash cannot be used with an editable requirement"),
                Arguments.of("flask==3.0 --hash=md5:abc\n", 1, 19, "unsupported hash algorithm 'md5'"),
                Arguments.of("flask==3.0 --hash=abc\n", 1, 19, "--hash needs the form algorithm:hexdigest"),
                Arguments.of("flask==3.0 \\\n    --hash=sha256:" + "a".repeat(63) + "\n", 2, 19, "a sha256 digest has 64 hex digits, this one has 63"),
                Arguments.of("flask==3.0 --hash sha256:" + "a".repeat(10) + "g" + "a".repeat(53) + "\n", 1, 36, "the sha256 digest must be hexadecimal"),
                Arguments.of("--hash=sha256:" + "a".repeat(64) + "\n", 1, 1, "option '--hash' applies to a requirement, but this line has none"),
                Arguments.of("-r base.txt --hash=sha256:" + "a".repeat(64) + "\n", 1, 13, "option '--hash' applies to a requirement"),
                Arguments.of("flask --config-settings novalue\n", 1, 25, "--config-settings needs KEY=VALUE"),
                Arguments.of("-c 'pins.txt\n", 1, 4, "unterminated quote"),
                Arguments.of("./libs/seed[dev,,x]\n", 1, 17, "expected an extra name"),
                Arguments.of("./libs/seed[d!ev]\n", 1, 13, "invalid extra name 'd!ev'"),
                Arguments.of("./libs/seed ; os_name = 'posix'\n", 1, 23, "invalid marker: invalid operator '='"),
                Arguments.of("https://x.example.com/a.whl ; python_version >>= '3'\n", 1, 46, "invalid marker: invalid operator '>>='"),
                Arguments.of("foo @ ./local/foo\n", 1, 7, "invalid URL './local/foo'"),
                Arguments.of("# header\n\n  flask\n  bad name\n", 4, 7, "expected a version specifier"),
                Arguments.of("\uFEFFbad name\n", 1, 5, "expected a version specifier"));
    }

    @ParameterizedTest(name = "[{index}] {1}:{2} {3}")
    @MethodSource("malformed")
    void reportsMalformedLinesAtTheirPhysicalPosition(String content, int line, int column, String message) {
        assertThatThrownBy(() -> RequirementsFileParser.parse(FILE, content))
                .isInstanceOf(InputException.class)
                .satisfies(e -> {
                    InputException ie = (InputException) e;
                    assertThat(ie.location().file()).isEqualTo(FILE);
                    assertThat(ie.location().line()).as("line").isEqualTo(line);
                    assertThat(ie.location().column()).as("column").isEqualTo(column);
                    assertThat(ie.problem()).contains(message);
                });
    }

    @Test
    void unknownOptionsGetAHintListingTheAcceptedOnes() {
        assertThatThrownBy(() -> RequirementsFileParser.parse(FILE, "--upgrade\n"))
                .isInstanceOf(InputException.class)
                .satisfies(e -> assertThat(((InputException) e).hint()).hasValueSatisfying(
                        h -> assertThat(h).contains("--index-url", "--hash")));
    }

    private static String describe(RequirementsEntry entry) {
        String at = entry.location().line() + ":" + entry.location().column();
        if (entry instanceof PackageRequirement p) {
            return "PACKAGE " + at + " " + p.requirement() + " hashes=" + p.hashes().size();
        } else if (entry instanceof LocalRequirement l) {
            return "LOCAL " + at + " " + l.rawPath() + (l.editable() ? " editable" : "") + " extras=" + l.extras()
                    + " marker=" + l.marker().map(Object::toString).orElse("-");
        } else if (entry instanceof UrlRequirement u) {
            return "URL " + at + " " + u.url() + (u.editable() ? " editable" : "") + " egg=" + u.eggName().orElse("-")
                    + " marker=" + u.marker().map(Object::toString).orElse("-");
        } else if (entry instanceof IncludeFile i) {
            return "INCLUDE " + at + " " + i.kind() + " " + i.rawPath();
        } else if (entry instanceof GlobalOption o) {
            return "OPTION " + at + " " + o.name() + o.value().map(v -> "=" + v).orElse("");
        }
        throw new AssertionError(entry);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = RequirementsFileParserTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
