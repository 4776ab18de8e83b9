package dev.dockenv.lock.repo2docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockenv.errors.InputException;
import dev.dockenv.errors.SourceLocation;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AptFileReaderTest {

    static Path resource(String name) {
        try {
            return Path.of(AptFileReaderTest.class.getResource("/lock/repo2docker/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void readsOnePackagePerLineWithCommentsVersionsAndReleases() {
        Path file = resource("apt.txt");

        List<AptPackage> packages = AptFileReader.read(file);

        assertThat(packages).extracting(AptPackage::argument).containsExactly(
                "libgl1", "libglib2.0-0", "ffmpeg", "texlive-latex-extra", "graphviz=2.42.2-9",
                "libpq-dev/bookworm-backports", "g++", "fonts-dejavu-core");
        assertThat(packages).extracting(p -> p.location().line())
                .containsExactly(2, 3, 4, 5, 6, 9, 10, 11);
        assertThat(packages.get(4).version()).contains("2.42.2-9");
        assertThat(packages.get(5).release()).contains("bookworm-backports");
        assertThat(packages.get(5).name()).isEqualTo("libpq-dev");
        assertThat(packages).allSatisfy(p -> assertThat(p.location().file()).isEqualTo(file));
    }

    @Test
    void toleratesIndentationWindowsLineEndingsAndAByteOrderMark() {
        Path file = Path.of("apt.txt");

        List<AptPackage> packages = AptFileReader.parse(file, "\uFEFFcurl\r\n\t  git  \r\n\r\nvim=2:9.0.1378-2\r\n");

        assertThat(packages).containsExactly(
                new AptPackage("curl", Optional.empty(), Optional.empty(), new SourceLocation(file, 1, 1)),
                new AptPackage("git", Optional.empty(), Optional.empty(), new SourceLocation(file, 2, 4)),
                new AptPackage("vim", Optional.of("2:9.0.1378-2"), Optional.empty(), new SourceLocation(file, 4, 1)));
    }

    @Test
    void anEmptyFileOrOneWithOnlyCommentsListsNothing() {
        assertThat(AptFileReader.parse(Path.of("apt.txt"), "")).isEmpty();
        assertThat(AptFileReader.parse(Path.of("apt.txt"), "# nothing yet\n\n   \n")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        two-per-line.txt          | 2 | 5 | one package per line: 'vim' follows 'git'
        semicolon.txt             | 1 | 5 | ';' is not allowed in apt.txt
        upper-case.txt            | 2 | 4 | Debian package names are lower case: 'libGL1'
        empty-version.txt         | 1 | 6 | expected a version after 'curl='
        version-not-a-number.txt  | 1 | 6 | a Debian version starts with a digit: 'latest'
        bad-epoch.txt             | 1 | 6 | the epoch before ':' in version 'a:1.0' must be a number
        architecture.txt          | 1 | 6 | architecture qualifiers such as 'libc6:i386' are not supported
        one-character.txt         | 1 | 1 | a Debian package name has at least two characters: 'r'
        command-substitution.txt  | 1 | 3 | '$' is not allowed in apt.txt
        empty-release.txt         | 1 | 5 | expected a release such as bookworm-backports after 'vim/'
        option.txt                | 1 | 1 | a Debian package name starts with a letter or digit: '-y'
        backtick.txt              | 1 | 4 | '`' is not allowed in apt.txt
        """)
    void reportsAnythingButOnePackagePerLineAtItsLineAndColumn(String name, int line, int column, String message) {
        Path file = resource("apt-invalid/" + name);

        assertThatThrownBy(() -> AptFileReader.read(file))
                .isInstanceOfSatisfying(InputException.class, e -> {
                    assertThat(e.location()).isEqualTo(new SourceLocation(file, line, column));
                    assertThat(e.problem()).contains(message);
                });
    }

    @Test
    void hintsAtTheFix() {
        assertThatThrownBy(() -> AptFileReader.read(resource("apt-invalid/upper-case.txt")))
                .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.hint()).contains("write libgl1"));
        assertThatThrownBy(() -> AptFileReader.read(resource("apt-invalid/two-per-line.txt")))
                .isInstanceOfSatisfying(InputException.class,
                        e -> assertThat(e.hint()).contains("write one package per line"));
    }

    @Test
    void reportsAMissingFile(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("apt.txt");
        assertThatThrownBy(() -> AptFileReader.read(missing))
                .isInstanceOfSatisfying(InputException.class, e -> {
                    assertThat(e.location()).isEqualTo(SourceLocation.of(missing));
                    assertThat(e.problem()).isEqualTo("file not found");
                });
        Path binary = Files.write(dir.resolve("apt2.txt"), new byte[] {'v', 'i', 'm', (byte) 0xFF});
        assertThatThrownBy(() -> AptFileReader.read(binary)).isInstanceOf(InputException.class)
                .hasMessageContaining("not valid UTF-8");
    }
}
