package dev.dockenv.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.decision.InstallDecision;
import dev.dockenv.decision.PackageIndex;
import dev.dockenv.dockerfile.Dialect;
import dev.dockenv.dockerfile.DockerfileRenderer;
import dev.dockenv.errors.SourceLocation;
import dev.dockenv.lock.LockFile;
import dev.dockenv.lock.LockedArtifact;
import dev.dockenv.lock.LockedPackage;
import dev.dockenv.lock.PackageSource;
import dev.dockenv.lock.format.Freshness;
import dev.dockenv.lock.format.LockFormat;
import dev.dockenv.lock.format.LockReading;
import dev.dockenv.project.Project;
import dev.dockenv.project.ProjectScanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Apps with locks of their own (pylock.NAME.toml) over a locked shared environment: each app's
 * stages install what its lock pins beyond the shared lock, in layers named after the app.
 */
class AppLocksPlanTest {
    @TempDir
    Path tmp;
    Path root;
    Project project;

    @BeforeEach
    void setUp() throws IOException {
        root = Files.createDirectories(tmp.resolve("lol"));
        file(".python-version", "3.11\n");
        file("requirements_base.txt", "requests\n");
        file("requirements-dev.txt", "black\npytest\n");
        file("requirements_parser.txt", "lark\n");
        file("requirements_api.txt", "flask\n");
        file("requirements_test.txt", "pytest-mock\n");
        file("lol_data_parser/main.py", "");
        file("lol_data_api/wsgi.py", "");
        file("pyproject.toml", """
                [tool.dockenv]
                requirements = ["base"]

                [tool.dockenv.apps.parser]
                path = "lol_data_parser"
                requirements = ["parser"]

                [tool.dockenv.apps.api]
                path = "lol_data_api"
                requirements = ["api"]
                dev-requirements = ["test"]
                """);
        project = ProjectScanner.scan(root);
    }

    private void file(String path, String content) throws IOException {
        Path p = root.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }

    /** A registry package; its hash follows its name and version (same pin, same install line). */
    static LockedPackage pkg(Path lock, String name, String version, String... groups) {
        return new LockedPackage(name, Optional.of(version), Optional.empty(),
                List.of(new LockedArtifact(Optional.of(name + "-" + version + "-py3-none-any.whl"), Optional.empty(),
                        List.of("sha256:" + Integer.toHexString((name + version).hashCode())))),
                new PackageSource.Registry(Optional.empty()), Set.of(groups), SourceLocation.of(lock));
    }

    static LockFile lock(Path file, LockedPackage... packages) {
        return new LockFile(file, file.getFileName().toString(), Arrays.asList(packages), Optional.of("sha256:00"),
                List.of(), Optional.empty());
    }

    LockFile shared() {
        Path f = root.resolve("pylock.toml");
        return lock(f, pkg(f, "requests", "2.31.0", "main"), pkg(f, "idna", "3.6", "main"),
                pkg(f, "black", "24.1.0", "dev"), pkg(f, "pytest", "8.0.0", "dev"));
    }

    LockFile api() {
        Path f = root.resolve("pylock.api.toml");
        return lock(f, pkg(f, "requests", "2.31.0", "main", "dev"), pkg(f, "idna", "3.7", "main"),
                pkg(f, "flask", "3.0.0", "main"), pkg(f, "werkzeug", "3.0.1", "main", "dev"),
                pkg(f, "black", "24.1.0", "dev"), pkg(f, "pytest", "8.0.0", "dev"), pkg(f, "pytest-mock", "3.12.0", "dev"));
    }

    LockFile parser() {
        Path f = root.resolve("pylock.parser.toml");
        return lock(f, pkg(f, "requests", "2.31.0", "main"), pkg(f, "lark", "1.1.9", "main"),
                pkg(f, "black", "24.1.0", "dev"));
    }

    private EnvironmentPlan plan(Map<String, LockFile> appLocks) {
        LockFile shared = shared();
        InstallDecision decision = new InstallDecision.Locked(new LockReading(LockFormat.PYLOCK, shared, Freshness.FRESH),
                PackageIndex.choose(project, Map.of(), shared.indexUrls()));
        return EnvironmentPlanner.plan(project, decision, appLocks);
    }

    private EnvironmentPlan plan() {
        Map<String, LockFile> locks = new LinkedHashMap<>();
        locks.put("api", api());
        locks.put("parser", parser());
        return plan(locks);
    }

    private static StageInstall.Locked locked(StageInstall install) {
        assertThat(install).isInstanceOf(StageInstall.Locked.class);
        return (StageInstall.Locked) install;
    }

    private static String listed(StageInstall install) {
        StringBuilder s = new StringBuilder();
        locked(install).generatedFiles().forEach(f -> s.append(f.content()));
        return s.toString();
    }

