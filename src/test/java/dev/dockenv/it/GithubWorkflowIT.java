package dev.dockenv.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.GitRepo;
import dev.dockenv.it.support.DistributionServer;
import dev.dockenv.it.support.DockenvCli;
import dev.dockenv.it.support.Docker;
import dev.dockenv.it.support.Exec;
import dev.dockenv.it.support.GithubRunner;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code dockenv ci github}: the workflow passes action-validator (npm @action-validator/cli), and
 * its steps run here in order as GitHub's runner runs them ({@link GithubRunner}): dockenv installed
 * from its real distribution (target/dockenv-VERSION.tar.gz, served on 127.0.0.1 as DOCKENV_DIST_URL,
 * checked against DOCKENV_DIST_SHA256), the dev environment built, pytest run in it, and on a v* tag
 * the release pushed to the tests' registry with the secrets, its tags and labels read back. A pull
 * request restores the dev image from the cache (the engine's copy removed first) and builds nothing,
 * pushes nothing; a failing test stops the run before the release.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GithubWorkflowIT {
    private PipelineWorkspace pipelines;
    private ItWorkspace ws;
    private LocalPackageIndex index;
    private DockenvCli dockenv;
    private TestRegistry registry;
    private DistributionServer dist;

    @BeforeAll
    void setUp() {
        pipelines = PipelineWorkspace.open("dockenv-githubit");
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

    private GithubRunner runner(Path dir) {
        return new GithubRunner(dir, ws.path("runner/temp"), ws.path("runner/cache"))
                .variable("DOCKENV_DIST_URL", dist.url())
                .variable("DOCKENV_DIST_SHA256", dist.sha256())
                .secret("DOCKENV_REGISTRY_USER", registry.user())
                .secret("DOCKENV_REGISTRY_PASSWORD", registry.password())
                .secret("GITHUB_TOKEN", "ghs_not-the-registry-password")
                .env("DOCKER_CONFIG", ws.path("runner/docker-config").toString())
                .env("DOCKENV_CACHE_DIR", dockenv.cacheDir().toString())
                .env("DOCKENV_DOCKER", Docker.client())
                .env("HOME", System.getProperty("user.home"));
    }

    @Test
    void theWorkflowBuildsTestsAndPushesOnATagAndAPullRequestRestoresTheCacheAndPushesNothing() throws Exception {
        String repository = registry.newRepository("ghshop");
        TestProject p = ws.project("ghshop");
        p.file(".python-version", "3.11\n")
                .file("pyproject.toml", """
                        [project]
                        name = "%s"
                        version = "1.2.0"
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
        ProcessResult wrote = dockenv.run(p.dir(), "ci", "github");
        assertThat(wrote.exitCode()).as(wrote.describe()).isZero();
        assertThat(wrote.stdout()).startsWith("wrote .github/workflows/dockenv.yml\n").contains("DOCKENV_DIST_URL");
        Path workflow = p.path(".github/workflows/dockenv.yml");
        ProcessResult valid = Exec.of(validator().toString(), workflow.toString()).timeout(Duration.ofMinutes(1)).run();
        assertThat(valid.exitCode()).as(valid.describe()).isZero();
        GitRepo.commitAll(p.dir(), "ghshop 1.2.0");
        GitRepo.git(p.dir(), "tag", "v1.2.0");
        String head = GitRepo.git(p.dir(), "rev-parse", "HEAD");

        GithubRunner.Run tag = runner(p.dir()).event("push", "refs/tags/v1.2.0").run(workflow, "dockenv");

        assertThat(tag.ok()).as(tag.log() + (tag.ok() ? "" : tag.failed().describe())).isTrue();
        assertThat(tag.ran()).contains("Install dockenv", "Build the dev environment", "Keep it for the next run",
                "Save it in the cache", "Test", "Release and push");
        assertThat(tag.skipped()).containsExactly("Load it");
        assertThat(tag.log()).contains("1 passed", "dockenv.tar.gz: OK")
                .doesNotContain(registry.password());
        assertThat(registry.tags(repository)).contains("1.2.0");
        assertThat(registry.labels(repository, "1.2.0")).containsEntry("org.opencontainers.image.version", "1.2.0")
                .containsEntry("org.opencontainers.image.revision", head);
        assertThat(Files.readString(ws.path("runner/docker-config/config.json"))).contains(registry.address());

        // a pull request on another runner: the engine has no dev image, the cache has
        String devImage = Docker.run("images", "--format", "{{.Repository}}:{{.Tag}}").stdout().lines()
                .filter(l -> l.startsWith(p.repository() + ":dev-")).findFirst().orElseThrow();
        Docker.run("rmi", "-f", devImage);
        Docker.run("rmi", "-f", p.repository() + ":dev");
        java.util.List<String> before = registry.tags(repository);
        GithubRunner.Run pr = runner(p.dir()).event("pull_request", "refs/pull/7/merge").run(workflow, "dockenv");

        assertThat(pr.ok()).as(pr.log() + (pr.ok() ? "" : pr.failed().describe())).isTrue();
        assertThat(pr.ran()).contains("Load it", "Build the dev environment", "Test");
        assertThat(pr.skipped()).containsExactly("Keep it for the next run", "Save it in the cache", "Release and push");
        assertThat(pr.log()).as("the dev image came from the cache").doesNotContain("building " + p.repository());
        assertThat(registry.tags(repository)).isEqualTo(before);

        // without the registry's own secrets, GitHub's token is not sent to a registry other than ghcr.io
        GithubRunner.Run noSecrets = runner(p.dir()).secret("DOCKENV_REGISTRY_USER", "")
                .secret("DOCKENV_REGISTRY_PASSWORD", "").event("push", "refs/heads/main").run(workflow, "dockenv");
        assertThat(noSecrets.failedStep()).isEqualTo("Release and push");
        assertThat(noSecrets.failed().stderr())
                .contains("set DOCKENV_REGISTRY_USER and DOCKENV_REGISTRY_PASSWORD to push to " + registry.address());
        assertThat(noSecrets.log()).doesNotContain("Login Succeeded");
        assertThat(registry.tags(repository)).isEqualTo(before);

        // a failing test stops the run before the release
        p.file("tests/test_shop.py", "def test_total():\n    assert 1 == 2\n");
        GitRepo.commitAll(p.dir(), "broken");
        GithubRunner.Run broken = runner(p.dir()).event("push", "refs/heads/main").run(workflow, "dockenv");
        assertThat(broken.ok()).isFalse();
        assertThat(broken.failedStep()).isEqualTo("Test");
        assertThat(broken.failed().stdout()).contains("1 failed");
    }

    @Test
    void aStaleLockFailsTheRunBeforeAnythingIsBuilt() {
        TestProject p = ws.project("ghstale");
        p.file(".python-version", "3.11\n")
                .file("pyproject.toml", """
                        [project]
                        name = "%s"
                        version = "0.1.0"
                        dependencies = ["pytest"]

                        [tool.dockenv]
                        index-url = "%s"
                        """.formatted(p.name(), index.url()));
        ProcessResult locked = dockenv.run(p.dir(), "lock");
        assertThat(locked.exitCode()).as(locked.describe()).isZero();
        assertThat(dockenv.run(p.dir(), "ci", "github").exitCode()).isZero();
        p.file("pyproject.toml", p.read("pyproject.toml").replace("[\"pytest\"]", "[\"pytest\", \"pluggy\"]"));
        GitRepo.commitAll(p.dir(), "a dependency added without relocking");

        GithubRunner.Run run = runner(p.dir()).event("push", "refs/heads/main")
                .run(p.path(".github/workflows/dockenv.yml"), "dockenv");

        assertThat(run.ok()).isFalse();
        assertThat(run.failedStep()).isEqualTo("Name the dev environment (a stale lock fails here)");
        assertThat(run.failed().stderr()).contains("stale lock");
    }

    private static Path validator() {
        return NpmTools.bin("action-validator", "action-validator", "scripts/ensure-action-validator.sh");
    }
}
