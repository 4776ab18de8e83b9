package dev.dockenv.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dockenv.it.support.Docker;
import dev.dockenv.it.support.DockenvCli;
import dev.dockenv.it.support.Exec;
import dev.dockenv.it.support.ItWorkspace;
import dev.dockenv.it.support.ProcessResult;
import dev.dockenv.it.support.TestProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The launcher's class-data-sharing archive on a cache disk without room for it (issue 8, campaign
 * item 4): a small or full cache disk must not take dockenv down ("Unable to use shared archive" on
 * every command, run included). The cache folder is a tmpfs of 1 MB mounted for the test (root only),
 * the launcher and JVM are the real ones.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CdsArchiveIT {
    private ItWorkspace ws;
    private TestProject project;
    private Path mount;

    @BeforeAll
    void openWorkspace() {
        assumeTrue("root".equals(System.getProperty("user.name")), "mounting a small disk needs root");
        Docker.requireEngine();
        ws = ItWorkspace.open("dockenv-cdsarchiveit");
        project = ws.project("cds").file("requirements.txt", "").file(".python-version", "3.11\n");
        ws.dockenv().runOk(project.dir(), "build");
    }

    @AfterEach
    void unmount() {
        if (mount != null) {
            Exec.of("umount", mount.toString()).run();
            mount = null;
        }
    }

    @AfterAll
    void cleanUp() {
        ItWorkspace.closeIfOpened(ws);
    }

    @Test
    void aCacheDiskTooSmallForTheArchiveRunsWithoutIt() throws IOException {
        Path cache = smallDisk("small", 1).resolve("dockenv");
        DockenvCli dockenv = ws.dockenv().withEnv("DOCKENV_CACHE_DIR", cache.toString());

        for (int i = 0; i < 2; i++) {
            ProcessResult r = dockenv.run(project.dir(), "run", "--", "python", "-c", "print('ran', 6 * 7)");
            assertThat(r.exitCode()).as(r.describe()).isZero();
            assertThat(r.stdout()).as(r.describe()).isEqualTo("ran 42\n");
            assertThat(r.stderr()).as(r.describe()).doesNotContain("shared archive");
        }
        assertThat(archiveFiles(cache)).isEmpty();
    }

    @Test
    void aFullCacheDiskRunsWithoutTheArchiveAndKeepsTheCommandsExitCode() throws IOException {
        Path disk = smallDisk("full", 1);
        Path cache = disk.resolve("dockenv");
        Files.createDirectories(cache.resolve("cds"));
        Exec.of("sh", "-c", "dd if=/dev/zero of=" + disk.resolve("filler") + " bs=4k 2>/dev/null; exit 0").runOk();
        DockenvCli dockenv = ws.dockenv().withEnv("DOCKENV_CACHE_DIR", cache.toString());

        ProcessResult ok = dockenv.run(project.dir(), "run", "--", "python", "-c", "print('still runs')");
        ProcessResult failing = dockenv.run(project.dir(), "run", "--", "python", "-c", "raise SystemExit(3)");
        ProcessResult usage = dockenv.run(project.dir(), "frobnicate");

        assertThat(ok.exitCode()).as(ok.describe()).isZero();
        assertThat(ok.stdout()).as(ok.describe()).isEqualTo("still runs\n");
        assertThat(failing.exitCode()).as(failing.describe()).isEqualTo(3);
        assertThat(usage.exitCode()).as(usage.describe()).isEqualTo(2);
        for (ProcessResult r : List.of(ok, failing, usage)) {
            assertThat(r.stderr()).as(r.describe()).doesNotContain("shared archive");
        }
        assertThat(archiveFiles(cache)).isEmpty();
    }

    @Test
    void aCacheWithRoomGetsOneCheckedArchiveThatLaterCommandsUse() throws IOException {
        Path cache = ws.path("roomy-cache");
        DockenvCli dockenv = ws.dockenv().withEnv("DOCKENV_CACHE_DIR", cache.toString());

        ProcessResult first = dockenv.run(project.dir(), "run", "--", "python", "-c", "raise SystemExit(5)");
        List<Path> archives = archiveFiles(cache);
        ProcessResult second = dockenv.run(project.dir(), "run", "--", "python", "-c", "print('warm')");

        assertThat(first.exitCode()).as(first.describe()).isEqualTo(5);
        assertThat(archives).hasSize(1);
        assertThat(archives.get(0).getFileName().toString()).endsWith(".jsa");
        assertThat(Files.size(archives.get(0))).isPositive();
        assertThat(second.exitCode()).as(second.describe()).isZero();
        assertThat(second.stdout()).isEqualTo("warm\n");
        assertThat(archiveFiles(cache)).containsExactlyElementsOf(archives);
    }

    private Path smallDisk(String name, int megabytes) throws IOException {
        Path dir = Files.createDirectories(ws.path("disk-" + name));
        Exec.of("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m", "tmpfs", dir.toString()).runOk();
        mount = dir;
        return dir;
    }

    /** Every file under the cache's cds folder: archives and anything half-written beside them. */
    private static List<Path> archiveFiles(Path cache) throws IOException {
        Path cds = cache.resolve("cds");
        if (!Files.isDirectory(cds)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(cds)) {
            return files.sorted().toList();
        }
    }
}
