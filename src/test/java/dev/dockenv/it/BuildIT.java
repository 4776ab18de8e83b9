package dev.dockenv.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.it.support.Docker;
import dev.dockenv.it.support.DockenvCli;
import dev.dockenv.it.support.ItWorkspace;
import dev.dockenv.it.support.LocalPackageIndex;
import dev.dockenv.it.support.ProcessResult;
import dev.dockenv.it.support.TestProject;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The environment image on the real engine: its tag is a content hash of the build's inputs (a
 * source edit keeps it, a dependency or configuration change gives a new one), {@code build} and
 * {@code status} report it, the prod stage runs the app as an unprivileged user, a failing build
 * exits 6 with pip's output and leaves no image, the legacy builder works, and an unreachable
 * engine is one clear line. The main project is a pyproject.toml naming the local index in
 * {@code [tool.dockenv] index-url}, with its dependency in requirements.txt.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BuildIT {
    private static final String APP = """
            import getpass, os
            import greeting
            print(greeting.hello("prod"), f"uid={os.getuid()}", f"user={getpass.getuser()}",
                  f"mode={os.environ.get('APP_MODE')}")
            """;

    private ItWorkspace ws;
    private LocalPackageIndex index;
    private DockenvCli dockenv;
    private TestProject project;
    private String devRef;

    @BeforeAll
    void buildOnce() {
        Docker.requireEngine();
        ws = ItWorkspace.open("dockenv-buildit", "greeting-1.0.0", "greeting-1.1.0");
        index = ws.index();
        dockenv = ws.dockenv();
        project = ws.project("build");
        project.file("pyproject.toml", pyproject("first"))
                .file("requirements.txt", "greeting\n")
                .file("app.py", APP)
                // what the prod image must not carry: secrets, VCS, a local venv, bytecode, ignored files
                .file(".env", "SECRET=do-not-ship\n")
                .file(".git/config", "[core]\n")
                .file(".venv/pyvenv.cfg", "home = /usr/bin\n")
                .file("__pycache__/app.cpython-311.pyc", "x")
                .file("notes/private.txt", "mine\n")
                .file(".dockerignore", "notes/\n");
        ProcessResult build = dockenv.runOk(project.dir(), "build");
        devRef = build.stdout().strip();
    }

    @AfterAll
    void cleanUp() {
        ItWorkspace.closeIfOpened(ws);
    }

    private String pyproject(String appMode) {
        return """
                [project]
                name = "%s"
                version = "0.1.0"

                [tool.dockenv]
                index-url = "%s"
                command = ["python", "app.py"]
                env = { APP_MODE = "%s" }
                """.formatted(project.name(), index.url(), appMode);
    }

    private ProcessResult status() {
        return dockenv.runOk(project.dir(), "status");
    }

    /** Status names the image built first ({@code devRef}) and says it is up to date. */
    private void assertStatusIsUpToDateAtTheFirstImage() {
        ProcessResult status = status();
        assertThat(DockenvCli.statusRow(status, "image")).isEqualTo(devRef);
        assertThat(DockenvCli.statusRow(status, "state")).startsWith("up to date");
    }

    /** Status names a new dev tag, not {@code devRef}, that is not built yet; returns it. */
    private String assertStatusNamesANewTagNotBuilt() {
        ProcessResult status = status();
        String changed = DockenvCli.statusRow(status, "image");
        assertThat(changed).startsWith(project.repository() + ":dev-").isNotEqualTo(devRef);
        assertThat(DockenvCli.statusRow(status, "state")).startsWith("not built");
        return changed;
    }

    /** A project whose requirements.txt names a package the index does not have. */
    private TestProject brokenProject(String prefix) {
        return ws.project(prefix)
                .file("requirements.txt", "--index-url " + index.url() + "\ngreeting\nno-such-package-anywhere\n");
    }

    /** dockenv exited 6 with pip's complaint, and the project has no image. */
    private static void assertPipFailedAndNoImage(ProcessResult r, TestProject broken) {
        assertThat(r.exitCode()).as(r.describe()).isEqualTo(6);
        assertThat(r.stderr()).as(r.describe()).contains("No matching distribution");
        assertThat(broken.images()).isEmpty();
    }

    @Test
    @Order(1)
    void buildPrintsTheImageReferenceAndARepeatedBuildIsUpToDate() {
        assertThat(devRef).matches(project.repository() + ":dev-[0-9a-f]{12}");
        assertThat(Docker.imageLabels(devRef))
                .containsEntry("dev.dockenv.project", project.name())
                .containsEntry("dev.dockenv.target", "dev");
        String id = Docker.imageId(devRef);

        ProcessResult again = dockenv.runOk(project.dir(), "build");

        assertThat(again.stdout().strip()).isEqualTo(devRef);
        assertThat(again.stderr()).contains("up to date").doesNotContain("building");
        assertThat(Docker.imageId(devRef)).isEqualTo(id);
    }

    @Test
    @Order(2)
    void statusShowsThePythonVersionTheTagAndUpToDate() {
        ProcessResult status = status();
        assertThat(DockenvCli.statusRow(status, "project")).startsWith(project.name());
        assertThat(DockenvCli.statusRow(status, "python")).startsWith("3.11").contains(".python-version");
        assertThat(DockenvCli.statusRow(status, "image")).isEqualTo(devRef);
        assertThat(DockenvCli.statusRow(status, "target")).isEqualTo("dev");
        assertThat(DockenvCli.statusRow(status, "state")).startsWith("up to date");
    }

    @Test
    @Order(3)
    void aSourceEditKeepsTheImageTag() {
        List<String> images = project.images();
        try {
            project.file("app.py", "print('edited source')\n");

            assertStatusIsUpToDateAtTheFirstImage();
            ProcessResult run = dockenv.run(project.dir(), "run", "--", "python", "app.py");
            assertThat(run.exitCode()).as(run.describe()).isZero();
            assertThat(run.stdout()).as("the mounted source, not a copy").isEqualTo("edited source\n");
            assertThat(run.stderr()).doesNotContain("building");
            assertThat(project.images()).isEqualTo(images);
        } finally {
            project.file("app.py", APP);
        }
    }

    @Test
    @Order(4)
    void aDependencyChangeGivesANewTag() {
        try {
            project.file("requirements.txt", "greeting==1.0.0\n");

            String pinned = assertStatusNamesANewTagNotBuilt();

            ProcessResult run = dockenv.run(project.dir(), "run", "--", "python", "-c",
                    "import greeting; print(greeting.__version__)");
            assertThat(run.exitCode()).as(run.describe()).isZero();
            assertThat(run.stdout()).isEqualTo("1.0.0\n");
            assertThat(run.stderr()).contains("building " + pinned);
            assertThat(Docker.imageExists(devRef)).as("the old image stays").isTrue();
        } finally {
            project.file("requirements.txt", "greeting\n");
        }
        assertStatusIsUpToDateAtTheFirstImage();
        ProcessResult run = dockenv.run(project.dir(), "run", "--", "python", "-c",
                "import greeting; print(greeting.__version__)");
        assertThat(run.stdout()).as(run.describe()).isEqualTo("1.1.0\n");
        assertThat(run.stderr()).doesNotContain("building");
    }

    @Test
    @Order(5)
    void aConfigurationChangeGivesANewTag() {
        try {
            project.file("pyproject.toml", pyproject("second"));

            assertStatusNamesANewTagNotBuilt();

            ProcessResult run = dockenv.run(project.dir(), "run", "--", "python", "-c",
                    "import os; print(os.environ['APP_MODE'])");
            assertThat(run.exitCode()).as(run.describe()).isZero();
            assertThat(run.stdout()).isEqualTo("second\n");
        } finally {
            project.file("pyproject.toml", pyproject("first"));
        }
        assertThat(DockenvCli.statusRow(status(), "image")).isEqualTo(devRef);
        ProcessResult run = dockenv.runOk(project.dir(), "run", "--", "python", "-c",
                "import os; print(os.environ['APP_MODE'])");
        assertThat(run.stdout()).isEqualTo("first\n");
    }

    @Test
    @Order(6)
    void theProdImageRunsTheAppAsANonRootUser() {
        ProcessResult build = dockenv.run(project.dir(), "build", "--target", "prod");
        assertThat(build.exitCode()).as(build.describe()).isZero();
        String prodRef = build.stdout().strip();
        assertThat(prodRef).matches(project.repository() + ":prod-[0-9a-f]{12}");

        ProcessResult app = Docker.run("run", "--rm", prodRef);
        assertThat(app.exitCode()).as(app.describe()).isZero();
        assertThat(app.stdout()).as("CMD is [tool.dockenv] command, the source copied in")
                .isEqualTo("hello again, prod (greeting 1.1.0) uid=10001 user=appuser mode=first\n");
        assertThat(Docker.runOk("run", "--rm", prodRef, "id", "-u").stdout().strip()).isEqualTo("10001");
        assertThat(Docker.runOk("run", "--rm", prodRef, "ls", "-A", "/app").stdout().lines().toList())
                .as("the source is copied without secrets, VCS, venvs, bytecode or .dockerignore'd files")
                .contains("app.py", "pyproject.toml", "requirements.txt")
                .doesNotContain(".env", ".git", ".venv", "__pycache__", "notes");
        assertThat(Docker.runOk("image", "inspect", "--format", "{{.Config.User}}", prodRef).stdout().strip())
                .isNotEmpty().isNotIn("root", "0", "0:0");
    }

    @Test
    void aFailingBuildExits6ShowsPipsOutputAndLeavesNoImage() {
        TestProject broken = brokenProject("broken");

        ProcessResult run = dockenv.run(broken.dir(), "run", "--", "true");

        assertPipFailedAndNoImage(run, broken);
        assertThat(run.stderr()).doesNotContain("Exception");
        assertThat(Docker.runOk("image", "ls", "-q", broken.repository()).stdout()).isBlank();

        assertPipFailedAndNoImage(dockenv.run(broken.dir(), "build"), broken);
    }

    @Test
    void aFailingLegacyBuildExits6WithTheFailingStepsOutputOnly() {
        TestProject broken = brokenProject("brokenlegacy");

        ProcessResult run = dockenv.withEnv("DOCKER_BUILDKIT", "0").run(broken.dir(), "run", "--", "true");

        assertPipFailedAndNoImage(run, broken);
        SoftAssertions soft = new SoftAssertions();
        List<String> errorLines = DockenvCli.linesContaining(run.stderr(), "dockenv: error:");
        soft.assertThat(errorLines).as("one error line").hasSize(1);
        soft.assertThat(errorLines).as("the error line carries no terminal escape codes")
                .allSatisfy(l -> assertThat(l).doesNotContain("\u001b"));
        String stepOutput = run.stderr().substring(Math.max(0, run.stderr().indexOf("output of the failing step")));
        soft.assertThat(stepOutput).as("the failing step's output, not the whole build log")
                .doesNotContain("Sending build context").doesNotContain("Step 1/");
        // the legacy builder names the step's container ("---> Running in <id>"); none may be left behind
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Running in ([0-9a-f]{12,64})").matcher(run.stderr());
        while (m.find()) {
            String container = m.group(1);
            boolean left = !Docker.runOk("ps", "-a", "-q", "--filter", "id=" + container).stdout().isBlank();
            if (left) {
                Docker.removeContainers(container);
            }
            soft.assertThat(left).as("the failed step's container " + container + " is left behind").isFalse();
        }
        // the legacy builder keeps the failed build's new layers as untagged images: remove the leaves
        List<String> layers = new java.util.ArrayList<>(DockenvCli.linesContaining(run.stderr(), " ---> ").stream()
                .map(l -> l.substring(l.indexOf(" ---> ") + 6).strip())
                .filter(id -> id.matches("[0-9a-f]{12,64}")).toList());
        java.util.Collections.reverse(layers);
        layers.forEach(id -> Docker.run("rmi", id)); // without -f: only images nothing else uses
        soft.assertAll();
    }

    @Test
    void theLegacyBuilderBuildsAndRuns() {
        TestProject legacy = ws.project("legacy")
                .file("requirements.txt", "--index-url " + index.url() + "\ngreeting==1.0.0\n");
        DockenvCli classic = dockenv.withEnv("DOCKER_BUILDKIT", "0");

        ProcessResult run = classic.run(legacy.dir(), "run", "--", "python", "-c",
                "import greeting; print(greeting.hello('legacy'))");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.stdout()).isEqualTo("hello, legacy\n");
        assertThat(run.stderr()).contains("building " + legacy.repository());
        assertThat(legacy.images()).isNotEmpty();

        ProcessResult again = classic.run(legacy.dir(), "run", "--", "python", "-c", "import greeting");
        assertThat(again.exitCode()).as(again.describe()).isZero();
        assertThat(again.stderr()).doesNotContain("building");

        legacy.file(".env", "SECRET=do-not-ship\n").file("app.py", "print('legacy prod')\n");
        ProcessResult prod = classic.run(legacy.dir(), "build", "--target", "prod");
        assertThat(prod.exitCode()).as(prod.describe()).isZero();
        String prodRef = prod.stdout().strip();
        assertThat(Docker.runOk("run", "--rm", prodRef, "id", "-u").stdout().strip()).isEqualTo("10001");
        assertThat(Docker.runOk("run", "--rm", prodRef, "ls", "-A", "/app").stdout().lines().toList())
                .contains("app.py").doesNotContain(".env");

        ProcessResult doctor = classic.run(legacy.dir(), "doctor");
        assertThat(doctor.stdout()).as(doctor.describe()).containsPattern("(?m)^warn +builder +legacy builder");
    }

    @Test
    void doctorReportsTheEngineAndBuildKit() {
        ProcessResult doctor = dockenv.run(project.dir(), "doctor");
        assertThat(doctor.exitCode()).as(doctor.describe()).isZero();
        assertThat(doctor.stdout()).as(doctor.describe())
                .containsPattern("(?m)^ok +engine +Docker Engine " + java.util.regex.Pattern.quote(Docker.serverVersion()))
                .containsPattern("(?m)^ok +builder +BuildKit");
    }

    @Test
    void anUnreachableEngineExits5WithOneLineAndAHint() {
        TestProject fresh = ws.project("noengine").file("requirements.txt", "greeting\n");
        DockenvCli nowhere = dockenv.withEnv("DOCKER_HOST", "unix:///nonexistent.sock");
        List<List<String>> commands = List.of(
                List.of("run", "--", "true"), List.of("build"), List.of("status"));
        for (TestProject p : List.of(project, fresh)) {
            for (List<String> args : commands) {
                ProcessResult r = nowhere.exec(p.dir(), args).run();
                String what = "dockenv " + String.join(" ", args) + " in " + p.name() + "\n" + r.describe();
                assertThat(r.exitCode()).as(what).isEqualTo(5);
                List<String> lines = r.stderr().lines().filter(l -> !l.isBlank()).toList();
                assertThat(lines).as(what).hasSize(2);
                assertThat(lines.get(0)).as(what).startsWith("dockenv: error: container engine unreachable");
                assertThat(lines.get(1)).as(what).startsWith("dockenv: hint: ");
                assertThat(r.output()).as(what).doesNotContain("Exception").doesNotContainPattern("\\tat |\\bat dev\\.");
            }
        }
        ProcessResult doctor = nowhere.run(fresh.dir(), "doctor");
        assertThat(doctor.exitCode()).as(doctor.describe()).isEqualTo(5);
        assertThat(doctor.stdout()).as(doctor.describe()).containsPattern("(?m)^(warn|FAIL|fail|error) +engine +container engine unreachable")
                .contains("hint: ");
        assertThat(doctor.output()).doesNotContain("Exception");
    }
}
