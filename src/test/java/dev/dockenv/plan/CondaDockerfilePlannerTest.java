package dev.dockenv.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockenv.dockerfile.Dialect;
import dev.dockenv.dockerfile.Dockerfile;
import dev.dockenv.dockerfile.DockerfileRenderer;
import dev.dockenv.dockerfile.Instruction;
import dev.dockenv.dockerfile.Mount;
import dev.dockenv.dockerfile.Stage;
import dev.dockenv.errors.InputException;
import dev.dockenv.errors.SourceLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import dev.dockenv.lock.conda.CondaEnvironment;
import dev.dockenv.lock.conda.CondaEnvironmentReader;
import dev.dockenv.lock.conda.MatchSpec;
import dev.dockenv.lock.conda.CondaEnvironmentReaderTest;

/**
 * The plan up to the network: conda channels cannot be reached from the test machine, so these
 * tests check the Dockerfile and the generated files, not an actual micromamba install.
 */
class CondaDockerfilePlannerTest {
    private static final List<Mount> PIP_CACHE = List.of(Mount.Cache.at("/root/.cache/pip"));

    /** The conda install and the pip: step as a stage of their own. */
    private static String render(CondaDockerfilePlan plan, String prefix) {
        List<Instruction> steps = new ArrayList<>(CondaBaseStage.condaInstall(plan, prefix));
        if (plan.pipFile().isPresent()) {
            steps.addAll(CondaBaseStage.pipInstall(plan, prefix, PIP_CACHE));
        }
        Dockerfile dockerfile = new Dockerfile(List.of(), List.of(new Stage("env", plan.baseImage(), steps)));
        return new DockerfileRenderer(Dialect.BUILDKIT).render(dockerfile);
    }

    private static String golden(String name) throws IOException {
        return Files.readString(CondaEnvironmentReaderTest.resource("golden/" + name));
    }

    private static CondaEnvironment parse(String yaml) {
        return CondaEnvironmentReader.parse(Path.of("environment.yml"), yaml);
    }

    private static CondaDockerfilePlan plan(CondaEnvironment env) {
        return CondaDockerfilePlanner.plan(env, "environment.yml",
                CondaDockerfilePlanner.Inputs.of(MicromambaImage.DEFAULT_IMAGE));
    }

    private static String file(CondaDockerfilePlan plan, String path) {
        return plan.generatedFiles().stream().filter(f -> f.path().equals(path)).map(GeneratedFile::content)
                .findFirst().orElseThrow();
    }

    @Test
    void plansTheDataScienceEnvironment() throws IOException {
        CondaEnvironment env = CondaEnvironmentReader.read(CondaEnvironmentReaderTest.resource("valid/data-science.yml"));
        CondaDockerfilePlanner.Inputs inputs = new CondaDockerfilePlanner.Inputs(MicromambaImage.DEFAULT_IMAGE,
                Optional.empty(), CondaDockerfilePlanner.Includes.none(), extras -> List.of("rich>=13", "typer"), List.of());

        CondaDockerfilePlan plan = CondaDockerfilePlanner.plan(env, "environment.yml", inputs);

        assertThat(plan.baseImage()).isEqualTo("mambaorg/micromamba:2.5.0");
        assertThat(render(plan, "project/")).isEqualTo(golden("data-science.Dockerfile"));
        assertThat(plan.generatedFiles()).extracting(GeneratedFile::path)
                .containsExactly(".dockenv/conda/environment.yml", ".dockenv/conda/pip-requirements.txt");
        assertThat(file(plan, ".dockenv/conda/environment.yml")).isEqualTo(golden("data-science.conda-part.yml"));
        assertThat(file(plan, ".dockenv/conda/pip-requirements.txt")).isEqualTo(golden("data-science.pip-requirements.txt"));
        assertThat(plan.copies()).containsExactly("requirements-extra.txt");
        assertThat(plan.installsProject()).isTrue();
        assertThat(plan.pythonPinned()).isTrue();
    }

