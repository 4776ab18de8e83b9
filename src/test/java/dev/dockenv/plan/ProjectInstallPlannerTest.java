package dev.dockenv.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.project.Project;
import dev.dockenv.project.ProjectScanner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** From a scanned project to the plan's project install, its derived stand-ins and the base's dependencies. */
class ProjectInstallPlannerTest {
    @TempDir
    Path root;

    private void write(String path, String content) throws Exception {
        Path p = root.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }

    private EnvironmentPlan plan() {
        return Plans.of(ProjectScanner.scan(root));
    }

    @Test
    void aSetupCfgProjectInstallsItsDependenciesInBaseAndItselfAlone() throws Exception {
        write(".python-version", "3.11\n");
        write("setup.py", "from setuptools import setup\nsetup()\n");
        write("setup.cfg", """
                [metadata]
                name = legacy-app
                version = attr: legacy.__version__

                [options]
                packages = find:
                install_requires =
                    greeting>=1

                [options.extras_require]
                color = colorsay
                """);
        write("requirements.txt", "--index-url http://127.0.0.1:3141/simple\n--find-links ./wheels\n-e .[color]\n");
        write("wheels/README", "local wheels\n");
        write("legacy/__init__.py", "import greeting\n__version__ = '0.4'\n");

        Project project = ProjectScanner.scan(root);
        assertThat(project.name()).isEqualTo("legacy-app");
        assertThat(project.detected()).contains("setup.py", "setup.cfg", "installable (setuptools.build_meta:__legacy__)");
        EnvironmentPlan plan = plan();
        StageInstall base = plan.baseInstalls().get(0);
        assertThat(base.pipCommands()).singleElement().satisfies(pip -> assertThat(pip.arguments())
                .containsExactly("-r", "requirements.txt", "greeting>=1", "colorsay"));
        assertThat(base.origin()).contains("setup.cfg [options] install_requires", "extras color");
        ProjectInstall install = plan.projectInstall().orElseThrow();
        assertThat(install.name()).isEqualTo("legacy-app");
        assertThat(install.noDeps()).isTrue();
        assertThat(install.editableCopies()).containsExactly("setup.py", "setup.cfg");
        assertThat(install.stubs()).singleElement().satisfies(stub -> {
            assertThat(stub.file().path()).isEqualTo(".dockenv/editable/legacy/__init__.py");
            assertThat(stub.destination()).isEqualTo("legacy/__init__.py");
        });
        assertThat(plan.generatedFiles()).extracting(GeneratedFile::path).containsExactly(".dockenv/editable/legacy/__init__.py");
        assertThat(install.pipSources()).containsExactly("--index-url", "http://127.0.0.1:3141/simple",
                "--find-links", "/app/wheels");
        assertThat(plan.index().hostNetwork()).isTrue();
    }

    @Test
    void computedDependenciesAreResolvedByPipUnlessALockInstallsThem() throws Exception {
        write("setup.py", "from setuptools import setup\nsetup(name='app', install_requires=open('reqs').read().split())\n");
        assertThat(plan().projectInstall().orElseThrow().noDeps()).isFalse();
        assertThat(ProjectInstallPlanner.plan(ProjectScanner.scan(root), true)
                .orElseThrow().noDeps()).isTrue();
    }

    @Test
    void aProjectThatIsNotInstallableHasNoProjectInstall() throws Exception {
        write("pyproject.toml", "[project]\nname = \"app\"\nversion = \"1\"\ndependencies = [\"greeting\"]\n");
        write("requirements.txt", "-e .\n");
        assertThat(plan().projectInstall()).isEmpty();
        assertThat(EnvironmentDockerfile.compose(plan(), "x").stages()).extracting(dev.dockenv.dockerfile.Stage::name)
                .containsExactly("system", "base", "dev", "prod");
    }
}
