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
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code dockenv lock} resolves from the indexes' metadata, without pip or a container, and writes
 * the lock pip would: each project is locked twice, once so and once with pip's resolver in the base
 * image ({@code DOCKENV_RESOLVER=pip}), and the two locks must pin the same versions in the same
 * groups. Real applications' packages (Debian's Flask, Django, jupyter-server and their
 * dependencies: markers, extras, a pre-release that is the only version) and the fixtures; what only
 * pip resolves (a local package) falls back to pip, saying so.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndexResolverIT {
    private static final String FROM_INDEX = "dockenv: resolving from the index's metadata for Python 3.11";
    private ItWorkspace ws;
    private LocalPackageIndex apps;
    private LocalPackageIndex fixtures;
    private DockenvCli dockenv;

    @BeforeAll
    void setUp() {
        Docker.requireEngine();
        ws = ItWorkspace.open("dockenv-indexresolverit", LocalPackageIndex.APP_WHEELS);
        apps = ws.index();
        fixtures = ws.serve("fixtures", "greeting-1.0.0", "greeting-1.1.0", "colorsay-2.0.0", "devtool-0.3.0");
        dockenv = ws.dockenv();
    }

    @AfterAll
    void cleanUp() {
        ItWorkspace.closeIfOpened(ws);
    }

    /** NAME==VERSION [groups] of every package of the lock. */
    private static TreeSet<String> pins(TestProject p) {
        TreeSet<String> pins = new TreeSet<>();
        for (LockedPackage pkg : PylockReader.read(p.path("pylock.toml")).packages()) {
            pins.add(dev.dockenv.pep.Pep503.normalize(pkg.name()) + "==" + pkg.version().orElse("?") + " "
                    + new TreeSet<>(pkg.groups()));
        }
        return pins;
    }

    /** Locks the project from the index, then a copy with pip, and returns both locks' pins. */
    private List<TreeSet<String>> lockBothWays(String name, String requirements, String devRequirements) {
        TestProject native_ = ws.project(name).file(".python-version", "3.11\n").file("requirements.txt", requirements)
                .file("requirements-dev.txt", devRequirements);
        TestProject withPip = ws.project(name + "-pip").file(".python-version", "3.11\n")
                .file("requirements.txt", requirements).file("requirements-dev.txt", devRequirements);
        ProcessResult fromIndex = dockenv.runOk(native_.dir(), "lock");
        assertThat(fromIndex.stderr()).as(fromIndex.describe()).contains(FROM_INDEX).doesNotContain("with pip");
        ProcessResult pip = dockenv.withEnv("DOCKENV_RESOLVER", "pip").runOk(withPip.dir(), "lock");
        assertThat(pip.stderr()).as(pip.describe()).contains("with pip").doesNotContain(FROM_INDEX);
        return List.of(pins(native_), pins(withPip));
    }

    @Test
    void realApplicationsLockAsPipResolvesThemMarkersExtrasAndAPreReleaseIncluded() {
        List<TreeSet<String>> locks = lockBothWays("apps", "--index-url " + apps.url() + "\nflask[async]\n"
                + "django[argon2]\njupyter-server\ngunicorn\n", "pytest\nredis\n");
        assertThat(locks.get(0)).as("the same pins as pip's").isEqualTo(locks.get(1));
        assertThat(locks.get(0)).contains("flask==2.2.2 [main]", "asgiref==3.6.0 [main]", "argon2-cffi==21.1.0 [main]",
                "send2trash==1.8.1b0 [main]", "pytest==7.2.1 [dev]", "redis==4.3.4 [dev]")
                .hasSizeGreaterThan(40);
    }

    @Test
    void theFixturesLockAsPipResolvesThem() {
        List<TreeSet<String>> locks = lockBothWays("fixtures", "--index-url " + fixtures.url() + "\ncolorsay\n",
                "devtool\ngreeting<1.1\n");
        assertThat(locks.get(0)).isEqualTo(locks.get(1));
    }

    @Test
    void aRelockKeepsWhatStillFitsAndReadsNoMetadataAgain() {
        TestProject p = ws.project("relock").file(".python-version", "3.11\n")
                .file("requirements.txt", "--index-url " + fixtures.url() + "\ngreeting==1.0.0\n");
        dockenv.runOk(p.dir(), "lock");
        assertThat(pins(p)).containsExactly("greeting==1.0.0 [main]");
        // unpinned, greeting 1.0.0 still fits: the relock keeps it (pip from scratch would take 1.1.0)
        fixtures.clearRequests();
        p.file("requirements.txt", "--index-url " + fixtures.url() + "\ngreeting\ncolorsay\n");
        ProcessResult relock = dockenv.runOk(p.dir(), "lock");
        assertThat(relock.stderr()).contains(FROM_INDEX);
        assertThat(pins(p)).containsExactly("colorsay==2.0.0 [main]", "greeting==1.0.0 [main]");
        assertThat(fixtures.downloadedFiles()).as("only the new package's wheel is read for its metadata")
                .containsExactly("colorsay-2.0.0-py3-none-any.whl");
    }

    @Test
    void whatOnlyPipResolvesFallsBackToPipAndSaysWhy() {
        TestProject p = ws.project("local").file(".python-version", "3.11\n")
                .file("requirements.txt", "--index-url " + fixtures.url() + "\ncolorsay\n./libs/tool\n")
                .file("libs/tool/pyproject.toml", "[project]\nname = \"tool\"\nversion = \"1.0\"\n"
                        + "dependencies = [\"greeting<1.1\"]\n\n[build-system]\nrequires = [\"setuptools\"]\n"
                        + "build-backend = \"setuptools.build_meta\"\n")
                .file("libs/tool/tool.py", "");
        ProcessResult lock = dockenv.run(p.dir(), "lock");
        assertThat(lock.stderr()).as(lock.describe()).contains("dockenv: resolving with pip in python:3.11-slim: "
                + "a local requirement, which pip builds").doesNotContain(FROM_INDEX);
    }
}
