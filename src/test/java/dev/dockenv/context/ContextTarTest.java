package dev.dockenv.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockenv.errors.DockenvException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContextTarTest {

    private static final String LONG_NAME =
            "src/" + "a_rather_long_directory_name/".repeat(4) + "module_with_a_long_name.py";

    @TempDir
    Path root;

    @BeforeEach
    void project() throws IOException {
        write("pyproject.toml", "[project]\nname = \"demo\"\n");
        write("src/demo/__init__.py", "");
        write("bin/run.sh", "#!/bin/sh\necho hi\n");
        Files.setPosixFilePermissions(root.resolve("bin/run.sh"), PosixFilePermissions.fromString("rwxr-x---"));
        write(LONG_NAME, "x = 1\n");
        write("données/été.txt", "unicode\n");
        write("Dockerfile", "FROM scratch\n");
        Files.createSymbolicLink(root.resolve("current"), Path.of("src/demo"));
    }

    @Test
    void sameInputsGiveTheSameBytes() throws IOException {
        byte[] first = tarOf(ContextFiles.walk(root, IgnoreRules.none()));
        for (Path file : List.of(root.resolve("pyproject.toml"), root.resolve("src/demo"), root.resolve(LONG_NAME))) {
            Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2021-06-01T12:34:56.789Z")));
        }
        byte[] second = tarOf(ContextFiles.walk(root, IgnoreRules.none()));

        assertThat(second).isEqualTo(first);
    }

    @Test
    void writesNormalizedHeadersInOrder() throws IOException {
        byte[] tar = tarOf(ContextFiles.walk(root, IgnoreRules.none()));

        Map<String, TarArchiveEntry> entries = read(tar);

        assertThat(entries.keySet()).containsExactly("Dockerfile", "bin/", "bin/run.sh", "current", "données/",
                "données/été.txt", "generated/", "generated/Dockerfile", "pyproject.toml", "src/",
                "src/a_rather_long_directory_name/", "src/a_rather_long_directory_name/a_rather_long_directory_name/",
                "src/a_rather_long_directory_name/a_rather_long_directory_name/a_rather_long_directory_name/",
                "src/a_rather_long_directory_name/a_rather_long_directory_name/a_rather_long_directory_name/"
                        + "a_rather_long_directory_name/",
                LONG_NAME, "src/demo/", "src/demo/__init__.py");
        for (TarArchiveEntry e : entries.values()) {
            assertThat(e.getLongUserId()).isZero();
            assertThat(e.getLongGroupId()).isZero();
            assertThat(e.getUserName()).isEmpty();
            assertThat(e.getGroupName()).isEmpty();
            assertThat(e.getLastModifiedTime().toInstant()).isEqualTo(ContextTar.DEFAULT_MTIME);
        }
        assertThat(entries.get("pyproject.toml").getMode() & 07777).isEqualTo(0644);
        assertThat(entries.get("bin/run.sh").getMode() & 07777).isEqualTo(0755);
        assertThat(entries.get("bin/").isDirectory()).isTrue();
        assertThat(entries.get("bin/").getMode() & 07777).isEqualTo(0755);
        assertThat(entries.get("generated/").getMode() & 07777).isEqualTo(0755);
        assertThat(entries.get("current").isSymbolicLink()).isTrue();
        assertThat(entries.get("current").getLinkName()).isEqualTo("src/demo");
        assertThat(entries.get("generated/Dockerfile").getMode() & 07777).isEqualTo(0644);
    }

    @Test
    void carriesContentFromDiskAndMemory() throws IOException {
        ContextTar tar = ContextTar.builder()
                .addAll(ContextFiles.walk(root, IgnoreRules.none()))
                .addBytes("Dockerfile", "FROM python:3.12\n".getBytes(StandardCharsets.UTF_8))
                .build();

        Map<String, String> contents = contents(write(tar));

        assertThat(contents).containsEntry("Dockerfile", "FROM python:3.12\n")
                .containsEntry(LONG_NAME, "x = 1\n")
                .containsEntry("données/été.txt", "unicode\n")
                .containsEntry("bin/run.sh", "#!/bin/sh\necho hi\n");
    }

    @Test
    void addsMissingParentsBeforeChildren() {
        ContextTar tar = ContextTar.builder()
                .addBytes("b/c/d.txt", new byte[] {1})
                .addBytes("a.txt", new byte[0], true)
                .build();

        assertThat(tar.paths()).containsExactly("a.txt", "b", "b/c", "b/c/d.txt");
    }

    @Test
    void usesTheConfiguredTime() throws IOException {
        Instant mtime = Instant.parse("2024-02-29T10:00:00Z");
        ContextTar tar = ContextTar.builder().mtime(mtime).addBytes("f", new byte[0]).build();

        assertThat(read(write(tar)).get("f").getLastModifiedTime().toInstant()).isEqualTo(mtime);
    }

    @Test
    void leavesTheStreamOpen() throws IOException {
        boolean[] closed = {false};
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };

        ContextTar.builder().addBytes("f", new byte[] {42}).build().writeTo(out);

        assertThat(closed[0]).isFalse();
        assertThat(out.size() % 512).isZero();
        assertThat(contents(out.toByteArray())).containsEntry("f", "*");
    }

    @Test
    void refusesAFileThatChangedSinceItWasListed() throws IOException {
        ContextTar tar = ContextTar.builder().addAll(ContextFiles.walk(root, IgnoreRules.none())).build();
        write("pyproject.toml", "[project]\nname = \"a-much-longer-name\"\n");

        assertThatThrownBy(() -> tar.writeTo(new ByteArrayOutputStream()))
                .isInstanceOf(DockenvException.class)
                .hasMessageContaining("changed");
    }

    @Test
    void refusesAnEntryBelowAFile() {
        ContextTar.Builder builder = ContextTar.builder()
                .addBytes("a", new byte[0])
                .addBytes("a/b", new byte[0]);

        assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ContextTar.builder().addBytes("../escape", new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The folder form holds what the tar holds: the same paths, contents, modes, links and time. */
    @Test
    void writesTheSameEntriesAsAFolder(@TempDir Path folder) throws IOException {
        ContextTar tar = ContextTar.builder()
                .addAll(ContextFiles.walk(root, IgnoreRules.none()))
                .addBytes("generated/Dockerfile", "FROM python:3.12-slim\n".getBytes(StandardCharsets.UTF_8))
                .addBytes("generated/run", "#!/bin/sh\n".getBytes(StandardCharsets.UTF_8), true)
                .build();
        byte[] stream = write(tar);

        tar.writeToDirectory(folder);

        Map<String, TarArchiveEntry> entries = read(stream);
        List<String> written;
        try (var walk = Files.walk(folder)) {
            written = walk.filter(p -> !p.equals(folder))
                    .map(p -> folder.relativize(p).toString() + (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? "/" : ""))
                    .sorted().toList();
        }
        assertThat(written).containsExactlyInAnyOrderElementsOf(entries.keySet());
        Map<String, String> contents = contents(stream);
        for (TarArchiveEntry e : entries.values()) {
            Path p = folder.resolve(e.getName());
            assertThat(Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toInstant()).as(e.getName())
                    .isEqualTo(ContextTar.DEFAULT_MTIME);
            if (e.isSymbolicLink()) {
                assertThat(Files.readSymbolicLink(p)).hasToString(e.getLinkName());
                continue;
            }
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p))).as(e.getName())
                    .isEqualTo((e.getMode() & 0100) != 0 ? "rwxr-xr-x" : "rw-r--r--");
            if (e.isFile()) {
                assertThat(Files.readString(p)).as(e.getName()).isEqualTo(contents.get(e.getName()));
            }
        }
        assertThat(tar.fileBytes()).isEqualTo(contents.values().stream()
                .mapToLong(c -> c.getBytes(StandardCharsets.UTF_8).length).sum());
    }

    @Test
    void aFileThatChangedSinceItWasListedIsRefusedInAFolderToo(@TempDir Path folder) throws IOException {
        ContextTar tar = ContextTar.builder().addAll(ContextFiles.walk(root, IgnoreRules.none())).build();
        write("pyproject.toml", "[project]\nname = \"demo\"\nversion = \"2\"\n");

        assertThatThrownBy(() -> tar.writeToDirectory(folder))
                .isInstanceOf(DockenvException.class)
                .hasMessageContaining("pyproject.toml changed while the build context was being sent");
    }

    private byte[] tarOf(List<ContextEntry> entries) throws IOException {
        return write(ContextTar.builder()
                .addAll(entries)
                .addBytes("generated/Dockerfile", "FROM python:3.12-slim\n".getBytes(StandardCharsets.UTF_8))
                .build());
    }

    private static byte[] write(ContextTar tar) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        tar.writeTo(out);
        return out.toByteArray();
    }

    private static Map<String, TarArchiveEntry> read(byte[] tar) throws IOException {
        Map<String, TarArchiveEntry> entries = new LinkedHashMap<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar), "UTF-8")) {
            for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), e);
            }
        }
        return entries;
    }

    private static Map<String, String> contents(byte[] tar) throws IOException {
        Map<String, String> contents = new LinkedHashMap<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar), "UTF-8")) {
            for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.isFile()) {
                    contents.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return contents;
    }

    private void write(String path, String content) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
