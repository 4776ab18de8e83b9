package dev.dockenv.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dockenv.it.support.Docker;
import dev.dockenv.it.support.DockenvCli;
import dev.dockenv.it.support.Exec;
import dev.dockenv.it.support.ItWorkspace;
import dev.dockenv.it.support.ProcessResult;
import dev.dockenv.it.support.TestProject;
import dev.dockenv.it.support.TestUser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Files the user cannot read or write, for real: the non-root test user runs the staged launcher
 * and jar. A cache folder the user cannot write and a project file the user cannot read are exit 9
 * with the path, the system's reason and who owns what, never "internal error" or "a bug".
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FileAccessIT {
    private ItWorkspace ws;
    private DockenvCli dockenv;

    @BeforeAll
    void openAsTheTestUser() {
        assumeTrue("root".equals(System.getProperty("user.name")), "only root can switch to the test user");
        TestUser.require();
        Docker.requireEngine();
        ws = ItWorkspace.openAsTestUser("dockenv-fileaccessit");
        dockenv = ws.dockenv();
    }

    @AfterAll
    void cleanUp() {
        ItWorkspace.closeIfOpened(ws);
    }

    @Test
    void aCacheFolderTheUserCannotWriteIsExitNineNamingTheFolderAndItsOwner() throws IOException {
        Path rootOwned = Files.createDirectory(ws.path("root-owned"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Path cache = rootOwned.resolve("dockenv");
        TestProject project = ws.project("unwritable-cache").file("requirements.txt", "").chownToTestUser();

        ProcessResult r = dockenv.withEnv("DOCKENV_CACHE_DIR", cache.toString()).run(project.dir(), "run", "--", "true");

        assertThat(r.exitCode()).as(r.describe()).isEqualTo(9);
        assertThat(r.stderr()).as(r.describe())
                .containsPattern("dockenv: error: cannot prepare the container user's files in " + cache
                        + "/accounts/[0-9a-f]+: Permission denied\n")
                .contains("dockenv: hint: " + rootOwned + " (owner root, drwxr-xr-x): " + TestUser.name()
                        + " cannot create files in it; ask its owner or an administrator for access, or use a folder "
                        + "you own; or set DOCKENV_CACHE_DIR to another folder\n");
        notABug(r);
    }

    @Test
    void aProjectFileTheUserCannotReadIsExitNine() throws IOException {
        TestProject project = ws.project("unreadable").file("requirements.txt", "").chownToTestUser();
        Path version = project.path(".python-version");
        Files.setPosixFilePermissions(version, PosixFilePermissions.fromString("---------"));
        Exec.of("chown", "root:root", version.toString()).runOk();

        ProcessResult r = dockenv.run(project.dir(), "status");

        assertThat(r.exitCode()).as(r.describe()).isEqualTo(9);
        assertThat(r.stderr()).as(r.describe())
                .contains("dockenv: error: cannot read " + version + ": Permission denied\n")
                .contains("dockenv: hint: " + version + " (owner root, ----------): " + TestUser.name()
                        + " cannot read it; ask its owner or an administrator for access, or use a folder you own\n");
        notABug(r);
    }

    private static void notABug(ProcessResult r) {
        assertThat(r.stderr()).as(r.describe()).doesNotContain("internal error", "please report", "Exception")
                .doesNotContainPattern("(?i)\\bbug\\b");
    }
}
