package dev.dockenv.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentDigestTest {

    @TempDir
    Path root;

    @BeforeEach
    void project() throws IOException {
        Files.createDirectories(root.resolve("src"));
        Files.writeString(root.resolve("src/app.py"), "print('hi')\n");
        Files.writeString(root.resolve("run.sh"), "#!/bin/sh\n");
        Files.createSymbolicLink(root.resolve("current"), Path.of("src"));
    }

    @Test
    void isAHexSha256() {
        assertThat(ContentDigest.builder().add("a", "b").build()).matches("[0-9a-f]{64}");
    }

    @Test
    void fieldsAreLengthPrefixed() {
        String abc = ContentDigest.builder().add("x", "ab").add("y", "c").build();
        String aBc = ContentDigest.builder().add("x", "a").add("y", "bc").build();
        String labels = ContentDigest.builder().add("xa", "b").add("y", "c").build();

        assertThat(abc).isNotEqualTo(aBc).isNotEqualTo(labels);
        assertThat(ContentDigest.builder().add("x", "ab").add("y", "c").build()).isEqualTo(abc);
    }

    @Test
    void orderMatters() {
        assertThat(ContentDigest.builder().add("a", "1").add("b", "2").build())
                .isNotEqualTo(ContentDigest.builder().add("b", "2").add("a", "1").build());
    }

    @Test
    void changesWithContentButNotWithModificationTime() throws IOException {
        String before = digestOfTree();

        Files.setLastModifiedTime(root.resolve("src/app.py"), FileTime.from(Instant.parse("2001-01-01T00:00:00Z")));
        assertThat(digestOfTree()).isEqualTo(before);

        Files.writeString(root.resolve("src/app.py"), "print('bye')\n");
        assertThat(digestOfTree()).isNotEqualTo(before);
    }

    @Test
    void changesWithTheExecutableBit() throws IOException {
        String before = digestOfTree();

        Files.setPosixFilePermissions(root.resolve("run.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));

        assertThat(digestOfTree()).isNotEqualTo(before);
    }

    @Test
    void changesWithASymlinkTarget() throws IOException {
        String before = digestOfTree();

        Files.delete(root.resolve("current"));
        Files.createSymbolicLink(root.resolve("current"), Path.of("src/app.py"));

        assertThat(digestOfTree()).isNotEqualTo(before);
    }

    @Test
    void changesWithAnAddedEmptyDirectory() throws IOException {
        String before = digestOfTree();

        Files.createDirectories(root.resolve("empty"));

        assertThat(digestOfTree()).isNotEqualTo(before);
    }

    @Test
    void digestsAFileByContentAndMode() throws IOException {
        Path file = root.resolve("run.sh");
        String plain = ContentDigest.builder().addFile("run.sh", file).build();

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        String executable = ContentDigest.builder().addFile("run.sh", file).build();

        assertThat(executable).isNotEqualTo(plain);
        assertThat(ContentDigest.builder().addFile("other.sh", file).build()).isNotEqualTo(executable);
        assertThat(ContentDigest.builder().add("run.sh", Files.readAllBytes(file)).build()).isNotEqualTo(executable);
    }

    @Test
    void givesTheSameDigestWithACache() {
        FileDigestCache cache = new FileDigestCache(root.resolve("cache/digests"));
        var entries = ContextFiles.walk(root, IgnoreRules.of("cache"));

        String uncached = ContentDigest.builder().addEntries(entries).add("python", "3.12").build();
        String cached = ContentDigest.builder(cache).addEntries(entries).add("python", "3.12").build();

        assertThat(cached).isEqualTo(uncached);
    }

    @Test
    void fileContentDigestIsPlainSha256() throws IOException {
        Path file = root.resolve("hello.txt");
        Files.write(file, "hello\n".getBytes(StandardCharsets.UTF_8));

        assertThat(ContentDigest.sha256(file))
                .isEqualTo("5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03");
    }

    private String digestOfTree() {
        return ContentDigest.builder().addEntries(ContextFiles.walk(root, IgnoreRules.none())).build();
    }
}
