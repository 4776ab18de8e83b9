package dev.dockenv.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.dockerfile.Instruction.Copy;
import dev.dockenv.dockerfile.Instruction.Run;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The stages a target builds on: its FROM chain, the stages it copies or mounts from, and theirs. */
class DockerfileStagesForTest {
    private static Stage stage(String name, String from, Instruction... instructions) {
        Stage.Builder b = Stage.builder(name, from);
        for (Instruction i : instructions) {
            b.add(i);
        }
        return b.build();
    }

    private static Copy copyFrom(String stage) {
        return new Copy(List.of("/out/"), "/app/", Optional.of(stage), Optional.empty());
    }

    private static Run mountFrom(String stage) {
        return new Run(List.of(Mount.Cache.at("/root/.cache/pip"), new Mount.Bind(stage, "/dist", "/tmp/dist")),
                List.of("pip install /tmp/dist/*.whl"));
    }

    /** system, deps-1, base (copies deps-1), dev, wheel, prod (mounts wheel), two apps, and a stage nothing uses. */
    private static final Dockerfile FILE = new Dockerfile(List.of("a header"), List.of(
            stage("system", "python:3.11-slim", Run.of("python3 -m venv /opt/venv")),
            stage("deps-1", "system", Run.of("pip install --prefix /layer x")),
            stage("base", "system", copyFrom("deps-1")),
            stage("dev", "base", Run.of("pip install pytest")),
            stage("wheel", "system", Run.of("pip wheel .")),
            stage("prod", "base", mountFrom("wheel")),
            stage("api-env", "base", Run.of("pip install flask")),
            stage("api-dev", "api-env", Run.of("pip install pytest")),
            stage("api-files", "system", Copy.of("project", "/src"), Run.of("rm -rf /src/worker")),
            stage("api-prod", "api-env", mountFrom("wheel"), copyFrom("api-files")),
            stage("worker-env", "base", Run.of("pip install celery")),
            stage("worker-prod", "worker-env", copyFrom("api-files")),
            stage("unused", "busybox", Run.of("true"))));

    private static List<String> names(List<Stage> stages) {
        return stages.stream().map(Stage::name).toList();
    }

    @Test
    void theFromChainAndTheStagesCopiedFromInFileOrder() {
        assertThat(names(FILE.stagesFor("api-dev"))).containsExactly("system", "deps-1", "base", "api-env", "api-dev");
        assertThat(names(FILE.stagesFor("base"))).containsExactly("system", "deps-1", "base");
        assertThat(names(FILE.stagesFor("system"))).as("FROM an image: no stage").containsExactly("system");
    }

    @Test
    void aStageMountedInARunAndAStageCopiedFromCount() {
        assertThat(names(FILE.stagesFor("prod"))).containsExactly("system", "deps-1", "base", "wheel", "prod");
        assertThat(names(FILE.stagesFor("api-prod")))
                .containsExactly("system", "deps-1", "base", "wheel", "api-env", "api-files", "api-prod");
        assertThat(names(FILE.stagesFor("worker-prod")))
                .containsExactly("system", "deps-1", "base", "api-files", "worker-env", "worker-prod");
    }

    @Test
    void anUnknownTargetIsEveryStage() {
        assertThat(FILE.stagesFor("nope")).isEqualTo(FILE.stages());
        assertThat(FILE.stagesFor("python:3.11-slim")).as("an image, not a stage").isEqualTo(FILE.stages());
    }

    @Test
    void aStageAppearsOnceEvenWhenReachedTwice() {
        Dockerfile diamond = new Dockerfile(List.of(), List.of(
                stage("a", "scratch"),
                stage("b", "a"),
                stage("c", "a", copyFrom("b")),
                stage("d", "c", copyFrom("b"), mountFrom("a"))));
        assertThat(names(diamond.stagesFor("d"))).containsExactly("a", "b", "c", "d");
        assertThat(names(diamond.stagesFor("b"))).containsExactly("a", "b");
    }
}
