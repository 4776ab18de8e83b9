package dev.dockenv.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lock's file and its release; that a second process waits is shown on the real engine
 * (RunIT: ten concurrent first runs make one build), since a JVM cannot lock a file against itself.
 */
class BuildLockTest {
    @TempDir
    Path cache;

    @Test
    void oneLockFilePerImageReleasedOnClose() {
        AtomicInteger waits = new AtomicInteger();
        try (BuildLock lock = BuildLock.acquire(cache, "dockenv-shop:dev-0123456789ab", waits::incrementAndGet)) {
            assertThat(lock.waited()).isFalse();
        }
        try (BuildLock again = BuildLock.acquire(cache, "dockenv-shop:dev-0123456789ab", waits::incrementAndGet)) {
            assertThat(again.waited()).isFalse();
        }
        try (BuildLock other = BuildLock.acquire(cache, "dockenv-shop:prod-0123456789ab", waits::incrementAndGet)) {
            assertThat(other.waited()).isFalse();
        }
        assertThat(waits).hasValue(0);
        assertThat(cache.resolve("locks")).isDirectoryContaining(p -> p.toString().endsWith(".lock"));
        assertThat(cache.resolve("locks").toFile().list()).hasSize(2);
    }

    @Test
    void aCacheWhereNoLockCanBeMadeOnlyLosesTheCoordination() throws Exception {
        Path file = Files.writeString(cache.resolve("not-a-folder"), "x");
        try (BuildLock lock = BuildLock.acquire(file, "dockenv-shop:dev-0123456789ab", () -> { })) {
            assertThat(lock.waited()).isFalse();
        }
    }
}