    @Test
    void theGeneratedCondaPartReadsBackAsTheSameCondaPackages() {
        CondaEnvironment env = CondaEnvironmentReader.read(CondaEnvironmentReaderTest.resource("valid/data-science.yml"));
        String condaPart = file(plan(env), CondaDockerfilePlanner.CONDA_FILE);

        CondaEnvironment reread = parse(condaPart);

        assertThat(reread.channelNames()).isEqualTo(env.channelNames());
        assertThat(reread.dependencies()).extracting(MatchSpec::name)
                .isEqualTo(env.dependencies().stream().map(MatchSpec::name).toList());
        assertThat(reread.dependencies()).extracting(MatchSpec::version)
                .isEqualTo(env.dependencies().stream().map(MatchSpec::version).toList());
        assertThat(reread.hasPipSection()).isFalse();
    }

    @Test
    void aMinimalEnvironmentGetsAChannelAndPipButNoPipStep() {
        CondaDockerfilePlan plan = plan(CondaEnvironmentReader.read(CondaEnvironmentReaderTest.resource("valid/minimal.yml")));

        assertThat(render(plan, "")).isEqualTo("""
                FROM mambaorg/micromamba:2.5.0 AS env
                # Conda environment from environment.yml: micromamba installs its packages into the image's base environment, as the image's user
                USER $MAMBA_USER
                COPY --chown=$MAMBA_USER:$MAMBA_USER .dockenv/conda/environment.yml /tmp/dockenv-conda-environment.yml
                RUN micromamba install --yes --name base --file /tmp/dockenv-conda-environment.yml \\
                    && micromamba clean --all --yes
                # The environment is active for every RUN below and in the later stages (the image's SHELL reads MAMBA_DOCKERFILE_ACTIVATE), for docker run through the image's entrypoint, and on PATH for docker exec
                ENV MAMBA_DOCKERFILE_ACTIVATE=1 \\
                    PATH=/opt/conda/bin:$PATH
                USER root
                """);
        assertThat(plan.generatedFiles()).containsExactly(new GeneratedFile(".dockenv/conda/environment.yml", """
                # Derived by dockenv from environment.yml: its conda packages (the pip: list is installed afterwards). Do not edit: dockenv rewrites it.
                # added: channel conda-forge (environment.yml names none)
                # added: pip (dockenv installs the pip: list and dev dependencies with the environment's pip)
                name: base
                channels:
                  - "conda-forge"
                dependencies:
                  - "python"
                  - "requests"
                  - "pip"
                """));
        assertThat(plan.copies()).isEmpty();
        assertThat(plan.installsProject()).isFalse();
        assertThat(plan.pythonPinned()).isFalse();
    }

    @Test
    void keepsVariablesForTheImageEnvironment() {
        CondaDockerfilePlan plan = CondaDockerfilePlanner.plan(
                CondaEnvironmentReader.read(CondaEnvironmentReaderTest.resource("valid/variables.yaml")),
                "environment.yaml", CondaDockerfilePlanner.Inputs.of(MicromambaImage.DEFAULT_IMAGE));

        assertThat(plan.variables()).containsExactly(Map.entry("PROJ_NETWORK", "ON"), Map.entry("DEBUG", "on"),
                Map.entry("MAX_WORKERS", "4"), Map.entry("GREETING", "hello, world"));
        assertThat(plan.pythonPinned()).as("python 3.12.* pins 3.12").isTrue();
    }

    @Test
    void addsPipToTheCondaPackagesOnce() {
        String withPip = file(plan(parse("dependencies:\n  - python=3.12\n  - pip=24\n  - pip:\n      - requests\n")),
                CondaDockerfilePlanner.CONDA_FILE);
        String without = file(plan(parse("dependencies:\n  - python=3.12\n  - pip:\n      - requests\n")),
                CondaDockerfilePlanner.CONDA_FILE);

        assertThat(withPip).endsWith("dependencies:\n  - \"python=3.12\"\n  - \"pip=24\"\n");
        assertThat(without).endsWith("dependencies:\n  - \"python=3.12\"\n  - \"pip\"\n");
    }

