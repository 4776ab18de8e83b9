package dev.dockenv.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mapping of I/O failures to exit 9 with the path and the system's reason, from real failures
 * where a test can cause them as any user (root included), else from the exceptions the JDK throws
 * for them (as printed by a probe on Linux: EACCES is an AccessDeniedException without a reason,
 * ENOSPC a plain IOException "No space left on device", EISDIR on read one "Is a directory").
 */
class IoFailuresTest {
    @TempDir
    Path tmp;

    @Test
    void aFullDiskNamesTheFileTheReasonAndTheFileSystem() {
        Path full = Path.of("/dev/full"); // every write fails with ENOSPC
        assumeTrue(Files.isWritable(full), "no /dev/full here");
        IOException e = failure(() -> Files.write(full, new byte[1]));
        assertThat(e).hasMessage("No space left on device").isNotInstanceOf(FileSystemException.class);

        FileAccessException f = IoFailures.writing(full, e);

        assertThat(f.exitCode()).isEqualTo(ExitCode.FILE_ACCESS);
        assertThat(f.getMessage()).isEqualTo("cannot write /dev/full: No space left on device");
        assertThat(f.kind()).isEqualTo(IoFailures.Cause.NO_SPACE);
        assertThat(f.path()).contains("/dev/full");
        assertThat(f.hint()).hasValueSatisfying(h -> assertThat(h).contains("is full", "df -h /dev"));
        notABug(f);
    }

