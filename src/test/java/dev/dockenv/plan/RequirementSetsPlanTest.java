package dev.dockenv.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.dockerfile.Dialect;
import dev.dockenv.dockerfile.DockerfileRenderer;
import dev.dockenv.project.ProjectScanner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chosen requirements sets install in their stage, each once, under the project's constraints. */
class RequirementSetsPlanTest {
    @TempDir
    Path tmp;

    @Test
    void chosenSetsAndConstraintsGoIntoTheirStagesPipRuns() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("shop"));
        Files.writeString(root.resolve(".python-version"), "3.11\n");
        Files.writeString(root.resolve("requirements_base.txt"), "requests\n");
        Files.writeString(root.resolve("requirements_parser.txt"), "-r requirements_base.txt\nlark\n");
        Files.writeString(root.resolve("requirements_docs.txt"), "mkdocs\n");
        Files.writeString(root.resolve("requirements-test.txt"), "pytest\n");
        Files.writeString(root.resolve("constraints.txt"), "-c pins/more.txt\nrequests<3\n");
        Files.createDirectories(root.resolve("pins"));
        Files.writeString(root.resolve("pins/more.txt"), "lark<2\n");
        Files.writeString(root.resolve("dockenv.toml"), "requirements = [\"base\", \"parser\"]\n");

        EnvironmentPlan plan = Plans.of(ProjectScanner.scan(root));

        assertThat(plan.baseInstalls()).singleElement().satisfies(step -> {
            assertThat(step.pipCommands().get(0).arguments()).containsExactly("-c", "constraints.txt",
                    "-r", "requirements_parser.txt");
            assertThat(step.copies()).containsExactly("requirements_parser.txt", "requirements_base.txt",
                    "constraints.txt", "pins/more.txt");
            assertThat(step.origin()).isEqualTo("requirements_parser.txt, constraints.txt (constraints)");
        });
        assertThat(plan.devInstalls()).singleElement().satisfies(step -> {
            assertThat(step.pipCommands().get(0).arguments()).containsExactly("-c", "constraints.txt",
                    "-r", "requirements-test.txt");
            assertThat(step.copies()).as("the constraints are in the base stage already")
                    .containsExactly("requirements-test.txt");
        });
        String dockerfile = new DockerfileRenderer(Dialect.BUILDKIT).render(EnvironmentDockerfile.compose(plan, "test"));
        assertThat(dockerfile).contains("pip install -c constraints.txt -r requirements_parser.txt")
                .contains("pip install -c constraints.txt -r requirements-test.txt")
                .doesNotContain("requirements_docs.txt");
        assertThat(EnvironmentDockerfile.contextPaths(plan, EnvironmentDockerfile.DEV)).contains("constraints.txt",
                "pins/more.txt").doesNotContain("requirements_docs.txt");
    }

    @Test
    void withoutAnythingToInstallConstraintsAloneMakeNoStep() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("bare"));
        Files.writeString(root.resolve(".python-version"), "3.11\n");
        Files.writeString(root.resolve("constraints.txt"), "requests<3\n");
        Files.writeString(root.resolve("requirements_docs.txt"), "mkdocs\n");
        EnvironmentPlan plan = Plans.of(ProjectScanner.scan(root));
        assertThat(plan.baseInstalls()).isEmpty();
        assertThat(plan.devInstalls()).isEmpty();
    }
}
