package dev.dockenv.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.Golden;
import dev.dockenv.dockerfile.Dialect;
import dev.dockenv.dockerfile.Dockerfile;
import dev.dockenv.dockerfile.DockerfileRenderer;
import dev.dockenv.dockerfile.Instruction;
import dev.dockenv.dockerfile.Stage;
import dev.dockenv.project.ProjectScanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A repository with two apps over one shared base: the plan, its Dockerfile, what each target reads. */
class AppsPlanTest {
    @TempDir
    Path tmp;
    Path root;

    @BeforeEach
    void setUp() throws IOException {
        root = Files.createDirectories(tmp.resolve("lol"));
        file(".python-version", "3.11\n");
        file("requirements_base.txt", "requests\n");
        file("requirements-dev.txt", "black\n");
        file("requirements_parser.txt", "lark\n");
        file("requirements_api.txt", "-r requirements_base.txt\nflask\n");
        file("requirements_test.txt", "pytest\n");
        file("lol_data_parser/run_parser.sh", "python -m lol_data_parser\n");
        file("lol_data_api/wsgi.py", "");
        file("lol_shared/__init__.py", "");
        file("pyproject.toml", """
                [tool.dockenv]
                requirements = ["base"]

                [tool.dockenv.apps.parser]
                path = "lol_data_parser"
                requirements = ["parser"]
                command = ["bash", "lol_data_parser/run_parser.sh"]

                [tool.dockenv.apps.api]
                path = "lol_data_api"
                requirements = ["api"]
                dev-requirements = ["test"]
                command = "gunicorn lol_data_api.wsgi:app --bind 0.0.0.0:8000"
                ports = [8000, "127.0.0.1:9000:9000"]
                """);
    }

    private void file(String path, String content) throws IOException {
        Path p = root.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }

    private EnvironmentPlan plan() {
        return Plans.of(ProjectScanner.scan(root));
    }

    private static Stage stage(Dockerfile d, String name) {
        return d.stage(name).orElseThrow(() -> new AssertionError("no stage " + name + " in " + d.stageNames()));
    }

    @Test
    void twoAppsRenderForBuildKit() {
        Golden.assertMatches("apps.buildkit.Dockerfile", new DockerfileRenderer(Dialect.BUILDKIT)
                .render(EnvironmentDockerfile.compose(plan(), "0.0.0-test", "project/")));
    }

    @Test
    void eachAppsStagesStandOverTheSharedBase() {
        Dockerfile d = EnvironmentDockerfile.compose(plan(), "0.0.0-test", "project/");
        assertThat(d.stageNames()).containsExactly("system", "base", "dev", "prod",
                "parser-env", "parser-dev", "parser-files", "parser-prod",
                "api-env", "api-dev", "api-files", "api-prod");
        assertThat(d.stages()).extracting(Stage::name, Stage::from).contains(
                org.assertj.core.groups.Tuple.tuple("api-env", "base"),
                org.assertj.core.groups.Tuple.tuple("api-dev", "api-env"),
                org.assertj.core.groups.Tuple.tuple("api-files", "system"),
                org.assertj.core.groups.Tuple.tuple("api-prod", "api-env"));
        Stage prod = stage(d, "api-prod");
        assertThat(prod.instructions()).contains(new Instruction.Copy(List.of("/src/"), "/app/", java.util.Optional.of(
                "api-files"), java.util.Optional.empty()), new Instruction.User("10001:10001"), new Instruction.Expose(8000),
                new Instruction.Expose(9000), new Instruction.Cmd(List.of("gunicorn", "lol_data_api.wsgi:app", "--bind",
                        "0.0.0.0:8000")));
        assertThat(prod.instructions()).as("the prod image has no dev dependency")
                .noneMatch(i -> i.toString().contains("requirements_test.txt") || i.toString().contains("requirements-dev"));
        assertThat(prod.instructions().get(prod.instructions().size() - 1)).isInstanceOf(Instruction.Cmd.class);
        Stage files = stage(d, "api-files");
        assertThat(files.instructions()).contains(Instruction.Run.of("rm -rf /src/lol_data_parser"));
        assertThat(stage(d, "parser-files").instructions()).contains(Instruction.Run.of("rm -rf /src/lol_data_api"));
        assertThat(stage(d, "parser-prod").instructions()).noneMatch(i -> i instanceof Instruction.Expose)
                .contains(new Instruction.Cmd(List.of("bash", "lol_data_parser/run_parser.sh")));
    }

