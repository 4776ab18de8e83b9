package dev.dockenv.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.Golden;
import dev.dockenv.dockerfile.Dialect;
import dev.dockenv.dockerfile.DockerfileRenderer;
import dev.dockenv.errors.SourceLocation;
import dev.dockenv.lock.LockFile;
import dev.dockenv.lock.LockedArtifact;
import dev.dockenv.lock.LockedPackage;
import dev.dockenv.lock.PackageSource;
import dev.dockenv.pep.Marker;
import dev.dockenv.lock.format.LockFormat;
import dev.dockenv.project.Project;
import dev.dockenv.project.ProjectScanner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A lock is what the image installs: derived hash-pinned lists, no resolution in the build. */
class LockedPlanTest {
    @TempDir
    Path tmp;
    Path root;

    private static LockedPackage registry(String name, String version, Set<String> groups, String marker)
            throws Exception {
        return new LockedPackage(name, Optional.of(version), marker == null ? Optional.empty()
                : Optional.of(Marker.parse(marker)),
                List.of(new LockedArtifact(Optional.of(name + "-" + version + "-py3-none-any.whl"), Optional.empty(),
                        List.of("sha256:" + Integer.toHexString(name.hashCode())))),
                new PackageSource.Registry(Optional.empty()), groups, SourceLocation.of(Path.of("poetry.lock")));
    }

    private LockFile lock() throws Exception {
        return new LockFile(Path.of("poetry.lock"), "poetry.lock", List.of(
                registry("requests", "2.31.0", Set.of("main"), null),
                registry("idna", "3.6", Set.of("main", "dev"), null),
                registry("colorama", "0.4.6", Set.of("main"), "sys_platform == 'win32'"),
                registry("pytest", "8.0.0", Set.of("dev"), null),
                new LockedPackage("seed", Optional.of("1.0.0"), Optional.empty(), List.of(),
                        new PackageSource.LocalPath("libs/seed", true), Set.of("main"),
                        SourceLocation.of(Path.of("poetry.lock"))),
                new LockedPackage("shop", Optional.of("0.1.0"), Optional.empty(), List.of(),
                        new PackageSource.LocalPath(".", true), Set.of("main"), SourceLocation.of(Path.of("poetry.lock")))),
                Optional.of("abc"), List.of("http://127.0.0.1:9/simple"), Optional.of(">=3.10"));
    }

    private EnvironmentPlan plan() throws Exception {
        root = Files.createDirectories(tmp.resolve("shop"));
        Files.writeString(root.resolve(".python-version"), "3.11\n");
        Files.writeString(root.resolve("requirements.txt"), "ignored-when-locked==1.0\n");
        Files.createDirectories(root.resolve("libs/seed"));
        Project project = ProjectScanner.scan(root);
        return Plans.locked(project, LockFormat.POETRY, lock());
    }

    @Test
    void mainAndDevInstallTheLocksPinsWithHashes() throws Exception {
        EnvironmentPlan plan = plan();
        assertThat(plan.generatedFiles()).extracting(GeneratedFile::path)
                .containsExactly(".dockenv/main.layer-1-of-1.lock.txt", ".dockenv/main.unhashed.txt",
                        ".dockenv/dev.layer-1-of-1.lock.txt");
        String main = plan.generatedFiles().get(0).content();
        assertThat(main).contains("idna==3.6 \\\n    --hash=sha256:", "requests==2.31.0")
                .doesNotContain("colorama", "pytest", "ignored-when-locked");
        assertThat(plan.generatedFiles().get(1).content()).contains("-e ./libs/seed").doesNotContain("shop");
        assertThat(plan.generatedFiles().get(2).content()).contains("pytest==8.0.0").doesNotContain("idna");
        assertThat(plan.index().indexUrl()).contains("http://127.0.0.1:9/simple");
        assertThat(EnvironmentDockerfile.contextPaths(plan, "dev")).containsExactly("libs/seed");
        assertThat(((StageInstall.Locked) plan.baseInstalls().get(0)).layers()).containsExactly(
                new LockLayer.Pip("deps-main-1", plan.generatedFiles().get(0)));
    }

    @Test
    void theLegacyRenderingBuildsTheLayersBeforeTheStagesThatCopyThem() throws Exception {
        Golden.assertMatches("locked.legacy.Dockerfile", new DockerfileRenderer(Dialect.LEGACY)
                .render(EnvironmentDockerfile.compose(plan(), "0.0.0-test")));
    }

    @Test
    void theDockerfileCopiesAndInstallsTheDerivedLists() throws Exception {
        Golden.assertMatches("locked.buildkit.Dockerfile", new DockerfileRenderer(Dialect.BUILDKIT)
                .render(EnvironmentDockerfile.compose(plan(), "0.0.0-test")));
    }

    @Test
    void anInstallableLockedProjectsEditableBuildSeesTheIndexInDev() throws Exception {
        EnvironmentPlan withoutPackaging = plan();
        Files.writeString(root.resolve("pyproject.toml"), "[build-system]\nrequires = [\"setuptools>=61\"]\n"
                + "build-backend = \"setuptools.build_meta\"\n\n[project]\nname = \"shop\"\nversion = \"0.1.0\"\n");
        Files.createDirectories(root.resolve("shop"));
        EnvironmentPlan plan = Plans.locked(ProjectScanner.scan(root), LockFormat.POETRY, lock());
        assertThat(withoutPackaging.projectInstall()).isEmpty();
        assertThat(plan.projectInstall()).isPresent();
        assertThat(plan.devInstalls()).allSatisfy(step -> assertThat(step.runsPip()).isFalse());
        String text = new DockerfileRenderer(Dialect.BUILDKIT).render(EnvironmentDockerfile.compose(plan, "0.0.0-test"));
        String dev = text.substring(text.indexOf("FROM base AS dev"), text.indexOf("FROM base AS wheel"));
        assertThat(dev).contains("ARG PIP_INDEX_URL");
        assertThat(dev.indexOf("ARG PIP_INDEX_URL")).isLessThan(dev.indexOf("The project itself"));
    }
}
