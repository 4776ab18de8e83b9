package dev.dockenv.cli;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dockenv.errors.DockenvException;
import dev.dockenv.errors.ExitCode;
import dev.dockenv.plan.EnvironmentPlan;
import dev.dockenv.plan.Plans;
import dev.dockenv.project.Project;
import dev.dockenv.project.ProjectApp;
import dev.dockenv.project.ProjectScanner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --app on build and status against the in-memory engine, and how a command chooses its app. */
class AppsCommandsTest {
    @TempDir
    Path tmp;
    Path project;
    CliHarness cli;

    @BeforeEach
    void setUp() throws IOException {
        project = Files.createDirectories(tmp.resolve("lol"));
        file(".python-version", "3.11\n");
        file("requirements_base.txt", "requests\n");
        file("requirements_parser.txt", "lark\n");
        file("requirements_api.txt", "flask\n");
        file("requirements_test.txt", "pytest\n");
        file("lol_data_parser/run_parser.sh", "python -m lol_data_parser\n");
        file("lol_data_api/wsgi.py", "app = None\n");
        file("lol_data_api/views/index.py", "");
        file("pyproject.toml", """
                [project]
                name = "lol"
                version = "0.1"

                [tool.dockenv]
                requirements = ["base"]

                [tool.dockenv.services]
                db = "postgres:16"
                cache = "redis:7"

                [tool.dockenv.apps.parser]
                path = "lol_data_parser"
                requirements = ["parser"]
                command = ["bash", "lol_data_parser/run_parser.sh"]
                depends-on = ["db"]

                [tool.dockenv.apps.api]
                path = "lol_data_api"
                requirements = ["api"]
                dev-requirements = ["test"]
                command = "gunicorn lol_data_api.wsgi:app --bind 0.0.0.0:8000"
                ports = [8000]
                """);
        cli = new CliHarness(tmp.resolve("cache"));
    }

    private void file(String path, String content) throws IOException {
        Path p = project.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }

    private Project scan() {
        return ProjectScanner.scan(project);
    }

    @Test
    void anUnknownAppIsAUsageErrorWithASuggestion() {
        DockenvException e = catchThrowableOfType(DockenvException.class,
                () -> AppSelection.choose(scan(), "apii", project));
        assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(e.getMessage()).contains("unknown app 'apii'");
        assertThat(e.hint()).hasValue("did you mean 'api'? the apps of lol are: parser, api");
    }

