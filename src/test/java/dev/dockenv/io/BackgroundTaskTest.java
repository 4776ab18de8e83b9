package dev.dockenv.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class BackgroundTaskTest {
    @Test
    void theWorksValueOnADaemonThreadOfItsName() {
        var future = BackgroundTask.start("dockenv-test-task",
                () -> Thread.currentThread().getName() + " " + Thread.currentThread().isDaemon());

        assertThat(future.join()).isEqualTo("dockenv-test-task true");
    }

    @Test
    void theWorksFailureIsTheFutures() {
        IllegalStateException failure = new IllegalStateException("engine gone");
        var future = BackgroundTask.start("dockenv-test-task", () -> {
            throw failure;
        });

        assertThatThrownBy(future::join).isInstanceOf(CompletionException.class).hasCause(failure);
    }
}
