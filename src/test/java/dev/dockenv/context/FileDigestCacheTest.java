package dev.dockenv.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileDigestCacheTest {

    private static final FileTime LONG_AGO = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));

    @TempDir
    Path dir;

    private Path file;
    private Path store;

    @BeforeEach
    void setUp() throws IOException {
        file = dir.resolve("project/app.py");
        store = dir.resolve("state/digests.txt");
        Files.createDirectories(file.getParent());
        writeSettled(file, "one\n");
    }

    @Test
    void computesTheContentDigest() {
        assertThat(new FileDigestCache(store).sha256(file)).isEqualTo(ContentDigest.sha256(file));
    }

    @Test
    void reusesAStoredDigestWhileSizeAndTimeAreUnchanged() throws IOException {
        FileDigestCache first = new FileDigestCache(store);
        String original = first.sha256(file);
        first.save();
        assertThat(store).exists();

        writeSettled(file, "two\n");
        String fromStore = new FileDigestCache(store).sha256(file);

        assertThat(fromStore).as("same size and time: the file is not read again").isEqualTo(original);
    }

    @Test
    void readsAgainAfterAChange() throws IOException {
        FileDigestCache cache = new FileDigestCache(store);
        String original = cache.sha256(file);
        cache.save();

        Files.writeString(file, "changed\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2020-01-02T00:00:00Z")));
        FileDigestCache warm = new FileDigestCache(store);

        assertThat(warm.sha256(file)).isNotEqualTo(original).isEqualTo(ContentDigest.sha256(file));
        writeSettled(file, "other\n");
        assertThat(warm.sha256(file)).isEqualTo(ContentDigest.sha256(file));
    }

    @Test
    void doesNotRememberAFileModifiedJustNow() throws IOException {
        Files.writeString(file, "fresh\n");
        FileDigestCache cache = new FileDigestCache(store);

        cache.sha256(file);
        cache.save();

        assertThat(store).doesNotExist();
    }

    @Test
    void savesOnlyWhenSomethingChanged() throws IOException {
        FileDigestCache cache = new FileDigestCache(store);
        cache.sha256(file);
        cache.save();
        Files.delete(store);

        cache.sha256(file);
        cache.save();
        new FileDigestCache(store).save();

        assertThat(store).doesNotExist();
    }

    @Test
    void storesOneLinePerFileAndSurvivesOddNames() throws IOException {
        Path odd = dir.resolve("project/tab\there\\and\nnewline.py");
        writeSettled(odd, "odd\n");
        FileDigestCache cache = new FileDigestCache(store);
        String expected = cache.sha256(odd);
        cache.sha256(file);
        cache.save();

        List<String> lines = Files.readAllLines(store);
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).isEqualTo("dockenv-file-digests 1");
        assertThat(lines.get(3)).isEqualTo("end 2");

        writeSettled(odd, "ODD\n");
        assertThat(new FileDigestCache(store).sha256(odd)).isEqualTo(expected);
    }

    @Test
    void ignoresACorruptOrTruncatedStore() throws IOException {
        FileDigestCache cache = new FileDigestCache(store);
        cache.sha256(file);
        cache.save();
        List<String> lines = Files.readAllLines(store);
        String truncated = String.join("\n", lines.subList(0, lines.size() - 1)) + "\n";

        for (String bad : List.of(truncated, "garbage", "", "dockenv-file-digests 1\nnot a record\nend 1\n")) {
            Files.writeString(store, bad, StandardCharsets.UTF_8);
            writeSettled(file, "two\n");
            FileDigestCache fresh = new FileDigestCache(store);

            assertThat(fresh.sha256(file)).as(bad).isEqualTo(ContentDigest.sha256(file));
            writeSettled(file, "one\n");
        }
        Files.write(store, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
        assertThat(new FileDigestCache(store).sha256(file)).isEqualTo(ContentDigest.sha256(file));
    }

    @Test
    void dropsFilesThatNoLongerExist() throws IOException {
        Path gone = dir.resolve("project/gone.py");
        writeSettled(gone, "bye\n");
        FileDigestCache cache = new FileDigestCache(store);
        cache.sha256(gone);
        cache.sha256(file);
        Files.delete(gone);

        cache.save();

        assertThat(Files.readAllLines(store)).hasSize(3).noneMatch(l -> l.contains("gone.py"));
    }

    /** Writes content and dates it back, so the cache trusts its size and time. */
    private static void writeSettled(Path target, String content) throws IOException {
        Files.writeString(target, content, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(target, LONG_AGO);
    }
}
