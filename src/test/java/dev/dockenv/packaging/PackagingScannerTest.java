package dev.dockenv.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockenv.errors.InputException;
import dev.dockenv.io.Utf8File;
import dev.dockenv.python.DeclaredRequirement;
import dev.dockenv.pyproject.PyprojectReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which projects are installable, and what building them reads. */
class PackagingScannerTest {
    @TempDir
    Path root;

    private void write(String path, String content) throws Exception {
        Path p = root.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }

    private PackagingScanner.Scan scan() {
        return PackagingScanner.scan(root, pyproject());
    }

    private Optional<dev.dockenv.pyproject.PyprojectFile> pyproject() {
        Path pyproject = root.resolve("pyproject.toml");
        return Files.isRegularFile(pyproject) ? Optional.of(PyprojectReader.read(pyproject)) : Optional.empty();
    }

    /** How many times one scan reads each project file (pyproject.toml comes parsed), its outcome the public scan's. */
    private Map<String, Integer> readsOfOneScan() {
        Map<String, Integer> reads = new LinkedHashMap<>();
        PackagingScanner counting = new PackagingScanner(file -> {
            reads.merge(root.relativize(file).toString().replace('\\', '/'), 1, Integer::sum);
            return Utf8File.read(file);
        });
        Optional<dev.dockenv.pyproject.PyprojectFile> pyproject = pyproject();
        assertThat(counting.scanProject(root, pyproject)).isEqualTo(PackagingScanner.scan(root, pyproject));
        return reads;
    }

    private PackagingProject project() {
        return scan().project().orElseThrow();
    }

    @Test
    void aSrcLayoutSetuptoolsProjectReadsItsVersionStatementsOnly() throws Exception {
        write("pyproject.toml", """
                [build-system]
                requires = ["setuptools>=64"]
                build-backend = "setuptools.build_meta"

                [project]
                name = "shop-app"
                dynamic = ["version"]
                readme = "README.md"
                license = {file = "LICENSE"}
                dependencies = ["requests"]

                [project.scripts]
                shop = "shop.cli:main"

                [tool.setuptools.dynamic]
                version = {attr = "shop.__version__"}
                """);
        write("README.md", "# Shop\n");
        write("LICENSE", "MIT\n");
        write("MANIFEST.in", "include README.md\n");
        write("setup.cfg", "[flake8]\nmax-line-length = 100\n");
        write("src/shop/__init__.py", "\"\"\"Shop.\"\"\"\nimport requests\nfrom ._version import __version__\n"
                + "from .cli import main\n");
        write("src/shop/_version.py", "__version__ = \"1.4.0\"\n__all__ = ['__version__']\n");
        write("src/shop/cli.py", "def main():\n    print('shop')\n");

        PackagingProject p = project();
        assertThat(p.name()).contains("shop-app");
        assertThat(p.backend().backend()).isEqualTo("setuptools.build_meta");
        assertThat(p.backend().requires()).containsExactly("setuptools>=64");
        assertThat(p.packagingFiles()).containsExactly("pyproject.toml", "setup.cfg", "MANIFEST.in");
        assertThat(p.metadataFiles()).containsExactly("README.md", "LICENSE");
        assertThat(p.stubs()).extracting(ModuleStub::path).containsExactly("src/shop/__init__.py", "src/shop/_version.py");
        assertThat(p.stubs().get(0).content()).endsWith("\nfrom ._version import __version__\n")
                .doesNotContain("requests").doesNotContain("cli");
        assertThat(p.stubs().get(1).content()).endsWith("\n__version__ = \"1.4.0\"\n").doesNotContain("__all__");
        assertThat(p.dependencies()).contains(java.util.List.of()); // [project] dependencies are read with pyproject.toml
        assertThat(p.consoleScripts()).containsExactly("shop");
        assertThat(p.filesRead()).contains(root.resolve("src/shop/__init__.py"), root.resolve("src/shop/_version.py"));
        assertThat(scan().detected()).containsExactly("setup.cfg", "installable (setuptools.build_meta)");
    }

