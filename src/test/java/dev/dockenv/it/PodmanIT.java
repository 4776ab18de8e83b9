package dev.dockenv.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dockenv.it.support.Docker;
import dev.dockenv.it.support.DockenvCli;
import dev.dockenv.it.support.ItWorkspace;
import dev.dockenv.it.support.Podman;
import dev.dockenv.it.support.ProcessResult;
import dev.dockenv.it.support.TestProject;
import dev.dockenv.it.support.TestUser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The README's tour with Podman 4.3 in place of Docker ({@code DOCKENV_DOCKER=podman}), on the
 * real podman that scripts/ensure-podman.sh installs and fills with the base image stand-in:
 * rootful (the test JVM is root) on a copy of the example, and rootless as the non-root test user
 * (its own Podman store, subordinate ids) on a small requirements.txt project. run and shell run
 * as the calling user with files made inside owned by that user, build prints the image, and the
 * files init writes build with plain {@code podman build}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PodmanIT {
    private static final String HELLO = "hello, dockenv! nice to see you.";

    private final Podman rootful = Podman.rootful();
    private final Podman rootless = Podman.rootless();
    private final List<String> initTags = new ArrayList<>();
    private ItWorkspace ws;
    private ItWorkspace userWs;
    private TestProject example;
    private TestProject userProject;
    private DockenvCli dockenv;
    private DockenvCli asUser;

    @BeforeAll
    void copyTheExampleAndMakeTheUsersProject() throws IOException {
        assumeTrue("root".equals(System.getProperty("user.name")),
                "rootful Podman and the switch to the rootless test user need root");
        String missing = Podman.missingReason();
        assertThat(missing).as("scripts/test.sh installs podman (scripts/ensure-podman.sh)").isNull();
        TestUser.require();

        ws = ItWorkspace.open("dockenv-podmanit");
        Path copy = ws.copy(DockenvCli.checkoutHome().resolve("example"), "example");
        String name = Docker.uniqueName("it-podman-example");
        String pyproject = Files.readString(copy.resolve("pyproject.toml"));
        Files.writeString(copy.resolve("pyproject.toml"), pyproject.replace("name = \"example-app\"", "name = \"" + name + "\""));
        example = TestProject.existing(name, copy);
        dockenv = ws.dockenv().withEnv("DOCKENV_DOCKER", "podman");

        userWs = ItWorkspace.openAsTestUser("dockenv-podmanit-user");
        userProject = TestProject.create(userWs.dir(), "podman-rootless")
                .file("requirements.txt", "# nothing to install\n")
                .file("app.py", "import getpass, os\nprint(getpass.getuser(), os.getuid(), os.getgid())\n")
                .chownToTestUser();
        asUser = userWs.dockenv().withEnv("DOCKENV_DOCKER", "podman");
    }

    @AfterAll
    void cleanUp() {
        if (example != null) {
            rootful.removeTagsOf(example.repository());
            initTags.forEach(tag -> rootful.run("rmi", "-f", tag));
        }
        if (userProject != null) {
            rootless.removeTagsOf(userProject.repository());
        }
        ItWorkspace.closeIfOpened(userWs);
        ItWorkspace.closeIfOpened(ws);
    }

    @Test
    @Order(1)
    void rootfulRunBuildsIntoPodmansStoreAndMakesTheCallersFiles() {
        ProcessResult r = dockenv.run(example.path("shared"), "run", "--", "sh", "-c",
                "cd /app && python app.py && mkdir made && echo x > made/file.txt && pwd");

        assertThat(r.exitCode()).as(r.describe()).isZero();
        assertThat(r.stdout()).startsWith(HELLO + "\n").contains("running as root (uid 0, gid 0)").endsWith("/app\n");
        assertThat(r.stderr()).contains("building " + example.repository());
        assertThat(rootful.tagsOf(example.repository())).as("in podman's own store").isNotEmpty();
        for (Path p : List.of(example.path("made"), example.path("made/file.txt"))) {
            assertThat(owner(p)).as(p.toString()).isEqualTo("0:0");
        }
    }

    @Test
    @Order(2)
    void rootfulShellReadsItsCommandsFromStdinAndExitsWithTheirCode() {
        ProcessResult r = dockenv.exec(example.dir(), "shell").stdin("echo in-shell; whoami; pwd; exit 7\n").run();

        assertThat(r.exitCode()).as(r.describe()).isEqualTo(7);
        assertThat(r.stdout()).isEqualTo("in-shell\nroot\n/app\n");
        assertThat(r.stderr()).doesNotContain("building");
    }

    @Test
    @Order(3)
    void rootfulBuildPrintsTheImageAndAProdImageRunsAsTheUnprivilegedUser() {
        ProcessResult dev = dockenv.run(example.dir(), "build");
        assertThat(dev.exitCode()).as(dev.describe()).isZero();
        assertThat(dev.stderr()).contains("is up to date");
        assertThat(rootful.run("image", "exists", dev.stdout().strip()).exitCode()).isZero();

        ProcessResult prod = dockenv.run(example.dir(), "build", "--target", "prod");
        assertThat(prod.exitCode()).as(prod.describe()).isZero();
        ProcessResult ran = rootful.run("run", "--rm", prod.stdout().strip());
        assertThat(ran.exitCode()).as(ran.describe()).isZero();
        assertThat(ran.stdout()).startsWith(HELLO + "\n").contains("running as appuser (uid 10001, gid 10001)");
    }

    /** Debian's registries.conf has no unqualified-search registry: a base image podman lacks is named with the way out. */
    @Test
    @Order(4)
    void aBaseImagePodmanCannotResolveIsOneErrorWithTheWayOut() {
        TestProject missing = TestProject.create(ws.dir(), "podman-missing-base")
                .file("requirements.txt", "\n")
                .file("dockenv.toml", "base-image = \"dockenv-it-no-such-standin:1\"\n");

        ProcessResult r = dockenv.run(missing.dir(), "build");

        assertThat(r.exitCode()).as(r.describe()).isEqualTo(6);
        assertThat(r.stderr()).contains("dockenv: error: cannot find the base image dockenv-it-no-such-standin:1: "
                        + "podman's store has no dockenv-it-no-such-standin:1 and podman cannot tell which registry "
                        + "the short name means")
                .contains("podman pull docker.io/library/dockenv-it-no-such-standin:1",
                        "unqualified-search-registries");
    }

    @Test
    @Order(9)
    void theFilesInitWritesBuildWithPodmanBuild() {
        ProcessResult init = dockenv.run(example.dir(), "init");
        assertThat(init.exitCode()).as(init.describe()).isZero();
        String dev = example.name() + ":init-dev";
        String prod = example.name() + ":init-prod";
        initTags.addAll(List.of(dev, prod));

        ProcessResult buildDev = rootful.exec(List.of("build", "--target", "dev", "-t", dev, "."))
                .dir(example.dir()).run();
        assertThat(buildDev.exitCode()).as(buildDev.describe()).isZero();
        ProcessResult buildProd = rootful.exec(List.of("build", "-t", prod, ".")).dir(example.dir()).run();
        assertThat(buildProd.exitCode()).as(buildProd.describe()).isZero();

        ProcessResult inDev = rootful.run("run", "--rm", dev, "python", "-c", "import seed; print(seed.__name__)");
        assertThat(inDev.exitCode()).as(inDev.describe()).isZero();
        assertThat(inDev.stdout()).isEqualTo("seed\n");
        ProcessResult inProd = rootful.run("run", "--rm", prod);
        assertThat(inProd.stdout()).as(inProd.describe()).startsWith(HELLO + "\n").contains("running as appuser");
    }

    @Test
    @Order(5)
    void rootlessRunIsTheUserAndTheFilesItMakesAreTheUsers() {
        int uid = TestUser.uid();
        int gid = TestUser.gid();
        ProcessResult r = asUser.run(userProject.dir(), "run", "--", "sh", "-c",
                "python app.py && whoami && mkdir made && echo x > made/file.txt");

        assertThat(r.exitCode()).as(r.describe()).isZero();
        assertThat(r.stdout()).isEqualTo(TestUser.name() + " " + uid + " " + gid + "\n" + TestUser.name() + "\n");
        assertThat(r.stderr()).contains("building " + userProject.repository());
        assertThat(rootless.tagsOf(userProject.repository())).as("in the user's own store").isNotEmpty();
        assertThat(rootful.tagsOf(userProject.repository())).as("not in root's").isEmpty();
        for (Path p : List.of(userProject.path("made"), userProject.path("made/file.txt"))) {
            assertThat(owner(p)).as(p.toString()).isEqualTo(uid + ":" + gid);
        }
    }

    @Test
    @Order(6)
    void rootlessShellAndAWarmRunBuildNothing() {
        ProcessResult shell = asUser.exec(userProject.dir(), "shell").stdin("id -u; echo \"$HOME\" > home.txt; exit 3\n")
                .run();
        assertThat(shell.exitCode()).as(shell.describe()).isEqualTo(3);
        assertThat(shell.stdout()).isEqualTo(TestUser.uid() + "\n");
        assertThat(shell.stderr()).doesNotContain("building");
        assertThat(owner(userProject.path("home.txt"))).isEqualTo(TestUser.uid() + ":" + TestUser.gid());

        ProcessResult build = asUser.run(userProject.dir(), "build");
        assertThat(build.exitCode()).as(build.describe()).isZero();
        assertThat(build.stderr()).contains("is up to date");
    }

    private static String owner(Path p) {
        try {
            return Files.getAttribute(p, "unix:uid") + ":" + Files.getAttribute(p, "unix:gid");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
