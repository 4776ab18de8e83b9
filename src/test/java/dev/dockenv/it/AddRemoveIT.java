package dev.dockenv.it;

import static dev.dockenv.it.support.ResultAssertions.assertModuleMissing;
import static dev.dockenv.it.support.ResultAssertions.assertPrints;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.it.support.Docker;
import dev.dockenv.it.support.DockenvCli;
import dev.dockenv.it.support.ItWorkspace;
import dev.dockenv.it.support.LocalPackageIndex;
import dev.dockenv.it.support.ProcessResult;
import dev.dockenv.it.support.TestProject;
import dev.dockenv.it.support.WheelBuilder;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code dockenv add} and {@code remove} on the real engine: the user's file keeps its comments and
 * layout, a dockenv lock is resolved again, and the rebuild after adding one package to a locked
 * project installs that package alone, in a layer of its own (the index sees requests for it and no
 * other). The index serves eight small packages pkg-a .. pkg-h and the fixtures.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AddRemoveIT {
    private static final List<String> PACKAGES = IntStream.range(0, 8).mapToObj(i -> "pkg-" + (char) ('a' + i)).toList();

    private ItWorkspace ws;
    private LocalPackageIndex index;
    private DockenvCli dockenv;

    @BeforeAll
    void setUp() {
        Docker.requireEngine();
        ws = ItWorkspace.open("dockenv-addremove");
        LocalPackageIndex.Builder builder = LocalPackageIndex.builder(ws.path("index"))
                .fixtures(List.of("greeting-1.0.0", "greeting-1.1.0", "colorsay-2.0.0", "devtool-0.3.0"));
        for (String name : PACKAGES) {
            String module = name.replace('-', '_');
            builder.wheel(WheelBuilder.wheel(name, "1.0").file(module + "/__init__.py", "NAME = '" + name + "'\n"));
        }
        index = ws.track(builder.start());
        dockenv = ws.dockenv();
    }

    @AfterAll
    void cleanUp() {
        ItWorkspace.closeIfOpened(ws);
    }

    private static final String PYPROJECT = """
            [project]
            name = "shop"
            version = "0.1.0"
            # runtime packages, one per line
            dependencies = [
                "pkg-a",  # first
                "pkg-b",
                "pkg-c",
                "pkg-d",
                "pkg-e",
                "pkg-f",
            ]

            [tool.dockenv]
            python = "3.11"
            """;

    @Test
    void addingToALockedProjectRebuildsOneLayerAndRemovingRestoresTheFile() {
        TestProject p = ws.project("locked").file("pyproject.toml", PYPROJECT + "index-url = \"" + index.url() + "\"\n");
        dockenv.runOk(p.dir(), "lock");
        dockenv.runOk(p.dir(), "build");
        String before = p.read("pyproject.toml");

        ProcessResult add = dockenv.run(p.dir(), "add", "--no-sync", "pkg-g>=1");
        assertThat(add.exitCode()).as(add.describe()).isZero();
        assertThat(add.stderr()).contains("added pkg-g>=1", "pyproject.toml [project] dependencies", "wrote pylock.toml");
        assertThat(p.read("pyproject.toml")).isEqualTo(before.replace("    \"pkg-f\",\n",
                "    \"pkg-f\",\n    \"pkg-g>=1\",\n"));
        assertThat(p.read("pylock.toml")).contains("name = \"pkg-g\"");
        ProcessResult check = dockenv.run(p.dir(), "lock", "--check");
        assertThat(check.exitCode()).as(check.describe()).isZero();

        index.clearRequests();
        ProcessResult build = dockenv.runOk(p.dir(), "-v", "build");
        assertThat(build.stderr()).contains("dockenv: built");
        Set<String> installed = build.stderr().lines().map(l -> l.replaceAll("^.*dockenv-install: (\\S+) \\S+ from .*$", "$1"))
                .filter(l -> !l.isEmpty() && !l.contains(" ")).collect(Collectors.toSet());
        assertThat(installed).as("the relocked pylock.toml keeps every other package in its layer: pkg-g alone is "
                + "installed, in a new layer; the others come from the build cache").containsExactly("pkg-g");
        assertThat(index.requestedPaths()).as("the wheel installer fetches the lock's URLs (or has the file): no "
                + "index page").noneMatch(s -> s.startsWith("/simple/"));
        assertThat(p.read("pylock.toml")).contains("layers = [\n", "    [\"pkg-g\"],\n]\n");

        assertPrints(dockenv.run(p.dir(), "run", "--", "python", "-c",
                "import pkg_a, pkg_f, pkg_g; print(pkg_g.NAME)"), "pkg-g\n");

        ProcessResult remove = dockenv.run(p.dir(), "remove", "pkg_G");
        assertThat(remove.exitCode()).as(remove.describe()).isZero();
        assertThat(p.read("pyproject.toml")).isEqualTo(before);
        assertThat(p.read("pylock.toml")).doesNotContain("pkg-g");
        assertModuleMissing(dockenv.run(p.dir(), "run", "--", "python", "-c", "import pkg_g"), "pkg_g");
    }

    /**
     * SIGKILL of {@code dockenv add} / {@code remove} (the launcher, its JVM and the docker clients it
     * started) at points spread over a whole change: afterwards the manifest and pylock.toml always
     * agree (`lock --check` passes) and the project runs; a change killed half-way is undone by the
     * next command, which says so.
     */
    @Test
    void aKilledAddOrRemoveLeavesAProjectThatRuns() throws InterruptedException {
        TestProject p = ws.project("killed").file("pyproject.toml", PYPROJECT + "index-url = \"" + index.url() + "\"\n");
        dockenv.runOk(p.dir(), "lock");
        dockenv.runOk(p.dir(), "build");
        long started = System.nanoTime();
        dockenv.runOk(p.dir(), "add", "pkg-h");
        long whole = (System.nanoTime() - started) / 1_000_000;
        dockenv.runOk(p.dir(), "remove", "pkg-h");

        int trials = 6;
        int undone = 0;
        for (int i = 0; i < trials; i++) {
            boolean has = p.read("pyproject.toml").contains("\"pkg-h\"");
            long delay = whole * (2L * i + 1) / (2L * trials);
            try (DockenvCli.Background change = dockenv.start(p.dir(), has ? "remove" : "add", "pkg-h")) {
                Thread.sleep(delay);
                change.process().descendants().forEach(ProcessHandle::destroyForcibly);
                change.process().destroyForcibly();
                change.process().waitFor();
            }
            ProcessResult run = dockenv.run(p.dir(), "run", "--", "python", "-c", "import pkg_a; print('runs')");
            String trial = "trial " + i + " (killed after " + delay + " ms of " + whole + ")";
            assertThat(run.exitCode()).as(trial + ": " + run.describe()).isZero();
            assertThat(run.stdout()).as(trial).isEqualTo("runs\n");
            if (run.stderr().contains("was interrupted and is undone")) {
                undone++;
                assertThat(run.stderr()).as(trial).containsPattern("dockenv: `dockenv (add|remove) pkg-h` was "
                        + "interrupted and is undone: pyproject.toml and pylock.toml are as before it\n");
            }
            ProcessResult check = dockenv.run(p.dir(), "lock", "--check");
            assertThat(check.exitCode()).as(trial + ": " + check.describe()).isZero();
            assertThat(p.read("pylock.toml").contains("name = \"pkg-h\"")).as(trial)
                    .isEqualTo(p.read("pyproject.toml").contains("\"pkg-h\""));
        }
        assertThat(undone).as("kills that interrupted a change half-way").isPositive();
    }

    @Test
    void devToolsGoToTheDevGroupAndTheirScriptsRun() {
        TestProject p = ws.project("devgroup").file("pyproject.toml", PYPROJECT + "index-url = \"" + index.url() + "\"\n");
        ProcessResult add = dockenv.run(p.dir(), "add", "--dev", "devtool");
        assertThat(add.exitCode()).as(add.describe()).isZero();
        assertThat(p.read("pyproject.toml")).endsWith("\n[dependency-groups]\ndev = [\n    \"devtool\",\n]\n");
        ProcessResult tool = dockenv.run(p.dir(), "run", "--", "devtool");
        assertThat(tool.exitCode()).as(tool.describe()).isZero();

        ProcessResult wrongPlace = dockenv.run(p.dir(), "remove", "devtool");
        assertThat(wrongPlace.exitCode()).as(wrongPlace.describe()).isEqualTo(4);
        assertThat(wrongPlace.stderr()).contains("[dependency-groups] dev", "dockenv remove --dev devtool");
        dockenv.runOk(p.dir(), "remove", "--dev", "devtool");
        assertThat(p.read("pyproject.toml")).endsWith("\n[dependency-groups]\ndev = [\n]\n");
    }

    @Test
    void aRequirementsProjectWithoutALockGetsALineAndABuild() {
        TestProject p = ws.project("reqs").file(".python-version", "3.11\n")
                .file("requirements.txt", "--index-url " + index.url() + "\n# the greeting\ngreeting==1.0.0\n");
        ProcessResult add = dockenv.run(p.dir(), "add", "colorsay", "greeting>=1.1");
        assertThat(add.exitCode()).as(add.describe()).isZero();
        assertThat(add.stderr()).contains("replaced greeting==1.0.0 with greeting>=1.1", "dockenv: built");
        assertThat(p.read("requirements.txt"))
                .isEqualTo("--index-url " + index.url() + "\n# the greeting\ngreeting>=1.1\ncolorsay\n");
        assertPrints(dockenv.run(p.dir(), "run", "--", "python", "-c",
                "import colorsay, greeting; print(greeting.__version__)"), "1.1.0\n");
    }

    @Test
    void aPackageTheIndexDoesNotHaveLeavesEveryFileAsItWas() {
        TestProject p = ws.project("failing").file("pyproject.toml", PYPROJECT + "index-url = \"" + index.url() + "\"\n");
        dockenv.runOk(p.dir(), "lock");
        String pyproject = p.read("pyproject.toml");
        String lock = p.read("pylock.toml");
        ProcessResult add = dockenv.run(p.dir(), "add", "no-such-package");
        assertThat(add.exitCode()).as(add.describe()).isNotZero();
        assertThat(add.stderr()).contains("no-such-package", "left as they were");
        assertThat(p.read("pyproject.toml")).isEqualTo(pyproject);
        assertThat(p.read("pylock.toml")).isEqualTo(lock);

        TestProject unlocked = ws.project("failing-unlocked").file(".python-version", "3.11\n")
                .file("requirements.txt", "--index-url " + index.url() + "\ngreeting\n");
        ProcessResult build = dockenv.run(unlocked.dir(), "add", "no-such-package");
        assertThat(build.exitCode()).as(build.describe()).isEqualTo(6);
        assertThat(unlocked.read("requirements.txt")).isEqualTo("--index-url " + index.url() + "\ngreeting\n");
    }

    @Test
    void addingInAnAppsFolderInstallsIntoThatAppAloneOverTheLockedBase() {
        TestProject p = ws.project("apps").file("pyproject.toml", PYPROJECT + "index-url = \"" + index.url() + "\"\n"
                + "\n[tool.dockenv.apps.one]\n\n[tool.dockenv.apps.two]\n")
                .file("one/__init__.py", "").file("two/__init__.py", "");
        dockenv.runOk(p.dir(), "lock");
        String lock = p.read("pylock.toml");

        assertThat(p.path("pylock.one.toml")).as("an app without requirements of its own has the shared lock").doesNotExist();

        // in one's folder, add edits one's requirements (made), locks one alone, builds one's image
        ProcessResult add = dockenv.run(p.path("one"), "add", "pkg-g");
        assertThat(add.exitCode()).as(add.describe()).isZero();
        assertThat(add.stderr()).contains("added pkg-g (one/requirements.txt (new))", "wrote pylock.one.toml",
                "target one-dev");
        assertThat(p.read("one/requirements.txt")).isEqualTo("pkg-g\n");
        assertThat(p.read("pylock.toml")).isEqualTo(lock);
        assertThat(p.read("pylock.one.toml")).contains("name = \"pkg-g\"", "name = \"pkg-a\"", "inputs-digest");
        dockenv.runOk(p.dir(), "lock", "--check");
        p.file("one/requirements.txt", "pkg-g\npkg-h\n");
        ProcessResult stale = dockenv.run(p.dir(), "lock", "--check");
        assertThat(stale.exitCode()).as(stale.describe()).isEqualTo(4);
        assertThat(stale.stderr()).contains("stale lock", "app 'one'", "pylock.one.toml");
        ProcessResult refused = dockenv.run(p.dir(), "run", "--app", "one", "--", "true");
        assertThat(refused.exitCode()).as(refused.describe()).isEqualTo(4);
        p.file("one/requirements.txt", "pkg-g\n");
        String probe = "import importlib.util as u; print(*(u.find_spec(m) is not None for m in ('pkg_a', 'pkg_g')))";
        assertPrints(dockenv.run(p.dir(), "run", "--app", "one", "--", "python", "-c", probe), "True True\n");
        assertPrints(dockenv.run(p.dir(), "run", "--app", "two", "--", "python", "-c", probe), "True False\n");

        ProcessResult remove = dockenv.run(p.dir(), "remove", "--app", "one", "pkg-g");
        assertThat(remove.exitCode()).as(remove.describe()).isZero();
        assertThat(p.read("one/requirements.txt")).isEmpty();
        assertPrints(dockenv.run(p.dir(), "run", "--app", "one", "--", "python", "-c", probe), "True False\n");
    }
}
