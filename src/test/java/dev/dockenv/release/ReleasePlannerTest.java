package dev.dockenv.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dockenv.config.ReleaseSetting;
import dev.dockenv.errors.DockenvException;
import dev.dockenv.errors.ExitCode;
import dev.dockenv.packaging.DistributionMetadata;
import dev.dockenv.vcs.GitReader;
import dev.dockenv.vcs.GitRevision;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReleasePlannerTest {
    private static final String COMMIT = "0a1b2c3d4e5f60718293a4b5c6d7e8f901234567";
    private static final Instant COMMIT_TIME = Instant.parse("2026-11-30T12:00:00Z");
    private static final DistributionMetadata METADATA = new DistributionMetadata(Optional.of("1.4.0"),
            "pyproject.toml [project] version", Optional.empty(), Optional.of("A shop\nthat sells"), Optional.of("MIT"));
    private static final ReleaseSetting REGISTRY = new ReleaseSetting(Optional.of("registry.example.com/team/shop"),
            Optional.empty());

    private static GitReader.Result commit(boolean dirty) {
        return new GitReader.Result.Found(new GitRevision(COMMIT, dirty, COMMIT_TIME,
                Optional.of("https://example.com/team/shop.git")));
    }

    private static ReleasePlan plan(ReleaseSetting setting, DistributionMetadata metadata, GitReader.Result git,
            Optional<String> sourceDateEpoch) {
        return ReleasePlanner.plan(new ReleaseInputs("shop", setting, metadata, git, sourceDateEpoch,
                "python:3.11-slim", Optional.of("sha256:" + "ab".repeat(32))));
    }

    @Test
    void aCommittedVersionedProjectGetsThreeTagsAndEveryLabel() {
        ReleasePlan plan = plan(REGISTRY, METADATA, commit(false), Optional.empty());
        assertThat(plan.references()).containsExactly("registry.example.com/team/shop:1.4.0",
                "registry.example.com/team/shop:sha-0a1b2c3", "registry.example.com/team/shop:latest");
        assertThat(plan.labels()).containsExactly(
                java.util.Map.entry(OciLabels.BASE_DIGEST, "sha256:" + "ab".repeat(32)),
                java.util.Map.entry(OciLabels.BASE_NAME, "docker.io/library/python:3.11-slim"),
                java.util.Map.entry(OciLabels.CREATED, "2026-11-30T12:00:00Z"),
                java.util.Map.entry(OciLabels.DESCRIPTION, "A shop that sells"),
                java.util.Map.entry(OciLabels.LICENSES, "MIT"),
                java.util.Map.entry(OciLabels.REVISION, COMMIT),
                java.util.Map.entry(OciLabels.SOURCE, "https://example.com/team/shop.git"),
                java.util.Map.entry(OciLabels.TITLE, "shop"),
                java.util.Map.entry(OciLabels.VERSION, "1.4.0"));
        assertThat(plan.notes()).isEmpty();
        assertThat(plan.dirty()).isFalse();
    }

    @Test
    void sourceDateEpochWinsOverTheCommitsTime() {
        ReleasePlan plan = plan(REGISTRY, METADATA, commit(false), Optional.of("1700000000"));
        assertThat(plan.labels()).containsEntry(OciLabels.CREATED, "2023-11-14T22:13:20Z");
        assertThat(plan.created()).contains(Instant.ofEpochSecond(1700000000));
    }

    @Test
    void aSourceDateEpochThatIsNoNumberIsAUsageError() {
        DockenvException e = catchThrowableOfType(DockenvException.class,
                () -> plan(REGISTRY, METADATA, commit(false), Optional.of("yesterday")));
        assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(e.getMessage()).contains("SOURCE_DATE_EPOCH='yesterday'");
    }

    @Test
    void uncommittedChangesMakeADirtyRevisionTag() {
        ReleasePlan plan = plan(REGISTRY, METADATA, commit(true), Optional.empty());
        assertThat(plan.tags()).containsExactly("1.4.0", "sha-0a1b2c3-dirty", "latest");
        assertThat(plan.dirty()).isTrue();
        assertThat(plan.notes()).anyMatch(n -> n.contains("uncommitted changes"));
    }

    @Test
    void withoutGitOrVersionTheReleaseSaysWhatItLacks() {
        ReleasePlan plan = plan(ReleaseSetting.none(), DistributionMetadata.none("no version anywhere"),
                new GitReader.Result.None("/p is not in a git repository"), Optional.empty());
        assertThat(plan.references()).containsExactly("shop:latest");
        assertThat(plan.labels()).doesNotContainKeys(OciLabels.REVISION, OciLabels.CREATED, OciLabels.VERSION,
                OciLabels.SOURCE);
        assertThat(plan.notes()).containsExactly("no sha- tag and no revision label: /p is not in a git repository",
                "no version tag: no version anywhere",
                "no created label: set SOURCE_DATE_EPOCH, or commit the project to git");
    }

    @Test
    void aLocalVersionBecomesAValidTag() {
        assertThat(ReleaseTags.versionTag("1.4.0+ubuntu.1")).isEqualTo("1.4.0-ubuntu.1");
        assertThat(ReleaseTags.versionTag("1!2.0")).isEqualTo("1-2.0");
    }

    @Test
    void theLocalRepositoryIsTheNameAsAnImageName() {
        assertThat(ReleasePlanner.localRepository("My_Shop")).isEqualTo("my_shop");
        assertThat(ReleasePlanner.localRepository("--")).isEqualTo("app");
        // reduced as the environment images' names are (plan.ImageNames): one separator, at most 128 characters
        assertThat(ReleasePlanner.localRepository("a..b")).isEqualTo("a-b");
        assertThat(ReleasePlanner.localRepository("x".repeat(300))).hasSize(128)
                .satisfies(r -> assertThat(dev.dockenv.config.ImageReference.repositoryProblem(r)).isEmpty());
    }

    @Test
    void theBaseNameIsAFullReference() {
        assertThat(ReleasePlanner.qualified("python:3.11-slim")).isEqualTo("docker.io/library/python:3.11-slim");
        assertThat(ReleasePlanner.qualified("team/python:3")).isEqualTo("docker.io/team/python:3");
        assertThat(ReleasePlanner.qualified("ghcr.io/x/y:1")).isEqualTo("ghcr.io/x/y:1");
        assertThat(ReleasePlanner.qualified("127.0.0.1:5000/y")).isEqualTo("127.0.0.1:5000/y");
    }
}