    @Test
    void appOnAProjectWithoutAppsIsAUsageError() throws IOException {
        file("pyproject.toml", "[project]\nname = \"lol\"\nversion = \"0.1\"\n");
        DockenvException e = catchThrowableOfType(DockenvException.class, () -> AppSelection.choose(scan(), "api", project));
        assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(e.getMessage()).contains("lol has no apps, so --app api names none");
        assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).contains("[tool.dockenv.apps.NAME]"));
        assertThat(AppSelection.choose(scan(), null, project.resolve("lol_data_api"))).isEmpty();
    }

    @Test
    void withoutTheOptionTheAppIsTheOneWhoseFolderTheCommandStartsIn() {
        Project p = scan();
        assertThat(AppSelection.choose(p, null, project.resolve("lol_data_api/views"))).map(ProjectApp::name)
                .contains("api");
        assertThat(AppSelection.choose(p, null, project.resolve("lol_data_parser"))).map(ProjectApp::name)
                .contains("parser");
        assertThat(AppSelection.choose(p, null, project)).as("the root: the shared environment").isEmpty();
        assertThat(AppSelection.choose(p, "parser", project.resolve("lol_data_api"))).as("--app wins over the folder")
                .map(ProjectApp::name).contains("parser");
    }

    @Test
    void aProjectBuiltFromItsOwnDockerfileHasNoAppStages() throws IOException {
        file("Dockerfile", "FROM python:3.11-slim\n");
        Project p = scan();
        assertThat(AppSelection.choose(p, null, project.resolve("lol_data_api"))).isEmpty();
        DockenvException e = catchThrowableOfType(DockenvException.class, () -> AppSelection.choose(p, "api", project));
        assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(e.getMessage()).contains("built from its own Dockerfile");
    }

    @Test
    void aTargetMeansTheAppsStage() {
        Project p = scan();
        EnvironmentPlan plan = Plans.of(p);
        Optional<ProjectApp> api = p.app("api");
        assertThat(AppSelection.stage(plan, api, Optional.empty())).contains("api-dev");
        assertThat(AppSelection.stage(plan, api, Optional.of("dev"))).contains("api-dev");
        assertThat(AppSelection.stage(plan, api, Optional.of("prod"))).contains("api-prod");
        assertThat(AppSelection.stage(plan, api, Optional.of("env"))).contains("api-env");
        assertThat(AppSelection.stage(plan, api, Optional.of("api-prod"))).contains("api-prod");
        for (String other : List.of("base", "parser-dev", "prod")) {
            DockenvException e = catchThrowableOfType(DockenvException.class,
                    () -> AppSelection.stage(plan, api, Optional.of("x").map(x -> other.equals("prod") ? "api-prd" : other)));
            assertThat(e.exitCode()).as(other).isEqualTo(ExitCode.USAGE);
            assertThat(e.getMessage()).contains("is not a stage of app 'api'");
            assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).contains("api-env, api-dev, api-prod"));
        }
        assertThat(AppSelection.stage(plan, Optional.empty(), Optional.of("prod"))).contains("prod");
        assertThat(AppSelection.stage(plan, Optional.empty(), Optional.empty())).isEmpty();
    }

    @Test
    void buildOfAnUnknownAppBuildsNothing() {
        assertThat(cli.run(project, "build", "--app", "apii")).isEqualTo(2);
        assertThat(cli.err).contains("unknown app 'apii'", "did you mean 'api'?");
        assertThat(cli.engine.builds).isEmpty();
    }

    @Test
    void buildOfAnAppsProdBuildsItsStageWithoutTheOtherAppsFolder() {
        assertThat(cli.run(project, "build", "--app", "api", "--target", "prod")).as(cli.err).isZero();
        assertThat(cli.engine.builds).singleElement().satisfies(b -> assertThat(b.target()).contains("api-prod"));
        assertThat(cli.out).contains(":api-prod-");
        String tar = new String(cli.engine.contexts.get(0), StandardCharsets.ISO_8859_1);
        assertThat(tar).contains("project/lol_data_api/wsgi.py", "FROM api-env AS api-prod")
                .doesNotContain("project/lol_data_parser/", "AS parser-");
    }

    @Test
    void buildInAnAppsFolderBuildsThatAppsDevImage() {
        assertThat(cli.run(project.resolve("lol_data_api/views"), "build")).as(cli.err).isZero();
        assertThat(cli.engine.builds).singleElement().satisfies(b -> assertThat(b.target()).contains("api-dev"));
        assertThat(cli.run(project, "build")).as(cli.err).isZero();
        assertThat(cli.engine.builds.get(1).target()).as("at the root: the shared environment").contains("dev");
    }

    @Test
    void inAnAppsFolderWithARequirementsTxtOfItsOwnTheCommandIsStillTheRepositorys() throws IOException {
        file("lol_data_api/requirements.txt", "gunicorn\n");
        assertThat(cli.run(project.resolve("lol_data_api"), "build")).as(cli.err).isZero();
        assertThat(cli.engine.builds).singleElement().satisfies(b -> assertThat(b.target()).contains("api-dev"));
        assertThat(cli.out).startsWith("dockenv-lol:api-dev-");
    }

    @Test
    void statusListsTheAppsAndMarksTheOneItReportsOn() {
        assertThat(cli.run(project, "status", "--app", "api")).as(cli.err).isZero();
        assertThat(cli.out).contains(
                "apps        parser (lol_data_parser/): adds requirements_parser.txt; command bash "
                        + "lol_data_parser/run_parser.sh; depends on db\n",
                "            api (lol_data_api/): adds requirements_api.txt; dev requirements_test.txt; command gunicorn "
                        + "lol_data_api.wsgi:app --bind 0.0.0.0:8000; ports 8000 [this report]\n",
                "requirements_api.txt): app api\n",
                "requirements_test.txt): app api (dev)\n")
                .contains(":api-dev-")
                .doesNotContain("this report: the shared environment");
        assertThat(cli.run(project, "status")).as(cli.err).isZero();
        assertThat(cli.out).contains("            this report: the shared environment (--app NAME, or a command in an "
                + "app's folder, for an app)\n").doesNotContain("[this report]");
        assertThat(cli.run(project, "status", "--app", "nope")).isEqualTo(2);
        assertThat(cli.err).contains("unknown app 'nope'");
    }
}
