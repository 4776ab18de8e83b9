package dev.dockenv.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.Golden;
import dev.dockenv.build.BuildDefinition;
import dev.dockenv.build.BuildDefinitions;
import dev.dockenv.build.ImageIdentity;
import dev.dockenv.dockerfile.Dialect;
import dev.dockenv.dockerfile.DockerfileRenderer;
import dev.dockenv.project.Project;
import dev.dockenv.project.ProjectScanner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A conda project from its files to the rendered Dockerfile (scan, plan, compose, render), up to
 * the network: the micromamba image and conda channels are not reachable from the test machines.
 */
class CondaPlanTest {
    @TempDir
    Path tmp;

    /** A project using every part of a conda build: apt, pip: includes, -e .[extra], dev, postBuild, settings. */
    static Path shop(Path dir) throws Exception {
        Path root = Files.createDirectories(dir.resolve("shop"));
        Files.writeString(root.resolve("environment.yml"), """
                name: shop
                channels:
                  - conda-forge
                dependencies:
                  - python=3.11
                  - numpy>=1.26
                  - pip:
                      - -r requirements.txt
                      - -e .[web]
                variables:
                  SHOP_MODE: dev
                """);
        Files.writeString(root.resolve("requirements.txt"), "-r requirements/base.txt\n./libs/seed\n-e .\n");
        Files.createDirectories(root.resolve("requirements"));
        Files.writeString(root.resolve("requirements/base.txt"), "requests>=2.31\n");
        Files.createDirectories(root.resolve("libs/seed"));
        Files.writeString(root.resolve("libs/seed/pyproject.toml"), "[project]\nname = \"seed\"\nversion = \"1.0\"\n");
        Files.writeString(root.resolve("requirements-dev.txt"), "pytest>=8\n");
        Files.writeString(root.resolve("apt.txt"), "libpq-dev\n");
        Files.writeString(root.resolve("postBuild"), "#!/bin/sh\npython -c 'import numpy'\n");
        Files.writeString(root.resolve("pyproject.toml"), """
                [project]
                name = "shop"
                version = "0.1.0"
                dependencies = ["rich>=13"]
                [project.optional-dependencies]
                web = ["flask>=3"]
                [dependency-groups]
                dev = ["ruff"]
                [tool.dockenv]
                ports = [8000]
                command = ["python", "-m", "shop"]
                env = { TZ = "UTC" }
                build = ["python -m compileall -q /app"]
                """);
        Files.writeString(root.resolve("uv.lock"), "version = 1\n");
        Files.createDirectories(root.resolve("src/shop"));
        Files.writeString(root.resolve("src/shop/__main__.py"), "print('shop')\n");
        return root;
    }

    private static EnvironmentPlan plan(Path root) {
        return Plans.of(ProjectScanner.scan(root));
    }

    @Test
    void theFullCondaProjectRendersForBuildKitAndTheLegacyBuilder() throws Exception {
        EnvironmentPlan plan = plan(shop(tmp));

        Golden.assertMatches("conda.buildkit.Dockerfile", new DockerfileRenderer(Dialect.BUILDKIT)
                .render(EnvironmentDockerfile.compose(plan, "0.0.0-test", "project/")));
        Golden.assertMatches("conda.legacy.Dockerfile", new DockerfileRenderer(Dialect.LEGACY)
                .render(EnvironmentDockerfile.compose(plan, "0.0.0-test")));
    }

