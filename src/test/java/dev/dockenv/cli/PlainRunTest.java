package dev.dockenv.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** The fast recognizer of plain runs must agree with picocli wherever it answers. */
class PlainRunTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "run python app.py",
        "run -- python app.py",
        "run python -c pass",
        "run python -- -x",
        "run -- -p 8000",
        "run -- --",
        "run pytest -k test_x --maxfail=1",
        "run sh -c exit\u00a042",
        "run -- run",
        "run bash",
        "run python -p 8000",
    })
    void agreesWithPicocli(String line) throws Exception {
        String[] args = line.split(" ");
        Optional<List<String>> fast = PlainRun.command(args);
        assertThat(fast).as(line).isPresent();
        assertThat(fast.get()).as(line).isEqualTo(picocliCommand(args));
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "run --", "run -p 8000 python", "run --rebuild python", "run --help",
        "run -e A=1 -- env", "run @args.txt", "shell", "build", "-C dir run python", "--version", "status"})
    void leavesEverythingElseToPicocli(String line) {
        assertThat(PlainRun.command(line.split(" "))).as(line).isEmpty();
    }

    private static List<String> picocliCommand(String[] args) throws Exception {
        CommandLine cli = new CommandLine(new DockenvCommand(null));
        RunCommand run = new RunCommand();
        cli.addSubcommand("run", run);
        cli.getSubcommands().get("run").setStopAtPositional(true);
        cli.parseArgs(args);
        Field command = RunCommand.class.getDeclaredField("command");
        command.setAccessible(true);
        @SuppressWarnings("unchecked")
        List<String> parsed = (List<String>) command.get(run);
        Field options = RunCommand.class.getDeclaredField("options");
        options.setAccessible(true);
        RunOptions o = (RunOptions) options.get(run);
        assertThat(o.ports).isEmpty();
        assertThat(o.env).isEmpty();
        assertThat(o.envFiles).isEmpty();
        assertThat(o.target).isNull();
        assertThat(o.rebuild).isFalse();
        return parsed;
    }
}
