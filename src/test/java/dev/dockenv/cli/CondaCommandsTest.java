package dev.dockenv.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.dockerfile.DockerfileSummary;
import dev.dockenv.dockerfile.DockerfileSummaryReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands on a conda project (environment.yml), against the in-memory engine. */
class CondaCommandsTest {
    @TempDir
    Path tmp;
    Path project;
    CliHarness cli;

    @BeforeEach
    void setUp() throws Exception {
        project = Files.createDirectories(tmp.resolve("geo"));
        Files.writeString(project.resolve("environment.yml"), """
                name: geo
                channels:
                  - conda-forge
                dependencies:
                  - python=3.12
                  - gdal=3.8
                  - pip:
                      - -r requirements.txt
                      - -e .
                """);
        Files.writeString(project.resolve("requirements.txt"), "-r requirements/base.txt\nshapely>=2\n");
        Files.createDirectories(project.resolve("requirements"));
        Files.writeString(project.resolve("requirements/base.txt"), "requests\n");
        Files.writeString(project.resolve("requirements-dev.txt"), "pytest\n");
        Files.writeString(project.resolve("postBuild"), "#!/bin/sh\necho built\n");
        Files.writeString(project.resolve("pyproject.toml"), "[project]\nname = \"geo\"\nversion = \"1\"\n"
                + "dependencies = [\"rich\"]\n");
        Files.writeString(project.resolve("poetry.lock"), "# not read: environment.yml is the environment\n");
        Files.writeString(project.resolve("app.py"), "print('hi')\n");
        cli = new CliHarness(tmp.resolve("cache"));
    }

    @Test
    void statusShowsTheCondaEnvironmentAndWhatItReplaces() {
        assertThat(cli.run(project, "status")).isZero();

        assertThat(cli.out).contains("environment.yml (conda)")
                .contains("python      3.12 (from environment.yml)")
                .contains("conda       environment.yml: 2 conda packages, 2 pip lines from conda-forge; built with "
                        + "micromamba")
                .contains("not used    poetry.lock: list its packages in environment.yml (environment.yml is the "
                        + "environment)")
                .contains("base image  mambaorg/micromamba:2.5.0")
                .doesNotContain("lock ");
    }

    @Test
    void initWritesADockerfileWhoseEveryCopySourceIsInTheProject() throws Exception {
        assertThat(cli.run(project, "init")).isZero();

        assertThat(cli.out).contains("wrote Dockerfile", "wrote .dockenv/conda/environment.yml",
                "wrote .dockenv/conda/pip-requirements.txt");
        String dockerfile = Files.readString(project.resolve("Dockerfile"));
        assertThat(dockerfile).contains("FROM mambaorg/micromamba:2.5.0 AS base",
                "COPY --chown=$MAMBA_USER:$MAMBA_USER .dockenv/conda/environment.yml /tmp/dockenv-conda-environment.yml",
                "#   poetry.lock: list its packages in environment.yml");
        assertThat(project.resolve(".dockenv/conda/environment.yml")).content().contains("  - \"gdal=3.8\"");
        assertThat(project.resolve(".dockenv/conda/pip-requirements.txt")).content()
                .contains("-r requirements.txt", "rich").doesNotContain("-e .");

        DockerfileSummary summary = DockerfileSummaryReader.read(project.resolve("Dockerfile"), dockerfile);
        assertThat(summary.stageNames()).containsExactly("base", "dev", "prod");
        List<String> sources = new ArrayList<>();
        summary.stages().forEach(s -> sources.addAll(s.contextSources()));
        assertThat(sources).contains(".dockenv/conda/environment.yml", ".dockenv/conda/pip-requirements.txt",
                "requirements.txt", "requirements/base.txt", "requirements-dev.txt", "postBuild", ".");
        for (String source : sources) {
            assertThat(Files.exists(project.resolve(source), LinkOption.NOFOLLOW_LINKS))
                    .as("COPY source %s exists in the project, as docker build will read it", source).isTrue();
        }
        assertThat(summary.contextSourcesFor(Optional.of("dev"))).isPresent();
    }

    @Test
    void theBuildContextCarriesTheDerivedFilesUnderProject() throws Exception {
        assertThat(cli.run(project, "build")).isZero();

        String tar = new String(cli.engine.contexts.get(0), StandardCharsets.UTF_8);
        assertThat(tar).contains("project/.dockenv/conda/environment.yml", "project/.dockenv/conda/pip-requirements.txt",
                "project/requirements.txt", "project/requirements/base.txt", "project/requirements-dev.txt",
                "name: base", "  - \"gdal=3.8\"")
                .doesNotContain("project/app.py").doesNotContain("project/poetry.lock");
        assertThat(project.resolve(".dockenv")).as("a build writes nothing into the project").doesNotExist();
    }

    @Test
    void aChangeToTheEnvironmentFileIsANewImage() throws Exception {
        assertThat(cli.run(project, "build")).isZero();
        String first = cli.out.strip();
        Files.writeString(project.resolve("environment.yml"), Files.readString(project.resolve("environment.yml"))
                .replace("gdal=3.8", "gdal=3.9"));

        assertThat(cli.run(project, "build")).isZero();

        assertThat(cli.out.strip()).isNotEqualTo(first);
        assertThat(cli.engine.builds).hasSize(2);
    }

    @Test
    void lockSaysCondaSolvesTheEnvironment() {
        assertThat(cli.run(project, "lock")).isEqualTo(2);
        assertThat(cli.err).contains("this project's environment is environment.yml")
                .contains("hint: pin versions in environment.yml").doesNotContain("Exception");
        assertThat(project.resolve("pylock.toml")).doesNotExist();
    }

    @Test
    void aPipListIncludingAFileUrlIsReadAndItsFileSentToTheBuild() throws Exception {
        Files.writeString(project.resolve("environment.yml"), Files.readString(project.resolve("environment.yml"))
                .replace("- -r requirements.txt", "- -r file:requirements.txt"));
        assertThat(cli.run(project, "init")).as(cli.err).isZero();
        assertThat(Files.readString(project.resolve(".dockenv/conda/pip-requirements.txt")))
                .contains("\n-r requirements.txt\n").doesNotContain("file:");
        assertThat(Files.readString(project.resolve("Dockerfile")))
                .contains("COPY requirements.txt /app/requirements.txt")
                .contains("COPY requirements/base.txt /app/requirements/base.txt");
    }
}
