package dev.dockenv.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockenv.errors.DockenvException;
import dev.dockenv.project.ProjectScanner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** add/remove write where the project already declares that kind of dependency. */
class DependencyTargetsTest {
    @TempDir
    Path root;

    private DependencyTarget choose(boolean dev, String group) {
        return DependencyTargets.choose(ProjectScanner.scan(root), dev, Optional.ofNullable(group));
    }

    private void write(String name, String text) throws Exception {
        Files.createDirectories(root.resolve(name).getParent());
        Files.writeString(root.resolve(name), text);
    }

    @Test
    void aPyprojectProjectGetsItsProjectListAndDependencyGroups() throws Exception {
        write("pyproject.toml", "[project]\nname = \"x\"\nversion = \"1\"\ndependencies = []\n");
        write("requirements.txt", "flask\n");
        Path pyproject = root.resolve("pyproject.toml");
        assertThat(choose(false, null)).isEqualTo(new DependencyTarget.PyprojectList(pyproject,
                List.of("project", "dependencies")));
        assertThat(choose(true, null)).isEqualTo(new DependencyTarget.PyprojectList(pyproject,
                List.of("dependency-groups", "dev")));
        assertThat(choose(false, "Docs")).isEqualTo(new DependencyTarget.PyprojectList(pyproject,
                List.of("dependency-groups", "Docs")));
        assertThat(choose(true, null).describe(root)).isEqualTo("pyproject.toml [dependency-groups] dev");
    }

    @Test
    void anExistingGroupKeepsItsSpelling() throws Exception {
        write("pyproject.toml", "[dependency-groups]\nLint_Tools = [\"ruff\"]\n");
        assertThat(choose(false, "lint-tools")).isEqualTo(new DependencyTarget.PyprojectList(
                root.resolve("pyproject.toml"), List.of("dependency-groups", "Lint_Tools")));
    }

    @Test
    void dynamicDependenciesLeaveTheRequirementsFileInCharge() throws Exception {
        write("pyproject.toml", "[project]\nname = \"x\"\ndynamic = [\"dependencies\", \"version\"]\n");
        write("requirements.txt", "flask\n");
        write("requirements-dev.txt", "pytest\n");
        assertThat(choose(false, null)).isEqualTo(new DependencyTarget.RequirementsTxt(root.resolve("requirements.txt"),
                false));
        assertThat(choose(true, null)).isEqualTo(new DependencyTarget.RequirementsTxt(
                root.resolve("requirements-dev.txt"), false));
    }

    @Test
    void aRequirementsProjectGetsANewDevFileWhenItHasNone() throws Exception {
        write("requirements/base.txt", "flask\n");
        assertThat(choose(false, null)).isEqualTo(new DependencyTarget.RequirementsTxt(
                root.resolve("requirements/base.txt"), false));
        assertThat(choose(true, null)).isEqualTo(new DependencyTarget.RequirementsTxt(
                root.resolve("requirements-dev.txt"), true));
        assertThatThrownBy(() -> choose(false, "docs")).isInstanceOf(DockenvException.class)
                .hasMessageContaining("no pyproject.toml");
    }

    @Test
    void pipenvAndPoetryProjectsAreTheirToolsToEdit() throws Exception {
        write("Pipfile", "[packages]\nflask = \"*\"\n");
        assertThatThrownBy(() -> choose(false, null)).isInstanceOf(DockenvException.class)
                .hasMessageContaining("Pipfile").satisfies(e -> assertThat(((DockenvException) e).hint())
                        .hasValueSatisfying(h -> assertThat(h).contains("pipenv install")));
        Files.delete(root.resolve("Pipfile"));
        write("pyproject.toml", "[tool.poetry]\nname = \"x\"\n[tool.poetry.dependencies]\npython = \"^3.11\"\n");
        assertThatThrownBy(() -> choose(true, null)).isInstanceOf(DockenvException.class)
                .hasMessageContaining("[tool.poetry]");
    }

    @Test
    void aCondaEnvironmentIsEditedByHand() throws Exception {
        write("environment.yml", "dependencies:\n  - python=3.11\n");
        assertThatThrownBy(() -> choose(false, null)).isInstanceOf(DockenvException.class)
                .hasMessageContaining("environment.yml");
    }

    @Test
    void devAndAnotherGroupConflict() throws Exception {
        write("pyproject.toml", "[project]\nname = \"x\"\n");
        assertThatThrownBy(() -> choose(true, "docs")).isInstanceOf(DockenvException.class)
                .hasMessageContaining("--dev and --group docs");
        assertThat(choose(true, "dev")).isEqualTo(choose(true, null));
    }
}
