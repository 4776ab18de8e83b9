package dev.dockenv.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.GitRepo;
import dev.dockenv.it.support.DistributionServer;
import dev.dockenv.it.support.DockenvCli;
import dev.dockenv.it.support.Docker;
import dev.dockenv.it.support.Exec;
import dev.dockenv.it.support.ItWorkspace;
import dev.dockenv.it.support.LocalPackageIndex;
import dev.dockenv.it.support.NpmTools;
import dev.dockenv.it.support.PipelineWorkspace;
import dev.dockenv.it.support.ProcessResult;
import dev.dockenv.it.support.TestProject;
import dev.dockenv.it.support.TestRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code dockenv ci gitlab}, run end to end by gitlab-ci-local (npm) with its shell executor, as a
 * GitLab runner would: dockenv installed by each job from its real distribution (served on 127.0.0.1
 * as DOCKENV_DIST_URL, checked against DOCKENV_DIST_SHA256), the dev environment built and pytest
 * run in it, then on the default branch the release pushed to the tests' registry with the
 * DOCKENV_REGISTRY_* variables, its tags and labels read back. On another branch the release job is
 * not in the pipeline, and nothing is pushed. A repository with a pipeline of its own gets the job
 * file to include instead, and its own file is left as it was.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GitlabPipelineIT {
    private PipelineWorkspace pipelines;
    private ItWorkspace ws;
    private LocalPackageIndex index;
    private DockenvCli dockenv;
    private TestRegistry registry;
    private DistributionServer dist;

    @BeforeAll
    void setUp() {
        pipelines = PipelineWorkspace.open("dockenv-gitlabit");
        ws = pipelines.ws();
        index = pipelines.index();
        dockenv = pipelines.dockenv();
        registry = pipelines.registry();
        dist = pipelines.dist();
    }

    @AfterAll
    void cleanUp() {
        PipelineWorkspace.closeIfOpened(pipelines);
    }

    private ProcessResult pipeline(TestProject p) {
        List<String> cmd = new ArrayList<>(List.of(tool().toString(), "--force-shell-executor"));
        for (String v : List.of("DOCKENV_DIST_URL=" + dist.url(), "DOCKENV_DIST_SHA256=" + dist.sha256(),
                "DOCKENV_REGISTRY_USER=" + registry.user(), "DOCKENV_REGISTRY_PASSWORD=" + registry.password(),
                "DOCKENV_DOCKER=" + Docker.client(), "DOCKENV_CACHE_DIR=" + dockenv.cacheDir(),
                "DOCKER_CONFIG=" + ws.path("runner/docker-config"))) {
            cmd.addAll(List.of("--variable", v));
        }
        return Exec.of(cmd).dir(p.dir()).timeout(Duration.ofMinutes(8)).run();
    }

    @Test
    void theDefaultBranchBuildsTestsAndPushesAndAnotherBranchOnlyTests() {
        String repository = registry.newRepository("glshop");
        TestProject p = ws.project("glshop");
        p.file(".python-version", "3.11\n")
                .file(".gitignore", ".gitlab-ci-local/\n")
                .file("pyproject.toml", """
                        [project]
                        name = "%s"
                        version = "2.1.0"
                        dependencies = []

                        [dependency-groups]
                        dev = ["pytest"]

                        [tool.dockenv]
                        index-url = "%s"

                        [tool.dockenv.release]
                        repository = "%s"
                        """.formatted(p.name(), index.url(), repository))
                .file("shop.py", "def total(prices):\n    return sum(prices)\n")
                .file("tests/test_shop.py", "from shop import total\n\n\ndef test_total():\n    assert total([1, 2]) == 3\n");
        ProcessResult wrote = dockenv.run(p.dir(), "ci", "gitlab");
        assertThat(wrote.exitCode()).as(wrote.describe()).isZero();
        assertThat(wrote.stdout()).startsWith("wrote .gitlab-ci.yml\n").contains("DOCKENV_DIST_URL");
        GitRepo.git(p.dir(), "init", "-q", "-b", "main");
        GitRepo.commitAll(p.dir(), "glshop 2.1.0");
        GitRepo.git(p.dir(), "tag", "v2.1.0");
        String head = GitRepo.git(p.dir(), "rev-parse", "HEAD");

        ProcessResult main = pipeline(p);

        assertThat(main.exitCode()).as(main.describe()).isZero();
        assertThat(main.stdout()).contains("1 passed").containsPattern("PASS +dockenv-test")
                .containsPattern("PASS +dockenv-release").doesNotContain(registry.password());
        assertThat(registry.tags(repository)).contains("2.1.0", "latest");
        assertThat(registry.labels(repository, "2.1.0")).containsEntry("org.opencontainers.image.revision", head)
                .containsEntry("org.opencontainers.image.version", "2.1.0");

        GitRepo.git(p.dir(), "checkout", "-q", "-b", "feature");
        p.file("shop.py", "def total(prices):\n    return sum(prices) + 0\n");
        GitRepo.commitAll(p.dir(), "a change on a branch");
        List<String> before = registry.tags(repository);
        ProcessResult feature = pipeline(p);
        assertThat(feature.exitCode()).as(feature.describe()).isZero();
        assertThat(feature.stdout()).containsPattern("PASS +dockenv-test").doesNotContain("dockenv-release");
        assertThat(registry.tags(repository)).isEqualTo(before);
    }

    @Test
    void aRepositoryWithAPipelineOfItsOwnGetsTheFileToInclude() {
        TestProject p = ws.project("glown");
        p.file("pyproject.toml", "[project]\nname = \"glown\"\nversion = \"0.1\"\n")
                .file(".gitlab-ci.yml", "lint:\n  script: [\"true\"]\n");
        ProcessResult wrote = dockenv.run(p.dir(), "ci", "gitlab");
        assertThat(wrote.exitCode()).as(wrote.describe()).isZero();
        assertThat(wrote.stdout()).startsWith("wrote .gitlab/dockenv.gitlab-ci.yml\n")
                .contains("include:", "- local: .gitlab/dockenv.gitlab-ci.yml");
        assertThat(p.read(".gitlab-ci.yml")).isEqualTo("lint:\n  script: [\"true\"]\n");
        p.file(".gitlab-ci.yml", "include:\n  - local: .gitlab/dockenv.gitlab-ci.yml\nlint:\n  script: [\"true\"]\n");
        GitRepo.git(p.dir(), "init", "-q", "-b", "main");
        GitRepo.commitAll(p.dir(), "own pipeline");
        ProcessResult list = Exec.of(tool().toString(), "--list").dir(p.dir()).timeout(Duration.ofMinutes(2)).run();
        assertThat(list.exitCode()).as(list.describe()).isZero();
        assertThat(list.stdout()).contains("lint", "dockenv-test", "dockenv-release");
    }

    private static Path tool() {
        return NpmTools.bin("gitlab-ci-local", "gitlab-ci-local", "scripts/ensure-gitlab-ci-local.sh");
    }
}
