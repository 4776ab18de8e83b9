package dev.dockenv.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockenv.errors.InputException;
import dev.dockenv.errors.SourceLocation;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import dev.dockenv.python.PythonVersion;
import dev.dockenv.python.PythonChoice;
import dev.dockenv.python.DeclaredPython;

class PythonVersionResolverTest {
    private static DeclaredPython at(String file, String text) {
        return new DeclaredPython(text, new SourceLocation(Path.of(file), 1, 1));
    }

    @Test
    void explicitVersionsWin() {
        PythonChoice c = PythonVersionResolver.resolve(List.of(at(".python-version", "3.11")),
                Optional.of(at("pyproject.toml", ">=3.9")), false);
        assertThat(c.version().toString()).isEqualTo("3.11");
        assertThat(c.describeSource()).isEqualTo(".python-version");
    }

    @Test
    void runtimeTxtAndPatchVersionsAreRead() {
        assertThat(PythonVersionResolver.resolve(List.of(at("runtime.txt", "python-3.10.12")), Optional.empty(), false)
                .version().toString()).isEqualTo("3.10.12");
    }

    @Test
    void filesThatDisagreeAreNamed() {
        assertThatThrownBy(() -> PythonVersionResolver.resolve(
                List.of(at(".python-version", "3.11"), at("runtime.txt", "python-3.12")), Optional.empty(), false))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("runtime.txt:1:1").hasMessageContaining("3.12").hasMessageContaining(".python-version");
    }

    @Test
    void requiresPythonMustAdmitTheChoice() {
        assertThatThrownBy(() -> PythonVersionResolver.resolve(List.of(at(".python-version", "3.9")),
                Optional.of(at("pyproject.toml", ">=3.10")), false))
                .hasMessageContaining("excludes Python 3.9");
    }

    @Test
    void withoutAnExplicitVersionTheDefaultOrTheClosestAdmittedIsTaken() {
        assertThat(PythonVersionResolver.resolve(List.of(), Optional.empty(), false).version())
                .isEqualTo(PythonVersion.DEFAULT);
        assertThat(PythonVersionResolver.resolve(List.of(), Optional.of(at("pyproject.toml", ">=3.8,<3.11")), false)
                .version().toString()).isEqualTo("3.10");
        assertThat(PythonVersionResolver.resolve(List.of(), Optional.of(at("pyproject.toml", "~=3.11.4")), false)
                .version().toString()).isEqualTo("3.11");
    }

    @Test
    void unknownVersionsAreErrorsUnlessTheBaseImageIsCustom() {
        assertThatThrownBy(() -> PythonVersionResolver.resolve(List.of(at(".python-version", "3.99")),
                Optional.empty(), false)).hasMessage(".python-version:1:1: unknown Python version 3.99");
        assertThat(PythonVersionResolver.resolve(List.of(at(".python-version", "3.99")), Optional.empty(), true)
                .version().toString()).isEqualTo("3.99");
        assertThatThrownBy(() -> PythonVersionResolver.resolve(List.of(at(".python-version", "snake")),
                Optional.empty(), false)).hasMessageContaining("'snake' is not a Python version");
    }

    @Test
    void everyRangeMustAdmitTheChoice() {
        List<DeclaredPython> ranges = List.of(at("pyproject.toml", ">=3.9"),
                at("environment.yml", ">=3.10,<3.12"));

        PythonChoice c = PythonVersionResolver.resolve(List.of(), ranges, false);

        assertThat(c.version()).hasToString("3.11");
        assertThat(c.describeSource()).isEqualTo("environment.yml");
        assertThatThrownBy(() -> PythonVersionResolver.resolve(List.of(), List.of(at("pyproject.toml", ">=3.12"),
                at("environment.yml", "<3.11")), false))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("'>=3.12' in pyproject.toml:1:1 and '<3.11' in environment.yml:1:1 together "
                        + "admit no Python version");
    }

    private static UserDefaults user(String python) {
        return UserDefaults.fromEnvironment(java.util.Map.of(UserDefaults.PYTHON, python));
    }

    @Test
    void theUsersDefaultTakesThePlaceOfDockenvsWhenTheProjectNamesNone() {
        PythonChoice c = PythonVersionResolver.resolve(List.of(), List.of(), false, user("3.11"));
        assertThat(c.version().toString()).isEqualTo("3.11");
        assertThat(c.describeSource()).isEqualTo("DOCKENV_PYTHON");
        assertThat(PythonVersionResolver.resolve(List.of(), List.of(), false, UserDefaults.NONE).describeSource())
                .isEqualTo("dockenv's default");
    }

    @Test
    void theProjectsOwnVersionWinsOverTheUsersDefault() {
        PythonChoice c = PythonVersionResolver.resolve(List.of(at(".python-version", "3.12")), List.of(), false,
                user("3.11"));
        assertThat(c.version().toString()).isEqualTo("3.12");
        assertThat(c.describeSource()).isEqualTo(".python-version");
    }

    @Test
    void requiresPythonStillBoundsTheUsersDefault() {
        PythonChoice c = PythonVersionResolver.resolve(List.of(), List.of(at("pyproject.toml", ">=3.12")), false,
                user("3.10"));
        assertThat(c.version().toString()).isEqualTo("3.12");
        assertThat(c.describeSource()).isEqualTo("pyproject.toml");
    }

    @Test
    void aUsersDefaultThatIsNoVersionOrUnknownIsAUsageError() {
        assertThatThrownBy(() -> user("three"))
                .isInstanceOfSatisfying(dev.dockenv.errors.DockenvException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(dev.dockenv.errors.ExitCode.USAGE))
                .hasMessage("DOCKENV_PYTHON='three' is not a Python version");
        assertThatThrownBy(() -> PythonVersionResolver.resolve(List.of(), List.of(), false, user("3.99")))
                .isInstanceOfSatisfying(dev.dockenv.errors.DockenvException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(dev.dockenv.errors.ExitCode.USAGE))
                .hasMessageContaining("DOCKENV_PYTHON=3.99 is a Python version dockenv does not know");
        assertThat(UserDefaults.fromEnvironment(java.util.Map.of(UserDefaults.PYTHON, " "))).isEqualTo(UserDefaults.NONE);
    }
}
