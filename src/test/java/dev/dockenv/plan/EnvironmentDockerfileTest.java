package dev.dockenv.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.Golden;
import dev.dockenv.dockerfile.Dialect;
import dev.dockenv.dockerfile.DockerfileRenderer;
import dev.dockenv.errors.SourceLocation;
import dev.dockenv.python.PythonChoice;
import dev.dockenv.python.PythonVersion;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import dev.dockenv.decision.PackageIndex;

class EnvironmentDockerfileTest {

    static EnvironmentPlan fullPlan() {
        BasePlan base = new BasePlan("python:3.11-slim", List.of("libpq-dev", "gcc"), "/app/src",
                new PythonEnvironment.Venv(List.of(new StageInstall.Declared(
                        "requirements.txt, pyproject.toml [project] dependencies",
                        List.of("requirements.txt", "requirements/base.txt", "libs/seed"), List.of("requirements/base.txt"),
                        PipCommand.install("-r", "requirements.txt", "requests>=2.31", "rich; python_version >= \"3.8\"")))),
                new FinishingSteps(List.of("python -m compileall -q /opt/venv"), Optional.of("postBuild"),
                        List.of("native/greet.c", "data"), Map.of("APP_MODE", "dev server", "TZ", "UTC")));
        AppPlan app = new AppPlan(List.of(new StageInstall.Declared(
                "requirements-dev.txt, pyproject.toml [dependency-groups] dev", List.of("requirements-dev.txt"),
                List.of(), PipCommand.install("-r", "requirements-dev.txt", "pytest>=8"))), Optional.empty(),
                List.of(dev.dockenv.config.PortMapping.parse("8000").orElseThrow()), List.of("python", "-m", "shop"));
        return new EnvironmentPlan("shop",
                new PythonChoice(PythonVersion.parse("3.11").orElseThrow(),
                        Optional.of(new SourceLocation(Path.of(".python-version"), 1, 1))),
                base, app, new PackageIndex(Optional.of("http://127.0.0.1:3141/simple"), List.of(), List.of(), true),
                List.of());
    }

    static EnvironmentPlan minimalPlan() {
        BasePlan base = new BasePlan("python:" + PythonVersion.DEFAULT + "-slim", List.of(), "/app",
                new PythonEnvironment.Venv(List.of(new StageInstall.Declared("requirements.txt",
                        List.of("requirements.txt"), List.of(), PipCommand.install("-r", "requirements.txt")))),
                new FinishingSteps(List.of(), Optional.empty(), List.of(), Map.of()));
        return new EnvironmentPlan("hello", new PythonChoice(PythonVersion.DEFAULT, Optional.empty()), base,
                new AppPlan(List.of(), Optional.empty(), List.of(), List.of()), PackageIndex.none(), List.of());
    }

    /** A setup.py + setup.cfg project whose setup.py computes install_requires, its index in requirements.txt. */
    static EnvironmentPlan packagedPlan(boolean noDeps) {
        EnvironmentPlan m = minimalPlan();
        ProjectInstall project = new ProjectInstall("legacy-app", "setuptools.build_meta:__legacy__",
                List.of("setup.py", "setup.cfg", "README.rst"),
                List.of(new ProjectInstall.StubCopy(new GeneratedFile(".dockenv/editable/legacy/__init__.py",
                        "__version__ = '0.4'\n"), "legacy/__init__.py")),
                List.of("legacy"), noDeps, List.of("--find-links", "/app/wheelhouse"));
        return new EnvironmentPlan("legacy-app", m.python(), m.base(),
                new AppPlan(List.of(), Optional.of(project), List.of(), List.of("legacy")),
                new PackageIndex(Optional.of("https://pypi.example.com/simple"), List.of(), List.of(), false), List.of());
    }

    @Test
    void anInstallableProjectIsEditableInDevAndAWheelInProd() {
        Golden.assertMatches("package.buildkit.Dockerfile", new DockerfileRenderer(Dialect.BUILDKIT)
                .render(EnvironmentDockerfile.compose(packagedPlan(true), "0.0.0-test", "project/")));
    }

    @Test
    void theLegacyBuilderCopiesTheWheelInAndRemovesItInTheSameStep() {
        Golden.assertMatches("package.legacy.Dockerfile", new DockerfileRenderer(Dialect.LEGACY)
                .render(EnvironmentDockerfile.compose(packagedPlan(false), "0.0.0-test")));
    }

    @Test
    void theDevStageReadsThePackagingFilesNotTheSource() {
        assertThat(EnvironmentDockerfile.contextPaths(packagedPlan(true), "dev"))
                .containsExactly("requirements.txt", "setup.py", "setup.cfg", "README.rst");
        assertThat(EnvironmentDockerfile.contextPaths(packagedPlan(true), "base")).containsExactly("requirements.txt");
        assertThat(EnvironmentDockerfile.compose(packagedPlan(true), "x").stages())
                .extracting(dev.dockenv.dockerfile.Stage::name).containsExactly("system", "base", "dev", "wheel", "prod");
    }

    @Test
    void fullPlanRendersForBuildKit() {
        Golden.assertMatches("full.buildkit.Dockerfile",
                new DockerfileRenderer(Dialect.BUILDKIT).render(EnvironmentDockerfile.compose(fullPlan(), "0.0.0-test")));
    }

    @Test
    void fullPlanRendersForTheLegacyBuilder() {
        Golden.assertMatches("full.legacy.Dockerfile",
                new DockerfileRenderer(Dialect.LEGACY).render(EnvironmentDockerfile.compose(fullPlan(), "0.0.0-test")));
    }

    @Test
    void minimalPlanRenders() {
        Golden.assertMatches("minimal.buildkit.Dockerfile", new DockerfileRenderer(Dialect.BUILDKIT)
                .render(EnvironmentDockerfile.compose(minimalPlan(), "0.0.0-test")));
    }

    @Test
    void devAndBaseReadOnlyDependencyFilesWhileProdReadsEverything() {
        EnvironmentPlan plan = fullPlan();
        assertThat(EnvironmentDockerfile.contextPaths(plan, "base"))
                .containsExactly("requirements.txt", "requirements/base.txt", "libs/seed", "postBuild",
                        "native/greet.c", "data");
        assertThat(EnvironmentDockerfile.contextPaths(plan, "dev"))
                .containsExactly("requirements.txt", "requirements/base.txt", "libs/seed", "requirements-dev.txt",
                        "postBuild", "native/greet.c", "data");
        assertThat(EnvironmentDockerfile.contextPaths(plan, "prod")).containsExactly(".");
    }

    @Test
    void theProjectLinesFilterRemovesOnlySelfReferences() throws Exception {
        // the sed expression of the generated Dockerfile, checked with the same regex in Java
        String ere = EnvironmentDockerfile.DROP_PROJECT_LINES.replaceFirst("^sed -i -E '/", "").replaceFirst("/d'$", "")
                .replace("[:space:]", "\\s");
        java.util.regex.Pattern p = java.util.regex.Pattern.compile(ere);
        for (String self : List.of(".", "-e .", "--editable .", "--editable=.", "./", "-e ./", "file:.", ".[dev]",
                "-e .[dev,test]  # the project", "  .  ")) {
            assertThat(p.matcher(self).find()).as(self).isTrue();
        }
        for (String other : List.of("./libs/seed", "-e ./libs/seed", "requests", "..", "-r base.txt", ".venv")) {
            assertThat(p.matcher(other).find()).as(other).isFalse();
        }
    }
}
