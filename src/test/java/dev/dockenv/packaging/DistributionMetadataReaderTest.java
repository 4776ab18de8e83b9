package dev.dockenv.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dockenv.errors.InputException;
import dev.dockenv.pyproject.PyprojectReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DistributionMetadataReaderTest {
    @TempDir
    Path root;

    private DistributionMetadata read() {
        Path pyproject = root.resolve("pyproject.toml");
        return DistributionMetadataReader.read(root,
                Files.isRegularFile(pyproject) ? Optional.of(PyprojectReader.read(pyproject)) : Optional.empty());
    }

    private void write(String name, String text) throws IOException {
        Path file = root.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void pep621VersionDescriptionAndSpdxLicense() throws IOException {
        write("pyproject.toml", "[project]\nname = \"shop\"\nversion = \"1.4\"\ndescription = \"A shop\"\n"
                + "license = \"MIT OR Apache-2.0\"\n");
        DistributionMetadata m = read();
        assertThat(m.version()).contains("1.4");
        assertThat(m.versionSource()).isEqualTo("pyproject.toml [project] version");
        assertThat(m.versionAt().orElseThrow().line()).isEqualTo(3);
        assertThat(m.description()).contains("A shop");
        assertThat(m.license()).contains("MIT OR Apache-2.0");
    }

    @Test
    void versionsAreNormalizedAsPep440Says() throws IOException {
        write("pyproject.toml", "[project]\nname = \"shop\"\nversion = \"1.0.0-RC1\"\n");
        assertThat(read().version()).contains("1.0.0rc1");
    }

    @Test
    void aLicenseTableGivesItsTextAndAFileNothing() throws IOException {
        write("pyproject.toml", "[project]\nname = \"a\"\nversion = \"1\"\nlicense = {text = \"BSD-3-Clause\"}\n");
        assertThat(read().license()).contains("BSD-3-Clause");
        write("pyproject.toml", "[project]\nname = \"a\"\nversion = \"1\"\nlicense = {file = \"LICENSE\"}\n");
        assertThat(read().license()).isEmpty();
    }

    @Test
    void aDynamicVersionIsAbsentAndSaysWhy() throws IOException {
        write("pyproject.toml", "[project]\nname = \"a\"\ndynamic = [\"version\"]\n");
        DistributionMetadata m = read();
        assertThat(m.version()).isEmpty();
        assertThat(m.versionSource()).contains("dynamic");
    }

    @Test
    void poetrysTable() throws IOException {
        write("pyproject.toml", "[tool.poetry]\nname = \"a\"\nversion = \"0.3.1\"\ndescription = \"P\"\nlicense = \"MIT\"\n");
        DistributionMetadata m = read();
        assertThat(m.version()).contains("0.3.1");
        assertThat(m.versionSource()).isEqualTo("pyproject.toml [tool.poetry] version");
        assertThat(m.license()).contains("MIT");
    }

    @Test
    void setupCfgLiteralAttributeAndFile() throws IOException {
        write("setup.cfg", "[metadata]\nname = a\nversion = 2.1\ndescription = Cfg\nlicense = MIT\n");
        assertThat(read().version()).contains("2.1");
        assertThat(read().description()).contains("Cfg");

        write("setup.cfg", "[metadata]\nname = a\nversion = attr: pkg.__version__\n[options]\npackage_dir =\n    =src\n");
        write("src/pkg/__init__.py", "\"\"\"Doc.\"\"\"\n__version__ = \"3.0.post1\"\n");
        assertThat(read().version()).contains("3.0.post1");

        write("setup.cfg", "[metadata]\nname = a\nversion = file: VERSION\n");
        write("VERSION", "4.2\n");
        assertThat(read().version()).contains("4.2");
    }

    @Test
    void anAttributeDockenvCannotReadIsAbsent() throws IOException {
        write("setup.cfg", "[metadata]\nname = a\nversion = attr: pkg.compute\n");
        write("pkg/__init__.py", "compute = make_version()\n");
        DistributionMetadata m = read();
        assertThat(m.version()).isEmpty();
        assertThat(m.versionSource()).contains("cannot read statically");
    }

    @Test
    void setupPysLiteral() throws IOException {
        write("setup.py", "from setuptools import setup\nsetup(name='a', version='0.9', description='Py')\n");
        DistributionMetadata m = read();
        assertThat(m.version()).contains("0.9");
        assertThat(m.description()).contains("Py");
    }

    @Test
    void nothingStated() {
        DistributionMetadata m = read();
        assertThat(m.version()).isEmpty();
        assertThat(m.versionSource()).contains("states no version");
    }

    @Test
    void aVersionThatIsNotPep440IsAnErrorAtItsPlace() throws IOException {
        write("pyproject.toml", "[project]\nname = \"a\"\n\nversion = \"one point two\"\n");
        InputException e = catchThrowableOfType(InputException.class, this::read);
        assertThat(e.getMessage()).contains("pyproject.toml:4:", "'one point two' is not a valid version (PEP 440)");
    }
}
