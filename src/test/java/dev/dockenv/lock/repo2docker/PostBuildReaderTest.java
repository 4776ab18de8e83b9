package dev.dockenv.lock.repo2docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dockenv.errors.InputException;
import dev.dockenv.errors.SourceLocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PostBuildReaderTest {
    private static final Path SCRIPT = Path.of("postBuild");

    @TempDir
    Path dir;

    private Path install(String fixture, String mode) throws IOException {
        Path script = dir.resolve("postBuild");
        Files.copy(AptFileReaderTest.resource("postbuild/" + fixture), script);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString(mode));
        return script;
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private static String sha256(byte[] bytes) throws Exception {
        return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void readsAnExecutableBashScript() throws Exception {
        assumeTrue(posix());
        Path script = install("jupyterlab", "rwxr-xr-x");

        PostBuild postBuild = PostBuildReader.read(script);

        assertThat(postBuild.script()).isEqualTo(script);
        assertThat(postBuild.executable()).isTrue();
        assertThat(postBuild.shebang()).contains(new Shebang("/bin/bash", Optional.empty()));
        assertThat(postBuild.interpreterCommand()).containsExactly("/bin/bash");
        assertThat(postBuild.runsInShell()).isTrue();
        assertThat(postBuild.digest()).isEqualTo(sha256(Files.readAllBytes(script)));
        assertThat(postBuild.requireExecutable()).isSameAs(postBuild);
    }

    @Test
    void readsTheInterpreterThatEnvLooksUp() throws Exception {
        assumeTrue(posix());
        PostBuild postBuild = PostBuildReader.read(install("python", "rwxr--r--"));

        assertThat(postBuild.shebang()).contains(new Shebang("/usr/bin/env", Optional.of("python3")));
        assertThat(postBuild.interpreterCommand()).containsExactly("/usr/bin/env", "python3");
        assertThat(postBuild.shebang().orElseThrow().program()).isEqualTo("python3");
        assertThat(postBuild.runsInShell()).isFalse();
    }

    @Test
    void withoutAShebangTheRunShellRunsIt() throws Exception {
        assumeTrue(posix());
        PostBuild postBuild = PostBuildReader.read(install("no-shebang", "rwxr-xr-x"));

        assertThat(postBuild.shebang()).isEmpty();
        assertThat(postBuild.interpreterCommand()).containsExactly(PostBuild.DEFAULT_SHELL);
        assertThat(postBuild.runsInShell()).isTrue();
    }

    /** repo2docker runs chmod +x itself, so reading never fails on the mode; strict callers ask. */
    @Test
    void aNonExecutableScriptIsReadAndRejectedOnlyOnRequest() throws Exception {
        assumeTrue(posix());
        Path script = install("jupyterlab", "rw-r--r--");

        PostBuild postBuild = PostBuildReader.read(script);

        assertThat(postBuild.executable()).isFalse();
        assertThatThrownBy(postBuild::requireExecutable)
                .isInstanceOfSatisfying(InputException.class, e -> {
                    assertThat(e.location()).isEqualTo(SourceLocation.of(script));
                    assertThat(e.problem()).isEqualTo("the postBuild script is not executable");
                    assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).startsWith("chmod +x " + script));
                });
    }

    @Test
    void theDigestFollowsTheContentOnly() throws Exception {
        byte[] a = "#!/bin/bash\necho one\n".getBytes(StandardCharsets.UTF_8);
        byte[] b = "#!/bin/bash\necho two\n".getBytes(StandardCharsets.UTF_8);

        assertThat(PostBuildReader.parse(SCRIPT, a, true).digest())
                .isEqualTo(PostBuildReader.parse(Path.of("binder/postBuild"), a, false).digest())
                .isEqualTo(sha256(a))
                .isNotEqualTo(PostBuildReader.parse(SCRIPT, b, true).digest());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
        '#!/usr/bin/env -S bash -e'   | /usr/bin/env | -S bash -e | bash
        '#! /bin/sh -eu'              | /bin/sh      | -eu        | sh
        '#!/usr/bin/python3  -u  '    | /usr/bin/python3 | -u     | python3
        """)
    void readsTheShebangAsTheKernelDoes(String line, String interpreter, String argument, String program) {
        Shebang shebang = PostBuildReader.parse(SCRIPT, (line + "\necho hi\n").getBytes(StandardCharsets.UTF_8), true)
                .shebang().orElseThrow();

        assertThat(shebang.interpreter()).isEqualTo(interpreter);
        assertThat(shebang.argument()).contains(argument);
        assertThat(shebang.program()).isEqualTo(program);
    }

    @ParameterizedTest(name = "[{index}] {3}")
    @CsvSource(delimiter = '|', textBlock = """
        '#!\\necho hi\\n'                 | 1 | 3  | the #! line names no interpreter
        '#! bash\\nset -e\\n'             | 1 | 4  | the #! line names 'bash': the kernel needs the interpreter's absolute path
        '#!/bin/bash\\r\\nset -e\\r\\n'   | 1 | 12 | the #! line ends with a carriage return
        '\\uFEFF#!/bin/bash\\nset -e\\n'  | 1 | 1  | the script starts with a byte order mark, which hides its #! line
        'set -e\\r\\necho hi\\r\\n'       | 1 | 7  | the script has Windows line endings (CRLF)
        '#!/bin/bash\\nset -e\\r\\n'      | 2 | 7  | the script has Windows line endings (CRLF)
        """)
    void reportsScriptsThatCannotRunAsWritten(String escaped, int line, int column, String message) {
        byte[] bytes = unescape(escaped).getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> PostBuildReader.parse(SCRIPT, bytes, true))
                .isInstanceOfSatisfying(InputException.class, e -> {
                    assertThat(e.location()).isEqualTo(new SourceLocation(SCRIPT, line, column));
                    assertThat(e.problem()).contains(message);
                });
    }

    @Test
    void windowsLineEndingsAfterThePythonShebangLineAreFine() {
        byte[] bytes = "#!/usr/bin/env python3\nprint('hi')\r\n".getBytes(StandardCharsets.UTF_8);

        assertThat(PostBuildReader.parse(SCRIPT, bytes, true).runsInShell()).isFalse();
    }

    @Test
    void anEmptyScriptRunsAndDoesNothing() {
        PostBuild postBuild = PostBuildReader.parse(SCRIPT, new byte[0], true);

        assertThat(postBuild.shebang()).isEmpty();
        assertThat(postBuild.interpreterCommand()).isEqualTo(List.of("/bin/sh"));
    }

    @Test
    void reportsAMissingScriptOrADirectory() throws IOException {
        Path missing = dir.resolve("postBuild");
        assertThatThrownBy(() -> PostBuildReader.read(missing))
                .isInstanceOfSatisfying(InputException.class, e -> {
                    assertThat(e.location()).isEqualTo(SourceLocation.of(missing));
                    assertThat(e.problem()).isEqualTo("file not found");
                });
        Files.createDirectory(missing);
        assertThatThrownBy(() -> PostBuildReader.read(missing))
                .isInstanceOfSatisfying(InputException.class,
                        e -> assertThat(e.problem()).isEqualTo("postBuild is a directory, not a script"));
    }

    private static String unescape(String s) {
        return s.replace("\\uFEFF", "\uFEFF").replace("\\r", "\r").replace("\\n", "\n");
    }
}
