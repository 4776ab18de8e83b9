package dev.dockenv.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.decision.InstallDecider;
import dev.dockenv.decision.InstallDecision;
import dev.dockenv.dockerfile.Dialect;
import dev.dockenv.dockerfile.DockerfileRenderer;
import dev.dockenv.errors.SourceLocation;
import dev.dockenv.lock.LockFile;
import dev.dockenv.lock.LockedArtifact;
import dev.dockenv.lock.LockedPackage;
import dev.dockenv.lock.PackageSource;
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

/**
 * A project without a lock whose declarations a build resolved: the lock's packages are installed
 * by dockenv's installer, everything else is as the declarations plan it.
 */
class ResolvedPlanTest {
    private static final String FILES = "http://127.0.0.1:8080/files/";

    @TempDir
    Path tmp;

    private static LockedPackage wheel(String name, String version, String group) {
        String file = name + "-" + version + "-py3-none-any.whl";
        return new LockedPackage(name, Optional.of(version), Optional.empty(),
                List.of(new LockedArtifact(Optional.of(file), Optional.of(FILES + file), List.of("sha256:" + "c".repeat(64)))),
                new PackageSource.Registry(Optional.empty()), Set.of(group), SourceLocation.of(Path.of("requirements.txt")));
    }

    private Project flaskApp() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("shop"));
        Files.writeString(root.resolve(".python-version"), "3.11\n");
        Files.writeString(root.resolve("requirements.txt"), "flask\n");
        Files.writeString(root.resolve("requirements-dev.txt"), "pytest\n");
        Files.writeString(root.resolve("app.py"), "from flask import Flask\napp = Flask(__name__)\n");
        return ProjectScanner.scan(root);
    }

    private static String dockerfile(EnvironmentPlan plan) {
        return new DockerfileRenderer(Dialect.BUILDKIT).render(EnvironmentDockerfile.compose(plan, "0.0.0-test"));
    }

    @Test
    void theResolvedPackagesGoToTheInstallerAndTheRestIsAsDeclared() throws Exception {
        Project project = flaskApp();
        InstallDecision.Unlocked unlocked = InstallDecider.unlocked(project, Map.of());
        // the resolution brought in gunicorn (a dependency of a dependency): no start command comes of it
        LockFile lock = new LockFile(project.root().resolve("requirements.txt"), "requirements.txt, requirements-dev.txt",
                List.of(wheel("flask", "2.2.2", "main"), wheel("gunicorn", "20.1.0", "main"),
                        wheel("pytest", "7.2.1", "dev")), Optional.empty(), List.of(), Optional.of("==3.11.*"))
                .withRequested(Set.of("flask", "pytest"));

        EnvironmentPlan declared = EnvironmentPlanner.plan(project, unlocked);
        EnvironmentPlan resolved = EnvironmentPlanner.planResolved(project, unlocked, lock);

        assertThat(dockerfile(declared)).contains("pip install -r requirements.txt").doesNotContain("install-wheels.py");
        String text = dockerfile(resolved);
        assertThat(text).contains("install-wheels.py", ".dockenv/main.layer-1-of-1.wheels.txt",
                ".dockenv/dev.layer-1-of-1.wheels.txt").doesNotContain("pip install -r requirements.txt");
        assertThat(resolved.generatedFiles().get(0).content())
                .startsWith("# Derived by dockenv from requirements.txt (main, linux, Python 3.11)")
                .contains("package flask 2.2.2 ", "dependency gunicorn 20.1.0 ",
                        "# A dependency is a package installed for another one, not asked for by name.")
                .doesNotContain("pytest");
        assertThat(resolved.generatedFiles()).filteredOn(f -> f.path().startsWith(".dockenv/dev."))
                .singleElement().satisfies(f -> assertThat(f.content()).contains("package pytest 7.2.1 ")
                        .doesNotContain("A dependency is"));
        assertThat(resolved.app().start()).isEqualTo(declared.app().start());
        assertThat(resolved.app().start().describe()).doesNotContain("gunicorn");
        assertThat(EnvironmentPlanner.plan(project, new InstallDecision.Locked(new dev.dockenv.lock.format.LockReading(
                dev.dockenv.lock.format.LockFormat.PYLOCK, lock, new dev.dockenv.lock.format.Freshness.Fresh()),
                unlocked.index())).app().start().describe()).as("what a lock of the same packages would start")
                .contains("gunicorn");
        assertThat(resolved.index()).isEqualTo(declared.index());
    }
}
