package dev.dockenv.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockenv.errors.ExitCode;
import dev.dockenv.errors.FileAccessException;
import dev.dockenv.errors.InputException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Failures name the file dockenv was writing or reading, never its temporary file, with the system's reason. */
class AtomicFilesTest {
    @TempDir
    Path tmp;

    @Test
    void writesWholeFilesAndKeepsTheirMode() throws IOException {
        Path target = tmp.resolve("a/b/pylock.toml");
        AtomicFiles.write(target, "one");
        AtomicFiles.write(target, "two");

        assertThat(target).content().isEqualTo("two");
        try (var files = Files.list(target.getParent())) {
            assertThat(files).containsExactly(target); // no temporary file left
        }
        assertThat(AtomicFiles.writeIfAbsent(target, new byte[] {'x'})).isFalse();
    }

    @Test
    void aFileWhereTheFolderShouldBeIsNotADirectory() throws IOException {
        Path file = Files.writeString(tmp.resolve("cache"), "a file");

        assertThatThrownBy(() -> AtomicFiles.write(file.resolve("1.run"), "x"))
                .isInstanceOfSatisfying(FileSystemException.class, e -> {
                    assertThat(e.getFile()).isEqualTo(file.toString());
                    assertThat(e.getReason()).isEqualTo("Not a directory"); // not createDirectories' "File exists"
                });
        assertThatThrownBy(() -> AtomicFiles.write(file.resolve("runs/1.run"), "x"))
                .isInstanceOfSatisfying(FileSystemException.class, e -> {
                    assertThat(e.getFile()).isEqualTo(file.resolve("runs").toString());
                    assertThat(e.getReason()).isEqualTo("Not a directory");
                });
    }

    @Test
    void aFolderWhereTheFileShouldBeNamesTheTargetNotTheTemporaryFile() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("Dockerfile"));
        Files.writeString(dir.resolve("keep"), "x"); // a non-empty folder: the rename cannot replace it

        assertThatThrownBy(() -> AtomicFiles.write(dir, "FROM python"))
                .isInstanceOfSatisfying(FileSystemException.class, e -> {
                    assertThat(e.getFile()).isEqualTo(dir.toString());
                    assertThat(e.getOtherFile()).isNull();
                    assertThat(e.getReason()).isIn("Is a directory", "Directory not empty");
                });
        try (var files = Files.list(tmp)) {
            assertThat(files).containsExactly(dir); // the temporary file is gone
        }
    }

    @Test
    void aFailureWithoutAPathGetsTheTargets() {
        Path target = tmp.resolve("pylock.toml");

        IOException named = AtomicFiles.naming(target, new IOException("No space left on device"));

        assertThat(named).isInstanceOfSatisfying(FileSystemException.class, e -> {
            assertThat(e.getFile()).isEqualTo(target.toString());
            assertThat(e.getReason()).isEqualTo("No space left on device");
        });
        assertThat(named.getCause()).hasMessage("No space left on device");
    }

    @Test
    void aFailureOnTheTemporaryFileIsOneOnTheTargetOfTheSameKind() {
        Path target = tmp.resolve("pylock.toml");
        Path temporary = tmp.resolve(".pylock.toml.123456.tmp");

        IOException denied = AtomicFiles.naming(target, new AccessDeniedException(temporary.toString()));
        IOException moved = AtomicFiles.naming(target,
                new FileSystemException(temporary.toString(), target.toString(), "Operation not permitted"));
        IOException elsewhere = AtomicFiles.naming(target, new AccessDeniedException(tmp.toString()));

        assertThat(denied).isInstanceOf(AccessDeniedException.class).hasMessage(target + ": Permission denied");
        assertThat(moved).hasMessage(target + ": Operation not permitted");
        assertThat(elsewhere).hasMessage(tmp.toString()); // a folder above: its own path is the right one
    }

    @Test
    void anUnreadableProjectFileIsExitNineAndAMissingOneBadInput() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("VERSION"));

        assertThatThrownBy(() -> Utf8File.read(dir)).isInstanceOfSatisfying(FileAccessException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.FILE_ACCESS);
            assertThat(e.getMessage()).isEqualTo("cannot read " + dir + ": Is a directory");
        });
        assertThatThrownBy(() -> Utf8File.read(tmp.resolve("nope"))).isInstanceOf(InputException.class)
                .hasMessageContaining("file not found");
    }

    @Test
    void aStreamedFileIsWrittenWholeWithTheTargetsMode() throws IOException {
        Path target = tmp.resolve("out/archive.tar.gz");

        AtomicFiles.write(target, out -> {
            for (int i = 0; i < 1000; i++) {
                out.write(("line " + i + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        });

        assertThat(Files.readAllLines(target)).hasSize(1000).endsWith("line 999");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(target)))
                .isEqualTo("rw-r--r--");
        assertThat(Files.list(target.getParent())).containsExactly(target);
    }

    @Test
    void aStreamThatFailsHalfWayLeavesTheTargetAsItWasAndNoTemporaryFile() throws IOException {
        Path target = Files.writeString(tmp.resolve("archive.tar.gz"), "the earlier one");

        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write(new byte[200_000]);
            throw new IllegalStateException("the producer stopped");
        })).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write(new byte[200_000]);
            throw new IOException("No space left on device");
        })).isInstanceOf(FileSystemException.class).hasMessage(target + ": No space left on device");

        assertThat(Files.readString(target)).isEqualTo("the earlier one");
        assertThat(Files.list(tmp)).containsExactly(target);
    }
}