    @Test
    void aSetupPyThatImportsItsOwnPackageGetsAStandInWithTheNamesItReads() throws Exception {
        write("setup.py", """
                from setuptools import setup
                from legacy import __version__, __author__
                setup(version=__version__, author=__author__, long_description=open("README.rst").read(),
                      install_requires=["greeting>=1"], extras_require={"Fast": ["ujson"]})
                """);
        write("setup.cfg", "[metadata]\nname = legacy-app\n\n[options]\npackages = legacy\npython_requires = >=3.8\n");
        write("README.rst", "Legacy\n");
        write("legacy/__init__.py", "import greeting\n__version__ = '0.4'\n__author__ = 'Ada'\n");

        PackagingProject p = project();
        assertThat(p.backend().backend()).isEqualTo(BuildBackend.LEGACY_SETUPTOOLS);
        assertThat(p.backend().requires()).isEqualTo(BuildBackend.LEGACY_REQUIRES);
        assertThat(p.name()).contains("legacy-app");
        assertThat(p.packagingFiles()).containsExactly("setup.py", "setup.cfg");
        assertThat(p.metadataFiles()).containsExactly("README.rst");
        assertThat(p.stubs()).singleElement().satisfies(s -> {
            assertThat(s.path()).isEqualTo("legacy/__init__.py");
            assertThat(s.content()).endsWith("\n__version__ = '0.4'\n__author__ = 'Ada'\n").doesNotContain("greeting");
        });
        assertThat(p.packageDirs()).containsExactly("legacy");
        assertThat(p.dependencies().orElseThrow()).extracting(DeclaredRequirement::text).containsExactly("greeting>=1");
        assertThat(p.dependencySource()).isEqualTo("setup.py install_requires");
        assertThat(p.extras()).containsOnlyKeys("fast");
        assertThat(p.pythonRequires().orElseThrow().text()).isEqualTo(">=3.8");
    }

    @Test
    void aVersionThatIsComputedNeedsTheModuleWhole() throws Exception {
        write("setup.py", "from setuptools import setup\nimport legacy\nsetup(name='legacy', version=legacy.get_version())\n");
        write("legacy/__init__.py", "def get_version():\n    return '1.0'\n");
        PackagingProject p = project();
        assertThat(p.stubs()).isEmpty();
        assertThat(p.metadataFiles()).containsExactly("legacy/__init__.py");
        assertThat(p.notes()).anySatisfy(n -> assertThat(n).startsWith("legacy/__init__.py is copied whole"));
    }

    @Test
    void computedInstallRequiresAreLeftToPip() throws Exception {
        write("setup.py", "from setuptools import setup\nreqs = open('requirements.txt').read().split()\n"
                + "setup(name='app', install_requires=reqs)\n");
        write("requirements.txt", "greeting\n");
        PackagingProject p = project();
        assertThat(p.dependenciesKnown()).isFalse();
        assertThat(p.metadataFiles()).containsExactly("requirements.txt");
        assertThat(p.notes()).anySatisfy(n -> assertThat(n)
                .startsWith(root.resolve("setup.py") + ":3:19: install_requires is computed"));
    }

    @Test
    void setupCfgRequirementsAreKnownWhenSetupPyDoesNotSetThem() throws Exception {
        write("setup.py", "import setuptools\nsetuptools.setup()\n");
        write("setup.cfg", "[metadata]\nname = app\nversion = 1.0\n[options]\ninstall_requires =\n    greeting\n");
        PackagingProject p = project();
        assertThat(p.dependencies().orElseThrow()).extracting(DeclaredRequirement::text).containsExactly("greeting");
        assertThat(p.dependencySource()).isEqualTo("setup.cfg [options] install_requires");
    }

    @Test
    void aBuildSystemWithoutBackendUsesSetuptoolsLegacyWhenThereIsSomethingToBuild() throws Exception {
        write("pyproject.toml", "[build-system]\nrequires = [\"setuptools\", \"wheel\"]\n\n[project]\nname = \"x\"\n"
                + "version = \"1\"\n");
        assertThat(project().backend().backend()).isEqualTo(BuildBackend.LEGACY_SETUPTOOLS);
        write("pyproject.toml", "[build-system]\nrequires = [\"setuptools\"]\n");
        assertThat(scan().project()).isEmpty();
        assertThat(scan().detected()).singleElement().asString().startsWith("[build-system] (not installed");
    }

    @Test
    void projectsPipCannotInstallAreNotInstallable() throws Exception {
        write("pyproject.toml", "[project]\nname = \"app\"\nversion = \"1\"\n");
        assertThat(scan().project()).isEmpty();
        write("setup.cfg", "[metadata]\nname = app\n");
        Files.delete(root.resolve("pyproject.toml"));
        assertThat(scan().project()).isEmpty();
        assertThat(scan().detected()).containsExactly("setup.cfg",
                "(setup.cfg alone is not installable: pip needs a setup.py or a [build-system])");
    }

    @Test
    void aBuildSystemWithoutRequiresIsAnErrorAtItsLine() throws Exception {
        write("pyproject.toml", "[project]\nname = \"x\"\n\n[build-system]\nbuild-backend = \"hatchling.build\"\n");
        assertThatThrownBy(this::scan).isInstanceOf(InputException.class)
                .hasMessageContaining("pyproject.toml:4:1: [build-system] has no 'requires'");
        write("pyproject.toml", "[build-system]\nrequires = [\"setuptools>=>1\"]\n");
        assertThatThrownBy(this::scan).hasMessageContaining("pyproject.toml:2:13: invalid requirement 'setuptools>=>1'");
    }

