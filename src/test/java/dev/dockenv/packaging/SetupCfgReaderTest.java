package dev.dockenv.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockenv.errors.InputException;
import dev.dockenv.python.DeclaredRequirement;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SetupCfgReaderTest {
    @TempDir
    Path root;

    private SetupCfg read(String text) throws Exception {
        Files.writeString(root.resolve("setup.cfg"), text);
        return SetupCfgReader.read(root, root.resolve("setup.cfg"));
    }

    @Test
    void readsWhatTheBuildNeeds() throws Exception {
        Files.writeString(root.resolve("README.rst"), "Shop\n");
        Files.writeString(root.resolve("LICENSE.txt"), "MIT\n");
        SetupCfg cfg = read("""
                [metadata]
                name = shop-app
                version = attr: shop.__version__
                long_description = file: README.rst, CHANGES.rst
                license_files = LICEN[CS]E*

                [options]
                package_dir =
                    = src
                packages = find:
                python_requires = >=3.9
                install_requires =
                    requests>=2.31
                    rich; python_version >= "3.8"

                [options.extras_require]
                Postgres = psycopg>=3

                [options.entry_points]
                console_scripts =
                    shop = shop.cli:main
                    shop-admin = shop.admin:main
                """);
        assertThat(cfg.name()).contains("shop-app");
        assertThat(cfg.versionAttr()).contains("shop.__version__");
        assertThat(cfg.versionAt().orElseThrow().line()).isEqualTo(3);
        // CHANGES.rst is missing: setuptools skips it too
        assertThat(cfg.referencedFiles()).containsExactly("README.rst", "LICENSE.txt");
        assertThat(cfg.packageDir()).containsEntry("", "src");
        assertThat(cfg.packages()).isEmpty();
        assertThat(cfg.pythonRequires().orElseThrow().text()).isEqualTo(">=3.9");
        assertThat(cfg.installRequires()).extracting(DeclaredRequirement::text)
                .containsExactly("requests>=2.31", "rich; python_version >= \"3.8\"");
        assertThat(cfg.installRequires().get(1).location().line()).isEqualTo(14);
        assertThat(cfg.extras()).containsOnlyKeys("postgres");
        assertThat(cfg.consoleScripts()).containsExactly("shop", "shop-admin");
    }

    @Test
    void listedPackagesAndASingleLineRequirementList() throws Exception {
        SetupCfg cfg = read("[options]\npackages = shop, shop.sub\ninstall_requires = requests; six\n");
        assertThat(cfg.packages()).containsExactly("shop", "shop.sub");
        assertThat(cfg.installRequires()).extracting(DeclaredRequirement::text).containsExactly("requests", "six");
    }

    @Test
    void requirementsFromAFile() throws Exception {
        Files.writeString(root.resolve("requirements.in"), "# pinned\nrequests==2.31.0\n\nidna\n");
        SetupCfg cfg = read("[options]\ninstall_requires = file: requirements.in\n");
        assertThat(cfg.installRequires()).extracting(DeclaredRequirement::text).containsExactly("requests==2.31.0", "idna");
        assertThat(cfg.installRequires().get(0).location()).hasToString(root.resolve("requirements.in") + ":2:1");
        assertThat(cfg.referencedFiles()).containsExactly("requirements.in");
    }

    @Test
    void anInvalidRequirementIsAnErrorAtItsLine() {
        assertThatThrownBy(() -> read("[options]\ninstall_requires =\n    requests\n    rich>=>1\n"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(root.resolve("setup.cfg") + ":4: invalid requirement 'rich>=>1'");
    }

    @Test
    void aFileDirectiveOutsideTheProjectIsAnError() {
        assertThatThrownBy(() -> read("[metadata]\nlong_description = file: ../README.md\n"))
                .hasMessageContaining("setup.cfg:2:1: long_description: file: ../README.md is outside the project");
    }

    @Test
    void aBadPackageDirIsAnError() {
        assertThatThrownBy(() -> read("[options]\npackage_dir = src\n"))
                .hasMessageContaining("package_dir: 'src' is not 'package = folder'");
    }
}
