package dev.dockenv.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockenv.errors.InputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class IgnoreRulesTest {

    private static Arguments excluded(String patterns, String path) {
        return Arguments.of(patterns, path, true);
    }

    private static Arguments included(String patterns, String path) {
        return Arguments.of(patterns, path, false);
    }

    /** Patterns are separated by " | ". Cases from Docker's documentation and moby's patternmatcher tests. */
    static Stream<Arguments> cases() {
        return Stream.of(
                // docs: */temp*, */*/temp*, temp?
                excluded("*/temp*", "somedir/temporary.txt"),
                excluded("*/temp*", "somedir/temp"),
                excluded("*/temp*", "somedir/temp/inside.txt"),
                included("*/temp*", "temp"),
                included("*/temp*", "a/b/temp"),
                excluded("*/*/temp*", "somedir/subdir/temporary.txt"),
                included("*/*/temp*", "somedir/temporary.txt"),
                excluded("temp?", "tempa"),
                excluded("temp?", "tempb"),
                included("temp?", "temp"),
                included("temp?", "tempab"),
                included("temp?", "dir/tempa"),
                // docs: ** matches any number of directories, including none
                excluded("**/*.go", "main.go"),
                excluded("**/*.go", "a/b/c.go"),
                included("**/*.go", "main.gox"),
                // docs: exceptions, last match wins
                excluded("*.md | !README.md", "docs.md"),
                included("*.md | !README.md", "README.md"),
                excluded("*.md | !README*.md | README-secret.md", "README-secret.md"),
                included("*.md | !README*.md | README-secret.md", "README-foo.md"),
                excluded("*.md | !README*.md | README-secret.md", "other.md"),
                included("*.md | README-secret.md | !README*.md", "README-secret.md"),
                excluded("!fileutils.go | *.go", "fileutils.go"),
                excluded("* | !keep", "other"),
                included("* | !keep", "keep"),
                // a directory and an exception below it
                excluded("docs | !docs/keep.md", "docs"),
                excluded("docs | !docs/keep.md", "docs/a.md"),
                included("docs | !docs/keep.md", "docs/keep.md"),
                included("docs/ | !docs/README.md", "docs/README.md"),
                included("docs/* | !docs/README.md", "docs/README.md"),
                // cleaning: leading '/', './', trailing '/', '..', surrounding space
                excluded("/foo", "foo"),
                excluded("/foo", "foo/bar"),
                included("/foo", "a/foo"),
                excluded("./foo", "foo"),
                excluded("foo/", "foo"),
                excluded("foo/", "foo/x"),
                excluded("foo/../bar", "bar"),
                excluded("   foo   ", "foo"),
                excluded("! /inverted/abs | inverted", "inverted/x"),
                included("inverted | ! /inverted/abs", "inverted/abs"),
                // a pattern matches its directory's contents, and only at its own depth
                excluded("foo", "foo/bar"),
                excluded("foo", "foo/bar/baz"),
                included("foo", "foobar"),
                included("foo", "a/foo"),
                excluded("foo/bar", "foo/bar/baz"),
                // "." is ignored, '#' only comments in column 1
                included(".", "x"),
                included("# comment", "# comment"),
                excluded(" #notcomment", "#notcomment"),
                excluded("\\!foo", "!foo"),
                // moby patternmatcher TestMatches
                excluded("**", "file"),
                excluded("**", "dir/file"),
                excluded("**/", "file"),
                excluded("**/**", "dir/file"),
                excluded("dir/**", "dir/file"),
                excluded("dir/**", "dir/dir2/file"),
                included("dir/**", "dir"),
                excluded("**/dir", "dir"),
                excluded("**/dir", "dir/file"),
                excluded("**/dir2/*", "dir/dir2/file"),
                excluded("**/dir2/**", "dir/dir2/dir3/file"),
                excluded("**file", "file"),
                excluded("**file", "dir/file"),
                excluded("**file", "dir/myfile"),
                included("**/file", "dir/myfile"),
                excluded("**/file*", "dir/dir/file.txt"),
                excluded("**/file*txt", "dir/dir/file.txt"),
                excluded("**/**/*.txt", "dir/dir/file.txt"),
                included("**/**/*.txt2", "dir/dir/file.txt"),
                excluded("**/*.txt", "file.txt"),
                excluded("a**/*.txt", "a/file.txt"),
                excluded("a**/*.txt", "a/dir/dir/file.txt"),
                included("a/*.txt", "a/dir/file.txt"),
                excluded("a/*.txt**", "a/file.txt"),
                included("a[b-d]e", "ae"),
                excluded("a[b-d]e", "ace"),
                included("a[b-d]e", "aae"),
                excluded("a[^b-d]e", "aze"),
                excluded(".*", ".foo"),
                included(".*", "foo"),
                included("abc.def", "abcdef"),
                excluded("abc.def", "abc.def"),
                excluded("abc?def", "abcZdef"),
                included("abc?def", "abcdef"),
                excluded("**/foo/bar", "dir/dir2/foo/bar"),
                included("abc/**", "abc"),
                excluded("abc/**", "abc/def/ghi"),
                excluded("**/.foo", ".foo"),
                included("**/.foo", "bar.foo"),
                excluded("a(b)c/def", "a(b)c/def"),
                included("a(b)c/def", "a(b)c/xyz"),
                excluded("a.|)$(}+{bc", "a.|)$(}+{bc"),
                excluded("dist/*.whl", "dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl"),
                included("** | !util/docker/web", "util/docker/web/foo"),
                excluded("** | !util/docker/web | util/docker/web/foo", "util/docker/web/foo"),
                excluded("a\\\\", "a\\"),
                excluded("a\\*b", "a*b"),
                included("a\\*b", "ab"),
                // moby TestMatch (Go's filepath.Match cases)
                excluded("*c", "abc"),
                excluded("a*", "ab/c"),
                excluded("a*/b", "abc/b"),
                included("a*/b", "a/c/b"),
                excluded("a*b*c*d*e*/f", "axbxcxdxexxx/f"),
                included("a*b*c*d*e*/f", "axbxcxdxe/xxx/f"),
                excluded("a*b?c*x", "abxbbxdbxebxczzx"),
                included("a*b?c*x", "abxbbxdbxebxczzy"),
                included("ab[^c]", "abc"),
                excluded("ab[^e-g]", "abc"),
                excluded("a?b", "a☺b"),
                excluded("a[^a]b", "a☺b"),
                included("a???b", "a☺b"),
                excluded("[a-ζ]*", "α"),
                included("*[a-ζ]", "A"),
                included("a?b", "a/b"),
                included("a*b", "a/b"),
                excluded("[\\]a]", "]"),
                excluded("[\\-]", "-"),
                excluded("[x\\-]", "-"),
                included("[x\\-]", "z"),
                excluded("[\\-x]", "x"),
                included("[\\-x]", "a"),
                excluded("*x", "xxx"));
    }

    @ParameterizedTest(name = "{0} on {1} excludes: {2}")
    @MethodSource("cases")
    void matchesLikeDocker(String patterns, String path, boolean expected) {
        IgnoreRules rules = IgnoreRules.of(List.of(patterns.split(" \\| ")));

        assertThat(rules.excludes(path)).isEqualTo(expected);
    }

    @Test
    void parsesAFileLikeMobysReadAll() {
        String content = "\uFEFFtest1\n/test2\n/a/file/here\n\nlastfile\n# this is a comment\n! /inverted/abs/path\r\n";

        IgnoreRules rules = IgnoreRules.parse(Path.of(".dockerignore"), content);

        assertThat(rules.patterns())
                .containsExactly("test1", "test2", "a/file/here", "lastfile", "!inverted/abs/path");
    }

    @Test
    void neverExcludesTheRoot() {
        IgnoreRules rules = IgnoreRules.of("**", "*", ".");

        assertThat(rules.excludes("")).isFalse();
        assertThat(rules.excludes(".")).isFalse();
        assertThat(rules.excludes("./x")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "[", "[^", "[^bc", "a[", "\\", "[]a]", "[-]", "[x-]", "[-x]", "[a-b-c]", "[z-a]", "!", "! ", "!/"})
    void refusesWhatDockerRefuses(String pattern) {
        assertThatThrownBy(() -> IgnoreRules.of(List.of(pattern))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reportsABadPatternAtItsLine() {
        Path file = Path.of("proj", ".dockerignore");

        assertThatThrownBy(() -> IgnoreRules.parse(file, "ok\n# comment\n\n  src/[abc\nlater\n"))
                .isInstanceOfSatisfying(InputException.class, e -> {
                    assertThat(e.location().file()).isEqualTo(file);
                    assertThat(e.location().line()).isEqualTo(4);
                    assertThat(e.problem()).contains("src/[abc").contains("never closed");
                    assertThat(e.hint()).isPresent();
                });
    }

    @Test
    void laterRulesWin() {
        IgnoreRules user = IgnoreRules.of("!.env");
        IgnoreRules defaults = IgnoreRules.of(".env");

        assertThat(user.plus(defaults).excludes(".env")).isTrue();
        assertThat(defaults.plus(user).excludes(".env")).isFalse();
        assertThat(defaults.plus(IgnoreRules.none())).isSameAs(defaults);
    }

    @Test
    void skipsAnExcludedDirectoryUnlessAnExceptionCouldReachBelowIt() {
        assertThat(IgnoreRules.of("docs").mayContainIncluded("docs")).isFalse();
        assertThat(IgnoreRules.of("docs", "!docs/keep.md").mayContainIncluded("docs")).isTrue();
        assertThat(IgnoreRules.of("docs", "!other/keep.md").mayContainIncluded("docs")).isFalse();
        assertThat(IgnoreRules.of("docs", "!docs/sub/keep.md").mayContainIncluded("docs/other")).isFalse();
        assertThat(IgnoreRules.of("*", "!src/**").mayContainIncluded("src")).isTrue();
        assertThat(IgnoreRules.of("*", "!src/**").mayContainIncluded("tests")).isFalse();
        assertThat(IgnoreRules.of(".venv", "!**/*.md").mayContainIncluded(".venv")).isTrue();
        assertThat(IgnoreRules.of("!**/*.md", ".venv").mayContainIncluded(".venv")).isFalse();
        assertThat(IgnoreRules.of("docs").mayContainIncluded("src")).isTrue();
    }

    @Test
    void aSkippedDirectoryHoldsNothingIncluded() {
        List<String> paths = List.of("a", "a/b", "a/b/c.md", "a/b/d.txt", "a/x.md", "b", "b/a", "b/a/c.md",
                "docs", "docs/keep.md", "docs/sub", "docs/sub/keep.md", "docs/sub/other.txt", "src", "src/a.py");
        List<List<String>> ruleSets = List.of(
                List.of("a", "!a/b/c.md"),
                List.of("*", "!**/*.md", "docs"),
                List.of("*", "!docs/sub", "docs/sub/other.txt"),
                List.of("**", "!src/**", "!docs/keep.md"),
                List.of("*/b", "!a/*/c.md"),
                List.of("docs", "!docs/sub/*.md", "src", "!s*/a.py"),
                List.of("!a", "a/b", "!a/b/d.txt", "b/*"));
        for (List<String> patterns : ruleSets) {
            IgnoreRules rules = IgnoreRules.of(patterns);
            for (String dir : paths) {
                if (rules.mayContainIncluded(dir)) {
                    continue;
                }
                List<String> wronglySkipped = new ArrayList<>();
                for (String path : paths) {
                    if (path.startsWith(dir + "/") && !rules.excludes(path)) {
                        wronglySkipped.add(path);
                    }
                }
                assertThat(wronglySkipped).as("%s skipping %s", patterns, dir).isEmpty();
            }
        }
    }
}
