package dev.dockenv.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dockenv.errors.DockenvException;
import dev.dockenv.errors.ExitCode;
import dev.dockenv.errors.SourceLocation;
import dev.dockenv.lock.LockFile;
import dev.dockenv.lock.LockedArtifact;
import dev.dockenv.lock.LockedPackage;
import dev.dockenv.lock.PackageSource;
import dev.dockenv.lock.pylock.PylockReader;
import dev.dockenv.lock.pylock.PylockWriter;
import dev.dockenv.project.Project;
import dev.dockenv.project.ProjectScanner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.dockenv.plan.Plans;

/** The inputs digest, its place in pylock.toml ([tool.dockenv]) and the freshness check. */
class LockInputsTest {
    @TempDir
    Path dir;

    private String digest(Map<String, String> env) {
        Project project = ProjectScanner.scan(dir);
        return LockInputs.digest(project, InstallDecider.unlocked(project, env));
    }

    private String digest() {
        return digest(Map.of());
    }

    private void write(String name, String text) throws Exception {
        Files.writeString(dir.resolve(name), text);
    }

    @Test
    void equalInputsGiveAnEqualDigestAndAnyChangeAnother() throws Exception {
        write(".python-version", "3.11\n");
        write("requirements.txt", "colorsay\n");
        String first = digest();
        assertThat(first).startsWith("sha256:").hasSize(7 + 64);
        assertThat(digest()).isEqualTo(first);

        write("requirements.txt", "colorsay\ngreeting<2\n");
        String edited = digest();
        assertThat(edited).isNotEqualTo(first);

        write("requirements-dev.txt", "devtool\n");
        String withDev = digest();
        assertThat(withDev).isNotEqualTo(edited);

        assertThat(digest(Map.of("PIP_INDEX_URL", "http://127.0.0.1:9/simple"))).isNotEqualTo(withDev);

        write(".python-version", "3.12\n");
        assertThat(digest()).isNotEqualTo(withDev);
    }

    @Test
    void declaredPackagesCount() throws Exception {
        write("pyproject.toml", "[project]\nname = \"shop\"\nversion = \"0.1\"\ndependencies = [\"colorsay\"]\n");
        String first = digest();
        write("pyproject.toml", "[project]\nname = \"shop\"\nversion = \"0.1\"\ndependencies = [\"colorsay>=2\"]\n");
        assertThat(digest()).isNotEqualTo(first);
    }

    @Test
    void chosenSetsAndConstraintsCount() throws Exception {
        write(".python-version", "3.11\n");
        write("requirements_base.txt", "colorsay\n");
        write("requirements_parser.txt", "lark\n");
        String base = digest();
        write("dockenv.toml", "requirements = [\"base\", \"parser\"]\n");
        String both = digest();
        assertThat(both).isNotEqualTo(base);
        write("constraints.txt", "colorsay<3\n");
        String constrained = digest();
        assertThat(constrained).isNotEqualTo(both);
        write("constraints.txt", "colorsay<2.5\n");
        assertThat(digest()).isNotEqualTo(constrained);
        Project project = ProjectScanner.scan(dir);
        assertThat(Plans.of(project).baseInstalls()).singleElement()
                .satisfies(install -> assertThat(install.pipCommands().get(0).arguments()).containsExactly("-c", "constraints.txt", "-r", "requirements_base.txt", "-r", "requirements_parser.txt"));
    }

    private static LockFile lock(Path file) {
        LockedPackage p = new LockedPackage("colorsay", Optional.of("2.0.0"), Optional.empty(),
                List.of(new LockedArtifact(Optional.of("colorsay-2.0.0-py3-none-any.whl"),
                        Optional.of("http://127.0.0.1:1/files/colorsay-2.0.0-py3-none-any.whl"), List.of("sha256:" + "ab".repeat(32)))),
                new PackageSource.Registry(Optional.of("http://127.0.0.1:1/simple")), Set.of("main"),
                SourceLocation.of(file));
        return new LockFile(file, "requirements.txt", List.of(p), Optional.empty(), List.of(), Optional.empty());
    }

    @Test
    void pylockTomlKeepsTheDigestInToolDockenv() throws Exception {
        Path file = dir.resolve("pylock.toml");
        PylockWriter.write(lock(file), file, "sha256:0123");
        String text = Files.readString(file);
        assertThat(text).contains("[tool.dockenv]\ninputs-digest = \"sha256:0123\"\n");
        LockFile back = PylockReader.read(file);
        assertThat(back.inputsDigest()).contains("sha256:0123");
        assertThat(back.packages()).hasSize(1);
        assertThat(PylockWriter.toToml(lock(file))).doesNotContain("[tool");
    }

}
