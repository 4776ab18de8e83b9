package dev.dockenv.decision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.project.ProjectScanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a run's hint says of a command that is not in the environment. */
class UninstalledPackagesTest {
    @TempDir
    Path dir;

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text);
    }

    private UninstalledPackages uninstalled() {
        return UninstalledPackages.of(ProjectScanner.scan(dir));
    }

    @Test
    void anExtraThatIsNotInstalledNamesItselfAndTheSetting() throws IOException {
        write("pyproject.toml", """
                [project]
                name = "flaskr"
                dependencies = ["flask"]

                [project.optional-dependencies]
                lint = ["Ruff>=0.4", "black"]
                test = ["pytest"]
                """);
        UninstalledPackages u = uninstalled();
        assertThat(u.hintFor("ruff")).isEqualTo("Ruff is declared in pyproject.toml [project.optional-dependencies] "
                + "lint, which the environment does not install: add \"lint\" to extras in the dockenv settings, or "
                + "run `dockenv add --dev Ruff`");
        assertThat(u.hints()).containsOnlyKeys("ruff", "black");
    }

    @Test
    void anExtraTheSettingsAskForIsInstalledAndNeedsNoHint() throws IOException {
        write("pyproject.toml", """
                [project]
                name = "flaskr"

                [project.optional-dependencies]
                lint = ["ruff"]

                [tool.dockenv]
                extras = ["lint"]
                """);
        assertThat(uninstalled().hints()).isEmpty();
    }

    @Test
    void aGroupBesidesDevSaysHowToMoveIt() throws IOException {
        write("pyproject.toml", """
                [project]
                name = "app"

                [dependency-groups]
                dev = ["pytest"]
                docs = ["sphinx"]
                """);
        UninstalledPackages u = uninstalled();
        assertThat(u.hints()).containsOnlyKeys("sphinx");
        assertThat(u.hintFor("Sphinx")).isEqualTo("sphinx is in pyproject.toml [dependency-groups] docs; the "
                + "environment installs the dev group: `dockenv add --dev sphinx` puts it there");
    }

    @Test
    void aSetupCfgExtraThatIsNotInstalledIsNamed() throws IOException {
        write("setup.py", "from setuptools import setup\nsetup()\n");
        write("setup.cfg", """
                [metadata]
                name = app

                [options.extras_require]
                lint = flake8
                """);
        assertThat(uninstalled().hintFor("flake8")).startsWith("flake8 is declared in the extra lint (setup.cfg");
    }

    @Test
    void anUnknownCommandGetsTheAddHintAndTheSetsThatAreNotInstalled() throws IOException {
        write("requirements.txt", "flask\n");
        write("requirements-lint.txt", "ruff\n");
        assertThat(uninstalled().hintFor("ruff")).isEqualTo("if a package provides it, `dockenv add --dev ruff` "
                + "(or the package's name) installs it in the dev environment; requirements sets that are not "
                + "installed: lint (name one in dev-requirements in the dockenv settings)");
    }
}
