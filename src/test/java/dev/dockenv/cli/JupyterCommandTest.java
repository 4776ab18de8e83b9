package dev.dockenv.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.cli.JupyterCommand.Choice;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container's command of dockenv notebook, run by the host's real {@code sh} with stand-ins for
 * the Jupyter programs on PATH (each prints its name, its folder and its arguments one a line).
 */
class JupyterCommandTest {
    @TempDir
    Path tmp;

    private static final String TOKEN = "0123456789abcdef0123456789abcdef0123456789abcdef";

    /** What a run of the script did: its exit code and both streams. */
    record Outcome(int code, String out, String err) {
    }

    /** Stand-ins for these programs in a bin folder of their own. */
    private Path bin(String... programs) throws IOException {
        Path bin = Files.createDirectories(tmp.resolve("bin-" + String.join("-", programs)));
        for (String p : programs) {
            Path f = bin.resolve(p);
            Files.writeString(f, "#!/bin/sh\necho \"ran $(basename \"$0\") in $PWD\"\n"
                    + "for a in \"$@\"; do printf '%s\\n' \"$a\"; done\n");
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return bin;
    }

    private Outcome run(JupyterCommand command, Path bin) throws Exception {
        Path cwd = Files.createDirectories(tmp.resolve("app/notebooks"));
        ProcessBuilder pb = new ProcessBuilder(command.argv()).directory(cwd.toFile());
        pb.environment().clear();
        pb.environment().put("PATH", bin + ":/usr/bin:/bin");
        pb.environment().put("JUPYTER_TOKEN", TOKEN);
        Path out = tmp.resolve("out");
        Path err = tmp.resolve("err");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        return new Outcome(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** The arguments every Jupyter gets, for the host port {@code port}. */
    private static List<String> fixed(int port, String... more) {
        List<String> a = new ArrayList<>(List.of("--ip=0.0.0.0", "--port=8888", "--port-retries=0", "--no-browser", "--y",
                "--ServerApp.custom_display_url=http://127.0.0.1:" + port + "/"));
        a.addAll(List.of(more));
        return a;
    }

    private static JupyterCommand command(Choice choice, String... extra) {
        return new JupyterCommand(choice, "shop", 8890, false, List.of(extra));
    }

    private String ran(String program, List<String> arguments) {
        List<String> lines = new ArrayList<>();
        lines.add("ran " + program + " in " + tmp.resolve("app/notebooks"));
        lines.add("--ServerApp.root_dir=" + tmp.resolve("app/notebooks"));
        lines.addAll(arguments);
        return String.join("\n", lines) + "\n";
    }

    @Test
    void theDefaultRunsJupyterLabWhenTheEnvironmentHasIt() throws Exception {
        Outcome o = run(command(Choice.ANY), bin("jupyter-lab", "jupyter-notebook", "jupyter-server"));
        assertThat(o.code()).isZero();
        assertThat(o.out()).isEqualTo(ran("jupyter-lab", fixed(8890)));
        assertThat(o.err()).isEqualTo("dockenv: Jupyter at http://127.0.0.1:8890/lab?token=" + TOKEN + "\n");
    }

    @Test
    void theDefaultRunsNotebookWithoutLabAndABareServerWithoutEither() throws Exception {
        Outcome notebook = run(command(Choice.ANY), bin("jupyter-notebook", "jupyter-server"));
        assertThat(notebook.out()).startsWith("ran jupyter-notebook in ");
        assertThat(notebook.err()).isEqualTo("dockenv: Jupyter at http://127.0.0.1:8890/tree?token=" + TOKEN + "\n");

        Outcome server = run(command(Choice.ANY), bin("jupyter-server"));
        assertThat(server.out()).startsWith("ran jupyter-server in ");
        assertThat(server.err()).isEqualTo("dockenv: Jupyter at http://127.0.0.1:8890/?token=" + TOKEN + "\n");
    }

    @Test
    void labAndClassicRunTheirProgramOnly() throws Exception {
        Path all = bin("jupyter-lab", "jupyter-notebook", "jupyter-server");
        assertThat(run(command(Choice.CLASSIC), all).out()).startsWith("ran jupyter-notebook in ");
        assertThat(run(command(Choice.LAB), bin("jupyter-lab")).out()).startsWith("ran jupyter-lab in ");

        Outcome noLab = run(command(Choice.LAB), bin("jupyter-notebook", "jupyter-server"));
        assertThat(noLab.code()).isEqualTo(127);
        assertThat(noLab.out()).isEmpty();
        assertThat(noLab.err()).isEqualTo(
                "dockenv: JupyterLab is not installed in the environment of shop; add it with: dockenv add --dev jupyterlab\n");

        Outcome noNotebook = run(command(Choice.CLASSIC), bin("jupyter-lab"));
        assertThat(noNotebook.code()).isEqualTo(127);
        assertThat(noNotebook.err()).isEqualTo(
                "dockenv: Jupyter Notebook is not installed in the environment of shop; add it with: dockenv add --dev notebook\n");
    }

    @Test
    void withoutJupyterOneLineSaysWhatToAddAndTheExitCodeIs127() throws Exception {
        Outcome o = run(command(Choice.ANY), bin("jupyter-console"));
        assertThat(o.code()).isEqualTo(127);
        assertThat(o.out()).isEmpty();
        assertThat(o.err()).isEqualTo(
                "dockenv: Jupyter is not installed in the environment of shop; add it with: dockenv add --dev jupyterlab\n");
    }

    @Test
    void valuesReachJupyterAsTheyAreNeverAsScriptText() throws Exception {
        List<String> extra = List.of("--ServerApp.base_url=/a b/", "it's", "$(touch pwned)", "`touch pwned`", "; exit 3",
                "%s %n", "\"quoted\"", "");
        JupyterCommand c = new JupyterCommand(Choice.ANY, "it's $(touch pwned) %s", 8890, false, extra);
        for (String value : extra) {
            if (!value.isEmpty()) {
                assertThat(c.script()).doesNotContain(value);
            }
        }
        Outcome o = run(c, bin("jupyter-server"));
        List<String> expected = fixed(8890);
        expected.addAll(extra);
        assertThat(o.out()).isEqualTo(ran("jupyter-server", expected));

        Outcome missing = run(c, bin("jupyter-console"));
        assertThat(missing.err()).isEqualTo("dockenv: Jupyter is not installed in the environment of it's $(touch pwned) %s; "
                + "add it with: dockenv add --dev jupyterlab\n");
        assertThat(tmp.resolve("app/notebooks/pwned")).doesNotExist();
    }

    @Test
    void jupyterIsAllowedToRunAsRootOnlyWhenTheContainerRunsAsRoot() {
        assertThat(new JupyterCommand(Choice.ANY, "shop", 8888, true, List.of("--debug")).jupyterArguments())
                .containsExactlyElementsOf(fixed(8888, "--allow-root", "--debug"));
        assertThat(new JupyterCommand(Choice.ANY, "shop", 8888, false, List.of()).jupyterArguments())
                .doesNotContain("--allow-root");
    }

    @Test
    void theCommandIsShWithTheScriptThenProjectPortAndArguments() {
        JupyterCommand c = new JupyterCommand(Choice.LAB, "shop", 9000, false, List.of("--debug"));
        List<String> expected = new ArrayList<>(List.of("sh", "-c", c.script(), "dockenv-notebook", "shop", "9000"));
        expected.addAll(fixed(9000, "--debug"));
        assertThat(c.argv()).containsExactlyElementsOf(expected);
    }
}
