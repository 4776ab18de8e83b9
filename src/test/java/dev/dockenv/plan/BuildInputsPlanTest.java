package dev.dockenv.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.dockerfile.Dialect;
import dev.dockenv.dockerfile.DockerfileRenderer;
import dev.dockenv.project.ProjectScanner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Build steps get the project files they need, mounted for the step, and no others. */
class BuildInputsPlanTest {
    @TempDir
    Path root;

    @BeforeEach
    void setUp() throws Exception {
        Files.writeString(root.resolve("requirements.txt"), "requests\n");
        Files.writeString(root.resolve("app.py"), "print('hi')\n");
        Files.createDirectories(root.resolve("native"));
        Files.writeString(root.resolve("native/greet.c"), "int greet(void) { return 42; }\n");
        Files.writeString(root.resolve("postBuild"), "#!/bin/sh\nset -e\nwc -l requirements.txt\n"
                + "gcc -shared -o /opt/lib/libgreet.so native/greet.c\n");
        Files.setPosixFilePermissions(root.resolve("postBuild"), PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void thePostBuildSeesWhatItNamesMountedAtItsPlace() {
        EnvironmentPlan plan = Plans.of(ProjectScanner.scan(root));

        assertThat(plan.base().finishing().inputs()).as("requirements.txt is in place already")
                .containsExactly("native/greet.c");
        assertThat(EnvironmentDockerfile.contextPaths(plan, "dev")).contains("native/greet.c").doesNotContain("app.py");
        assertThat(EnvironmentDockerfile.contextPaths(plan, "base")).contains("native/greet.c", "postBuild");
        String dockerfile = new DockerfileRenderer(Dialect.BUILDKIT).render(EnvironmentDockerfile.compose(plan, "t",
                "project/"));
        assertThat(dockerfile).contains("# Build steps see these project files (build-inputs, and the files they name): "
                + "native/greet.c\n")
                .contains("COPY project/postBuild postBuild\n"
                        + "RUN --mount=type=bind,source=project/native/greet.c,target=/app/native/greet.c,rw \\\n"
                        + "    chmod +x postBuild \\\n");
        String legacy = new DockerfileRenderer(Dialect.LEGACY).render(EnvironmentDockerfile.compose(plan, "t"));
        assertThat(legacy).contains("COPY postBuild postBuild\nCOPY native/greet.c /app/native/greet.c\n"
                + "RUN chmod +x postBuild");
    }

    @Test
    void withoutBuildStepsBuildInputsAddNothing() throws Exception {
        Files.delete(root.resolve("postBuild"));
        Files.writeString(root.resolve("dockenv.toml"), "build-inputs = [\"native\"]\n");
        EnvironmentPlan plan = Plans.of(ProjectScanner.scan(root));
        assertThat(plan.base().finishing().inputs()).isEmpty();
        assertThat(EnvironmentDockerfile.contextPaths(plan, "dev")).containsExactly("requirements.txt");
    }

    @Test
    void buildCommandsSeeTheConfiguredFolder() throws Exception {
        Files.delete(root.resolve("postBuild"));
        Files.writeString(root.resolve("dockenv.toml"), "build = [\"make -C native\", \"cp native/greet.c /opt/\"]\n"
                + "build-inputs = [\"native\"]\n");
        EnvironmentPlan plan = Plans.of(ProjectScanner.scan(root));
        assertThat(plan.base().finishing().inputs()).containsExactly("native");
        String dockerfile = new DockerfileRenderer(Dialect.BUILDKIT).render(EnvironmentDockerfile.compose(plan, "t"));
        assertThat(dockerfile).contains("RUN --mount=type=bind,source=native,target=/app/native,rw \\\n    make -C native\n")
                .contains("RUN --mount=type=bind,source=native,target=/app/native,rw \\\n    cp native/greet.c /opt/\n");
    }
}
