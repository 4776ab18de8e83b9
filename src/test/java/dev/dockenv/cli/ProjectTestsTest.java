package dev.dockenv.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whether a project has tests for the CI pipeline's test step. */
class ProjectTestsTest {
    @TempDir
    Path root;

    @Test
    void noTestsInAProjectWithOnlyItsCode() throws IOException {
        Files.writeString(root.resolve("app.py"), "print(1)\n");
        Files.createDirectories(root.resolve(".venv/lib")).resolve("test_in_a_venv.py").toFile().createNewFile();
        assertThat(ProjectTests.present(root)).isFalse();
    }

    @Test
    void aTestsFolderATestModuleOrPytestSettingsAreTests() throws IOException {
        Files.createDirectories(root.resolve("tests"));
        assertThat(ProjectTests.present(root)).isTrue();
        Files.delete(root.resolve("tests"));
        Files.createDirectories(root.resolve("src/shop")).resolve("test_cart.py").toFile().createNewFile();
        assertThat(ProjectTests.present(root)).isTrue();
        Files.delete(root.resolve("src/shop/test_cart.py"));
        Files.writeString(root.resolve("pyproject.toml"), "[tool.pytest.ini_options]\naddopts = \"-q\"\n");
        assertThat(ProjectTests.present(root)).isTrue();
    }
}
