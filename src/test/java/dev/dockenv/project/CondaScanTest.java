package dev.dockenv.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockenv.errors.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scanner reads a project's conda environment file into the project model. */
class CondaScanTest {
    @TempDir
    Path tmp;
    Path root;

    @BeforeEach
    void setUp() throws Exception {
        root = Files.createDirectories(tmp.resolve("geo"));
    }

    private void write(String name, String content) throws Exception {
        Files.createDirectories(root.resolve(name).getParent());
        Files.writeString(root.resolve(name), content);
    }

    @Test
    void readsTheEnvironmentFileAndItsPipIncludes() throws Exception {
        write("environment.yml", "channels: [conda-forge]\ndependencies:\n  - python=3.12\n  - gdal\n"
                + "  - pip:\n      - -r requirements.txt\n");
        write("requirements.txt", "-c constraints.txt\nshapely\n./libs/tiles\n");
        write("constraints.txt", "shapely<3\n");
        Files.createDirectories(root.resolve("libs/tiles"));

        Project project = ProjectScanner.scan(root);

        CondaEnvironmentFile conda = project.conda().orElseThrow();
        assertThat(conda.path()).isEqualTo("environment.yml");
        assertThat(conda.environment().channelNames()).containsExactly("conda-forge");
        assertThat(conda.pipIncludes()).singleElement().satisfies(set -> {
            assertThat(set.files()).extracting(p -> root.relativize(p).toString())
                    .containsExactly("requirements.txt", "constraints.txt");
            assertThat(set.localPaths()).extracting(p -> root.relativize(p).toString()).containsExactly("libs/tiles");
        });
        assertThat(conda.notInstalled()).as("requirements.txt is installed through the pip: list").isEmpty();
        assertThat(project.detected()).contains("environment.yml (conda)").doesNotContain("environment.yml (not read yet)");
        assertThat(project.python().version()).hasToString("3.12");
        assertThat(project.python().describeSource()).isEqualTo("environment.yml");
        assertThat(conda.pythonPin()).isEmpty();
    }

    @Test
    void bothNamesAtOnceIsAnErrorNamingBoth() throws Exception {
        write("environment.yml", "dependencies: [python]\n");
        write("environment.yaml", "dependencies: [python]\n");

        assertThatThrownBy(() -> ProjectScanner.scan(root)).isInstanceOfSatisfying(InputException.class, e -> {
            assertThat(e.location().file()).isEqualTo(root.resolve("environment.yaml"));
            assertThat(e.getMessage()).contains("both environment.yml and environment.yaml");
            assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).contains("keep one"));
        });
    }

    @Test
    void itsPythonVersionMustAgreeWithTheOtherFiles() throws Exception {
        write(".python-version", "3.12\n");
        write("environment.yml", "dependencies:\n  - python=3.11\n");

        assertThatThrownBy(() -> ProjectScanner.scan(root)).isInstanceOf(InputException.class)
                .hasMessageContaining("environment.yml:2:5: Python 3.11 here disagrees with 3.12 in ")
                .hasMessageContaining(".python-version:1:1");
    }

    @Test
    void itsPythonRangeMustAdmitTheChosenVersion() throws Exception {
        write("runtime.txt", "python-3.13\n");
        write("environment.yml", "dependencies:\n  - python>=3.10,<3.13\n");

        assertThatThrownBy(() -> ProjectScanner.scan(root)).isInstanceOf(InputException.class)
                .hasMessageContaining("environment.yml:2:5: the Python range '>=3.10,<3.13' excludes Python 3.13 "
                        + "chosen in ")
                .hasMessageContaining("runtime.txt:1:1");
    }

    @Test
    void aRangeAloneChoosesTheClosestVersionItAdmitsAndPinsNothing() throws Exception {
        write("environment.yml", "dependencies:\n  - python>=3.9,<3.12\n");
        write("pyproject.toml", "[project]\nname = \"geo\"\nversion = \"1\"\nrequires-python = \">=3.10\"\n");

        Project project = ProjectScanner.scan(root);

        assertThat(project.python().version()).hasToString("3.11");
        assertThat(project.conda().orElseThrow().pythonPin()).isEmpty();
    }

    @Test
    void aVersionNamedElsewhereIsPinnedForConda() throws Exception {
        write(".python-version", "3.11\n");
        write("environment.yml", "dependencies:\n  - python\n  - numpy\n");

        assertThat(ProjectScanner.scan(root).conda().orElseThrow().pythonPin()).isEqualTo(Optional.of("3.11"));
    }

    @Test
    void condaMayInstallPythonVersionsThatHaveNoSlimImage() throws Exception {
        write("environment.yml", "dependencies:\n  - python=3.7\n");

        assertThat(ProjectScanner.scan(root).python().version()).hasToString("3.7");
    }

    @Test
    void aMissingPipIncludeIsAnErrorAtItsLine() throws Exception {
        write("environment.yml", "dependencies:\n  - pip\n  - pip:\n      - -r requirements/prod.txt\n");

        assertThatThrownBy(() -> ProjectScanner.scan(root)).isInstanceOfSatisfying(InputException.class, e -> {
            assertThat(e.location().file()).isEqualTo(root.resolve("environment.yml"));
            assertThat(e.location().line()).isEqualTo(4);
            assertThat(e.problem()).contains("'requirements/prod.txt' not found");
        });
    }

    @Test
    void aMalformedEnvironmentFileIsAnErrorAtFileLineColumn() throws Exception {
        write("environment.yml", "dependencies:\n  - numpy>>1\n");

        assertThatThrownBy(() -> ProjectScanner.scan(root)).isInstanceOfSatisfying(InputException.class,
                e -> assertThat(e.location().line()).isEqualTo(2));
    }
}
