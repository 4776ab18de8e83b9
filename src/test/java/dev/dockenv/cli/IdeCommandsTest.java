package dev.dockenv.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.io.StampedText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dockenv ide} over the in-memory engine: what each IDE's command writes, what it leaves to
 * the user (an edited or foreign file, nothing written), what --prepare writes for this machine,
 * and the usage errors (no IDE, an unknown one, options that do not go together).
 */
class IdeCommandsTest {
    @TempDir
    Path tmp;

    private CliHarness cli;
    private Path project;

    @BeforeEach
    void setUp() throws IOException {
        cli = new CliHarness(tmp.resolve("cache"));
        project = Files.createDirectories(tmp.resolve("shop"));
        Files.writeString(project.resolve(".python-version"), "3.11\n");
        Files.writeString(project.resolve("pyproject.toml"), """
                [project]
                name = "shop"
                version = "0.1.0"
                dependencies = []

                [tool.dockenv]
                ports = ["8000"]

                [tool.dockenv.services]
                db = "postgres:16"
                """);
    }

    @Test
    void vscodeWritesAStampedConfigAndLeavesAnEditedOneAlone() throws IOException {
        assertThat(cli.run(project, "ide", "vscode")).as(cli.err).isZero();
        Path config = project.resolve(".devcontainer/devcontainer.json");
        String written = Files.readString(config);
        assertThat(StampedText.state(Optional.of(written))).isEqualTo(StampedText.State.UNTOUCHED);
        assertThat(cli.out).startsWith("wrote .devcontainer/devcontainer.json\n");
        assertThat(cli.engine.builds).as("the editor's --prepare builds, not this").isEmpty();

        assertThat(cli.run(project, "ide", "vscode")).isZero();
        assertThat(cli.out).startsWith(".devcontainer/devcontainer.json is up to date\n");

        Files.writeString(config, written.replace("\"shop\"", "\"my shop\""));
        assertThat(cli.run(project, "ide", "vscode")).isEqualTo(7);
        assertThat(cli.err).contains(".devcontainer/devcontainer.json (edited since dockenv wrote it) exists in "
                + project + "; nothing was written", "dockenv ide vscode --force overwrites it");
        assertThat(Files.readString(config)).contains("my shop");

        assertThat(cli.run(project, "ide", "vscode", "--force")).isZero();
        assertThat(cli.out).startsWith("overwrote .devcontainer/devcontainer.json\n");
        assertThat(Files.readString(config)).isEqualTo(written);
    }

    @Test
    void aFileDockenvDidNotWriteIsKeptUnlessForced() throws IOException {
        Path config = Files.createDirectories(project.resolve(".devcontainer")).resolve("devcontainer.json");
        Files.writeString(config, "{\"image\": \"mine\"}\n");
        assertThat(cli.run(project, "ide", "vscode")).isEqualTo(7);
        assertThat(cli.err).contains("(not dockenv's) exists");
        assertThat(Files.readString(config)).isEqualTo("{\"image\": \"mine\"}\n");
    }

    @Test
    void prepareBuildsTheDevImageAndWritesThisMachinesComposeFileWithThePasswordsBesideIt() throws IOException {
        assertThat(cli.run(project, "ide", "vscode", "--prepare")).as(cli.err).isZero();
        assertThat(cli.engine.builds).hasSize(1);
        Path folder = project.resolve(".dockenv/devcontainer/shopdevcontainer");
        String compose = Files.readString(folder.resolve("compose.yaml"));
        String env = Files.readString(folder.resolve(".env"));
        assertThat(env).startsWith("DOCKENV_SECRET_DB=");
        String password = env.strip().substring("DOCKENV_SECRET_DB=".length());
        assertThat(compose).contains("image: \"dockenv-shop:dev-", "${DOCKENV_SECRET_DB:?").doesNotContain(password);
        assertThat(Files.getPosixFilePermissions(folder.resolve(".env")))
                .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(project.resolve(".dockenv/devcontainer/.gitignore"))).contains("*");
        assertThat(project.resolve(".devcontainer/devcontainer.json")).as("not written by --prepare").doesNotExist();
    }

    @Test
    void pycharmWritesItsComposeFileAndTheUsersIdsAndTagsTheDevImage() throws IOException {
        assertThat(cli.run(project, "ide", "pycharm")).as(cli.err).isZero();
        assertThat(cli.out).startsWith("wrote compose.pycharm.yaml\n")
                .contains("dockenv-shop:dev is the dev environment of shop", "Configuration file(s): ./compose.pycharm.yaml");
        assertThat(Files.readString(project.resolve(".env"))).contains("DOCKENV_UID=", "DOCKENV_GID=", "DOCKENV_SECRET_DB=");
        assertThat(cli.engine.builds).hasSize(1);
        assertThat(cli.engine.imageId("dockenv-shop:dev")).isPresent();
    }

    @Test
    void ciGithubWritesTheWorkflowAndStatusReportsIt() throws IOException {
        Files.createDirectories(project.resolve("tests"));
        assertThat(cli.run(project, "ci", "github")).as(cli.err).isZero();
        assertThat(cli.out).startsWith("wrote .github/workflows/dockenv.yml\n").contains("DOCKENV_DIST_URL");
        String workflow = Files.readString(project.resolve(".github/workflows/dockenv.yml"));
        assertThat(workflow).startsWith("# Written by dockenv ci github.").contains("dockenv run -- pytest");
        assertThat(cli.run(project, "status")).as(cli.err).isZero();
        assertThat(cli.out).contains("kept files  .github/workflows/dockenv.yml: up to date");
        Files.delete(project.resolve("tests"));
        assertThat(cli.run(project, "status")).isZero();
        assertThat(cli.out).contains(".github/workflows/dockenv.yml: out of date (dockenv ci github refreshes it)");
        assertThat(cli.run(project, "ci")).isEqualTo(2);
        assertThat(cli.err).contains("name the CI platform: github");
    }

    @Test
    void usageErrors() {
        assertThat(cli.run(project, "ide")).isEqualTo(2);
        assertThat(cli.err).contains("name the IDE: vscode, pycharm");
        assertThat(cli.run(project, "ide", "vscod")).isEqualTo(2);
        assertThat(cli.err).contains("vscod", "vscode");
        assertThat(cli.run(project, "ide", "vscode", "--volumes")).isEqualTo(2);
        assertThat(cli.err).contains("--volumes goes with --down");
        assertThat(cli.run(project, "ide", "vscode", "--prepare", "--down")).isEqualTo(2);
        assertThat(cli.run(project, "ide", "vscode", "--app", "web")).isEqualTo(2);
        assertThat(cli.err).contains("shop has no apps");
        assertThat(cli.run(tmp, "ide", "pycharm")).as("no project here").isEqualTo(3);
    }
}