    @Test
    void anAppInstallsItsOwnSetsOnceOverTheBaseAndItsDevAddsToTheSharedDev() {
        EnvironmentPlan plan = plan();
        assertThat(plan.apps()).extracting(PlannedApp::name).containsExactly("parser", "api");
        PlannedApp api = plan.plannedApp("api").orElseThrow();
        assertThat(api.folder()).isEqualTo("lol_data_api");
        assertThat(api.otherFolders()).containsExactly("lol_data_parser");
        assertThat(api.installs()).singleElement().satisfies(step -> {
            assertThat(step.pipCommands().get(0).arguments()).containsExactly("-r", "requirements_api.txt");
            assertThat(step.copies()).as("requirements_base.txt is in the base stage already")
                    .containsExactly("requirements_api.txt");
        });
        assertThat(api.app().devInstalls()).hasSize(2);
        assertThat(api.app().devInstalls().get(0)).isEqualTo(plan.devInstalls().get(0));
        assertThat(api.app().devInstalls().get(1).pipCommands().get(0).arguments())
                .containsExactly("-r", "requirements_test.txt");
        assertThat(api.app().containerPorts()).containsExactly(8000, 9000);
        assertThat(plan.plannedApp("parser").orElseThrow().app().devInstalls()).isEqualTo(plan.devInstalls());
        assertThat(plan.plannedApp("nope")).isEmpty();
        assertThat(plan.devInstalls()).singleElement().satisfies(step -> assertThat(step.copies())
                .containsExactly("requirements-dev.txt"));
    }

    @Test
    void theTargetsAreTheSharedStagesAndEachAppsEnvDevAndProd() {
        assertThat(EnvironmentDockerfile.targets(plan())).containsExactly("base", "dev", "prod",
                "parser-env", "parser-dev", "parser-prod", "api-env", "api-dev", "api-prod");
    }

    @Test
    void anAppsTargetsReadItsDependencyFilesAndItsProdEverythingButTheOtherAppsFolders() {
        EnvironmentPlan plan = plan();
        assertThat(EnvironmentDockerfile.contextPaths(plan, "api-env"))
                .containsExactly("requirements_base.txt", "requirements_api.txt");
        assertThat(EnvironmentDockerfile.contextPaths(plan, "api-dev"))
                .containsExactly("requirements_base.txt", "requirements_api.txt", "requirements-dev.txt",
                        "requirements_test.txt");
        assertThat(EnvironmentDockerfile.contextPaths(plan, "parser-dev"))
                .containsExactly("requirements_base.txt", "requirements_parser.txt", "requirements-dev.txt");
        assertThat(EnvironmentDockerfile.contextPaths(plan, "dev")).as("the shared dev reads no app's set")
                .containsExactly("requirements_base.txt", "requirements-dev.txt");
        assertThat(EnvironmentDockerfile.contextPaths(plan, "api-prod")).containsExactly(".");
        assertThat(EnvironmentDockerfile.contextExclusions(plan, "api-prod")).containsExactly("lol_data_parser");
        assertThat(EnvironmentDockerfile.contextExclusions(plan, "parser-prod")).containsExactly("lol_data_api");
        for (String target : List.of("base", "dev", "prod", "api-env", "api-dev", "parser-dev")) {
            assertThat(EnvironmentDockerfile.contextExclusions(plan, target)).as(target).isEmpty();
        }
    }

    @Test
    void anAppsDependencyFilesGetAFolderOfTheirOwnNamedForItsStage() throws IOException {
        file("requirements_test.txt", "-r requirements_lint.txt\npytest\n");
        file("requirements_lint.txt", "ruff\n");
        EnvironmentPlan plan = plan();
        assertThat(plan.dependencyFolders()).containsExactly(new DependencyFolder("dependency-files/api-dev-2",
                List.of("requirements_test.txt", "requirements_lint.txt")));
        assertThat(new DockerfileRenderer(Dialect.BUILDKIT).render(EnvironmentDockerfile.compose(plan, "x", "project/")))
                .contains("FROM api-env AS api-dev\n")
                .contains("COPY dependency-files/api-dev-2/ ./\n");
        assertThat(EnvironmentDockerfile.contextPaths(plan, "api-dev")).contains("requirements_lint.txt");
    }

    @Test
    void theLegacyBuilderGetsTheSameStages() {
        String legacy = new DockerfileRenderer(Dialect.LEGACY).render(EnvironmentDockerfile.compose(plan(), "x", "project/"));
        assertThat(legacy).contains("FROM system AS api-files\n", "COPY --from=api-files /src/ /app/\n",
                "FROM api-env AS api-prod\n").doesNotContain("--mount");
    }

    @Test
    void inACondaProjectEveryAppStageStandsOnAStageOfTheFile() throws IOException {
        Path conda = Files.createDirectories(tmp.resolve("shop"));
        Files.writeString(conda.resolve("environment.yml"), """
                name: shop
                channels:
                  - conda-forge
                dependencies:
                  - python=3.11
                  - numpy>=1.26
                """);
        Files.createDirectories(conda.resolve("api"));
        Files.writeString(conda.resolve("api/requirements.txt"), "flask\n");
        Files.createDirectories(conda.resolve("worker"));
        Files.writeString(conda.resolve("dockenv.toml"), "[apps.api]\ncommand = \"flask run\"\n[apps.worker]\n");
        Dockerfile d = EnvironmentDockerfile.compose(Plans.of(ProjectScanner.scan(conda)), "0.0.0-test", "project/");
        assertThat(d.stageNames()).doesNotContain("system").contains("api-files", "worker-files");
        for (Stage s : d.stages().subList(1, d.stages().size())) {
            assertThat(d.stageNames()).as("FROM %s AS %s: a stage of the file, not an image to pull", s.from(), s.name())
                    .contains(s.from());
        }
    }
}
