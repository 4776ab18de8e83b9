package dev.dockenv.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.dockenv.errors.InputException;
import dev.dockenv.project.NamedRequirements.Stage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A repository with several apps, scanned: which sets each app installs, and which app a folder belongs to. */
class ProjectAppsTest {
    @TempDir
    Path tmp;
    Path root;

    @BeforeEach
    void setUp() throws IOException {
        root = Files.createDirectories(tmp.resolve("lol"));
        Files.writeString(root.resolve(".python-version"), "3.11\n");
    }

    private void file(String path, String content) throws IOException {
        Path p = root.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }

    private Project scan() {
        return ProjectScanner.scan(root);
    }

    private List<String> relative(List<RequirementsSet> sets) {
        return sets.stream().map(s -> root.relativize(s.file()).toString()).toList();
    }

    private static List<org.assertj.core.groups.Tuple> stages(Project p) {
        return p.requirementSets().stream().map(s -> tuple(p.relative(s.file()), s.stage(), s.reason())).toList();
    }

    /** The monorepo: a shared base set, two apps with sets of their own at the root. */
    private void monorepo() throws IOException {
        file("requirements_base.txt", "requests\n");
        file("requirements_parser.txt", "lark\n");
        file("requirements_api.txt", "flask\n");
        file("requirements_test.txt", "pytest\n");
        file("requirements-dev.txt", "black\n");
        file("lol_data_parser/run.py", "");
        file("lol_data_api/wsgi.py", "");
        file("pyproject.toml", """
                [tool.dockenv]
                requirements = ["base"]

                [tool.dockenv.apps.parser]
                path = "lol_data_parser"
                requirements = ["parser"]

                [tool.dockenv.apps.api]
                path = "lol_data_api"
                requirements = ["api"]
                dev-requirements = ["test"]
                """);
    }

    @Test
    void eachAppInstallsItsOwnSetsAndTheSharedStagesPassThemOver() throws IOException {
        monorepo();
        Project p = scan();
        assertThat(relative(p.requirements())).containsExactly("requirements_base.txt");
        assertThat(relative(p.devRequirements())).as("requirements_test.txt is the api's dev set, not the shared one's")
                .containsExactly("requirements-dev.txt");
        assertThat(p.apps()).extracting(ProjectApp::name).containsExactly("parser", "api");
        ProjectApp parser = p.app("parser").orElseThrow();
        assertThat(parser.folder()).isEqualTo("lol_data_parser");
        assertThat(relative(parser.requirements())).containsExactly("requirements_parser.txt");
        assertThat(parser.devRequirements()).isEmpty();
        ProjectApp api = p.app("api").orElseThrow();
        assertThat(relative(api.requirements())).containsExactly("requirements_api.txt");
        assertThat(relative(api.devRequirements())).containsExactly("requirements_test.txt");
        assertThat(stages(p)).containsExactlyInAnyOrder(
                tuple("requirements-dev.txt", Stage.DEV, "default"),
                tuple("requirements_api.txt", Stage.APP, "app api"),
                tuple("requirements_base.txt", Stage.BASE, "[tool.dockenv] requirements"),
                tuple("requirements_parser.txt", Stage.APP, "app parser"),
                tuple("requirements_test.txt", Stage.APP, "app api (dev)"));
        assertThat(p.app("web")).isEmpty();
    }

    @Test
    void withoutASharedChoiceTheDefaultsStillPassOverTheAppsSets() throws IOException {
        // requirements_base.txt would be the default main set, requirements_test.txt a default dev set
        file("requirements_base.txt", "requests\n");
        file("requirements_test.txt", "pytest\n");
        file("api/app.py", "");
        file("dockenv.toml", """
                [apps.api]
                requirements = ["base"]
                dev-requirements = ["test"]
                """);
        Project p = scan();
        assertThat(p.requirements()).isEmpty();
        assertThat(p.devRequirements()).isEmpty();
        ProjectApp api = p.app("api").orElseThrow();
        assertThat(relative(api.requirements())).containsExactly("requirements_base.txt");
        assertThat(relative(api.devRequirements())).containsExactly("requirements_test.txt");
    }