    @Test
    void pinsThePythonVersionTheProjectNamesElsewhere() {
        CondaDockerfilePlanner.Inputs pin = new CondaDockerfilePlanner.Inputs(MicromambaImage.DEFAULT_IMAGE,
                Optional.of("3.11"), CondaDockerfilePlanner.Includes.none(), extras -> List.of(), List.of());

        CondaDockerfilePlan unversioned = CondaDockerfilePlanner.plan(parse("dependencies:\n  - conda-forge::python\n"),
                "environment.yml", pin);
        CondaDockerfilePlan range = CondaDockerfilePlanner.plan(parse("dependencies:\n  - python>=3.10,<3.13\n"),
                "environment.yml", pin);
        CondaDockerfilePlan missing = CondaDockerfilePlanner.plan(parse("dependencies:\n  - numpy\n"),
                "environment.yml", pin);

        assertThat(file(unversioned, CondaDockerfilePlanner.CONDA_FILE)).contains("  - \"conda-forge::python=3.11\"\n")
                .contains("# added: conda-forge::python=3.11 in place of 'conda-forge::python'");
        assertThat(file(range, CondaDockerfilePlanner.CONDA_FILE)).contains("  - \"python=3.11\"\n")
                .doesNotContain("\"python>=3.10,<3.13\"");
        assertThat(file(missing, CondaDockerfilePlanner.CONDA_FILE))
                .contains("dependencies:\n  - \"python=3.11\"\n  - \"numpy\"\n");
        assertThat(List.of(unversioned, range, missing)).allMatch(CondaDockerfilePlan::pythonPinned);
        assertThat(plan(parse("dependencies:\n  - python>=3.10\n")).pythonPinned()).isFalse();
    }

    @Test
    void runsPipInTheEnvironmentFilesDirectoryAndCopiesWhatItNames() {
        CondaEnvironment env = CondaEnvironmentReader.parse(Path.of("binder/environment.yml"), """
                dependencies:
                  - python=3.12
                  - pip
                  - pip:
                      - -r ../requirements.txt
                      - -c constraints.txt
                      - --find-links ./wheels
                      - ../libs/helpers
                      - -e ..
                """);

        CondaDockerfilePlan plan = CondaDockerfilePlanner.plan(env, "binder/environment.yml",
                CondaDockerfilePlanner.Inputs.of(MicromambaImage.DEFAULT_IMAGE));

        assertThat(plan.copies()).containsExactly("requirements.txt", "binder/constraints.txt", "binder/wheels",
                "libs/helpers");
        assertThat(plan.installsProject()).isTrue();
        assertThat(render(plan, "project/")).contains("""
                WORKDIR /app/binder
                COPY project/requirements.txt /app/requirements.txt
                COPY project/binder/constraints.txt /app/binder/constraints.txt
                COPY project/binder/wheels /app/binder/wheels
                COPY project/libs/helpers /app/libs/helpers
                COPY project/.dockenv/conda/pip-requirements.txt .dockenv-conda-pip-requirements.txt
                RUN --mount=type=cache,target=/root/.cache/pip \\
                    python -m pip install -U -r .dockenv-conda-pip-requirements.txt --exists-action=b \\
                    && rm .dockenv-conda-pip-requirements.txt
                WORKDIR /app
                """);
        assertThat(file(plan, CondaDockerfilePlanner.PIP_FILE)).isEqualTo("""
                # Derived by dockenv from the pip: list of binder/environment.yml. Do not edit: dockenv rewrites it.
                -r ../requirements.txt
                -c constraints.txt
                --find-links ./wheels
                ../libs/helpers
                """);
    }

