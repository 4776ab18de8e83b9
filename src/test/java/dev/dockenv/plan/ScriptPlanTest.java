package dev.dockenv.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.dockenv.Golden;
import dev.dockenv.decision.InstallDecider;
import dev.dockenv.decision.InstallDecision;
import dev.dockenv.dockerfile.Dialect;
import dev.dockenv.dockerfile.DockerfileRenderer;
import dev.dockenv.errors.InputException;
import dev.dockenv.project.Project;
import dev.dockenv.project.ProjectScanner;
import dev.dockenv.script.InlineScriptReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A script with inline metadata scanned, decided and planned on its own, whatever its folder holds. */
class ScriptPlanTest {
    private static final String SCRIPT = """
            #!/usr/bin/env python3
            # /// script
            # requires-python = ">=3.10,<3.12"
            # dependencies = [
            #   "greeting>=1.0",
            #   "rich; python_version >= '3.8'",
            # ]
            # [tool.dockenv]
            # env = {GREETING_STYLE = "loud"}
            # ///
            import greeting
            print(greeting.hello())
            """;

    @TempDir
    Path tmp;

    private Project scan(String text) throws Exception {
        Path file = Files.writeString(tmp.resolve("fetch.py"), text);
        return ProjectScanner.scanScript(InlineScriptReader.read(file).orElseThrow());
    }

    @Test
    void theScriptsMetadataIsTheWholeEnvironment() throws Exception {
        // a project beside it is another environment (as uv runs a script with metadata: isolated)
        Files.writeString(tmp.resolve("requirements.txt"), "flask\n");
        Files.writeString(tmp.resolve("pyproject.toml"), "[project]\nname = \"other\"\ndependencies = [\"django\"]\n");
        Files.writeString(tmp.resolve(".python-version"), "3.13\n");
        Files.writeString(tmp.resolve("Pipfile"), "[packages]\nflask = \"*\"\n");
        Files.writeString(tmp.resolve("Dockerfile"), "FROM scratch\n");
        Project project = scan(SCRIPT);
        assertThat(project.root()).isEqualTo(tmp.toAbsolutePath().normalize());
        assertThat(project.name()).isEqualTo("fetch");
        assertThat(project.detected()).containsExactly("fetch.py (inline script metadata)");
        assertThat(project.requirements()).isEmpty();
        assertThat(project.pyproject()).isEmpty();
        assertThat(project.dockerfile()).isEmpty();
        // requires-python chooses the Python: 3.11, the newest known below dockenv's default that it admits
        assertThat(project.python().version().toString()).isEqualTo("3.11");
        assertThat(project.python().source().orElseThrow().line()).isEqualTo(3);

        InstallDecision decision = InstallDecider.decide(project, Map.of());
        assertThat(decision).isInstanceOf(InstallDecision.Requirements.class);
        var main = ((InstallDecision.Unlocked) decision).stages().main();
        assertThat(main.packages()).containsExactly("greeting>=1.0", "rich; python_version >= '3.8'");
        assertThat(main.origins()).containsExactly("fetch.py inline script metadata dependencies");
        assertThat(((InstallDecision.Unlocked) decision).stages().dev().isEmpty()).isTrue();
        assertThat(InstallDecider.lockFormat(project)).isEmpty();
    }

    @Test
    void aLockBesideTheScriptIsNotRead() throws Exception {
        Files.writeString(tmp.resolve("pylock.toml"), "this is not even TOML [");
        Project project = scan(SCRIPT);
        assertThat(InstallDecider.decide(project, Map.of())).isInstanceOf(InstallDecision.Requirements.class);
    }

    @Test
    void theDependenciesAreInstalledInTheBaseStage() throws Exception {
        Project project = scan(SCRIPT);
        String dockerfile = new DockerfileRenderer(Dialect.BUILDKIT)
                .render(EnvironmentDockerfile.compose(Plans.of(project), "0.0.0-test"));
        Golden.assertMatches("script.buildkit.Dockerfile", dockerfile);
        assertThat(dockerfile).contains("FROM python:3.11-slim", "greeting>=1.0", "GREETING_STYLE");
    }

    @Test
    void theDockenvPythonSettingMustAgreeWithRequiresPython() throws Exception {
        Throwable e = catchThrowable(() -> scan(SCRIPT.replace("# [tool.dockenv]\n", "# [tool.dockenv]\n# python = \"3.12\"\n")));
        assertThat(e).isInstanceOf(InputException.class);
        assertThat(((InputException) e).location().line()).isEqualTo(3);
        assertThat(e.getMessage()).contains("requires-python '>=3.10,<3.12' excludes Python 3.12");
    }

    @Test
    void withoutRequiresPythonTheDefaultPythonIsChosen() throws Exception {
        Project project = scan("# /// script\n# dependencies = []\n# ///\n");
        assertThat(project.python().source()).isEmpty();
        assertThat(InstallDecider.decide(project, Map.of())).isInstanceOf(InstallDecision.Requirements.class);
    }
}
