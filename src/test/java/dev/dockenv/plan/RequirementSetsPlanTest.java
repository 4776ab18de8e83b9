package dev.dockenv.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.dockerfile.Dialect;
import dev.dockenv.dockerfile.Dockerfile;
import dev.dockenv.dockerfile.Instruction.Copy;
import dev.dockenv.dockerfile.DockerfileRenderer;
import dev.dockenv.project.ProjectScanner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
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
        assertThat(new DockerfileRenderer(Dialect.BUILDKIT).render(EnvironmentDockerfile.compose(plan, "test",
                "project/"))).as("in dockenv's own context, the files in one COPY of a folder assembled from them")
                .contains("COPY dependency-files/base-1/ ./\nRUN ")
                .contains("COPY project/requirements-test.txt requirements-test.txt\n");
        assertThat(plan.dependencyFolders()).containsExactly(new DependencyFolder("dependency-files/base-1",
                List.of("requirements_parser.txt", "requirements_base.txt", "constraints.txt", "pins/more.txt")));
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

    /** Issue 8, campaign item 12: a COPY (a layer) per included file passed the engine's layer limit. */
    @Test
    void threeHundredIncludesAreCopiedInABoundedNumberOfSteps() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("many"));
        Files.writeString(root.resolve(".python-version"), "3.11\n");
        Files.createDirectories(root.resolve("parts"));
        StringBuilder fan = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            // a fan: requirements.txt includes parts/p000.txt ... parts/p299.txt
            fan.append("-r parts/p").append(String.format("%03d", i)).append(".txt\n");
            Files.writeString(root.resolve(String.format("parts/p%03d.txt", i)), "# part " + i + "\n");
            // a chain: requirements-dev.txt includes chain000.txt, which includes chain001.txt ...
            Files.writeString(root.resolve(String.format("chain%03d.txt", i)),
                    i < 299 ? String.format("-r chain%03d.txt%n", i + 1) : "pytest\n");
        }
        Files.writeString(root.resolve("requirements.txt"), fan + "requests\n");
        Files.writeString(root.resolve("requirements-dev.txt"), "-r chain000.txt\n");

        EnvironmentPlan plan = Plans.of(ProjectScanner.scan(root));
        Dockerfile dockerfile = EnvironmentDockerfile.compose(plan, "test", "project/");

        assertThat(plan.baseInstalls()).singleElement().satisfies(s -> assertThat(s.copies()).hasSize(301));
        assertThat(plan.devInstalls()).singleElement().satisfies(s -> assertThat(s.copies()).hasSize(301));
        assertThat(copies(dockerfile, EnvironmentDockerfile.BASE)).as("requirements.txt and parts/, in one step")
                .containsExactly(new Copy(List.of("dependency-files/base-1/"), "./", Optional.empty(), Optional.empty()));
        assertThat(copies(dockerfile, EnvironmentDockerfile.DEV)).as("the dev files, in the dev stage, in one step")
                .containsExactly(new Copy(List.of("dependency-files/dev-1/"), "./", Optional.empty(), Optional.empty()));
        List<String> fanFiles = new java.util.ArrayList<>(List.of("requirements.txt"));
        IntStream.range(0, 300).forEach(i -> fanFiles.add(String.format("parts/p%03d.txt", i)));
        assertThat(plan.dependencyFolders()).extracting(DependencyFolder::path)
                .containsExactly("dependency-files/base-1", "dependency-files/dev-1");
        assertThat(plan.dependencyFolders().get(0).files()).isEqualTo(fanFiles);
        assertThat(plan.dependencyFolders().get(1).files()).hasSize(301).startsWith("requirements-dev.txt",
                "chain000.txt", "chain001.txt").endsWith("chain299.txt");
        String text = new DockerfileRenderer(Dialect.LEGACY).render(dockerfile);
        assertThat(text.lines().filter(l -> l.startsWith("COPY ") || l.startsWith("RUN ")).count())
                .as("layers a legacy build of the whole Dockerfile makes").isLessThan(20);
        assertThat(EnvironmentDockerfile.contextPaths(plan, EnvironmentDockerfile.DEV)).hasSize(602);
    }

    private static List<Copy> copies(Dockerfile dockerfile, String stage) {
        return dockerfile.stage(stage).orElseThrow().instructions().stream()
                .filter(Copy.class::isInstance).map(Copy.class::cast).toList();
    }
}
