package dev.dockenv.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuildLogTest {
    private final List<String> steps = new ArrayList<>();
    private final BuildProgress recorder = new BuildProgress() {
        @Override
        public void step(String description) {
            steps.add(description);
        }

        @Override
        public void line(String line) {
        }
    };

    @Test
    void buildKitFailureReportsTheFailingStepAndItsOwnOutput() {
        BuildLog log = new BuildLog(recorder);
        String out = """
                #1 [internal] load build definition from Dockerfile
                #1 transferring dockerfile: 512B done
                #1 DONE 0.0s
                #5 [base 2/6] RUN python3 -m venv /opt/venv
                #5 CACHED
                #8 [base 5/6] RUN --mount=type=cache,target=/root/.cache/pip     pip install -r requirements.txt
                #8 0.712 Looking in indexes: http://127.0.0.1:4000/simple
                #9 [dev 1/1] RUN true
                #8 1.020 ERROR: Could not find a version that satisfies the requirement nosuch==1.0 (from versions: none)
                #8 1.021 ERROR: No matching distribution found for nosuch==1.0
                #8 ERROR: executor failed running [/bin/sh -c pip install -r requirements.txt]: exit code: 1
                ------
                 > [base 5/6] RUN --mount=type=cache,target=/root/.cache/pip     pip install -r requirements.txt:
                ------
                executor failed running [/bin/sh -c pip install -r requirements.txt]: exit code: 1
                """;
        out.lines().forEach(log::accept);
        BuildFailedException failure = log.failure(1).orElseThrow();
        assertThat(failure.step()).startsWith("[base 5/6] RUN");
        assertThat(failure.stepOutput()).containsExactly("Looking in indexes: http://127.0.0.1:4000/simple",
                "ERROR: Could not find a version that satisfies the requirement nosuch==1.0 (from versions: none)",
                "ERROR: No matching distribution found for nosuch==1.0");
        assertThat(failure.getMessage()).contains("exit code: 1");
        assertThat(steps).containsExactly("[base 2/6] RUN python3 -m venv /opt/venv",
                "[base 5/6] RUN --mount=type=cache,target=/root/.cache/pip     pip install -r requirements.txt",
                "[dev 1/1] RUN true");
    }

    @Test
    void legacyFailureReportsTheLastStep() {
        BuildLog log = new BuildLog(recorder);
        String out = """
                Step 1/4 : FROM python:3.11-slim AS base
                 ---> 1234567890ab
                Step 2/4 : RUN pip install nosuch
                 ---> Running in 0a1b2c3d4e5f
                ERROR: No matching distribution found for nosuch
                The command '/bin/sh -c pip install nosuch' returned a non-zero code: 1
                """;
        out.lines().forEach(log::accept);
        BuildFailedException failure = log.failure(1).orElseThrow();
        assertThat(failure.step()).isEqualTo("RUN pip install nosuch");
        assertThat(failure.stepOutput()).containsExactly("ERROR: No matching distribution found for nosuch");
        assertThat(steps).containsExactly("[1/4] FROM python:3.11-slim AS base", "[2/4] RUN pip install nosuch");
    }

    @Test
    void successHasNoFailure() {
        BuildLog log = new BuildLog(recorder);
        log.accept("#1 [internal] load .dockerignore");
        assertThat(log.failure(0)).isEmpty();
    }

    @Test
    void failureWithoutAStepKeepsTheLastLines() {
        BuildLog log = new BuildLog(recorder);
        log.accept("Cannot connect to the Docker daemon at unix:///nope.sock. Is the docker daemon running?");
        BuildFailedException failure = log.failure(1).orElseThrow();
        assertThat(failure.step()).isEmpty();
        assertThat(failure.stepOutput()).hasSize(1);
    }
}
