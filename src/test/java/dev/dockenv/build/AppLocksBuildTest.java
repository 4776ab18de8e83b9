package dev.dockenv.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.decision.InstallDecision;
import dev.dockenv.decision.PackageIndex;
import dev.dockenv.errors.SourceLocation;
import dev.dockenv.lock.LockFile;
import dev.dockenv.lock.LockedArtifact;
import dev.dockenv.lock.LockedPackage;
import dev.dockenv.lock.PackageSource;
import dev.dockenv.lock.format.Freshness;
import dev.dockenv.lock.format.LockFormat;
import dev.dockenv.lock.format.LockReading;
import dev.dockenv.plan.EnvironmentPlan;
import dev.dockenv.plan.EnvironmentPlanner;
import dev.dockenv.plan.GeneratedFile;
import dev.dockenv.project.Project;
import dev.dockenv.project.ProjectScanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Apps with locks of their own: an app's build carries only the derived lists its stages copy. */
class AppLocksBuildTest {
    @TempDir
    Path root;
    Project project;
    LockFile apiLock;
    LockFile parserLock;

    @BeforeEach
    void setUp() throws IOException {
        file(".python-version", "3.11\n");
        file("requirements_base.txt", "requests\n");
        file("requirements-dev.txt", "pytest\n");
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
        apiLock = lock("pylock.api.toml", List.of("requests 2.31.0 main", "flask 3.0.0 main", "pytest 8.0.0 dev",
                "pytest-mock 3.12.0 dev"));
        parserLock = lock("pylock.parser.toml", List.of("requests 2.31.0 main", "lark 1.1.9 main"));
    }

    private void file(String path, String content) throws IOException {
        Path p = root.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }

    /** A lock of "NAME VERSION GROUP" entries; a package's hash follows its name and version. */
    private LockFile lock(String name, List<String> entries) {
        Path file = root.resolve(name);
        List<LockedPackage> packages = new ArrayList<>();
        for (String entry : entries) {
            String[] e = entry.split(" ");
            packages.add(new LockedPackage(e[0], Optional.of(e[1]), Optional.empty(),
                    List.of(new LockedArtifact(Optional.of(e[0] + "-" + e[1] + "-py3-none-any.whl"), Optional.empty(),
                            List.of("sha256:" + Integer.toHexString((e[0] + e[1]).hashCode())))),
                    new PackageSource.Registry(Optional.empty()), Set.of(e[2]), SourceLocation.of(file)));
        }
        return new LockFile(file, name, packages, Optional.of("sha256:00"), List.of(), Optional.empty());
    }

    private EnvironmentPlan plan() {
        LockFile shared = lock("pylock.toml", List.of("requests 2.31.0 main", "pytest 8.0.0 dev"));
        InstallDecision decision = new InstallDecision.Locked(new LockReading(LockFormat.PYLOCK, shared, Freshness.FRESH),
                PackageIndex.choose(project, Map.of(), List.of()));
        return EnvironmentPlanner.plan(project, decision, Map.of("api", apiLock, "parser", parserLock));
    }

    private BuildDefinition definition(String target) {
        return BuildDefinitions.generated(plan(), Optional.of(target), "test");
    }

    private List<String> generated(String target) {
        return definition(target).generatedFiles().stream().map(GeneratedFile::path).toList();
    }

    private String tag(String target) {
        return EnvironmentBuilder.identify(project, BuildDefinitions.forProject(project, plan(), Optional.of(target),
                "test"), null).reference();
    }

    @Test
    void anAppsTargetCarriesOnlyTheListsItsStagesCopy() {
        assertThat(generated("api-dev")).containsExactly(".dockenv/main.layer-1-of-1.lock.txt",
                ".dockenv/dev.layer-1-of-1.lock.txt", ".dockenv/api-main.layer-1-of-1.lock.txt",
                ".dockenv/api-dev.layer-1-of-1.lock.txt");
        assertThat(generated("api-env")).containsExactly(".dockenv/main.layer-1-of-1.lock.txt",
                ".dockenv/api-main.layer-1-of-1.lock.txt");
        assertThat(generated("parser-dev")).containsExactly(".dockenv/main.layer-1-of-1.lock.txt",
                ".dockenv/dev.layer-1-of-1.lock.txt", ".dockenv/parser-main.layer-1-of-1.lock.txt");
        assertThat(generated("dev")).as("the shared environment carries no app's list")
                .containsExactly(".dockenv/main.layer-1-of-1.lock.txt", ".dockenv/dev.layer-1-of-1.lock.txt");
        assertThat(plan().generatedFiles()).as("the plan has them all").hasSize(5);
    }

    @Test
    void anotherAppsLockChangesNeitherAnAppsListsNorItsImage() {
        String apiDev = tag("api-dev");
        String apiProd = tag("api-prod");
        String parserDev = tag("parser-dev");
        List<GeneratedFile> apiFiles = definition("api-dev").generatedFiles();
        // the parser's lock grows into several layers
        parserLock = lock("pylock.parser.toml", List.of("requests 2.31.0 main", "lark 1.2.0 main", "regex 2024.1.1 main",
                "attrs 23.2.0 main", "cattrs 23.2.3 main", "pyyaml 6.0.1 main", "tqdm 4.66.1 main"));
        assertThat(generated("parser-env")).hasSizeGreaterThan(2).contains(".dockenv/parser-main.layer-2-of-2.lock.txt");
        assertThat(tag("parser-dev")).isNotEqualTo(parserDev);
        assertThat(definition("api-dev").generatedFiles()).isEqualTo(apiFiles);
        assertThat(tag("api-dev")).isEqualTo(apiDev);
        assertThat(tag("api-prod")).isEqualTo(apiProd);

        apiLock = lock("pylock.api.toml", List.of("requests 2.31.0 main", "flask 3.0.1 main", "pytest 8.0.0 dev",
                "pytest-mock 3.12.0 dev"));
        assertThat(tag("api-dev")).as("its own lock").isNotEqualTo(apiDev);
        assertThat(tag("api-prod")).isNotEqualTo(apiProd);
        String changedApiDev = tag("api-dev");
        String changedApiProd = tag("api-prod");
        apiLock = lock("pylock.api.toml", List.of("requests 2.31.0 main", "flask 3.0.1 main", "pytest 8.0.0 dev",
                "pytest-mock 3.14.0 dev"));
        assertThat(tag("api-dev")).as("its own dev group").isNotEqualTo(changedApiDev);
        assertThat(tag("api-prod")).as("its prod has no dev group").isEqualTo(changedApiProd);
    }
}