    @Test
    void theProjectsDependenciesTakeThePlaceOfTheLineInstallingIt() {
        Set<String> asked = new TreeSet<>();
        CondaDockerfilePlanner.Inputs inputs = new CondaDockerfilePlanner.Inputs(MicromambaImage.DEFAULT_IMAGE,
                Optional.empty(), new CondaDockerfilePlanner.Includes(List.of("requirements.txt", "libs/seed"),
                        Set.of("requirements.txt"), List.of("requirements.txt"), Set.of("docs")),
                extras -> {
                    asked.addAll(extras);
                    return List.of("requests>=2.31", "sphinx; extra == 'docs'");
                }, List.of());

        CondaDockerfilePlan plan = CondaDockerfilePlanner.plan(
                parse("dependencies:\n  - python=3.12\n  - pip:\n      - -r requirements.txt\n      - -e .[test]\n"),
                "environment.yml", inputs);

        assertThat(asked).containsExactly("docs", "test");
        assertThat(plan.copies()).containsExactly("requirements.txt", "libs/seed");
        assertThat(plan.dropProjectLinesFrom()).containsExactly("requirements.txt");
        assertThat(file(plan, CondaDockerfilePlanner.PIP_FILE)).endsWith("""
                -r requirements.txt
                # the project's own dependencies (pyproject.toml), in place of the line installing it:
                requests>=2.31
                sphinx; extra == 'docs'
                """);
        assertThat(render(plan, "")).contains("RUN --mount=type=cache,target=/root/.cache/pip \\\n    sed -i -E ")
                .contains(" /app/requirements.txt \\\n    && python -m pip install -U -r");
    }

    @Test
    void aPipListThatOnlyInstallsAProjectWithoutDependenciesNeedsNoPipStep() {
        CondaDockerfilePlan plan = plan(parse("dependencies:\n  - python=3.12\n  - pip:\n      - -e .\n"));

        assertThat(plan.installsProject()).isTrue();
        assertThat(plan.pipFile()).isEmpty();
    }

    @Test
    void rejectsPipPathsOutsideTheProject() {
        CondaEnvironment env = parse("dependencies:\n  - pip:\n      - -r ../shared/requirements.txt\n");

        assertThatThrownBy(() -> plan(env))
                .isInstanceOfSatisfying(InputException.class, e -> {
                    assertThat(e.location()).isEqualTo(new SourceLocation(Path.of("environment.yml"), 3, 9));
                    assertThat(e.problem()).contains("outside the project directory");
                });
    }

    @Test
    void quotesGeneratedYamlStrings() {
        assertThat(CondaDockerfilePlanner.yamlString("numpy>=1.20,<2")).isEqualTo("\"numpy>=1.20,<2\"");
        assertThat(CondaDockerfilePlanner.yamlString("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
    }

    @Test
    void aRelativeFileUrlIncludeIsCopiedAndNamedByItsPath() {
        // the layout of kaust-vislab/python-data-science-project (issue 8, new user 6)
        CondaDockerfilePlan plan = plan(parse("dependencies:\n  - python=3.11\n  - pip\n  - pip:\n"
                + "      - -r file:requirements.txt\n      - -c file:./pins/constraints.txt\n"));
        assertThat(plan.copies()).containsExactly("requirements.txt", "pins/constraints.txt");
        assertThat(file(plan, CondaDockerfilePlanner.PIP_FILE)).endsWith("\n-r requirements.txt\n-c ./pins/constraints.txt\n");
    }

    @Test
    void anAbsoluteFileUrlOrAnotherSchemeIsRefusedAtItsLine() {
        dev.dockenv.errors.InputException absolute = org.assertj.core.api.Assertions.catchThrowableOfType(
                dev.dockenv.errors.InputException.class,
                () -> plan(parse("dependencies:\n  - pip:\n      - -r file:///etc/requirements.txt\n")));
        assertThat(absolute.getMessage()).contains("absolute path /etc/requirements.txt");
        dev.dockenv.errors.InputException scheme = org.assertj.core.api.Assertions.catchThrowableOfType(
                dev.dockenv.errors.InputException.class,
                () -> plan(parse("dependencies:\n  - pip:\n      - -r ftp://host/requirements.txt\n")));
        assertThat(scheme.getMessage()).contains("by their path, not 'ftp://host/requirements.txt'");
    }
}