    @Test
    void anAppWithoutRequirementsInstallsItsFoldersRequirementsFiles() throws IOException {
        file("requirements.txt", "requests\n");
        file("svc/api/requirements.txt", "flask\n");
        file("svc/api/requirements-dev.txt", "pytest-flask\n");
        file("svc/worker/requirements.txt", "celery\n");
        file("dockenv.toml", """
                [apps.api]
                path = "svc/api"
                [apps.worker]
                path = "svc/worker"
                """);
        Project p = scan();
        assertThat(relative(p.requirements())).containsExactly("requirements.txt");
        ProjectApp api = p.app("api").orElseThrow();
        assertThat(relative(api.requirements())).containsExactly("svc/api/requirements.txt");
        assertThat(relative(api.devRequirements())).containsExactly("svc/api/requirements-dev.txt");
        ProjectApp worker = p.app("worker").orElseThrow();
        assertThat(relative(worker.requirements())).containsExactly("svc/worker/requirements.txt");
        assertThat(worker.devRequirements()).isEmpty();
        assertThat(stages(p)).contains(
                tuple("svc/api/requirements.txt", Stage.APP, "app api"),
                tuple("svc/api/requirements-dev.txt", Stage.APP, "app api (dev)"),
                tuple("svc/worker/requirements.txt", Stage.APP, "app worker"),
                tuple("requirements.txt", Stage.BASE, "default"));
    }

    @Test
    void anEmptyChoiceInstallsNotEvenTheFoldersFile() throws IOException {
        file("api/requirements.txt", "flask\n");
        file("dockenv.toml", "[apps.api]\nrequirements = []\n");
        assertThat(scan().app("api").orElseThrow().requirements()).isEmpty();
    }

    @Test
    void aSetTheBaseInstallsAlreadyIsNotInstalledAgainByTheApp() throws IOException {
        file("requirements_base.txt", "requests\n");
        file("requirements_common.txt", "attrs\n");
        file("requirements_api.txt", "-r requirements_common.txt\nflask\n");
        file("requirements_shared.txt", "-r requirements_common.txt\nurllib3\n");
        file("api/app.py", "");
        file("pyproject.toml", """
                [tool.dockenv]
                requirements = ["base", "shared"]

                [tool.dockenv.apps.api]
                requirements = ["base", "api", "common"]
                dev-requirements = ["api", "common"]
                """);
        Project p = scan();
        assertThat(relative(p.requirements())).containsExactly("requirements_base.txt", "requirements_shared.txt");
        ProjectApp api = p.app("api").orElseThrow();
        assertThat(relative(api.requirements())).as("base: the shared base's; common: through shared's -r")
                .containsExactly("requirements_api.txt");
        assertThat(api.devRequirements()).as("what the app's environment installs already").isEmpty();
        assertThat(stages(p)).contains(
                tuple("requirements_base.txt", Stage.BASE, "[tool.dockenv] requirements"),
                tuple("requirements_api.txt", Stage.APP, "app api"));
    }

    @Test
    void aSetTheSharedDevStageInstallsIsNotInstalledAgainByTheAppsDev() throws IOException {
        file("requirements.txt", "requests\n");
        file("requirements_test.txt", "pytest\n");
        file("requirements_lint.txt", "ruff\n");
        file("api/app.py", "");
        file("pyproject.toml", """
                [tool.dockenv]
                dev-requirements = ["test"]

                [tool.dockenv.apps.api]
                dev-requirements = ["test", "lint"]
                """);
        Project p = scan();
        assertThat(relative(p.devRequirements())).containsExactly("requirements_test.txt");
        assertThat(relative(p.app("api").orElseThrow().devRequirements()))
                .as("the app's dev stage is over the shared dev installs: requirements_test.txt is there already")
                .containsExactly("requirements_lint.txt");
        assertThat(stages(p)).contains(tuple("requirements_test.txt", Stage.DEV, "[tool.dockenv] dev-requirements"),
                tuple("requirements_lint.txt", Stage.APP, "app api (dev)"));
    }

