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

    @Test
    void aFailureOfTheInputIsReportedAsItselfNotAsTheClosedStreamOfTheProcessItStopped() {
        IllegalStateException changed = new IllegalStateException("app.log changed while the build context was being sent");
        // the output is read slower than the input fails: the process is stopped and its output closed
        // before the reader asks for the next line
        for (int i = 0; i < 3; i++) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new LocalProcessRunner().stream(
                    java.util.List.of("sh", "-c", "while read -r l; do echo \"$l\"; done"), java.util.Map.of(), out -> {
                        out.write("first line\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                        out.flush();
                        try {
                            Thread.sleep(20);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        throw changed;
                    }, line -> {
                        try {
                            Thread.sleep(300);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }))
                    .isInstanceOf(java.util.concurrent.CompletionException.class).hasCause(changed);
        }
    }
}
