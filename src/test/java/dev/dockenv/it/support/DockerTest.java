package dev.dockenv.it.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The parts of Docker and Exec that need no engine. */
class DockerTest {

    @Test
    void parsesLabelJson() {
        assertThat(Docker.parseStringMap("null")).isEmpty();
        assertThat(Docker.parseStringMap("{}")).isEmpty();
        assertThat(Docker.parseStringMap("{\"a\":\"1\", \"dev.dockenv.hash\" : \"x\\\"y\\\\z\\n\\u00e9\"}\n"))
                .containsExactly(Map.entry("a", "1"), Map.entry("dev.dockenv.hash", "x\"y\\z\né"));
        assertThatThrownBy(() -> Docker.parseStringMap("{\"a\":1}")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parsesOneJsonString() {
        assertThat(Docker.parseString("\"CMD [\\\"bash\\\" \\\"run.sh\\\"]\\tx\\u00e9\"\n"))
                .isEqualTo("CMD [\"bash\" \"run.sh\"]\tx\u00e9");
        assertThat(Docker.parseString("\"\"")).isEmpty();
        assertThatThrownBy(() -> Docker.parseString("\"a\" b")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("text after the JSON string");
        assertThatThrownBy(() -> Docker.parseString("a")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void clientHonoursDockenvDocker() {
        String env = System.getenv("DOCKENV_DOCKER");
        assertThat(Docker.client()).isEqualTo(env == null || env.isBlank() ? "docker" : env.strip());
        assertThat(Docker.command(List.of("ps"))).containsExactly(Docker.client(), "ps");
    }

    @Test
    void execCapturesBothStreamsAndTheExitCode() {
        ProcessResult r = Exec.of("sh", "-c", "echo out; echo err >&2; cat; exit 3").stdin("in\n").env("X", "1").run();
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.stdout()).isEqualTo("out\nin\n");
        assertThat(r.stderr()).isEqualTo("err\n");
        assertThat(r.ok()).isFalse();
        assertThatThrownBy(r::assertOk).isInstanceOf(AssertionError.class).hasMessageContaining("exit code 3");
    }

    @Test
    void execKillsAProcessThatRunsPastItsTimeout() {
        ProcessResult r = Exec.of("sh", "-c", "echo started; sleep 30").timeout(Duration.ofMillis(500)).run();
        assertThat(r.timedOut()).isTrue();
        assertThat(r.ok()).isFalse();
        assertThat(r.stdout()).isEqualTo("started\n");
        assertThat(r.elapsed()).isLessThan(Duration.ofSeconds(15));
    }
}