    @Test
    void anAppsEnvInstallsOnlyWhatItsLockPinsBeyondTheSharedMainGroup() {
        PlannedApp api = plan().plannedApp("api").orElseThrow();
        StageInstall.Locked env = locked(api.installs().get(0));
        assertThat(api.installs()).hasSize(1);
        assertThat(env.origin()).isEqualTo("pylock.api.toml [main]");
        assertThat(env.layers()).extracting(LockLayer::stage).containsExactly("deps-api-main-1");
        assertThat(env.generatedFiles()).extracting(GeneratedFile::path)
                .containsExactly(".dockenv/api-main.layer-1-of-1.lock.txt");
        assertThat(listed(env)).contains("flask==3.0.0", "werkzeug==3.0.1", "idna==3.7")
                .as("the shared lock's identical pin is the base's").doesNotContain("requests==", "idna==3.6")
                .as("no dev package in the env").doesNotContain("pytest", "black");
    }

    @Test
    void anAppsDevInstallsOnlyWhatItsLockPinsBeyondSharedMainAndDevAndItsOwnMain() {
        EnvironmentPlan plan = plan();
        PlannedApp api = plan.plannedApp("api").orElseThrow();
        List<StageInstall> dev = api.app().devInstalls();
        assertThat(dev).as("the shared dev installs, then the app's").hasSize(2);
        assertThat(dev.get(0)).isEqualTo(plan.devInstalls().get(0));
        StageInstall.Locked own = locked(dev.get(1));
        assertThat(own.origin()).isEqualTo("pylock.api.toml [dev]");
        assertThat(own.layers()).extracting(LockLayer::stage).containsExactly("deps-api-dev-1");
        assertThat(own.generatedFiles()).extracting(GeneratedFile::path)
                .containsExactly(".dockenv/api-dev.layer-1-of-1.lock.txt");
        assertThat(listed(own)).contains("pytest-mock==3.12.0")
                .doesNotContain("pytest==", "black==", "requests==", "werkzeug==", "flask==");

        PlannedApp parser = plan.plannedApp("parser").orElseThrow();
        assertThat(listed(parser.installs().get(0))).contains("lark==1.1.9").doesNotContain("requests", "flask");
        assertThat(parser.app().devInstalls()).as("nothing of its own beyond the shared dev lock")
                .isEqualTo(plan.devInstalls());
    }

    @Test
    void theDockerfileHasEachLayerStageOnceAndTheGeneratedFilesAreListedOnce() {
        EnvironmentPlan plan = plan();
        String text = new DockerfileRenderer(Dialect.BUILDKIT).render(EnvironmentDockerfile.compose(plan, "0.0.0-test",
                "project/"));
        for (String stage : List.of("deps-main-1", "deps-dev-1", "deps-api-main-1", "deps-api-dev-1", "deps-parser-main-1")) {
            assertThat(text.split(" AS " + stage + "\n", -1)).as(stage).hasSize(2);
        }
        assertThat(text).doesNotContain("deps-parser-dev");
        List<String> paths = plan.generatedFiles().stream().map(GeneratedFile::path).toList();
        assertThat(paths).doesNotHaveDuplicates().containsExactlyInAnyOrder(".dockenv/main.layer-1-of-1.lock.txt",
                ".dockenv/dev.layer-1-of-1.lock.txt", ".dockenv/parser-main.layer-1-of-1.lock.txt",
                ".dockenv/api-main.layer-1-of-1.lock.txt", ".dockenv/api-dev.layer-1-of-1.lock.txt");
        assertThat(paths.subList(0, 2)).containsExactly(".dockenv/main.layer-1-of-1.lock.txt",
                ".dockenv/dev.layer-1-of-1.lock.txt");
        String legacy = new DockerfileRenderer(Dialect.LEGACY).render(EnvironmentDockerfile.compose(plan, "0.0.0-test",
                "project/"));
        assertThat(legacy.split(" AS deps-dev-1\n", -1)).hasSize(2);
    }

    @Test
    void anAppWithoutALockInstallsItsRequirementsFilesOverTheLockedBase() {
        EnvironmentPlan plan = plan(Map.of("api", api()));
        PlannedApp parser = plan.plannedApp("parser").orElseThrow();
        assertThat(parser.installs()).singleElement().isInstanceOf(StageInstall.Declared.class)
                .satisfies(step -> assertThat(step.pipCommands().get(0).arguments())
                        .containsExactly("-r", "requirements_parser.txt"));
        assertThat(plan.generatedFiles()).extracting(GeneratedFile::path).noneMatch(p -> p.contains("parser"));
    }

    @Test
    void anAppsViewIsTheSharedBaseWithItsInstallsAndItsDev() {
        EnvironmentPlan plan = plan();
        PlannedApp api = plan.plannedApp("api").orElseThrow();
        EnvironmentPlan view = plan.forApp(api);
        List<StageInstall> base = new ArrayList<>(plan.baseInstalls());
        base.addAll(api.installs());
        assertThat(view.baseInstalls()).isEqualTo(base).hasSize(2);
        assertThat(view.devInstalls()).isEqualTo(api.app().devInstalls());
        assertThat(view.apps()).isEmpty();
        assertThat(view.baseImage()).isEqualTo(plan.baseImage());
        assertThat(view.index()).isEqualTo(plan.index());
        assertThat(view.generatedFiles()).extracting(GeneratedFile::path).containsExactly(
                ".dockenv/main.layer-1-of-1.lock.txt", ".dockenv/api-main.layer-1-of-1.lock.txt",
                ".dockenv/dev.layer-1-of-1.lock.txt", ".dockenv/api-dev.layer-1-of-1.lock.txt");
    }
}
