package dev.dockenv.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.GitRepo;
import dev.dockenv.it.support.Docker;
import dev.dockenv.it.support.DockenvCli;
import dev.dockenv.it.support.ItWorkspace;
import dev.dockenv.it.support.ProcessResult;
import dev.dockenv.it.support.TestProject;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * dockenv release --check on a small committed project against the real engine: what differs between
 * two builds of the same commit today. Found (Debian's Python 3.11 stand-in, BuildKit): the config
 * (labels, env, cmd) is the same, and so is the base; every layer dockenv builds differs, by the mtimes
 * of its files and folders only: the venv, made without pip, holds no .pyc files compiled at build
 * time (pip's own, with the build's time in them, once differed by content). When dockenv's builds
 * become reproducible this test is to expect exit 0 and "reproducible:".
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReleaseCheckIT {
    private static final String COMMIT_DATE = "2026-11-30T12:00:00Z";
    private static final String REPOSITORY = "dockenv-it/release-check";

    private ItWorkspace ws;
    private DockenvCli dockenv;

    @BeforeAll
    void setUp() {
        Docker.requireEngine();
        ws = ItWorkspace.open("dockenv-releasecheckit");
        dockenv = ws.dockenv();
    }

    @AfterAll
    void cleanUp() {
        Docker.removeImages(REPOSITORY + ":0.1.0", REPOSITORY + ":latest");
        ItWorkspace.closeIfOpened(ws);
    }

    @Test
    void twoBuildsOfOneCommitDifferByMtimesAndSaySo() {
        TestProject p = ws.project("relcheck").file(".python-version", "3.11\n")
                .file("pyproject.toml", "[project]\nname = \"tiny\"\nversion = \"0.1.0\"\ndependencies = []\n\n"
                        + "[tool.dockenv]\ncommand = [\"python\", \"app.py\"]\n\n"
                        + "[tool.dockenv.release]\nrepository = \"" + REPOSITORY + "\"\n")
                .file("app.py", "print('tiny')\n");
        git(p, "init", "-q");
        git(p, "add", "-A");
        git(p, "commit", "-q", "-m", "first");

        ProcessResult r = dockenv.run(p.dir(), "release", "--check");

        assertThat(r.exitCode()).as(r.describe()).isEqualTo(14);
        List<String> lines = r.stdout().lines().toList();
        assertThat(lines.get(0)).as(r.stdout()).matches("not reproducible: \\d+ of \\d+ layers differ \\(sha256:.*");
        assertThat(lines).as("the labels, env and cmd are the same: created comes from the commit")
                .noneMatch(l -> l.startsWith("  config "));
        assertThat(lines).as("the base image's layer is the same").noneMatch(l -> l.startsWith("  layer 1:"));
        assertThat(r.stdout()).containsPattern("layer \\d+: \\w{12} vs \\w{12}: \\d+ paths differ \\(\\d+ mtime\\)")
                .contains("    opt/venv/bin/python (mtime)\n", "    app (mtime)\n")
                .as("no file differs by content").doesNotContain("content");
        assertThat(r.stderr()).contains("release --check: the second build, the prod image without cache");
        assertThat(Docker.imageExists(REPOSITORY + ":0.1.0")).isTrue();
        // nor would a build on another day: the prod user's entry holds no date ("last changed" empty)
        ProcessResult shadow = Docker.run("run", "--rm", "-u", "0", "--entrypoint", "grep", REPOSITORY + ":0.1.0",
                "^appuser:", "/etc/shadow");
        assertThat(shadow.stdout()).as(shadow.describe()).matches("appuser:[^:]*::.*\n");
    }

    private static void git(TestProject p, String... args) {
        GitRepo.gitAt(p.dir(), COMMIT_DATE, args);
    }
}
