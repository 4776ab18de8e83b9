package dev.dockenv.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DockerfileSummaryReaderTest {
    private static final String TEXT = """
            # syntax-free multi-stage file
            ARG PY=3.11
            FROM python:${PY}-slim AS base
            ARG PIP_INDEX_URL
            COPY requirements.txt \\
                 constraints.txt ./
            RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt

            FROM base as dev
            COPY ["requirements-dev.txt", "/app/"]
            RUN pip install -r /app/requirements-dev.txt

            FROM base AS build
            COPY --chown=1000 src/ /app/src/
            ADD https://example.org/tool.tar.gz /opt/

            FROM python:3.11-slim AS prod
            COPY --from=build /app /app
            COPY *.toml /app/
            """;

    private final DockerfileSummary summary = DockerfileSummaryReader.read(Path.of("Dockerfile"), TEXT);

    @Test
    void readsStagesArgsAndSources() {
        assertThat(summary.stageNames()).containsExactly("base", "dev", "build", "prod");
        assertThat(summary.argNames()).contains("PY", "PIP_INDEX_URL");
        assertThat(summary.stage("base").orElseThrow().contextSources()).containsExactly("requirements.txt", "constraints.txt");
        assertThat(summary.stage("build").orElseThrow().contextSources()).containsExactly("src/");
    }

    @Test
    void followsStagesATargetNeeds() {
        assertThat(summary.contextSourcesFor(Optional.of("dev")).orElseThrow())
                .containsExactlyInAnyOrder("requirements-dev.txt", "requirements.txt", "constraints.txt");
        assertThat(summary.contextSourcesFor(Optional.empty()).orElseThrow())
                .containsExactlyInAnyOrder("*.toml", "src/", "requirements.txt", "constraints.txt");
    }

    @Test
    void heredocBodiesAreNotInstructions() {
        DockerfileSummary s = DockerfileSummaryReader.read(Path.of("Dockerfile"), """
                FROM python:3.11-slim AS base
                RUN <<PY python3
                from os import path
                COPY this is not an instruction
                PY
                COPY <<-EOF /etc/motd
                \tfrom somewhere
                \tEOF
                COPY app.py /app/
                """);
        assertThat(s.stageNames()).containsExactly("base");
        assertThat(s.stage("base").orElseThrow().contextSources()).containsExactly("app.py");
    }

    @Test
    void aVariableInASourceMeansTheWholeContext() {
        DockerfileSummary s = DockerfileSummaryReader.read(Path.of("Dockerfile"),
                "FROM alpine\nARG F=a.txt\nCOPY $F /x\n");
        assertThat(s.contextSourcesFor(Optional.empty())).isEmpty();
        assertThat(s.stage("0")).isPresent();
        assertThat(List.copyOf(s.argNames())).containsExactly("F");
    }

    @Test
    void aBindMountFromTheContextReadsItsSourceOnly() {
        DockerfileSummary s = DockerfileSummaryReader.read(Path.of("Dockerfile"), """
                FROM python:3.11-slim AS base
                COPY postBuild postBuild
                RUN --mount=type=bind,source=native/greet.c,target=/app/native/greet.c,rw \\
                    --mount=type=cache,target=/root/.cache/pip \\
                    ./postBuild
                RUN --mount=type=bind,from=base,source=/opt,target=/mnt true
                FROM base AS dev
                RUN --mount=target=/ctx ls /ctx
                FROM base AS var
                RUN --mount=type=bind,source=$DIR,target=/x true
                """);
        assertThat(s.contextSourcesFor(Optional.of("base"))).contains(List.of("postBuild", "native/greet.c"));
        assertThat(s.contextSourcesFor(Optional.of("dev"))).as("a bind mount without source is the whole context")
                .contains(List.of(".", "postBuild", "native/greet.c"));
        assertThat(s.contextSourcesFor(Optional.of("var"))).as("a variable: the whole context").isEmpty();
    }
}
