package dev.dockenv.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 8's bad-input corpus, through the real command line in-process (status, and build against
 * an in-memory engine): for every case no stack trace, no exit 1, and for an error a message naming
 * the file, at its line where it has one. The cases are {@link BadInputCorpus}'s table.
 */
class BadInputCorpusTest {
    @TempDir
    Path tmp;

    static Stream<CorpusSeed> seeds() {
        return CorpusSeed.all().stream();
    }

    static Stream<BadInput> cases() {
        return BadInputCorpus.cases().stream().filter(c -> c.disabled().isEmpty());
    }

    static Stream<BadInput> specialFiles() {
        return BadInputCorpus.cases().stream().filter(c -> c.disabled().filter(SpecialFiles.FIXED_ELSEWHERE::equals)
                .isPresent());
    }

    static Stream<BadInput> tomlTriviaRuns() {
        return BadInputCorpus.cases().stream().filter(c -> c.disabled()
                .filter(CorpusExpectations.TOML_TRIVIA_RUNS::equals).isPresent());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void everySeedIsAValidProject(CorpusSeed seed) throws Exception {
        Path project = CorpusProject.write(tmp.resolve("shop"), seed.beside(), seed.file(),
                new BadInput.Content.Bytes(seed.text().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        var status = CorpusProject.run(project, tmp.resolve("cache"), "status");
        assertThat(status.exit()).as(status.toString()).isZero();
        var build = CorpusProject.run(project, tmp.resolve("cache"), "build");
        assertThat(build.exit()).as(build.toString()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aBadInputIsAnErrorNamingItsFile(BadInput c) throws Exception {
        check(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specialFiles")
    void deepNestingSpecialFilesAndOutsidePaths(BadInput c) throws Exception {
        check(c);
    }

    @Disabled(CorpusExpectations.TOML_TRIVIA_RUNS)
    @ParameterizedTest(name = "{0}")
    @MethodSource("tomlTriviaRuns")
    void longRunsOfCommentLinesInToml(BadInput c) throws Exception {
        check(c);
    }

    @Test
    void theCorpusHoldsAtLeastTheCampaignsKinds() {
        List<BadInput> all = BadInputCorpus.cases();
        assertThat(all).hasSizeGreaterThanOrEqualTo(414);
        assertThat(all.stream().map(BadInput::toString).distinct()).as("case names are unique").hasSize(all.size());
    }

    private void check(BadInput c) throws Exception {
        Path project = CorpusProject.write(tmp.resolve("shop"), c.beside(), c.file(), c.content());
        Path cache = tmp.resolve("cache");
        for (String command : List.of("status", "build")) {
            CorpusProject.Answer answer = CorpusProject.run(project, cache, command);
            String crash = answer.crash();
            if (crash != null || !c.exits().contains(answer.exit())) {
                // the whole trace, to show where it broke
                answer = CorpusProject.run(project, cache, true, command);
            }
            assertThat(answer.crash()).as(answer.toString()).isNull();
            assertThat(answer.exit()).as(answer.toString()).isIn(c.exits());
            if (answer.exit() != 0) {
                assertThat(answer.err()).as("names the file").contains(c.named());
                if (c.line() > 0) {
                    assertThat(answer.err()).as("names the line")
                            .containsPattern(Pattern.quote(c.named()) + ":" + c.line() + "\\b");
                }
                return; // build reads what status read: the same error
            }
            if (!c.group().equals("encoding") && !c.group().equals("empty")) {
                return; // accepted: planning the build is the seeds' and the encodings' to prove
            }
        }
    }
}