    @Test
    void aFolderWhereAFileIsExpected() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve(".python-version"));
        IOException e = failure(() -> Files.readAllLines(dir));

        FileAccessException f = IoFailures.reading(dir, e);

        assertThat(f.getMessage()).isEqualTo("cannot read " + dir + ": Is a directory");
        assertThat(f.kind()).isEqualTo(IoFailures.Cause.IS_A_DIRECTORY);
        assertThat(f.hint()).contains(dir + " is a folder where dockenv expects a file: rename or remove it");
        notABug(f);
    }

    @Test
    void aFileWhereAFolderIsExpectedIsFoundOnThePath() throws IOException {
        Path file = Files.writeString(tmp.resolve("cache"), "not a folder");
        IOException e = failure(() -> Files.createDirectories(file.resolve("accounts/1234")));

        FileAccessException f = IoFailures.of(new UncheckedIOException(
                "cannot prepare the container user's files in " + file.resolve("accounts/1234"), e), null);

        assertThat(f.reason()).isEqualTo("Not a directory");
        assertThat(f.path()).contains(file.resolve("accounts").toString()); // the JDK's own, more precise path
        assertThat(f.getMessage()).isEqualTo("cannot prepare the container user's files in "
                + file.resolve("accounts/1234") + ": Not a directory");
        assertThat(f.hint()).contains(file + " is a file where a folder is expected: rename or move it");
    }

    @Test
    void aLoopOfSymbolicLinksNamesTheLink() throws IOException {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        Files.createSymbolicLink(a, b);
        Files.createSymbolicLink(b, a);
        IOException e = failure(() -> Files.readString(a.resolve("requirements.txt")));

        FileAccessException f = IoFailures.reading(a.resolve("requirements.txt"), e);

        assertThat(f.reason()).isEqualTo("Too many levels of symbolic links"); // without the JDK's " or unable to..."
        assertThat(f.kind()).isEqualTo(IoFailures.Cause.SYMLINK_LOOP);
        assertThat(f.hint()).hasValueSatisfying(h -> assertThat(h)
                .startsWith(a + " is a symbolic link that leads back to itself").contains("ls -l " + a));
    }

    @Test
    void aMissingFileNamesTheFirstMissingFolder() throws IOException {
        Path gone = tmp.resolve("gone/deeper/file.txt");
        IOException e = failure(() -> Files.readAllBytes(gone));

        FileAccessException f = IoFailures.of(new UncheckedIOException("cannot read " + gone, e), null);

        assertThat(f.getMessage()).isEqualTo("cannot read " + gone + ": No such file or directory");
        assertThat(f.hint()).hasValueSatisfying(h -> assertThat(h).startsWith(tmp.resolve("gone") + " does not exist"));
    }

    @Test
    void anImmutableFileIsOperationNotPermitted() throws Exception {
        Path file = Files.writeString(tmp.resolve("pylock.toml"), "x");
        assumeTrue(chattr("+i", file), "chattr +i needs root and a file system with attributes");
        try {
            IOException e = failure(() -> Files.writeString(file, "y"));

            FileAccessException f = IoFailures.writing(file, e);

            assertThat(f.getMessage()).isEqualTo("cannot write " + file + ": Operation not permitted");
            assertThat(f.kind()).isEqualTo(IoFailures.Cause.NOT_PERMITTED);
            assertThat(f.hint()).contains("the system refused although the permissions allow it: is " + file
                    + " or its folder immutable or append-only? (lsattr -d " + tmp + " " + file
                    + " shows an i or an a; sudo chattr -i removes it)");
        } finally {
            chattr("-i", file);
        }
    }

    @Test
    void aNewFileInAnImmutableFolderPointsAtTheFolder() throws Exception {
        Path folder = Files.createDirectory(tmp.resolve("project"));
        assumeTrue(chattr("+i", folder), "chattr +i needs root and a file system with attributes");
        try {
            Path target = folder.resolve("Dockerfile");
            IOException e = failure(() -> dev.dockenv.io.AtomicFiles.write(target, "FROM python:3.11-slim\n"));

            FileAccessException f = IoFailures.writing(target, e);

            assertThat(f.getMessage()).isEqualTo("cannot write " + target + ": Operation not permitted");
            assertThat(f.hint()).contains("the system refused although the permissions allow it: is " + folder
                    + " immutable or append-only? (lsattr -d " + folder + " shows an i or an a; sudo chattr -i removes it)");
        } finally {
            chattr("-i", folder);
        }
    }

    @Test
    void permissionDeniedIsNamedEvenThoughTheJdkGivesNoReason() {
        AccessDeniedException e = new AccessDeniedException("/srv/shared/app/requirements.txt");
        assertThat(e.getReason()).isNull();

        FileAccessException f = IoFailures.of(new UncheckedIOException("cannot read /srv/shared/app/requirements.txt", e),
                null);

        assertThat(f.getMessage()).isEqualTo("cannot read /srv/shared/app/requirements.txt: Permission denied");
        assertThat(f.kind()).isEqualTo(IoFailures.Cause.PERMISSION_DENIED);
        notABug(f);
    }

    @Test
    void aReadOnlyFileSystem() {
        FileSystemException e = new FileSystemException("/mnt/ro/cache/runs", null, "Read-only file system");

        FileAccessException f = IoFailures.of(new UncheckedIOException("cannot write /mnt/ro/cache/runs", e),
                Path.of("/mnt/ro/cache"));

        assertThat(f.getMessage()).isEqualTo("cannot write /mnt/ro/cache/runs: Read-only file system");
        assertThat(f.hint()).hasValueSatisfying(h -> assertThat(h).contains("mounted read-only", "findmnt -T")
                .contains("set DOCKENV_CACHE_DIR to a writable folder"));
    }

    @Test
    void thePathComesFromDockenvsMessageWhenTheJdkGivesNone() {
        FileAccessException f = IoFailures.of(new UncheckedIOException("cannot write the file digest cache /c/digests/ab.txt",
                new IOException("Disk quota exceeded")), null);

        assertThat(f.path()).contains("/c/digests/ab.txt");
        assertThat(f.getMessage()).isEqualTo("cannot write the file digest cache /c/digests/ab.txt: Disk quota exceeded");
        assertThat(f.kind()).isEqualTo(IoFailures.Cause.QUOTA);
        assertThat(f.hint()).hasValueSatisfying(h -> assertThat(h).contains("quota"));
    }

    @Test
    void aMoveNamesBothEnds() {
        FileSystemException e = new FileSystemException("/p/.x.tmp", "/p/x", "Operation not permitted");

        assertThat(IoFailures.of(e, null).getMessage()).isEqualTo("cannot access /p/.x.tmp -> /p/x: Operation not permitted");
    }

    @Test
    void withoutAnyPathTheReasonStillShows() {
        FileAccessException f = IoFailures.of(new UncheckedIOException(new IOException("Input/output error")), null);

        assertThat(f.getMessage()).isEqualTo("an input/output operation failed: Input/output error");
        assertThat(f.path()).isEmpty();
        assertThat(f.hint()).hasValueSatisfying(h -> assertThat(h).contains("DOCKENV_DEBUG"));
        notABug(f);
    }

    @Test
    void legacyStreamsPutTheReasonInParentheses() {
        FileAccessException f = IoFailures.of(new FileNotFoundException("/p/setup.cfg (Permission denied)"), null);

        assertThat(f.path()).contains("/p/setup.cfg");
        assertThat(f.reason()).isEqualTo("Permission denied");
        assertThat(f.getMessage()).isEqualTo("cannot access /p/setup.cfg: Permission denied");
    }

    @Test
    void findsIoFailuresInsideWrappersAndLeavesEverythingElseAlone() {
        UncheckedIOException io = new UncheckedIOException("cannot read /p/x", new NoSuchFileException("/p/x"));
        assertThat(IoFailures.from(new CompletionException(io), null)).hasValueSatisfying(
                f -> assertThat(f.getMessage()).isEqualTo("cannot read /p/x: No such file or directory"));
        assertThat(IoFailures.from(new IOException("No space left on device"), null)).isPresent();

        FileAccessException already = IoFailures.reading(Path.of("/p/x"), new NoSuchFileException("/p/x"));
        assertThat(IoFailures.from(already, null)).containsSame(already);
        assertThat(IoFailures.from(new DockenvException(ExitCode.BAD_INPUT, "bad", null, io), null)).isEmpty();
        assertThat(IoFailures.from(new IllegalStateException("a bug", io), null)).isEmpty();
        assertThat(IoFailures.from(new NullPointerException(), null)).isEmpty();
    }

    @Test
    void aFileThatIsNotUtf8IsBadInputNotAnIoFailure() throws IOException {
        Path latin1 = Files.write(tmp.resolve(".python-version"), new byte[] {(byte) 0xff, '3', '\n'});
        IOException e = failure(() -> Files.readAllLines(latin1));
        assertThat(e).hasMessage("Input length = 1"); // MalformedInputException: an IOException

        assertThat(IoFailures.from(new UncheckedIOException("cannot read " + latin1, e), null)).hasValueSatisfying(d -> {
            assertThat(d).isInstanceOf(InputException.class);
            assertThat(d.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(d.getMessage()).isEqualTo(latin1 + ": the file is not valid UTF-8 text");
            assertThat(d.hint()).contains("save it as UTF-8");
        });
        assertThat(IoFailures.reading(latin1, e).reason()).isEqualTo("the file is not valid UTF-8 text");
    }

    @Test
    void everyReasonTheCLibraryGivesHasItsKind() {
        assertThat(IoFailures.Cause.of("No space left on device")).isEqualTo(IoFailures.Cause.NO_SPACE);
        assertThat(IoFailures.Cause.of("Permission denied")).isEqualTo(IoFailures.Cause.PERMISSION_DENIED);
        assertThat(IoFailures.Cause.of("Operation not permitted")).isEqualTo(IoFailures.Cause.NOT_PERMITTED);
        assertThat(IoFailures.Cause.of("Read-only file system")).isEqualTo(IoFailures.Cause.READ_ONLY);
        assertThat(IoFailures.Cause.of("Disk quota exceeded")).isEqualTo(IoFailures.Cause.QUOTA);
        assertThat(IoFailures.Cause.of("Is a directory")).isEqualTo(IoFailures.Cause.IS_A_DIRECTORY);
        assertThat(IoFailures.Cause.of("Not a directory")).isEqualTo(IoFailures.Cause.NOT_A_DIRECTORY);
        assertThat(IoFailures.Cause.of("Too many levels of symbolic links")).isEqualTo(IoFailures.Cause.SYMLINK_LOOP);
        assertThat(IoFailures.Cause.of("Too many open files in system")).isEqualTo(IoFailures.Cause.TOO_MANY_OPEN_FILES);
        assertThat(IoFailures.Cause.of("File name too long")).isEqualTo(IoFailures.Cause.NAME_TOO_LONG);
        assertThat(IoFailures.Cause.of("Stale file handle")).isEqualTo(IoFailures.Cause.IO_ERROR);
        assertThat(IoFailures.Cause.of("Something new")).isEqualTo(IoFailures.Cause.OTHER);
    }

    @Test
    void pathsInDockenvsMessages() {
        assertThat(IoFailures.pathIn("cannot read /a b/requirements.txt")).isEqualTo("/a b/requirements.txt");
        assertThat(IoFailures.pathIn("cannot write into /p")).isEqualTo("/p");
        assertThat(IoFailures.pathIn("cannot list requirements")).isEqualTo("requirements");
        assertThat(IoFailures.pathIn("cannot write the credentials file")).isNull();
    }

    private static void notABug(DockenvException e) {
        assertThat(e.getMessage()).doesNotContainPattern("(?i)\\bbug\\b").doesNotContain("Exception");
        assertThat(e.hint().orElse("")).doesNotContainPattern("(?i)\\bbug\\b").doesNotContainIgnoringCase("report it");
    }

    private static boolean chattr(String flag, Path file) throws Exception {
        try {
            Process p = new ProcessBuilder("chattr", flag, file.toString()).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    interface Io {
        void run() throws IOException;
    }

    private static IOException failure(Io io) {
        try {
            io.run();
        } catch (IOException e) {
            return e;
        }
        throw new AssertionError("expected an I/O failure");
    }
}
