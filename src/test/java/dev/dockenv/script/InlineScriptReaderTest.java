package dev.dockenv.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockenv.errors.InputException;
import dev.dockenv.python.DeclaredRequirement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InlineScriptReaderTest {
    @TempDir
    Path tmp;

    private Path script(String text) throws Exception {
        return Files.writeString(tmp.resolve("fetch.py"), text);
    }

    private InputException error(String text) throws Exception {
        Path file = script(text);
        return (InputException) org.assertj.core.api.Assertions.catchThrowable(() -> InlineScriptReader.read(file));
    }

    /** The example of PEP 723 itself. */
    @Test
    void readsThePepsExample() throws Exception {
        Path file = script("""
                # /// script
                # requires-python = ">=3.11"
                # dependencies = [
                #   "requests<3",
                #   "rich",
                # ]
                # ///

                import requests
                from rich.pretty import pprint
                """);
        InlineScript s = InlineScriptReader.read(file).orElseThrow();
        assertThat(s.dependencies()).extracting(DeclaredRequirement::text).containsExactly("requests<3", "rich");
        assertThat(s.dependencies().get(0).location().toString()).isEqualTo(file + ":4:5");
        assertThat(s.requiresPython().orElseThrow().text()).isEqualTo(">=3.11");
        assertThat(s.requiresPython().orElseThrow().location().toString()).isEqualTo(file + ":2:3");
        assertThat(s.block().openingLine()).isEqualTo(1);
        assertThat(s.block().content()).isEqualTo("requires-python = \">=3.11\"\ndependencies = [\n  \"requests<3\",\n"
                + "  \"rich\",\n]\n");
        assertThat(s.name()).isEqualTo("fetch");
        assertThat(s.config().source()).isEmpty();
    }

    @Test
    void aScriptWithoutABlockHasNoMetadata() throws Exception {
        assertThat(InlineScriptReader.read(script("#!/usr/bin/env python\n# /// not a block\nprint(1)\n"))).isEmpty();
        // blocks of other types are not read
        assertThat(InlineScriptReader.read(script("# /// pyproject\n# x = 1\n# ///\n"))).isEmpty();
    }

    /** The specification's precedence: '# ///' followed by another comment line is content. */
    @Test
    void theBlockEndsAtTheLastClosingLineOfItsComments() throws Exception {
        Path file = script("""
                # /// script
                # dependencies = ["rich"]
                # [tool.dockenv]
                # command = ['''
                # ///
                # ''']
                # ///
                #
                # more comment
                print(1)
                """);
        InlineScript s = InlineScriptReader.read(file).orElseThrow();
        assertThat(s.block().content()).endsWith("command = ['''\n///\n''']\n");
        assertThat(s.config().command()).containsExactly("///\n");
    }

    @Test
    void aBlockLaterInTheFileWithEmptyCommentLinesAndCrLf() throws Exception {
        Path file = script("import sys\r\n\r\n# /// script\r\n#\r\n# dependencies = ['rich']\r\n# ///");
        InlineScript s = InlineScriptReader.read(file).orElseThrow();
        assertThat(s.block().openingLine()).isEqualTo(3);
        assertThat(s.dependencies().get(0).location().toString()).isEqualTo(file + ":5:19");
    }

    @Test
    void readsToolDockenv() throws Exception {
        InlineScript s = InlineScriptReader.read(script("""
                # /// script
                # dependencies = []
                # [tool.dockenv]
                # python = "3.11"
                # apt = ["libpq5"]
                # [tool.other]
                # anything = 1
                # ///
                """)).orElseThrow();
        assertThat(s.config().python()).contains("3.11");
        assertThat(s.config().pythonLocation().orElseThrow().line()).isEqualTo(4);
        assertThat(s.config().aptPackages()).containsExactly("libpq5");
    }

    @Test
    void anUnclosedBlockIsAnErrorAtItsOpeningLine() throws Exception {
        InputException e = error("print(0)\n# /// script\n# dependencies = ['rich']\n\nprint(1)\n");
        assertThat(e.location().line()).isEqualTo(2);
        assertThat(e.getMessage()).contains("not closed");
        assertThat(e.hint().orElseThrow()).contains("# ///");
    }

    @Test
    void aClosingLineWithTrailingSpaceDoesNotClose() throws Exception {
        assertThat(error("# /// script\n# dependencies = []\n# /// \n").getMessage()).contains("not closed");
    }

    @Test
    void twoScriptBlocksAreAnErrorAtTheSecond() throws Exception {
        InputException e = error("# /// script\n# dependencies = []\n# ///\nx = 1\n# /// script\n# dependencies = []\n# ///\n");
        assertThat(e.location().line()).isEqualTo(5);
        assertThat(e.getMessage()).contains("second", "line 1");
    }

    @Test
    void badTomlIsReportedAtTheScriptsLineAndColumn() throws Exception {
        InputException e = error("\"\"\"doc\"\"\"\n# /// script\n# dependencies = [\"rich\"\n# ///\n");
        assertThat(e.location().line()).isEqualTo(4);
        e = error("# /// script\n# requires-python = >=3.11\n# ///\n");
        assertThat(e.location().line()).isEqualTo(2);
        assertThat(e.location().column()).isEqualTo(21);
        assertThat(e.problem()).startsWith("invalid TOML");
    }

    @Test
    void anInvalidRequirementIsAnErrorAtItsPlace() throws Exception {
        Path file = script("# /// script\n# dependencies = [\n#   \"rich\",\n#   \"requests>=\",\n# ]\n# ///\n");
        InputException e = (InputException) org.assertj.core.api.Assertions.catchThrowable(
                () -> InlineScriptReader.read(file));
        assertThat(e.location().line()).isEqualTo(4);
        assertThat(e.getMessage()).contains("invalid requirement 'requests>='");
    }

    @Test
    void wrongTypesAndMisspeltFieldsAreErrors() throws Exception {
        assertThat(error("# /// script\n# dependencies = \"rich\"\n# ///\n").getMessage())
                .contains("dependencies", "array");
        assertThat(error("# /// script\n# dependencies = [1]\n# ///\n").getMessage()).contains("PEP 508");
        assertThat(error("# /// script\n# requires-python = 3\n# ///\n").getMessage()).contains("requires-python");
        InputException typo = error("# /// script\n# dependencie = ['rich']\n# ///\n");
        assertThat(typo.getMessage()).contains("unknown field 'dependencie'");
        assertThat(typo.hint().orElseThrow()).contains("'dependencies'");
        assertThat(error("# /// script\n# [tool.dockenv]\n# pyhton = '3.11'\n# ///\n").location().line()).isEqualTo(3);
    }

    @Test
    void theDigestCoversTheMetadataNotTheCode() throws Exception {
        String block = "# /// script\n# dependencies = ['rich']\n# ///\n";
        Optional<ScriptBlock> one = InlineScriptReader.block(tmp, block + "print(1)\n");
        Optional<ScriptBlock> edited = InlineScriptReader.block(tmp, "import os\n" + block + "print(2)\n");
        Optional<ScriptBlock> other = InlineScriptReader.block(tmp, block.replace("rich", "rich<14") + "print(1)\n");
        assertThat(one.orElseThrow().digest()).isEqualTo(edited.orElseThrow().digest())
                .isNotEqualTo(other.orElseThrow().digest());
    }

    @Test
    void aScriptInAnotherEncodingIsReadOnlyWhenItHasABlock() throws Exception {
        Path legacy = Files.write(tmp.resolve("legacy.py"),
                "# -*- coding: latin-1 -*-\nname = 'caf\u00e9'\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThat(InlineScriptReader.read(legacy)).isEmpty();
        Path withBlock = Files.write(tmp.resolve("withblock.py"), ("# /// script\n# dependencies = []\n# ///\n"
                + "name = 'caf\u00e9'\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        InputException e = (InputException) org.assertj.core.api.Assertions.catchThrowable(
                () -> InlineScriptReader.read(withBlock));
        assertThat(e.location().line()).isEqualTo(4);
        assertThat(e.getMessage()).contains("UTF-8");
    }
}
