package dev.dockenv.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The real process runner's bounded wait, on real processes. */
class LocalProcessRunnerTest {
    private final LocalProcessRunner runner = new LocalProcessRunner();

    @Test
    void aProcessThatEndsInTimeAnswers() throws Exception {
        assertThat(runner.runWithin(List.of("sh", "-c", "echo out; echo err >&2; exit 3"), Map.of(),
                Duration.ofSeconds(20))).hasValueSatisfying(r -> {
                    assertThat(r.exitCode()).isEqualTo(3);
                    assertThat(r.stdout()).isEqualTo("out\n");
                    assertThat(r.stderr()).isEqualTo("err\n");
                });
    }

    @Test
    void aProcessThatDoesNotEndInTimeIsStoppedAndGivesNoAnswer() throws Exception {
        long start = System.nanoTime();
        assertThat(runner.runWithin(List.of("sleep", "30"), Map.of(), Duration.ofMillis(300))).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }
}
