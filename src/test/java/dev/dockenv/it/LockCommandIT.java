package dev.dockenv.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.it.support.Docker;
import dev.dockenv.it.support.DockenvCli;
import dev.dockenv.it.support.ItWorkspace;
import dev.dockenv.it.support.LocalPackageIndex;
import dev.dockenv.it.support.ProcessResult;
import dev.dockenv.it.support.TestProject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code dockenv lock} resolves a requirements project in its base image into pylock.toml, which
 * builds then install from; {@code lock --check} and {@code sync} tell a stale lock. The index
 * serves greeting 1.0.0 and 1.1.0, colorsay 2.0.0 (needs greeting) and devtool 0.3.0.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LockCommandIT {
    private ItWorkspace ws;
    private LocalPackageIndex index;
    private DockenvCli dockenv;

    @BeforeAll
    void setUp() {
        Docker.requireEngine();
        ws = ItWorkspace.open("dockenv-lockcmd", "greeting-1.0.0", "greeting-1.1.0", "colorsay-2.0.0",
                "devtool-0.3.0");
        index = ws.index();
        dockenv = ws.dockenv();
    }

    @AfterAll
    void cleanUp() {
        ItWorkspace.closeIfOpened(ws);
    }

    @Test
    void lockCheckRunStaleAndSync() {
        TestProject p = ws.project("locking").file(".python-version", "3.11\n")
                .file("requirements.txt", "--index-url " + index.url() + "\ncolorsay\n")
                .file("requirements-dev.txt", "devtool\n");

        ProcessResult noLock = dockenv.run(p.dir(), "lock", "--check");
        assertThat(noLock.exitCode()).as(noLock.describe()).isEqualTo(4);
        assertThat(noLock.stderr()).contains("no lock", "dockenv lock");

        dockenv.runOk(p.dir(), "lock");
        String lock = p.read("pylock.toml");
        assertThat(lock).contains("lock-version = \"1.0\"", "[tool.dockenv]", "inputs-digest = \"sha256:",
                "name = \"colorsay\"\nversion = \"2.0.0\"", "name = \"greeting\"\nversion = \"1.1.0\"",
                "name = \"devtool\"\nversion = \"0.3.0\"", "'dev' in dependency_groups",
                "sha256 = \"" + index.sha256("greeting-1.1.0") + "\"", "sha256 = \"" + index.sha256("colorsay-2.0.0") + "\"")
                .doesNotContain("version = \"1.0.0\"");

        ProcessResult fresh = dockenv.run(p.dir(), "lock", "--check");
        assertThat(fresh.exitCode()).as(fresh.describe()).isZero();

        ProcessResult run = dockenv.run(p.dir(), "run", "--", "python", "-c",
                "import colorsay, greeting; print(greeting.__version__)");
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.stdout()).as(run.describe()).startsWith("1.1.0");
        ProcessResult dev = dockenv.run(p.dir(), "run", "--", "devtool");
        assertThat(dev.exitCode()).as(dev.describe()).isZero();
        ProcessResult status = dockenv.run(p.dir(), "status");
        assertThat(status.stdout()).as(status.describe()).contains("pylock.toml");

        p.file("requirements.txt", "--index-url " + index.url() + "\ncolorsay\ngreeting==1.0.0\n");
        ProcessResult stale = dockenv.run(p.dir(), "lock", "--check");
        assertThat(stale.exitCode()).as(stale.describe()).isEqualTo(4);
        assertThat(stale.stderr()).contains("stale", "dockenv lock");
        ProcessResult staleSync = dockenv.run(p.dir(), "sync");
        assertThat(staleSync.exitCode()).as(staleSync.describe()).isEqualTo(4);
        assertThat(staleSync.stderr()).contains("stale");
        ProcessResult staleRun = dockenv.run(p.dir(), "run", "--", "true");
        assertThat(staleRun.exitCode()).as("run never installs a stale lock: " + staleRun.describe()).isEqualTo(4);
        assertThat(staleRun.stderr()).contains("stale lock", "dockenv lock");

        dockenv.runOk(p.dir(), "lock");
        assertThat(p.read("pylock.toml")).contains("name = \"greeting\"\nversion = \"1.0.0\"");
        ProcessResult sync = dockenv.runOk(p.dir(), "sync");
        assertThat(sync.stdout().trim()).as(sync.describe()).matches("dockenv-[a-z0-9._-]+:dev[a-z0-9-]*");
        ProcessResult after = dockenv.run(p.dir(), "run", "--", "python", "-c",
                "import greeting; print(greeting.__version__)");
        assertThat(after.stdout()).as(after.describe()).startsWith("1.0.0");
    }
}
