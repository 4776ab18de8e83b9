package dev.dockenv.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockenv.dockerfile.Instruction.Cmd;
import dev.dockenv.dockerfile.Instruction.Copy;
import dev.dockenv.dockerfile.Instruction.Env;
import dev.dockenv.dockerfile.Instruction.Run;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DockerfileRendererTest {
    private final DockerfileRenderer buildkit = new DockerfileRenderer(Dialect.BUILDKIT);
    private final DockerfileRenderer legacy = new DockerfileRenderer(Dialect.LEGACY);

    private static final Run PIP = new Run(List.of(Mount.Cache.at("/root/.cache/pip")),
            List.of("pip install -r requirements.txt"));

    @Test
    void runWithACacheMountKeepsTheMountForBuildKit() {
        assertThat(buildkit.render(PIP)).isEqualTo(
                "RUN --mount=type=cache,target=/root/.cache/pip \\\n    pip install -r requirements.txt");
    }

    @Test
    void legacyDialectDropsTheMountAndCleansItsTargetInTheSameStep() {
        assertThat(legacy.render(PIP)).isEqualTo(
                "RUN pip install -r requirements.txt \\\n    && rm -rf /root/.cache/pip");
    }

    @Test
    void secretsAreOptionalMountsThatTheLegacyDialectLeavesOut() {
        Run secret = new Run(List.of(new Mount.Secret("netrc", "/root/.netrc")), List.of("pip install x"));
        assertThat(buildkit.render(secret)).isEqualTo(
                "RUN --mount=type=secret,id=netrc,target=/root/.netrc \\\n    pip install x");
        assertThat(legacy.render(secret)).isEqualTo("RUN pip install x");
    }

    @Test
    void envValuesAreQuotedOnlyWhenNeededAndKeepVariables() {
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("PATH", "/opt/venv/bin:$PATH");
        vars.put("GREETING", "hello \"world\"");
        assertThat(buildkit.render(new Env(vars, false)))
                .isEqualTo("ENV PATH=/opt/venv/bin:$PATH \\\n    GREETING=\"hello \\\"world\\\"\"");
    }

    @Test
    void literalEnvValuesKeepDollarsAndBackslashes() {
        assertThat(buildkit.render(new Env(Map.of("SECRET_KEY", "p4$$w0rd$x\\y"), true)))
                .isEqualTo("ENV SECRET_KEY=\"p4\\$\\$w0rd\\$x\\\\y\"");
        assertThat(buildkit.render(new Env(Map.of("MODE", "dev"), true))).isEqualTo("ENV MODE=dev");
    }

    @Test
    void cmdIsAlwaysJsonForm() {
        assertThat(buildkit.render(new Cmd(List.of("python", "-c", "print(\"hi\")"))))
                .isEqualTo("CMD [\"python\", \"-c\", \"print(\\\"hi\\\")\"]");
    }

    @Test
    void copyUsesJsonFormForPathsWithSpaces() {
        assertThat(buildkit.render(Copy.of("requirements.txt", "requirements.txt")))
                .isEqualTo("COPY requirements.txt requirements.txt");
        assertThat(buildkit.render(new Copy(List.of("my reqs.txt"), "/app/", Optional.of("base"), Optional.empty())))
                .isEqualTo("COPY --from=base [\"my reqs.txt\", \"/app/\"]");
    }

    @Test
    void stagesAreSeparatedByABlankLineAndHeaderIsCommented() {
        Dockerfile d = new Dockerfile(List.of("generated", ""), List.of(
                Stage.builder("base", "python:3.11-slim").add(Run.of("true")).build(),
                Stage.builder("dev", "base").comment("nothing").build()));
        assertThat(buildkit.render(d)).isEqualTo("""
                # generated
                #

                FROM python:3.11-slim AS base
                RUN true

                FROM base AS dev
                # nothing
                """);
    }

    @Test
    void stageNamesMustBeUnique() {
        Stage a = Stage.builder("x", "scratch").build();
        assertThatThrownBy(() -> new Dockerfile(List.of(), List.of(a, a))).isInstanceOf(IllegalArgumentException.class);
    }
}
