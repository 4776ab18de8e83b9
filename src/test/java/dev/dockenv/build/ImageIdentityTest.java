package dev.dockenv.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.plan.EnvironmentPlan;
import dev.dockenv.decision.InstallDecider;
import dev.dockenv.plan.EnvironmentPlanner;
import dev.dockenv.plan.Plans;
import dev.dockenv.project.Project;
import dev.dockenv.project.ProjectScanner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The image tag: same inputs, same tag; what the image contains changes it; nothing else does. */
class ImageIdentityTest {
    @TempDir
    Path project;

    @BeforeEach
    void setUp() throws Exception {
        Files.writeString(project.resolve("requirements.txt"), "requests==2.31.0\n-r requirements/base.txt\n");
        Files.createDirectories(project.resolve("requirements"));
        Files.writeString(project.resolve("requirements/base.txt"), "idna==3.6\n");
        Files.writeString(project.resolve("requirements-dev.txt"), "pytest==8.0.0\n");
        Files.writeString(project.resolve(".python-version"), "3.11\n");
        Files.writeString(project.resolve("pyproject.toml"), """
                [project]
                name = "shop"
                dependencies = ["rich>=13"]

                [tool.dockenv]
                env = { MODE = "dev" }
                """);
        Files.writeString(project.resolve("app.py"), "print('v1')\n");
        Files.createDirectories(project.resolve("shop"));
        Files.writeString(project.resolve("shop/__init__.py"), "");
    }

    private String tag(String target) {
        return tag(target, Map.of());
    }

    private String tag(String target, Map<String, String> env) {
        Project p = ProjectScanner.scan(project);
        EnvironmentPlan plan = EnvironmentPlanner.plan(p, InstallDecider.decide(p, env));
        BuildDefinition d = BuildDefinitions.forProject(p, plan, Optional.of(target), "test");
        return EnvironmentBuilder.identify(p, d, null).reference();
    }

    @Test
    void sameInputsGiveTheSameTag() {
        assertThat(tag("dev")).isEqualTo(tag("dev")).startsWith("dockenv-shop:dev-");
    }

    @Test
    void aSourceEditKeepsTheDevTagButNotTheProdTag() throws Exception {
        String dev = tag("dev");
        String prod = tag("prod");
        Files.writeString(project.resolve("app.py"), "print('v2')\n");
        Files.writeString(project.resolve("shop/new_module.py"), "X = 1\n");
        assertThat(tag("dev")).isEqualTo(dev);
        assertThat(tag("prod")).isNotEqualTo(prod);
    }

    @Test
    void ignoredFilesNeverChangeATag() throws Exception {
        String prod = tag("prod");
        Files.writeString(project.resolve(".env"), "TOKEN=1\n");
        Files.createDirectories(project.resolve(".git"));
        Files.writeString(project.resolve(".git/HEAD"), "ref: refs/heads/main\n");
        Files.createDirectories(project.resolve("shop/__pycache__"));
        Files.writeString(project.resolve("shop/__pycache__/x.pyc"), "junk");
        assertThat(tag("prod")).isEqualTo(prod);
    }

    @Test
    void aDependencyChangeGivesANewTag() throws Exception {
        String dev = tag("dev");
        Files.writeString(project.resolve("requirements.txt"), "requests==2.32.0\n-r requirements/base.txt\n");
        assertThat(tag("dev")).isNotEqualTo(dev);
    }

    @Test
    void anIncludedFileOrADevRequirementChangeGivesANewTag() throws Exception {
        String dev = tag("dev");
        String base = tag("base");
        Files.writeString(project.resolve("requirements/base.txt"), "idna==3.7\n");
        String afterInclude = tag("dev");
        assertThat(afterInclude).isNotEqualTo(dev);
        assertThat(tag("base")).isNotEqualTo(base);
        Files.writeString(project.resolve("requirements-dev.txt"), "pytest==8.1.0\n");
        String afterDev = tag("dev");
        assertThat(afterDev).isNotEqualTo(afterInclude);
    }

    @Test
    void aDevOnlyChangeKeepsTheBaseTag() throws Exception {
        String base = tag("base");
        Files.writeString(project.resolve("requirements-dev.txt"), "pytest==8.1.0\n");
        assertThat(tag("base")).isEqualTo(base);
    }

    @Test
    void configurationPythonVersionAndIndexChangesGiveNewTags() throws Exception {
        String dev = tag("dev");
        Files.writeString(project.resolve("pyproject.toml"), Files.readString(project.resolve("pyproject.toml"))
                .replace("MODE = \"dev\"", "MODE = \"test\""));
        String afterConfig = tag("dev");
        assertThat(afterConfig).isNotEqualTo(dev);
        Files.writeString(project.resolve(".python-version"), "3.12\n");
        String afterPython = tag("dev");
        assertThat(afterPython).isNotEqualTo(afterConfig);
        assertThat(tag("dev", Map.of("PIP_INDEX_URL", "http://127.0.0.1:9/simple"))).isNotEqualTo(afterPython);
    }

