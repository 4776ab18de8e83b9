package dev.dockenv.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dockenv.it.support.Docker;
import dev.dockenv.it.support.DockenvCli;
import dev.dockenv.it.support.ItWorkspace;
import dev.dockenv.it.support.LocalPackageIndex;
import dev.dockenv.it.support.ProcessResult;
import dev.dockenv.it.support.TestProject;
import dev.dockenv.it.support.TestUser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * dockenv for a user who is not root: the non-root test user (scripts/ensure-test-user.sh, in the
 * docker group) runs a staged copy of the launcher and jar on a project it owns. The command runs
 * as that user (whoami, id), HOME is writable, files made inside belong to the user on the host,
 * and the second run builds nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NonRootIT {
    private static final String IMPORT = "import greeting; print(greeting.hello('user'))";

    private ItWorkspace ws;
    private LocalPackageIndex index;
    private TestProject project;
    private DockenvCli dockenv;
    private ProcessResult first;
    private int uid;
    private int gid;

    @BeforeAll
    void buildOnceAsTheTestUser() {
        assumeTrue("root".equals(System.getProperty("user.name")), "only root can switch to the test user");
        TestUser.require(); // as root, scripts/test.sh has made the user: its absence is a failure
        Docker.requireEngine();
        uid = TestUser.uid();
        gid = TestUser.gid();
        ws = ItWorkspace.openAsTestUser("dockenv-nonrootit", "greeting-1.0.0");
        index = ws.index();
        dockenv = ws.dockenv();
        project = ws.project("nonroot")
                .file("requirements.txt", "--index-url " + index.url() + "\ngreeting\n")
                .mkdirs("sub")
                .chownToTestUser();
        first = dockenv.run(project.dir(), "run", "--", "python", "-c", IMPORT);
    }

    @AfterAll
    void cleanUp() {
        ItWorkspace.closeIfOpened(ws);
    }

    @Test
    @Order(1)
    void theUserBuildsTheEnvironmentAndImportsTheDependency() {
        assertThat(first.exitCode()).as(first.describe()).isZero();
        assertThat(first.stdout()).isEqualTo("hello, user\n");
        assertThat(first.stderr()).contains("building " + project.repository());
        assertThat(index.downloadedFiles()).containsExactly("greeting-1.0.0-py3-none-any.whl");
    }

    @Test
    @Order(2)
    void aSecondRunBuildsNothing() {
        List<String> before = project.images();
        index.clearRequests();

        ProcessResult again = dockenv.run(project.dir(), "run", "--", "python", "-c", IMPORT);

        assertThat(again.exitCode()).as(again.describe()).isZero();
        assertThat(again.stdout()).isEqualTo("hello, user\n");
        assertThat(again.stderr()).doesNotContain("building");
        assertThat(project.images()).isEqualTo(before);
        assertThat(index.requestedPaths()).isEmpty();
    }

    @Test
    void whoamiAndIdNameTheUser() {
        ProcessResult r = dockenv.run(project.dir(), "run", "--", "sh", "-c", "whoami; id -u; id -g; id");
        assertThat(r.exitCode()).as(r.describe()).isZero();
        List<String> lines = r.stdout().lines().toList();
        assertThat(lines).as(r.describe()).hasSize(4);
        assertThat(lines.get(0)).isEqualTo(TestUser.name());
        assertThat(lines.get(1)).isEqualTo(Integer.toString(uid));
        assertThat(lines.get(2)).isEqualTo(Integer.toString(gid));
        assertThat(lines.get(3)).startsWith("uid=" + uid + "(" + TestUser.name() + ") gid=" + gid + "(");
        assertThat(r.stderr()).doesNotContain("cannot find name", "I have no name");
    }

    @Test
    void homeIsWritableAndKeptBetweenRuns() {
        ProcessResult r = dockenv.run(project.dir(), "run", "--", "python", "-c", """
                import os, pathlib, pwd
                home = pathlib.Path.home()
                print(os.environ["HOME"] == pwd.getpwuid(os.getuid()).pw_dir, home.stat().st_uid == os.getuid())
                (home / ".cache" / "probe").parent.mkdir(parents=True, exist_ok=True)
                (home / ".cache" / "probe").write_text("kept")
                print("written")
                """);
        assertThat(r.exitCode()).as(r.describe()).isZero();
        assertThat(r.stdout()).isEqualTo("True True\nwritten\n");

        ProcessResult next = dockenv.run(project.dir(), "run", "--", "sh", "-c", "cat \"$HOME/.cache/probe\"");
        assertThat(next.exitCode()).as(next.describe()).isZero();
        assertThat(next.stdout()).isEqualTo("kept");
    }

    @Test
    void filesCreatedInsideBelongToTheUserOnTheHost() throws IOException {
        ProcessResult r = dockenv.run(project.path("sub"), "run", "--", "sh", "-c",
                "pwd && mkdir -p made && echo x > made/file.txt");
        assertThat(r.exitCode()).as(r.describe()).isZero();
        assertThat(r.stdout()).isEqualTo("/app/sub\n");

        for (Path p : List.of(project.path("sub/made"), project.path("sub/made/file.txt"))) {
            assertThat(Files.getAttribute(p, "unix:uid")).as(p.toString()).isEqualTo(uid);
            assertThat(Files.getAttribute(p, "unix:gid")).as(p.toString()).isEqualTo(gid);
        }
    }

    @Test
    void aTerminalOnlyWhenStdinIsOne() {
        ProcessResult terminal = dockenv.runInTerminal(project.dir(), "run", "--", "sh", "-c", "tty && whoami");
        assertThat(terminal.exitCode()).as(terminal.describe()).isZero();
        assertThat(terminal.stdout()).as(terminal.describe()).containsPattern("/dev/pts/\\d+").contains(TestUser.name());
        ProcessResult piped = dockenv.run(project.dir(), "run", "--", "tty");
        assertThat(piped.stdout().strip()).as(piped.describe()).isEqualTo("not a tty");
    }

    @Test
    void exitCodesAndPipesWorkForTheUser() {
        ProcessResult r = dockenv.exec(project.dir(), "run", "--", "sh", "-c", "tr a-z A-Z; exit 42").stdin("piped\n").run();
        assertThat(r.exitCode()).as(r.describe()).isEqualTo(42);
        assertThat(r.stdout()).isEqualTo("PIPED\n");
        assertThat(dockenv.run(project.dir(), "run", "--", "no-such-command-here").exitCode()).isEqualTo(127);
    }
}
