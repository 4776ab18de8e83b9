package dev.dockenv.lock.poetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockenv.errors.InputException;
import dev.dockenv.lock.DeclaredDependencies;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each file of src/test/resources/lock/poetry/malformed is refused with an {@link InputException}
 * at the place of its one mistake (line:column, 0 where only the line or file is known).
 */
class PoetryMalformedInputTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
        "bad-toml.pyproject.toml => 3 => 17 => invalid TOML",
        "dependencies-not-a-table.pyproject.toml => 3 => 1 => tool.poetry.dependencies: expected a table",
        "bad-constraint.pyproject.toml => 3 => 1 => dependency 'requests': invalid version constraint '^^2.0'",
        "or-constraint.pyproject.toml => 2 => 1 => cannot be written as one PEP 440 specifier set",
        "constraint-not-a-string.pyproject.toml => 2 => 1 => dependency 'requests': expected a version constraint string",
        "unknown-key.pyproject.toml => 2 => 29 => unknown key 'extra' (did you mean 'extras'?)",
        "optional-not-a-boolean.pyproject.toml => 2 => 29 => 'optional' must be true or false",
        "bad-markers.pyproject.toml => 2 => 29 => invalid markers 'python_version >> '3.8'': invalid operator '>>'",
        "bad-python.pyproject.toml => 2 => 1 => python: invalid version constraint '^^3'",
        "bad-dependency-python.pyproject.toml => 2 => 29 => python: invalid version constraint '3.8 - 3.9'",
        "unknown-source.pyproject.toml => 2 => 29 => source 'nope' is not declared",
        "bad-source-priority.pyproject.toml => 7 => 1 => unknown priority 'first'",
        "source-without-url.pyproject.toml => 4 => 1 => source 'corp' needs a url",
        "include-missing-group.pyproject.toml => 2 => 1 => group 'lint' includes group 'nope', which is not defined",
        "include-cycle.pyproject.toml => 2 => 1 => includes itself (a -> b -> a)",
        "git-and-version.pyproject.toml => 2 => 56 => 'version' cannot be combined with 'git'",
        "branch-and-tag.pyproject.toml => 2 => 73 => give only one of branch, tag and rev",
        "path-and-url.pyproject.toml => 2 => 29 => 'path' and 'url' cannot be combined",
        "invalid-name.pyproject.toml => 2 => 1 => 'bad name!' is not a valid package name",
        "list-element-not-a-table.pyproject.toml => 5 => 5 => each element of a multiple-constraints list must be a table",
        "group-defined-twice.pyproject.toml => 4 => 1 => dependency group 'docs' is defined twice",
        "group-optional-not-a-boolean.pyproject.toml => 2 => 1 => group 'docs': optional must be true or false",
        "extras-not-names.pyproject.toml => 2 => 48 => extras must be extra names",
    })
    void refusesTheManifest(String file, int line, int column, String message) {
        Path path = PoetryFixtures.path("malformed/" + file);
        assertRefused(() -> PoetryManifestReader.read(path), path, line, column, message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
        "bad-toml.poetry.lock => 3 => 15 => invalid TOML",
        "no-metadata.poetry.lock => 0 => 0 => poetry.lock has no [metadata] table",
        "package-without-version.poetry.lock => 12 => 1 => package 'requests' has no version",
        "package-without-name.poetry.lock => 1 => 1 => package #1 has no name",
        "name-not-a-string.poetry.lock => 2 => 1 => package #1: name must be a string",
        "bad-hash.poetry.lock => 10 => 39 => package 'requests': invalid hash 'sha256:xyz' of file 'requests-2.32.3.tar.gz'",
        "file-without-hash.poetry.lock => 9 => 5 => file 'requests-2.32.3.tar.gz' has no hash",
        "files-not-an-array.poetry.lock => 8 => 1 => files must be an array",
        "unknown-source-type.poetry.lock => 13 => 1 => unknown source type 'svn'",
        "source-without-url.poetry.lock => 12 => 1 => package 'mylib': source has no url",
        "bad-dependency-marker.poetry.lock => 14 => 28 => dependency 'idna': markers: invalid marker",
        "bad-dependency-constraint.poetry.lock => 13 => 1 => dependency 'certifi': invalid version constraint '^^2017'",
        "dependency-not-a-constraint.poetry.lock => 13 => 1 => dependency 'certifi': expected a version constraint or a table",
        "unsupported-lock-version.poetry.lock => 13 => 1 => lock-version '3.0' is not one dockenv reads",
        "lock-2.1-without-groups.poetry.lock => 1 => 1 => package 'requests' has no groups",
        "bad-package-marker.poetry.lock => 11 => 1 => package 'requests': markers: invalid marker 'os_name === '",
        "lock-1.1-bad-metadata-hash.poetry.lock => 16 => 34 => invalid hash 'md5:1234'",
        "bad-extra-requirement.poetry.lock => 13 => 10 => extras.socks must list requirements",
        "bad-python-versions.poetry.lock => 6 => 1 => package 'requests': python-versions: invalid version constraint '^^3'",
        "bad-metadata-python-versions.poetry.lock => 14 => 1 => python-versions: invalid version constraint '3 - 4'",
    })
    void refusesTheLock(String file, int line, int column, String message) {
        Path path = PoetryFixtures.path("malformed/" + file);
        DeclaredDependencies none = new DeclaredDependencies(path, PoetryManifestReader.FORMAT, Map.of(),
                Optional.empty(), List.of());
        assertRefused(() -> PoetryLockReader.read(path, none), path, line, column, message);
    }

    @Test
    void everyMalformedFileIsInTheTables() throws IOException {
        try (Stream<Path> files = Files.list(PoetryFixtures.path("malformed"))) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).hasSize(23 + 20);
        }
    }

    @Test
    void contentHashRefusesBadToml() {
        Path path = PoetryFixtures.path("malformed/bad-toml.pyproject.toml");
        assertRefused(() -> PoetryContentHash.of(path), path, 3, 17, "invalid TOML");
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, Path path, int line,
            int column, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InputException.class, e -> {
            assertThat(e.location().file()).isEqualTo(path);
            assertThat(e.location().line()).as("line").isEqualTo(line);
            assertThat(e.location().column()).as("column").isEqualTo(column);
            assertThat(e.problem()).contains(message);
        });
    }
}