    @Test
    void neitherDockenvsVersionNorWhereAVersionIsWrittenChangesTheTag() throws Exception {
        Project p = ProjectScanner.scan(project);
        EnvironmentPlan plan = Plans.of(p);
        String a = EnvironmentBuilder.identify(p, BuildDefinitions.forProject(p, plan, Optional.of("dev"), "1.0"), null)
                .reference();
        String b = EnvironmentBuilder.identify(p, BuildDefinitions.forProject(p, plan, Optional.of("dev"), "1.1"), null)
                .reference();
        assertThat(a).isEqualTo(b);
        String before = tag("dev");
        Files.delete(project.resolve(".python-version"));
        Files.writeString(project.resolve("pyproject.toml"), Files.readString(project.resolve("pyproject.toml"))
                .replace("[tool.dockenv]", "[tool.dockenv]\npython = \"3.11\""));
        assertThat(tag("dev")).isEqualTo(before);
    }

    @Test
    void aProjectDependencyChangeInPyprojectGivesANewTag() throws Exception {
        String dev = tag("dev");
        Files.writeString(project.resolve("pyproject.toml"), Files.readString(project.resolve("pyproject.toml"))
                .replace("rich>=13", "rich>=13.7"));
        assertThat(tag("dev")).isNotEqualTo(dev);
    }

    @Test
    void theTagDoesNotDependOnWhereTheProjectIs(@TempDir Path elsewhere) throws Exception {
        String dev = tag("dev");
        Path copy = elsewhere.resolve("shop");
        try (var files = Files.walk(project)) {
            for (Path f : files.toList()) {
                Path target = copy.resolve(project.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        Project p = ProjectScanner.scan(copy);
        EnvironmentPlan plan = Plans.of(p);
        String moved = EnvironmentBuilder.identify(p, BuildDefinitions.forProject(p, plan, Optional.of("dev"), "test"),
                null).reference();
        assertThat(moved).isEqualTo(dev);
    }

    @Test
    void anInstallableProjectsDevTagFollowsItsPackagingFilesNotItsSource() throws Exception {
        Files.writeString(project.resolve("pyproject.toml"), """
                [build-system]
                requires = ["setuptools>=64"]
                build-backend = "setuptools.build_meta"

                [project]
                name = "shop"
                dynamic = ["version"]
                readme = "README.md"

                [tool.setuptools.dynamic]
                version = {attr = "shop.__version__"}
                """);
        Files.writeString(project.resolve("README.md"), "# Shop\n");
        Files.writeString(project.resolve("shop/__init__.py"), "import os\n__version__ = '1.0'\n");
        String dev = tag("dev");

        Files.writeString(project.resolve("shop/__init__.py"), "import os, sys\n__version__ = '1.0'\nX = 2\n");
        Files.writeString(project.resolve("shop/cli.py"), "def main():\n    print('new')\n");
        Files.writeString(project.resolve("app.py"), "print('v2')\n");
        assertThat(tag("dev")).as("source edits").isEqualTo(dev);

        Files.writeString(project.resolve("shop/__init__.py"), "import os, sys\n__version__ = '1.1'\nX = 2\n");
        String bumped = tag("dev");
        assertThat(bumped).as("a new version").isNotEqualTo(dev);

        Files.writeString(project.resolve("README.md"), "# The shop\n");
        String readme = tag("dev");
        assertThat(readme).as("the readme is metadata").isNotEqualTo(bumped);

        Files.writeString(project.resolve("setup.cfg"), "[options]\nzip_safe = False\n");
        assertThat(tag("dev")).as("a new setup.cfg").isNotEqualTo(readme);
    }

    @Test
    void aBuildStepsInputChangesTheTagAndOtherSourcesDoNot() throws Exception {
        Files.createDirectories(project.resolve("native"));
        Files.writeString(project.resolve("native/greet.c"), "int greet(void) { return 1; }\n");
        Files.writeString(project.resolve("postBuild"), "#!/bin/sh\ngcc -shared -o /opt/libgreet.so native/greet.c\n");
        project.resolve("postBuild").toFile().setExecutable(true);
        String dev = tag("dev");
        String base = tag("base");
        Files.writeString(project.resolve("app.py"), "print('v2')\n");
        assertThat(tag("dev")).as("a source edit").isEqualTo(dev);
        Files.writeString(project.resolve("native/greet.c"), "int greet(void) { return 2; }\n");
        assertThat(tag("dev")).as("an edit of what postBuild compiles").isNotEqualTo(dev);
        assertThat(tag("base")).isNotEqualTo(base);
    }

    @Test
    void aNewFileInABuildInputFolderChangesTheTag() throws Exception {
        Files.createDirectories(project.resolve("data"));
        Files.writeString(project.resolve("data/a.csv"), "1\n");
        Files.writeString(project.resolve("dockenv.toml"), "build = [\"cp -r data /opt/\"]\nbuild-inputs = [\"data\"]\n");
        Files.writeString(project.resolve("pyproject.toml"), "[project]\nname = \"shop\"\n");
        String dev = tag("dev");
        Files.writeString(project.resolve("app.py"), "print('v2')\n");
        assertThat(tag("dev")).isEqualTo(dev);
        Files.writeString(project.resolve("data/b.csv"), "2\n");
        assertThat(tag("dev")).isNotEqualTo(dev);
    }
}
