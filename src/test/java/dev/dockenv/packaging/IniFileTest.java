package dev.dockenv.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockenv.errors.InputException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** setup.cfg read as configparser reads it, and refused where configparser refuses it, at the line. */
class IniFileTest {
    private static final Path FILE = Path.of("setup.cfg");

    private static IniFile parse(String text) {
        return IniFile.parse(FILE, text);
    }

    @Test
    void readsSectionsOptionsAndContinuationLines() {
        IniFile ini = parse("""
                # a comment
                [metadata]
                name = shop
                Description: a shop
                ; another comment

                [options]
                install_requires =
                    requests>=2
                    # a comment inside the value is not part of it

                    rich
                packages=find:
                """);
        assertThat(ini.get("metadata", "name")).contains("shop");
        assertThat(ini.get("metadata", "description")).contains("a shop");
        assertThat(ini.get("options", "install_requires")).contains("\nrequests>=2\n\nrich");
        assertThat(ini.get("options", "packages")).contains("find:");
        IniFile.Option option = ini.option("options", "install_requires").orElseThrow();
        assertThat(option.location().line()).isEqualTo(8);
        assertThat(option.lineLocation(1).line()).isEqualTo(9);
        assertThat(option.lineLocation(3).line()).isEqualTo(12);
    }

    @Test
    void namesAreComparedAsSetuptoolsDoes() {
        IniFile ini = parse("[metadata]\nlong-description = file: README.md\n");
        assertThat(ini.get("metadata", "long_description")).contains("file: README.md");
    }

    @Test
    void theDefaultSectionIsSeenFromEverySection() {
        IniFile ini = parse("[DEFAULT]\nroot = src\n[options]\nx = %(root)s/pkg\n[DEFAULT]\nother = 1\n");
        assertThat(ini.get("options", "x")).contains("src/pkg");
        assertThat(ini.get("options", "other")).contains("1");
    }

    @Test
    void percentSignsAreInterpolatedAsConfigparserDoes() {
        IniFile ini = parse("[flake8]\nformat = %%(path)s:%%(row)d\nbad = 100%\n");
        assertThat(ini.get("flake8", "format")).contains("%(path)s:%(row)d");
        assertThatThrownBy(() -> ini.get("flake8", "bad")).isInstanceOf(InputException.class)
                .hasMessageStartingWith("setup.cfg:3:1: 'bad': configparser reads '%'");
    }

    @Test
    void aReferenceToAMissingOptionIsAnError() {
        IniFile ini = parse("[options]\nx = %(nothing)s\n");
        assertThatThrownBy(() -> ini.get("options", "x")).hasMessageContaining("%(nothing)s names no option");
    }

    @Test
    void refusesWhatConfigparserRefusesAtItsLine() {
        assertThatThrownBy(() -> parse("name = x\n")).isInstanceOf(InputException.class)
                .hasMessageStartingWith("setup.cfg:1:1: a line before any [section] header");
        assertThatThrownBy(() -> parse("[metadata]\nname = a\n\n[metadata]\n"))
                .hasMessageStartingWith("setup.cfg:4:1: section [metadata] is already defined at line 1");
        assertThatThrownBy(() -> parse("[metadata]\nname = a\nname = b\n"))
                .hasMessageStartingWith("setup.cfg:3:1: option 'name' is already set in [metadata] at line 2");
        assertThatThrownBy(() -> parse("[metadata]\njust words\n"))
                .hasMessageStartingWith("setup.cfg:2:1: not a 'key = value' line");
        assertThatThrownBy(() -> parse("[metadata]\n= value\n")).hasMessageStartingWith("setup.cfg:2:1:");
    }

    @Test
    void anIndentedLineRightAfterAHeaderIsAnOption() {
        IniFile ini = parse("[metadata]\n    name = indented\n");
        assertThat(ini.get("metadata", "name")).contains("indented");
    }
}
