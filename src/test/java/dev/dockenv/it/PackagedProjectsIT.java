package dev.dockenv.it;

import static dev.dockenv.it.support.ResultAssertions.assertPrints;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.it.support.Docker;
import dev.dockenv.it.support.DockenvCli;
import dev.dockenv.it.support.ItWorkspace;
import dev.dockenv.it.support.LocalPackageIndex;
import dev.dockenv.it.support.ProcessResult;
import dev.dockenv.it.support.TestProject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Installable projects on the real engine, their build backend (setuptools) served by the local
 * index: a src-layout pyproject.toml project ([build-system], [project.scripts], a version read
 * with attr:) and a setup.py + setup.cfg project whose setup.py imports its own package for the
 * version, with {@code -e .} and the index in requirements.txt. In dev each is installed editable:
 * importlib.metadata knows its version, its console script runs, a source edit shows in the next
 * run without a build and keeps the image's tag, a packaging file's edit makes a new one. In prod
 * each is installed from its wheel and runs as the unprivileged user. A setup.py that needs more
 * of the project than its version statements fails the dev build with dockenv's explanation.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PackagedProjectsIT {
    private ItWorkspace ws;
    private LocalPackageIndex index;
    private DockenvCli dockenv;

    @BeforeAll
    void serveIndex() {
        Docker.requireEngine();
        ws = ItWorkspace.open("dockenv-packagedit", LocalPackageIndex.BUILD_BACKEND, "greeting-1.0.0",
                "colorsay-2.0.0");
        index = ws.index();
        dockenv = ws.dockenv();
    }

    @AfterAll
    void cleanUp() {
        ItWorkspace.closeIfOpened(ws);
    }

    private String image(TestProject p) {
        return DockenvCli.statusRow(dockenv.runOk(p.dir(), "status"), "image");
    }

    private static String version(String distribution) {
        return "import importlib.metadata as m; print(m.version('" + distribution + "'))";
    }

    /** The prod image, built: its reference. */
    private String prod(TestProject p) {
        ProcessResult build = dockenv.run(p.dir(), "build", "--target", "prod");
        assertThat(build.exitCode()).as(build.describe()).isZero();
        return build.stdout().strip();
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class SrcLayoutPyprojectProject {
        private TestProject p;
        private ProcessResult first;

        @BeforeAll
        void build() {
            p = ws.project("srclayout");
            p.file("pyproject.toml", """
                    [build-system]
                    requires = ["setuptools>=61"]
                    build-backend = "setuptools.build_meta"

                    [project]
                    name = "%s"
                    dynamic = ["version"]
                    readme = "README.md"
                    dependencies = ["colorsay>=2"]

                    [project.scripts]
                    shop-hello = "shop.cli:main"

                    [tool.setuptools.dynamic]
                    version = {attr = "shop.__version__"}

                    [tool.dockenv]
                    index-url = "%s"
                    """.formatted(p.name(), index.url()))
                    .file("README.md", "# Shop\n")
                    .file("src/shop/__init__.py", "\"\"\"The shop.\"\"\"\nimport colorsay\n__version__ = \"1.0.0\"\n")
                    .file("src/shop/cli.py", "import colorsay\n\ndef main():\n    print(colorsay.say('cli v1'))\n");
            first = dockenv.run(p.dir(), "run", "--", "sh", "-c", "python -c \"" + version(p.name()) + "\" && shop-hello");
        }

        @Test
        @Order(1)
        void devKnowsTheVersionAndRunsTheConsoleScript() {
            assertPrints(first, "1.0.0\nhello, cli v1\n");
            assertThat(first.stderr()).contains("building");
        }

        @Test
        @Order(2)
        void aSourceEditShowsInTheNextRunWithoutABuildAndKeepsTheTag() {
            String before = image(p);
            p.file("src/shop/cli.py", "import colorsay\n\ndef main():\n    print(colorsay.say('cli v2'))\n");
            p.file("src/shop/__init__.py", "\"\"\"The shop, edited.\"\"\"\nimport colorsay, sys\n__version__ = \"1.0.0\"\n");
            p.file("src/shop/extra.py", "X = 1\n");
            ProcessResult r = dockenv.run(p.dir(), "run", "--", "shop-hello");
            assertPrints(r, "hello, cli v2\n");
            assertThat(r.stderr()).doesNotContain("building");
            assertThat(image(p)).isEqualTo(before);
        }

        @Test
        @Order(3)
        void aPackagingFileEditOrANewVersionMakesANewTag() {
            String before = image(p);
            p.file("pyproject.toml", p.read("pyproject.toml").replace("readme = \"README.md\"",
                    "readme = \"README.md\"\ndescription = \"A shop\""));
            String edited = image(p);
            assertThat(edited).isNotEqualTo(before);
            p.file("src/shop/__init__.py", "\"\"\"The shop, edited.\"\"\"\nimport colorsay, sys\n__version__ = \"1.1.0\"\n");
            ProcessResult r = dockenv.run(p.dir(), "run", "--", "python", "-c", version(p.name()));
            assertPrints(r, "1.1.0\n");
            assertThat(r.stderr()).contains("building");
            assertThat(image(p)).isNotEqualTo(edited);
        }

        @Test
        @Order(4)
        void prodInstallsTheWheelAndRunsItAsTheUnprivilegedUser() {
            String prod = prod(p);
            ProcessResult r = Docker.run("run", "--rm", prod, "sh", "-c", "id -u && shop-hello && python -c \""
                    + version(p.name()) + "\" && python -c 'import shop; print(shop.__file__)'"
                    // no source, wheel or mount point left beyond /app, and no second pip or setuptools in the venv
                    + " && test ! -e /build && test ! -e /tmp/dockenv-wheels && test -z \"$(ls -A /mnt 2>/dev/null)\""
                    + " && ! ls /opt/venv/lib/python3.11/site-packages | grep -qi -e '^pip'"
                    + " -e '^setuptools' && echo clean");
            assertPrints(r, "10001\nhello, cli v2\n1.1.0\n/opt/venv/lib/python3.11/site-packages/shop/__init__.py\n"
                    + "clean\n");
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class SetupPyAndSetupCfgProject {
        private TestProject p;
        private ProcessResult first;

        @BeforeAll
        void build() {
            p = ws.project("setuppy");
            p.file("setup.py", """
                    from setuptools import setup
                    from legacy import __version__

                    setup(version=__version__)
                    """)
                    .file("setup.cfg", """
                            [metadata]
                            name = %s
                            description = A legacy project

                            [options]
                            packages = find:
                            install_requires =
                                greeting==1.0.0

                            [options.entry_points]
                            console_scripts =
                                legacy-greet = legacy.cli:main

                            [flake8]
                            format = %%%%(path)s
                            """.formatted(p.name()))
                    .file("requirements.txt", "--index-url " + index.url() + "\n-e .\n")
                    .file("legacy/__init__.py", "__version__ = \"0.4.0\"\n")
                    .file("legacy/cli.py", "import greeting\n\ndef main():\n    print(greeting.hello('legacy v1'))\n");
            first = dockenv.run(p.dir(), "run", "--", "sh", "-c", "python -c \"" + version(p.name()) + "\" && legacy-greet");
        }

        @Test
        @Order(1)
        void devKnowsTheVersionAndRunsTheConsoleScript() {
            assertPrints(first, "0.4.0\nhello, legacy v1\n");
        }

        @Test
        @Order(2)
        void aSourceEditShowsInTheNextRunWithoutABuildAndKeepsTheTag() {
            String before = image(p);
            p.file("legacy/cli.py", "import greeting\n\ndef main():\n    print(greeting.hello('legacy v2'))\n");
            p.file("legacy/__init__.py", "__version__ = \"0.4.0\"\nEDITED = True\n");
            ProcessResult r = dockenv.run(p.dir(), "run", "--", "legacy-greet");
            assertPrints(r, "hello, legacy v2\n");
            assertThat(r.stderr()).doesNotContain("building");
            assertThat(image(p)).isEqualTo(before);
        }

        @Test
        @Order(3)
        void aSetupCfgEditMakesANewTag() {
            String before = image(p);
            p.file("setup.cfg", p.read("setup.cfg").replace("description = A legacy project",
                    "description = A legacy project, edited"));
            assertThat(image(p)).isNotEqualTo(before);
            p.file("setup.py", p.read("setup.py") + "# edited\n");
            String afterSetupPy = image(p);
            assertThat(afterSetupPy).isNotEqualTo(before);
            ProcessResult r = dockenv.run(p.dir(), "run", "--", "python", "-c", version(p.name()));
            assertPrints(r, "0.4.0\n");
            assertThat(r.stderr()).contains("building");
        }

        @Test
        @Order(4)
        void prodInstallsTheWheelAndRunsItAsTheUnprivilegedUser() {
            String prod = prod(p);
            ProcessResult r = Docker.run("run", "--rm", prod, "sh", "-c", "id -u && legacy-greet && python -c \""
                    + version(p.name()) + "\"");
            assertPrints(r, "10001\nhello, legacy v2\n0.4.0\n");
        }
    }

    /** setup.py takes its version from a function of the package, whose module imports the rest of it. */
    @Test
    void aSetupPyNeedingMoreThanTheVersionStatementsFailsWithAnExplanation() {
        TestProject p = ws.project("setuppyfails");
        p.file("setup.py", "from setuptools import setup\nfrom legacy import get_version\n"
                        + "setup(name='" + p.name() + "', version=get_version())\n")
                .file("dockenv.toml", "index-url = \"" + index.url() + "\"\n")
                .file("legacy/__init__.py", "from .cli import main\n\ndef get_version():\n    return '1.0'\n")
                .file("legacy/cli.py", "def main():\n    pass\n");
        ProcessResult status = dockenv.runOk(p.dir(), "status");
        assertThat(DockenvCli.statusRow(status, "package")).contains("legacy/__init__.py");
        assertThat(status.stdout()).contains("legacy/__init__.py is copied whole into the dev image's editable build");

        ProcessResult r = dockenv.run(p.dir(), "run", "--", "true");
        assertThat(r.exitCode()).as(r.describe()).isEqualTo(6);
        assertThat(r.stderr()).contains("No module named 'legacy.cli'",
                "dockenv: hint: the project's build imports legacy.cli, which the dev image's editable build does not "
                        + "have: it builds from the packaging files", "read the version statically");
    }

    /**
     * A build backend the index does not serve: the hint names the backend and the index, and says
     * nothing of imports (issue 8, "what a new user hit" 4: it used to blame setup.py's imports).
     */
    @Test
    void aBuildBackendTheIndexDoesNotHaveIsNamedAsSuch() {
        TestProject p = ws.project("nobackend").file("pyproject.toml", """
                [build-system]
                requires = ["poetry-core>=1.0"]
                build-backend = "poetry.core.masonry.api"

                [project]
                name = "nobackend"
                version = "1.0"
                """).file("nobackend/__init__.py", "")
                .file("dockenv.toml", "index-url = \"" + index.url() + "\"\n");

        ProcessResult r = dockenv.run(p.dir(), "run", "--", "true");

        assertThat(r.exitCode()).as(r.describe()).isEqualTo(6);
        assertThat(r.stderr()).as(r.describe()).contains("No matching distribution found for poetry-core>=1.0",
                "dockenv: hint: the project's build backend poetry-core>=1.0 ([build-system] requires) is not in the "
                        + "package index " + index.url() + ": add it to that index, or set index-url to one that has it\n");
        assertThat(DockenvCli.linesContaining(r.stderr(), "dockenv: hint:")).singleElement().asString()
                .doesNotContain("import");
    }
}
