package dev.dockenv.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    /** Issue 8, campaign item 10: a marker that is no readable file still marks the root; the scan says what is wrong. */
    @Test
    void aDanglingLinkOrAPipeOrAFolderNamedLikeAMarkerMarksTheRoot() throws Exception {
        Path dangling = Files.createDirectories(tmp.resolve("dangling"));
        Files.createSymbolicLink(dangling.resolve("requirements.txt"), Path.of("missing.txt"));
        Path loop = Files.createDirectories(tmp.resolve("loop"));
        Files.createSymbolicLink(loop.resolve("pyproject.toml"), Path.of("pyproject.toml"));
        Path pipe = Files.createDirectories(tmp.resolve("pipe"));
        assertThat(new ProcessBuilder("mkfifo", pipe.resolve("requirements-dev.txt").toString()).start().waitFor())
                .isZero();
        Path folder = Files.createDirectories(tmp.resolve("folder"));
        Files.createDirectories(folder.resolve("requirements.txt"));
        for (Path root : List.of(dangling, loop, pipe, folder)) {
            assertThat(ProjectLocator.isProjectRoot(root)).as(root.toString()).isTrue();
        }
    }

    @Test
    void aFolderWhoseNameAnAppsFolderBeginsIsNotThatApps() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("repo"));
        Files.writeString(root.resolve("pyproject.toml"), "[tool.dockenv.apps.api]\npath = \"svc/api\"\n"
                + "[tool.dockenv.apps.worker]\n");
        for (String folder : List.of("svc/api", "svc/api-v1", "worker", "worker2")) {
            Files.createDirectories(root.resolve(folder));
            Files.writeString(root.resolve(folder).resolve("requirements.txt"), "flask\n");
        }
        assertThat(ProjectLocator.locate(root.resolve("svc/api"))).isEqualTo(root);
        assertThat(ProjectLocator.locate(root.resolve("worker"))).as("an app named for its folder").isEqualTo(root);
        assertThat(ProjectLocator.locate(root.resolve("svc/api-v1"))).isEqualTo(root.resolve("svc/api-v1"));
        assertThat(ProjectLocator.locate(root.resolve("worker2"))).isEqualTo(root.resolve("worker2"));
    }
}
