package dev.dockenv.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockenv.dockerfile.Instruction.Arg;
import dev.dockenv.dockerfile.Instruction.Comment;
import dev.dockenv.dockerfile.Instruction.Copy;
import dev.dockenv.dockerfile.Instruction.Env;
import dev.dockenv.dockerfile.Instruction.Label;
import dev.dockenv.dockerfile.Instruction.Run;
import dev.dockenv.dockerfile.Instruction.User;
import dev.dockenv.dockerfile.Instruction.Workdir;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** No value given to the model can render as a line that starts an instruction of its own (issue 8). */
class InstructionSafetyTest {
    private static final String INJECTED = "python:3.11-slim AS pre\nRUN echo INJECTED > /injected.txt\nFROM pre";

    static Stream<Arguments> valuesThatWouldBreakOut() {
        return Stream.of(
                Arguments.of("FROM", (Supplier<Object>) () -> new Stage("base", INJECTED, List.of())),
                Arguments.of("FROM with a space", (Supplier<Object>) () -> new Stage("base", "python:3.11 AS x", List.of())),
                Arguments.of("FROM empty", (Supplier<Object>) () -> new Stage("base", "", List.of())),
                Arguments.of("stage name", (Supplier<Object>) () -> new Stage("base\nRUN x", "python:3.11", List.of())),
                Arguments.of("ENV value", (Supplier<Object>) () -> new Env(Map.of("A", "x\nRUN echo INJECTED"), true)),
                Arguments.of("ENV value with CR", (Supplier<Object>) () -> Env.of("A", "x\rRUN echo INJECTED")),
                Arguments.of("ENV name", (Supplier<Object>) () -> Env.of("A=1\nRUN x", "y")),
                Arguments.of("ARG name", (Supplier<Object>) () -> new Arg("A\nRUN x", Optional.empty())),
                Arguments.of("ARG default", (Supplier<Object>) () -> new Arg("A", Optional.of("1\nRUN x"))),
                Arguments.of("LABEL key", (Supplier<Object>) () -> new Label(Map.of("a b", "x"))),
                Arguments.of("LABEL value", (Supplier<Object>) () -> new Label(Map.of("a", "x\nRUN y"))),
                Arguments.of("RUN command", (Supplier<Object>) () -> Run.of("echo one\nRUN echo INJECTED")),
                Arguments.of("RUN continued", (Supplier<Object>) () -> Run.of("echo one \\")),
                Arguments.of("RUN empty", (Supplier<Object>) () -> Run.of(" ")),
                Arguments.of("RUN heredoc", (Supplier<Object>) () -> Run.of("cat <<EOF")),
                Arguments.of("RUN heredoc with dash", (Supplier<Object>) () -> Run.of("cat 0<<-'END' > /x")),
                Arguments.of("WORKDIR", (Supplier<Object>) () -> new Workdir("/app\nRUN x")),
                Arguments.of("USER", (Supplier<Object>) () -> new User("app\nRUN x")),
                Arguments.of("COPY --from", (Supplier<Object>) () -> new Copy(List.of("a"), "/b", Optional.of("x\nRUN y"),
                        Optional.empty())),
                Arguments.of("COPY --chown", (Supplier<Object>) () -> new Copy(List.of("a"), "/b", Optional.empty(),
                        Optional.of("1 --from=x"))),
                Arguments.of("cache mount", (Supplier<Object>) () -> Mount.Cache.at("/c\nRUN x")),
                Arguments.of("secret mount", (Supplier<Object>) () -> new Mount.Secret("netrc,target=/x", "/root/.netrc")),
                Arguments.of("bind mount", (Supplier<Object>) () -> new Mount.Bind("wheel", "/w w", "/wheels")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valuesThatWouldBreakOut")
    void theModelRefusesWhatWouldBreakOutOfItsInstruction(String what, Supplier<Object> build) {
        assertThatThrownBy(build::get).as(what).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theInjectedBaseImageIsNamedInTheError() {
        assertThatThrownBy(() -> new Stage("base", INJECTED, List.of()))
                .hasMessage("'python:3.11-slim AS pre\\nRUN echo INJECTED > /injected.txt\\nFROM pre' is not an image "
                        + "reference: it holds a line break");
        assertThatThrownBy(() -> new Env(Map.of("A", "x\nRUN y"), true))
                .hasMessage("the value of ENV A cannot hold a line break (it would start a new Dockerfile instruction):"
                        + " 'x\\nRUN y'");
    }

    @Test
    void commentsAndHeaderLinesWithLineBreaksStayComments() {
        Dockerfile file = new Dockerfile(List.of("Environment of shop\nRUN echo INJECTED"),
                List.of(new Stage("base", "python:3.11-slim", List.of(new Comment("one\r\nFROM evil\rtwo\n")))));
        String text = new DockerfileRenderer(Dialect.BUILDKIT).render(file);
        assertThat(text).isEqualTo("# Environment of shop\n# RUN echo INJECTED\n\nFROM python:3.11-slim AS base\n"
                + "# one\n# FROM evil\n# two\n#\n");
        assertThat(text.lines().filter(l -> !l.isEmpty() && !l.startsWith("#"))).containsExactly(
                "FROM python:3.11-slim AS base");
    }

    @Test
    void pathsWithLineBreaksAreWrittenAsJsonWhichHoldsThemFaithfully() {
        assertThat(new DockerfileRenderer(Dialect.BUILDKIT).render(Copy.of("odd\nname.txt", "/app/")))
                .isEqualTo("COPY [\"odd\\nname.txt\", \"/app/\"]");
    }

    @Test
    void ordinaryValuesStillRender() {
        DockerfileRenderer r = new DockerfileRenderer(Dialect.BUILDKIT);
        assertThat(r.render(new Env(Map.of("A", "tab\there \"q\" back\\"), true)))
                .isEqualTo("ENV A=\"tab\there \\\"q\\\" back\\\\\"");
        assertThat(r.render(new User("$MAMBA_USER"))).isEqualTo("USER $MAMBA_USER");
        assertThat(r.render(Run.of("echo a\\\\"))).isEqualTo("RUN echo a\\\\");
        assertThat(r.render(Run.of("cat <<< here", "echo $((1 << 2))"))).isEqualTo(
                "RUN cat <<< here \\\n    && echo $((1 << 2))");
        assertThat(new Stage("dev", "registry.example.org:5000/team/python:3.11@sha256:"
                + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", List.of()).from()).startsWith("registry");
    }
}
