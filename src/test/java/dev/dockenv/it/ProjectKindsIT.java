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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The ways a Python project declares its environment, each built once on the real engine from
 * the local index: a pyproject.toml project (PEP 621 dependencies, a src/ layout package
 * importable without installing it, a PEP 735 dev group only in the dev image); requirements.txt
 * with requirements-dev.txt (the index from PIP_INDEX_URL in dockenv's environment); and
 * {@code -e .} in requirements.txt of a [build-system] project (the index, which also serves the
 * build backend, from dockenv.toml): the project installed editable.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProjectKindsIT {
    private ItWorkspace ws;
    private LocalPackageIndex index;
    private DockenvCli dockenv;

    @BeforeAll
    void serveIndex() {
        Docker.requireEngine();
        ws = ItWorkspace.open("dockenv-kindsit", "greeting-1.0.0", "colorsay-2.0.0", "devtool-0.3.0",
                LocalPackageIndex.BUILD_BACKEND);
        index = ws.index();
        dockenv = ws.dockenv();
    }

    @AfterAll
    void cleanUp() {
        ItWorkspace.closeIfOpened(ws);
    }

    /** dockenv (or the command) exited 0 and printed exactly {@code stdout}. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class PyprojectWithSrcLayoutAndDependencyGroups {
        private TestProject p;
        private ProcessResult first;

        @BeforeAll
        void build() {
            p = ws.project("pyproject");
            p.file("pyproject.toml", """
                    [project]
                    name = "%s"
                    version = "0.1.0"
                    requires-python = ">=3.10"
                    dependencies = ["colorsay>=2"]

                    [dependency-groups]
                    dev = ["devtool==0.3.0"]

                    [tool.dockenv]
                    index-url = "%s"
                    """.formatted(p.name(), index.url()))
                    .file("src/shop/__init__.py", "import colorsay\n\ndef banner():\n    return colorsay.say('shop')\n")
                    .mkdirs("tests");
            first = dockenv.run(p.dir(), "run", "--", "python", "-c", "import shop; print(shop.banner())");
        }

        @Test
        void theSrcPackageIsImportableWithoutInstallingItAndItsDependenciesAreInstalled() {
            assertPrints(first, "hello, shop\n");
            // from a folder that is not the project root too, and not as an installed distribution
            ProcessResult r = dockenv.run(p.path("tests"), "run", "--", "python", "-c",
                    "import shop, importlib.metadata as m; print(shop.__file__);"
                            + " print(sorted(d.metadata['Name'] for d in m.distributions()"
                            + " if d.metadata['Name'] in ('colorsay', 'greeting', 'devtool', '" + p.name() + "')))");
            assertPrints(r, "/app/src/shop/__init__.py\n['colorsay', 'devtool', 'greeting']\n");
        }

        @Test
        void theDevGroupIsInTheDevImageOnly() {
            ProcessResult dev = dockenv.run(p.dir(), "run", "--", "devtool");
            assertPrints(dev, "devtool ok\n");

            ProcessResult prodBuild = dockenv.run(p.dir(), "build", "--target", "prod");
            assertThat(prodBuild.exitCode()).as(prodBuild.describe()).isZero();
            String prod = prodBuild.stdout().strip();
            assertModuleMissing(Docker.run("run", "--rm", prod, "python", "-c", "import devtool"), "devtool");
            ProcessResult app = Docker.run("run", "--rm", prod, "python", "-c", "import shop; print(shop.banner())");
            assertPrints(app, "hello, shop\n");
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class RequirementsWithDevRequirementsAndPipIndexUrl {
        private TestProject p;
        private DockenvCli withIndex;

        @BeforeAll
        void build() {
            p = ws.project("reqs").file("requirements.txt", "greeting==1.0.0\n")
                    .file("requirements-dev.txt", "devtool\n");
            withIndex = dockenv.withEnv("PIP_INDEX_URL", index.url());
        }

        @Test
        void requirementsDevTxtIsInstalledInTheDevImageOnly() {
            ProcessResult dev = withIndex.run(p.dir(), "run", "--", "sh", "-c",
                    "devtool && python -c 'import greeting; print(greeting.__version__)'");
            assertPrints(dev, "devtool ok\n1.0.0\n");

            ProcessResult prod = withIndex.run(p.dir(), "run", "--target", "prod", "--", "python", "-c",
                    "import greeting; import devtool");
            assertModuleMissing(prod, "devtool");
            ProcessResult prodGreeting = withIndex.run(p.dir(), "run", "--target", "prod", "--", "python", "-c",
                    "import greeting; print(greeting.hello('prod'))");
            assertThat(prodGreeting.stdout()).as(prodGreeting.describe()).isEqualTo("hello, prod\n");
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class EditableProjectInRequirements {
        private TestProject p;

        @BeforeAll
        void build() {
            p = ws.project("editable");
            p.file("pyproject.toml", """
                    [build-system]
                    requires = ["setuptools>=61"]
                    build-backend = "setuptools.build_meta"

                    [project]
                    name = "%s"
                    version = "0.1.0"
                    dependencies = ["colorsay"]
                    """.formatted(p.name()))
                    .file("dockenv.toml", "index-url = \"" + index.url() + "\"\n")
                    .file("requirements.txt", "-e .\n")
                    .file("inventory/__init__.py", "import colorsay\nCOUNT = 3\n")
                    .mkdirs("scripts");
        }

        @Test
        void theProjectIsInstalledEditableAndItsPyprojectDependenciesAreInstalled() {
            // from scripts/: sys.path[0] is /app/scripts, so the import proves the project is on the path
            ProcessResult r = dockenv.run(p.path("scripts"), "run", "--", "python", "-c",
                    "import inventory, colorsay, importlib.metadata as m; print(inventory.COUNT, colorsay.say('inv'),"
                            + " inventory.__file__, m.version('" + p.name() + "'))");
            assertPrints(r, "3 hello, inv /app/inventory/__init__.py 0.1.0\n");
            assertThat(r.stderr()).contains("building");
        }
    }
}
