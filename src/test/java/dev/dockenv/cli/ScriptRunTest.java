package dev.dockenv.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.engine.LocalProcessRunner;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dockenv run script.py}: a script with inline metadata is its own environment, cached by its metadata. */
class ScriptRunTest {
    private static final String METADATA = "# /// script\n# requires-python = \">=3.11,<3.12\"\n"
            + "# dependencies = [\"requests==2.31.0\"]\n# ///\n";

    @TempDir
    Path tmp;
    Path folder;
    Path script;
    Path handoff;
    CliHarness cli;

    @BeforeEach
    void setUp() throws Exception {
        folder = Files.createDirectories(tmp.resolve("tools"));
        script = Files.writeString(folder.resolve("fetch.py"), METADATA + "print('hi')\n");
        cli = new CliHarness(tmp.resolve("cache"));
        handoff = tmp.resolve("exec");
        cli.env.put("DOCKENV_EXEC_FILE", handoff.toString());
    }

    private List<String> argv() throws Exception {
        return List.of(Files.readString(handoff).split("\0"));
    }

    private Optional<RunResolution.Ready> warm() {
        Session session = new Session(folder, cli.env, new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), new LocalProcessRunner(), false, () -> cli.engine);
        return RunResolution.warm(session, cli.engine, folder, null, null, Optional.of(script));
    }

    @Test
    void findsTheScriptOfBothForms() {
        Path f = script.toAbsolutePath();
        assertThat(ScriptRun.find(folder, List.of("fetch.py", "-v"))).contains(
                new ScriptRun(f, List.of("python", "fetch.py", "-v"), 1));
        assertThat(ScriptRun.find(folder, List.of("python", "fetch.py"))).contains(
                new ScriptRun(f, List.of("python", "fetch.py"), 1));
        assertThat(ScriptRun.find(folder, List.of("python3", "-u", "-X", "dev", "./fetch.py")).orElseThrow().index())
                .isEqualTo(4);
        assertThat(ScriptRun.find(tmp, List.of("tools/fetch.py"))).map(ScriptRun::script).contains(f);
        // not a script run: a module, code, a missing file, another program, no .py
        assertThat(ScriptRun.find(folder, List.of("python", "-m", "fetch.py"))).isEmpty();
        assertThat(ScriptRun.find(folder, List.of("python", "-c", "x", "fetch.py"))).isEmpty();
        assertThat(ScriptRun.find(folder, List.of("missing.py"))).isEmpty();
        assertThat(ScriptRun.find(folder, List.of("pytest", "fetch.py"))).isEmpty();
        assertThat(ScriptRun.find(folder, List.of("python", "notes.txt"))).isEmpty();
        assertThat(ScriptRun.find(folder, List.of())).isEmpty();
    }

    @Test
    void theScriptsPathIsValidInTheContainer() {
        ScriptRun fromParent = ScriptRun.find(tmp, List.of("tools/fetch.py")).orElseThrow();
        assertThat(fromParent.commandIn(folder, tmp)).containsExactly("python", "/app/fetch.py");
        ScriptRun inside = ScriptRun.find(folder, List.of("./fetch.py", "x")).orElseThrow();
        assertThat(inside.commandIn(folder, folder)).containsExactly("python", "./fetch.py", "x");
        ScriptRun absolute = ScriptRun.find(tmp, List.of(script.toString())).orElseThrow();
        assertThat(absolute.commandIn(folder, folder)).containsExactly("python", "/app/fetch.py");
    }

    @Test
    void aScriptAloneRunsInAnEnvironmentOfItsMetadata() throws Exception {
        assertThat(cli.run(folder, "run", "fetch.py", "--flag")).as(cli.err).isZero();
        assertThat(cli.engine.builds).hasSize(1);
        assertThat(cli.err).contains("building dockenv-fetch:dev-", "Python 3.11");
        String dockerfile = new String(cli.engine.contexts.get(0), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(dockerfile).contains("requests==2.31.0");
        List<String> argv = argv();
        assertThat(argv.subList(argv.size() - 3, argv.size())).containsExactly("python", "fetch.py", "--flag");
        assertThat(String.join("\0", argv)).contains("\0--workdir\0/app\0")
                .contains("source=" + folder.toAbsolutePath() + ",target=/app");
        assertThat(warm()).as("the warm path knows the script").isPresent();

        // the second run, either form, builds nothing
        assertThat(cli.run(folder, "run", "--", "python", "fetch.py")).isZero();
        assertThat(cli.engine.builds).hasSize(1);
    }

    @Test
    void editingTheCodeKeepsTheEnvironmentChangingTheDependenciesMakesANewOne() throws Exception {
        assertThat(cli.run(folder, "run", "fetch.py")).isZero();
        String first = cli.engine.builds.get(0).tags().get(0);

        Files.writeString(script, "import os\n" + METADATA + "print('edited')\nprint(os.getcwd())\n");
        assertThat(warm()).as("the warm path after an edit of the code alone").isPresent();
        assertThat(cli.run(folder, "run", "fetch.py")).isZero();
        assertThat(cli.engine.builds).hasSize(1);

        Files.writeString(script, METADATA.replace("2.31.0", "2.32.3") + "print('hi')\n");
        assertThat(warm()).as("changed dependencies are not warm").isEmpty();
        assertThat(cli.run(folder, "run", "fetch.py")).isZero();
        assertThat(cli.engine.builds).hasSize(2);
        assertThat(cli.engine.builds.get(1).tags().get(0)).isNotEqualTo(first).startsWith("dockenv-fetch:dev-");
    }

    @Test
    void aProjectBesideTheScriptIsNotItsEnvironment() throws Exception {
        Files.writeString(folder.resolve("requirements.txt"), "flask\n");
        Files.writeString(folder.resolve(".python-version"), "3.12\n");
        assertThat(cli.run(folder, "run", "fetch.py")).as(cli.err).isZero();
        String dockerfile = new String(cli.engine.contexts.get(0), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(dockerfile).contains("requests==2.31.0", "python:3.11-slim").doesNotContain("flask");
        // a script without metadata runs in the project's environment
        Files.writeString(folder.resolve("app.py"), "print(1)\n");
        assertThat(cli.run(folder, "run", "app.py")).as(cli.err).isZero();
        assertThat(cli.engine.builds).hasSize(2);
        assertThat(cli.engine.builds.get(1).tags().get(0)).startsWith("dockenv-tools:dev-");
        List<String> argv = argv();
        assertThat(argv.subList(argv.size() - 2, argv.size())).containsExactly("python", "app.py");
    }

    @Test
    void fromAnotherFolderTheScriptsFolderIsMounted() throws Exception {
        assertThat(cli.run(tmp, "run", "tools/fetch.py")).as(cli.err).isZero();
        List<String> argv = argv();
        assertThat(argv.subList(argv.size() - 2, argv.size())).containsExactly("python", "/app/fetch.py");
        assertThat(String.join("\0", argv)).contains("source=" + folder.toAbsolutePath() + ",target=/app");
    }

    @Test
    void aScriptWithoutMetadataOutsideAnyProjectIsStillNoProject() throws Exception {
        Files.writeString(script, "print('hi')\n");
        assertThat(cli.run(folder, "run", "fetch.py")).isEqualTo(3);
        assertThat(cli.err).contains("no Python project found");
    }

    @Test
    void brokenMetadataIsExitFourAtTheScriptsLine() throws Exception {
        Files.writeString(script, "print(0)\n# /// script\n# dependencies = [\"requests\"]\nprint(1)\n");
        assertThat(cli.run(folder, "run", "fetch.py")).isEqualTo(4);
        assertThat(cli.err).contains(script.toAbsolutePath() + ":2:1: the inline metadata block '# /// script' is not closed");
        assertThat(cli.engine.builds).isEmpty();
    }

    @Test
    void statusAndBuildNameTheScript() throws Exception {
        Files.writeString(folder.resolve("requirements.txt"), "flask\n");
        assertThat(cli.run(tmp, "status", "tools/fetch.py")).as(cli.err).isZero();
        assertThat(cli.out).contains("fetch.py (inline script metadata)", "requests==2.31.0",
                "3.11 (from fetch.py)", "dockenv-fetch:dev-", "not built").doesNotContain("requirements.txt");
        assertThat(cli.run(folder, "build", "--target", "prod", "fetch.py")).as(cli.err).isZero();
        assertThat(cli.out).startsWith("dockenv-fetch:prod-");
        assertThat(cli.engine.builds).hasSize(1);
        // without a script, the folder's project
        assertThat(cli.run(folder, "status")).isZero();
        assertThat(cli.out).contains("requirements.txt").doesNotContain("inline script metadata");

        Files.writeString(folder.resolve("plain.py"), "print(1)\n");
        assertThat(cli.run(folder, "status", "plain.py")).isEqualTo(3);
        assertThat(cli.err).contains("plain.py has no inline script metadata");
        assertThat(cli.run(folder, "build", "missing.py")).isEqualTo(2);
    }

    @Test
    void aProjectsModuleInAnotherEncodingStillRunsInTheProject() throws Exception {
        Files.writeString(folder.resolve("requirements.txt"), "flask\n");
        Files.write(folder.resolve("legacy.py"), "# -*- coding: latin-1 -*-\nprint('caf\u00e9')\n"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThat(cli.run(folder, "run", "legacy.py")).as(cli.err).isZero();
        assertThat(cli.engine.builds.get(0).tags().get(0)).startsWith("dockenv-tools:dev-");
    }
}
