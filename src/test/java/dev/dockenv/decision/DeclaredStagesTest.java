package dev.dockenv.decision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.project.ProjectScanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the base and dev stages declare: the project's dev-named optional dependencies go to dev. */
class DeclaredStagesTest {
    @TempDir
    Path dir;

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text);
    }

    private DeclaredStages stages() {
        return DeclaredStages.of(ProjectScanner.scan(dir), Optional.empty());
    }

    @Test
    void optionalDependenciesNamedLikeDevSetsAreInstalledByTheDevStage() throws IOException {
        write("pyproject.toml", """
                [project]
                name = "flaskr"
                dependencies = ["flask"]

                [project.optional-dependencies]
                docs = ["sphinx"]
                Testing = ["coverage"]
                test = ["pytest"]
                """);
        DeclaredStages stages = stages();
        assertThat(stages.main().packages()).containsExactly("flask");
        assertThat(stages.dev().packages()).containsExactly("pytest", "coverage");
        assertThat(stages.dev().origins()).containsExactly("extras test, testing");
    }

    @Test
    void setupCfgExtrasRequireCountToo() throws IOException {
        write("setup.cfg", """
                [metadata]
                name = legacy

                [options]
                install_requires = requests

                [options.extras_require]
                dev = black
                """);
        write("setup.py", "from setuptools import setup\nsetup()\n");
        assertThat(stages().dev().packages()).containsExactly("black");
    }

    @Test
    void anExtraTheBaseStageInstallsIsNotInstalledAgain() throws IOException {
        write("pyproject.toml", """
                [project]
                name = "shop"
                dependencies = []

                [project.optional-dependencies]
                test = ["pytest"]

                [tool.dockenv]
                extras = ["test"]
                """);
        DeclaredStages stages = stages();
        assertThat(stages.main().packages()).containsExactly("pytest");
        assertThat(stages.dev().packages()).isEmpty();
    }
}