    @Test
    void theEnvironmentFileIsTheEnvironment() throws Exception {
        EnvironmentPlan plan = plan(shop(tmp));
        CondaDockerfilePlan conda = plan.conda().orElseThrow();

        assertThat(plan.baseImage()).isEqualTo("mambaorg/micromamba:2.5.0");
        assertThat(plan.baseInstalls()).as("no virtualenv install: the pip: list is conda's").isEmpty();
        assertThat(plan.devInstalls()).singleElement().satisfies(step -> {
            assertThat(step.pipCommands()).singleElement().satisfies(pip -> assertThat(pip.arguments())
                    .containsExactly("-r", "requirements-dev.txt", "ruff"));
        });
        assertThat(conda.copies()).containsExactly("requirements.txt", "requirements/base.txt", "libs/seed");
        assertThat(conda.dropProjectLinesFrom()).containsExactly("requirements.txt");
        assertThat(conda.notInstalled()).containsExactly("uv.lock: list its packages in environment.yml");
        assertThat(plan.generatedFiles()).extracting(GeneratedFile::path)
                .containsExactly(".dockenv/conda/environment.yml", ".dockenv/conda/pip-requirements.txt");
        assertThat(plan.generatedFiles().get(1).content()).endsWith("""
                -r requirements.txt
                # the project's own dependencies (pyproject.toml), in place of the line installing it:
                rich>=13
                flask>=3
                """);
        assertThat(EnvironmentDockerfile.contextPaths(plan, "dev")).containsExactly("requirements.txt",
                "requirements/base.txt", "libs/seed", "requirements-dev.txt", "postBuild");
        assertThat(plan.python().version()).hasToString("3.11");
    }

    @Test
    void withoutTheEnvironmentsPipListTheProjectsRequirementsAreNotInstalled() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("plain"));
        Files.writeString(root.resolve("environment.yaml"), "dependencies:\n  - python=3.12\n  - numpy\n");
        Files.writeString(root.resolve("requirements.txt"), "requests\n");
        Files.writeString(root.resolve("pyproject.toml"), "[project]\nname = \"plain\"\nversion = \"1\"\n"
                + "dependencies = [\"rich\"]\n");

        Project project = ProjectScanner.scan(root);
        EnvironmentPlan plan = Plans.of(project);

        assertThat(project.conda().orElseThrow().notInstalled()).containsExactly(
                "requirements.txt: add '- -r requirements.txt' under pip: in environment.yaml to install it",
                "pyproject.toml [project] dependencies: add '- -e .' under pip: in environment.yaml to install them "
                        + "(the project itself comes from the mount or the copied source)");
        assertThat(plan.conda().orElseThrow().pipFile()).isEmpty();
        assertThat(plan.baseInstalls()).isEmpty();
        String dockerfile = new DockerfileRenderer(Dialect.BUILDKIT).render(EnvironmentDockerfile.compose(plan, "t"));
        assertThat(dockerfile).contains("""
                FROM mambaorg/micromamba:2.5.0 AS base
                # environment.yaml is the environment (as repo2docker reads it); not installed:
                #   requirements.txt: add '- -r requirements.txt' under pip: in environment.yaml to install it
                """).doesNotContain("pip install");
    }

    @Test
    void aConfiguredBaseImageReplacesTheMicromambaImage() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("mirror"));
        Files.writeString(root.resolve("environment.yml"), "dependencies:\n  - python=3.12\n");
        Files.writeString(root.resolve("dockenv.toml"), "base-image = \"registry.example/mambaorg/micromamba:2.5.0\"\n");

        EnvironmentPlan plan = plan(root);

        assertThat(plan.baseImage()).isEqualTo("registry.example/mambaorg/micromamba:2.5.0");
        assertThat(new DockerfileRenderer(Dialect.BUILDKIT).render(EnvironmentDockerfile.compose(plan, "t")))
                .contains("FROM registry.example/mambaorg/micromamba:2.5.0 AS base");
    }

    @Test
    void theImageIdentityCoversTheDerivedFiles() throws Exception {
        Path root = shop(tmp);
        BuildDefinition before = BuildDefinitions.generated(plan(root), Optional.of("dev"), "t");
        Files.writeString(root.resolve("environment.yml"), Files.readString(root.resolve("environment.yml"))
                .replace("numpy>=1.26", "numpy>=1.26,<2"));
        BuildDefinition after = BuildDefinitions.generated(plan(root), Optional.of("dev"), "t");

        assertThat(before.generatedFiles()).extracting(GeneratedFile::path)
                .contains(".dockenv/conda/environment.yml");
        assertThat(ImageIdentity.hash(after, List.of(), null)).isNotEqualTo(ImageIdentity.hash(before, List.of(), null));
        // the Dockerfile is the same: only the derived file differs, and it alone changes the identity
        assertThat(after.identityText()).isEqualTo(before.identityText());
    }
}
