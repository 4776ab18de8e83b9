package dev.dockenv.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.it.support.Docker;
import dev.dockenv.it.support.DockenvCli;
import dev.dockenv.it.support.ItWorkspace;
import dev.dockenv.it.support.LocalPackageIndex;
import dev.dockenv.it.support.ProcessResult;
import dev.dockenv.it.support.TestProject;
import dev.dockenv.lock.LockedPackage;
import dev.dockenv.lock.pylock.PylockReader;
import dev.dockenv.pep.Pep503;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A project without a lock is resolved on this machine when its image is built, and dockenv's
 * installer installs what pip would have chosen; the image keeps its tag and is not resolved again
 * while the project is unchanged. What the resolver leaves to pip (requirements that pin hashes,
 * pip's hash-checking mode) and {@code DOCKENV_RESOLVER=pip} build with pip as before.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BuildTimeResolutionIT {
    private static final String RESOLVING = "dockenv: resolving from the index's metadata for Python 3.11";
    /** Each distribution of the venv (not the image's own): normalized name, version, who installed it. */
    private static final String LIST = """
            import importlib.metadata as m, re, sysconfig
            for d in m.distributions(path=[sysconfig.get_paths()["purelib"]]):
                name = re.sub(r"[-_.]+", "-", d.metadata["Name"]).lower()
                print(name + "==" + d.version, (d.read_text("INSTALLER") or "").strip())
            """;
    private ItWorkspace ws;
    private LocalPackageIndex apps;
    private LocalPackageIndex fixtures;
    private DockenvCli dockenv;

    @BeforeAll
    void setUp() {
        Docker.requireEngine();
        ws = ItWorkspace.open("dockenv-buildresolutionit", LocalPackageIndex.APP_WHEELS);
        apps = ws.index();
        fixtures = ws.serve("fixtures", "greeting-1.0.0", "greeting-1.1.0", "colorsay-2.0.0");
        dockenv = ws.dockenv();
    }

    @AfterAll
    void cleanUp() {
        ItWorkspace.closeIfOpened(ws);
    }

    private TestProject flaskApp(String name) {
        return ws.project(name).file(".python-version", "3.11\n")
                .file("requirements.txt", "--index-url " + apps.url() + "\nflask\ngunicorn\n")
                .file("requirements-dev.txt", "redis\n")
                .file("app.py", "from flask import Flask\n\napp = Flask(__name__)\n");
    }

    /** NAME==VERSION of what pip would install: the lock pip's resolver makes of the same files. */
    private TreeSet<String> pipsChoice(TestProject copy) {
        dockenv.withEnv("DOCKENV_RESOLVER", "pip").runOk(copy.dir(), "lock");
        TreeSet<String> pins = new TreeSet<>();
        for (LockedPackage p : PylockReader.read(copy.path("pylock.toml")).packages()) {
            pins.add(Pep503.normalize(p.name()) + "==" + p.version().orElse("?"));
        }
        return pins;
    }

    /** The venv's distributions in an image: NAME==VERSION INSTALLER lines. */
    private static TreeSet<String> installed(String image) {
        return new TreeSet<>(Docker.runOk("run", "--rm", "--entrypoint", "python", image, "-c", LIST).stdout()
                .strip().lines().toList());
    }

    @Test
    void anUnlockedProjectIsResolvedHereAndInstalledByDockenvAsPipWouldChoose() {
        TestProject p = flaskApp("flask");
        TreeSet<String> pip = pipsChoice(flaskApp("flask-pip"));
        assertThat(pip).contains("flask==2.2.2", "gunicorn==20.1.0", "redis==4.3.4");

        ProcessResult build = dockenv.runOk(p.dir(), "build");
        assertThat(build.stderr()).as(build.describe()).contains(RESOLVING, "dockenv: resolved ")
                .doesNotContain("pip resolves them in the build");
        String dev = build.stdout().strip();
        TreeSet<String> expected = new TreeSet<>();
        pip.forEach(pin -> expected.add(pin + " dockenv"));
        assertThat(installed(dev)).as("pip's versions, dev's included, each installed by dockenv").isEqualTo(expected);
        assertThat(Docker.runOk("run", "--rm", "--entrypoint", "python", dev, "-c", "import importlib.metadata as m; "
                + "print([m.distribution(n).read_text('REQUESTED') is not None for n in ('flask', 'werkzeug', 'redis')])")
                .stdout().strip()).as("REQUESTED as pip marks it: what the requirements name, not a dependency")
                .isEqualTo("[True, False, True]");
        assertThat(p.path("pylock.toml")).as("nothing written to the project").doesNotExist();
        assertThat(p.path(".dockenv")).doesNotExist();

        ProcessResult again = dockenv.runOk(p.dir(), "build");
        assertThat(again.stdout().strip()).as("the same tag").isEqualTo(dev);
        assertThat(again.stderr()).contains("is up to date").doesNotContain(RESOLVING);

        // prod: the main packages only, the start command detected from what the project declares
        String prod = dockenv.runOk(p.dir(), "build", "--target", "prod").stdout().strip();
        TreeSet<String> prodPackages = installed(prod);
        assertThat(prodPackages).contains("flask==2.2.2 dockenv", "gunicorn==20.1.0 dockenv")
                .noneMatch(line -> line.startsWith("redis=="));
        assertThat(Docker.runOk("image", "inspect", "--format", "{{json .Config.Cmd}}", prod).stdout())
                .contains("exec gunicorn --bind");
        ProcessResult check = dockenv.runOk(p.dir(), "run", "--", "python", "-m", "pip", "check");
        assertThat(check.stdout()).contains("No broken requirements found");
    }

    @Test
    void requirementsThatPinHashesAndDockenvResolverPipAreLeftToPip() {
        TestProject hashed = ws.project("hashed").file(".python-version", "3.11\n")
                .file("requirements.txt", "--index-url " + fixtures.url() + "\ngreeting==1.0.0 --hash=sha256:"
                        + fixtures.sha256("greeting-1.0.0") + "\n");
        ProcessResult build = dockenv.runOk(hashed.dir(), "build");
        assertThat(build.stderr()).as(build.describe())
                .contains("dockenv: pip resolves them in the build: the requirements pin hashes, which pip checks")
                .doesNotContain(RESOLVING);
        assertThat(installed(build.stdout().strip())).containsExactly("greeting==1.0.0 pip");

        TestProject withPip = ws.project("with-pip").file(".python-version", "3.11\n")
                .file("requirements.txt", "--index-url " + fixtures.url() + "\ngreeting\ncolorsay\n");
        ProcessResult pip = dockenv.withEnv("DOCKENV_RESOLVER", "pip").runOk(withPip.dir(), "build");
        assertThat(pip.stderr()).as(pip.describe()).doesNotContain(RESOLVING).doesNotContain("pip resolves them");
        assertThat(installed(pip.stdout().strip())).containsExactly("colorsay==2.0.0 pip", "greeting==1.1.0 pip");
    }
}