    @Test
    void otherBackendsGetTheirPackageAndVersionFile() throws Exception {
        write("pyproject.toml", """
                [build-system]
                requires = ["hatchling"]
                build-backend = "hatchling.build"

                [project]
                name = "my-tool"
                dynamic = ["version"]

                [tool.hatch.version]
                path = "src/my_tool/__about__.py"
                """);
        write("setup.cfg", "[flake8]\nbad = 100%\n");
        write("src/my_tool/__init__.py", "from .core import run\n");
        write("src/my_tool/__about__.py", "__version__ = '2.0'\n");
        PackagingProject p = project();
        assertThat(p.backend().family()).isEqualTo("hatchling");
        assertThat(p.packagingFiles()).containsExactly("pyproject.toml"); // setup.cfg is not hatchling's
        assertThat(p.stubs()).extracting(ModuleStub::path)
                .containsExactly("src/my_tool/__about__.py", "src/my_tool/__init__.py");
        assertThat(p.stubs().get(1).content()).doesNotContain("import");
    }

    @Test
    void aFlitModuleKeepsItsDocstringWhenTheDescriptionIsDynamic() throws Exception {
        write("pyproject.toml", """
                [build-system]
                requires = ["flit_core>=3.4"]
                build-backend = "flit_core.buildapi"

                [project]
                name = "tiny"
                dynamic = ["version", "description"]
                """);
        write("tiny.py", "\"\"\"A tiny module.\"\"\"\nimport os\n__version__ = '0.3'\n");
        PackagingProject p = project();
        assertThat(p.stubs()).singleElement().satisfies(s -> {
            assertThat(s.path()).isEqualTo("tiny.py");
            assertThat(s.content()).contains("\"\"\"A tiny module.\"\"\"\n__version__ = '0.3'\n");
        });
    }

    @Test
    void aFileTheContextLeavesOutIsNotReadButReported() throws Exception {
        write("pyproject.toml", "[build-system]\nrequires = [\"setuptools\"]\nbuild-backend = \"setuptools.build_meta\"\n"
                + "[project]\nname = \"x\"\nversion = \"1\"\nreadme = \"README.md\"\n");
        write("README.md", "# x\n");
        write(".dockerignore", "*.md\n");
        PackagingProject p = project();
        assertThat(p.metadataFiles()).isEmpty();
        assertThat(p.notes()).containsExactly("README.md is excluded by .dockerignore (or dockenv's defaults): the build "
                + "of the project cannot read it");
    }

    @Test
    void setupCfgIsReadOncePerScanWhenItsNameDecidesThatTheProjectIsInstallable() throws Exception {
        // no build-backend, setup.py or [project] name: setup.cfg's [metadata] name makes it installable,
        // and the setup.cfg read to know that is the one the project is read from
        write("pyproject.toml", "[build-system]\nrequires = [\"setuptools\"]\n");
        write("setup.cfg", "[metadata]\nname = app\nversion = attr: app.__version__\n[options]\npackages = app\n"
                + "install_requires =\n    greeting\n");
        write("app/__init__.py", "__version__ = '1.0'\n");
        assertThat(readsOfOneScan()).containsExactly(Map.entry("setup.cfg", 1), Map.entry("app/__init__.py", 1));
        PackagingProject p = project();
        assertThat(p.backend().backend()).isEqualTo(BuildBackend.LEGACY_SETUPTOOLS);
        assertThat(p.name()).contains("app");
        assertThat(p.dependencies().orElseThrow()).extracting(DeclaredRequirement::text).containsExactly("greeting");
    }

    @Test
    void eachPackagingFileIsReadOncePerScan() throws Exception {
        write("setup.py", "from setuptools import setup\nfrom app import __version__\nsetup(version=__version__)\n");
        write("setup.cfg", "[metadata]\nname = app\n[options]\npackages = app\npython_requires = >=3.8\n"
                + "[options.entry_points]\nconsole_scripts =\n    app = app:main\n");
        write("MANIFEST.in", "include README.md\n");
        write("app/__init__.py", "from ._version import __version__\n");
        write("app/_version.py", "__version__ = '1.0'\n");
        assertThat(readsOfOneScan()).containsExactly(Map.entry("setup.cfg", 1), Map.entry("setup.py", 1),
                Map.entry("app/__init__.py", 1), Map.entry("app/_version.py", 1));

        Files.delete(root.resolve("setup.py")); // setup.cfg alone: read to know whether it names a project
        assertThat(readsOfOneScan()).containsExactly(Map.entry("setup.cfg", 1));
        assertThat(scan().project()).isEmpty();

        write("pyproject.toml", "[build-system]\nrequires = [\"hatchling\"]\nbuild-backend = \"hatchling.build\"\n"
                + "[project]\nname = \"app\"\nversion = \"1\"\n"); // not setuptools: setup.cfg is not read
        assertThat(readsOfOneScan()).containsExactly(Map.entry("app/__init__.py", 1));
    }
}
