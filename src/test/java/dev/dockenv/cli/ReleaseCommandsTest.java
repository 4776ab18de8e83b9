package dev.dockenv.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.GitRepo;
import dev.dockenv.engine.BuildRequest;
import dev.dockenv.release.OciLabels;
import dev.dockenv.release.ReleaseImageBuilder;
import dev.dockenv.sbom.PipInspectReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** release and push over the in-memory engine: the tags, the labels, the refusals before any build. */
class ReleaseCommandsTest {
    @TempDir
    Path tmp;

    Path project;
    CliHarness cli;

    @BeforeEach
    void setUp() throws IOException {
        project = Files.createDirectories(tmp.resolve("shop"));
        cli = new CliHarness(tmp.resolve("cache"));
        cli.engine.outputs.put(PipInspectReport.COMMAND,
                Files.readString(Path.of("src/test/resources/sbom/pip-inspect-flask.json")));
        file(".python-version", "3.11\n");
        file("app.py", "print('shop')\n");
    }

    private void file(String path, String content) throws IOException {
        Path p = project.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }

    private void git(String... args) {
        GitRepo.git(project, args);
    }

    private BuildRequest releaseBuild() {
        return cli.engine.builds.get(cli.engine.builds.size() - 1);
    }

    @Test
    void outsideGitTheReleaseHasTheVersionAndLatestAndSaysWhatItLacks() throws IOException {
        file("pyproject.toml", "[project]\nname = \"shop\"\nversion = \"2.0\"\ndependencies = []\n");
        assertThat(cli.run(project, "release")).as(cli.err).isZero();
        assertThat(cli.out.lines()).containsExactly("shop:2.0", "shop:latest");
        assertThat(cli.err).contains("no sha- tag and no revision label: " + project + " is not in a git repository",
                "no created label: set SOURCE_DATE_EPOCH, or commit the project to git");
        BuildRequest release = releaseBuild();
        assertThat(release.tags()).containsExactly("shop:2.0", "shop:latest");
        String dockerfile = new String(cli.engine.contexts.get(cli.engine.contexts.size() - 1),
                java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(dockerfile).contains("FROM dockenv-shop:prod-", "COPY sbom.cdx.json " + ReleaseImageBuilder.SBOM_PATH,
                OciLabels.VERSION + "=\"2.0\"", ReleaseImageBuilder.LABEL_SBOM_DIGEST + "=\"");
    }

    @Test
    void anAppIsReleasedBesideTheProjectsRepositoryUnderItsOwnName() throws IOException {
        file("pyproject.toml", """
                [project]
                name = "shop"
                version = "1.0"
                dependencies = []

                [tool.dockenv.release]
                repository = "registry.example.com/team/shop"

                [tool.dockenv.apps.api]
                command = ["python", "api/main.py"]

                [tool.dockenv.apps.worker]
                command = ["python", "worker/run.py"]

                [tool.dockenv.apps.worker.release]
                repository = "registry.example.com/team/jobs"
                """);
        file("api/main.py", "");
        file("worker/run.py", "");
        assertThat(cli.run(project, "release", "--app", "api")).as(cli.err).isZero();
        assertThat(cli.out.lines()).containsExactly("registry.example.com/team/shop-api:1.0",
                "registry.example.com/team/shop-api:latest");
        assertThat(cli.run(project.resolve("worker"), "release")).as(cli.err).isZero();
        assertThat(cli.out.lines()).containsExactly("registry.example.com/team/jobs:1.0",
                "registry.example.com/team/jobs:latest");
        String dockerfile = new String(cli.engine.contexts.get(cli.engine.contexts.size() - 1),
                java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(dockerfile).contains("FROM dockenv-shop:worker-prod-", OciLabels.TITLE + "=\"shop-worker\"");
    }

    @Test
    void aDirtyTreeIsRefusedBeforeAnythingIsBuiltOrPushed() throws IOException {
        file("pyproject.toml", "[project]\nname = \"shop\"\nversion = \"1.0\"\ndependencies = []\n\n"
                + "[tool.dockenv.release]\nrepository = \"registry.example.com/team/shop\"\n");
        git("init", "-q");
        git("add", "-A");
        git("commit", "-q", "-m", "first");
        file("app.py", "print('changed')\n");
        assertThat(cli.run(project, "push")).isEqualTo(2);
        assertThat(cli.err).contains("uncommitted changes", "--allow-dirty");
        assertThat(cli.engine.builds).isEmpty();
        assertThat(cli.engine.pushes).isEmpty();

        assertThat(cli.run(project, "push", "--quiet", "--allow-dirty")).as(cli.err).isZero();
        assertThat(cli.engine.pushes).hasSize(3).anyMatch(r -> r.matches(".*:sha-[0-9a-f]{7}-dirty"));
    }

    @Test
    void statusShowsWhatAReleaseWouldTagWithoutBuildingIt() throws IOException {
        file("pyproject.toml", "[project]\nname = \"shop\"\ndynamic = [\"version\"]\n\n"
                + "[tool.dockenv.release]\nrepository = \"registry.example.com/team/shop\"\n");
        assertThat(cli.run(project, "status")).as(cli.err).isZero();
        assertThat(cli.out).contains("release     registry.example.com/team/shop: latest (pyproject.toml [project] "
                + "version is dynamic (the build computes it))\n");
        assertThat(cli.engine.builds).isEmpty();
    }

    @Test
    void aPushRepositoryWithATagIsAUsageError() throws IOException {
        file("pyproject.toml", "[project]\nname = \"shop\"\nversion = \"1.0\"\ndependencies = []\n");
        assertThat(cli.run(project, "push", "registry.example.com/team/shop:1.0")).isEqualTo(2);
        assertThat(cli.err).contains("is not an image repository: it has a tag or digest");
        assertThat(cli.engine.builds).isEmpty();
    }
}
