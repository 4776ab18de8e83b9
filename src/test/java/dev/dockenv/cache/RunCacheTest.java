package dev.dockenv.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCacheTest {
    @TempDir
    Path tmp;
    Path requirements;
    Path absent;
    final ResolvedRun run = new ResolvedRun("dockenv-x:dev-0123456789ab", "x", List.of("8000"),
            List.of("python", "-c", "print('a\\nb')"));

    @BeforeEach
    void setUp() throws Exception {
        requirements = Files.writeString(tmp.resolve("requirements.txt"), "flask\n");
        absent = tmp.resolve("requirements-dev.txt");
    }

    private RunCache cache(String key) {
        return new RunCache(tmp.resolve("cache"), key);
    }

    @Test
    void unchangedInputsGiveTheStoredResolution() {
        cache("k").store(run, RunCache.stamp(List.of(requirements, absent)));
        assertThat(cache("k").lookup()).contains(run);
    }

    @Test
    void anotherKeyMisses() {
        cache("k").store(run, RunCache.stamp(List.of(requirements)));
        assertThat(cache("other").lookup()).isEmpty();
    }

    @Test
    void aChangedFileMisses() throws Exception {
        cache("k").store(run, RunCache.stamp(List.of(requirements)));
        Files.writeString(requirements, "flask==3.0\n");
        Files.setLastModifiedTime(requirements, FileTime.from(Instant.now().plusSeconds(5)));
        assertThat(cache("k").lookup()).isEmpty();
    }

    @Test
    void aFileThatAppearsMisses() throws Exception {
        cache("k").store(run, RunCache.stamp(List.of(requirements, absent)));
        Files.writeString(absent, "pytest\n");
        assertThat(cache("k").lookup()).isEmpty();
    }

    @Test
    void anInputEditedWhileBuildingIsNotStored() throws Exception {
        List<FileStamp> before = RunCache.stamp(List.of(requirements));
        Files.writeString(requirements, "flask==3.0\n");
        Files.setLastModifiedTime(requirements, FileTime.from(Instant.now().plusSeconds(5)));
        cache("k").store(run, before);
        assertThat(cache("k").lookup()).isEmpty();
    }

    @Test
    void aCorruptCacheFileIsAMiss() throws Exception {
        cache("k").store(run, RunCache.stamp(List.of(requirements)));
        try (var files = Files.list(tmp.resolve("cache"))) {
            Path file = files.findFirst().orElseThrow();
            Files.writeString(file, "dockenv-run-cache 1\ngarbage");
        }
        assertThat(cache("k").lookup()).isEmpty();
    }
}
