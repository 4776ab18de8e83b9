package dev.dockenv.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What makes a folder a project root: any requirements set counts, in the root or in requirements/. */
class ProjectLocatorTest {
    @TempDir
    Path tmp;

    @Test
    void everyKindOfRequirementsSetMarksTheRoot() throws Exception {
        for (String name : new String[] {"requirements.txt", "requirements_base.txt", "dev-requirements.txt",
            "requirements/prod.txt"}) {
            Path root = Files.createDirectories(tmp.resolve(name.replace('/', '_') + "-project"));
            Files.createDirectories(root.resolve(name).getParent());
            Files.writeString(root.resolve(name), "flask\n");
            Path deep = Files.createDirectories(root.resolve("src/pkg"));
            assertThat(ProjectLocator.locate(deep)).as(name).isEqualTo(root.toAbsolutePath().normalize());
        }
    }

    @Test
    void anEmptyRequirementsFolderOrAnUnrelatedTextFileIsNoMarker() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("plain"));
        Files.createDirectories(root.resolve("requirements"));
        Files.writeString(root.resolve("notes.txt"), "x\n");
        assertThat(ProjectLocator.isProjectRoot(root)).isFalse();
    }
}