    @Test
    void aMissingFolderIsAnErrorAtThePath() throws IOException {
        file("requirements.txt", "requests\n");
        file("pyproject.toml", """
                [tool.dockenv.apps.api]
                path = "services/api"
                """);
        InputException e = catchThrowableOfType(InputException.class, this::scan);
        assertThat(e.location().file()).isEqualTo(root.resolve("pyproject.toml"));
        assertThat(e.location().line()).isEqualTo(2);
        assertThat(e.getMessage()).contains("app 'api': no folder services/api in the project");
        assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).contains("relative to " + root));

        file("pyproject.toml", "[project]\nname = \"lol\"\n\n[tool.dockenv.apps.api]\ncommand = \"python -m api\"\n");
        InputException noPath = catchThrowableOfType(InputException.class, this::scan);
        assertThat(noPath.location().line()).as("no path: the app's line").isEqualTo(4);
        assertThat(noPath.getMessage()).contains("no folder api in the project");
        assertThat(noPath.hint()).hasValueSatisfying(h -> assertThat(h).contains("write path = "));

        file("api", "not a folder\n");
        assertThat(catchThrowableOfType(InputException.class, this::scan).getMessage()).as("a file is no folder")
                .contains("no folder api in the project");
    }

    @Test
    void anAppsFolderThatIsALinkLeadingOutsideTheProjectIsRefused() throws IOException {
        Path outside = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.createSymbolicLink(root.resolve("api"), outside);
        file("pyproject.toml", "[project]\nname = \"lol\"\n\n[tool.dockenv.apps.api]\n");
        InputException e = catchThrowableOfType(InputException.class, this::scan);
        assertThat(e.location().line()).isEqualTo(4);
        assertThat(e.getMessage()).contains("app 'api': api leads outside the project");
    }

    @Test
    void theAppAtAFolderIsTheOneWhoseFolderHoldsIt() throws IOException {
        monorepo();
        file("lol_data_api/views/index.py", "");
        file("lol_data_api2/x.py", "");
        file("shared/util.py", "");
        Project p = scan();
        assertThat(p.appAt(root.resolve("lol_data_api")).map(ProjectApp::name)).contains("api");
        assertThat(p.appAt(root.resolve("lol_data_api/views"))).map(ProjectApp::name).contains("api");
        assertThat(p.appAt(root.resolve("lol_data_parser/../lol_data_api/views"))).map(ProjectApp::name)
                .contains("api");
        assertThat(p.appAt(root.resolve("lol_data_parser"))).map(ProjectApp::name).contains("parser");
        assertThat(p.appAt(root)).as("the root belongs to no app").isEmpty();
        assertThat(p.appAt(root.resolve("shared"))).isEmpty();
        assertThat(p.appAt(root.resolve("lol_data_api2"))).as("a name that starts like an app's folder").isEmpty();
    }

    @Test
    void aProjectWithoutAppsHasNone() throws IOException {
        file("requirements.txt", "requests\n");
        file("api/app.py", "");
        Project p = scan();
        assertThat(p.apps()).isEmpty();
        assertThat(p.appAt(root.resolve("api"))).isEmpty();
    }

    @Test
    void anAppsFolderWithMarkersOfItsOwnIsLocatedAsTheRepositorysApp() throws IOException {
        file("requirements.txt", "requests\n");
        file("svc/api/requirements.txt", "flask\n");
        file("svc/api/views/index.py", "");
        file("svc/worker/pyproject.toml", "[project]\nname = \"worker\"\nversion = \"1\"\n");
        file("tools/requirements.txt", "ruff\n");
        file("pyproject.toml", """
                [tool.dockenv.apps.api]
                path = "./svc/api/"
                [tool.dockenv.apps.worker]
                path = "svc/worker"
                """);
        assertThat(ProjectLocator.locate(root.resolve("svc/api"))).isEqualTo(root);
        assertThat(ProjectLocator.locate(root.resolve("svc/api/views"))).isEqualTo(root);
        assertThat(ProjectLocator.locate(root.resolve("svc/worker"))).isEqualTo(root);
        assertThat(ProjectLocator.locate(root.resolve("tools"))).as("a folder that is no app's: a project of its own")
                .isEqualTo(root.resolve("tools"));
        assertThat(ProjectLocator.locate(root)).isEqualTo(root);
        Project p = ProjectScanner.scan(ProjectLocator.locate(root.resolve("svc/api/views")));
        assertThat(p.appAt(root.resolve("svc/api/views"))).map(ProjectApp::name).contains("api");

        file("dockenv.toml", "[apps.worker]\npath = \"svc/worker\"\n");
        Files.delete(root.resolve("pyproject.toml"));
        assertThat(ProjectLocator.locate(root.resolve("svc/worker"))).as("dockenv.toml's apps").isEqualTo(root);
        assertThat(ProjectLocator.locate(root.resolve("svc/api"))).isEqualTo(root.resolve("svc/api"));
        file("dockenv.toml", "[apps.worker\n");
        assertThat(ProjectLocator.locate(root.resolve("svc/worker"))).as("a file that does not parse names no app")
                .isEqualTo(root.resolve("svc/worker"));
    }

    @Test
    void anAppsRequirementsFileLeadingOutsideTheProjectIsRefused() throws IOException {
        file("requirements.txt", "requests\n");
        Files.createDirectories(root.resolve("api"));
        Files.writeString(tmp.resolve("secret.txt"), "flask\n");
        Files.createSymbolicLink(root.resolve("api/requirements.txt"), tmp.resolve("secret.txt"));
        file("dockenv.toml", "[apps.api]\n");
        InputException e = catchThrowableOfType(InputException.class, this::scan);
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("outside the project directory");
    }
}
