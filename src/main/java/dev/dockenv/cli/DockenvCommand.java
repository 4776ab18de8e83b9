package dev.dockenv.cli;

import dev.dockenv.engine.BuildFailedException;
import dev.dockenv.errors.DockenvException;
import dev.dockenv.errors.ExitCode;
import dev.dockenv.errors.FileAccessException;
import dev.dockenv.errors.IoFailures;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The {@code dockenv} command: global options and the subcommands. */
@Command(name = "dockenv", mixinStandardHelpOptions = true, versionProvider = DockenvVersion.class,
        description = {"Makes a Docker container your Python project's virtualenv.",
            "Reads the project's own files (requirements*.txt, pyproject.toml, .python-version, "
                    + "[tool.dockenv]), builds a cached environment image and runs commands in it as you, "
                    + "with the project mounted."},
        exitCodeListHeading = "%nExit codes:%n",
        footer = {"", "Run 'dockenv COMMAND --help' for a command's options."})
public final class DockenvCommand implements Runnable {
    /** The subcommands, in the order help lists them. */
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

    private final Session session;

    @Spec
    private CommandSpec spec;

    @Option(names = {"-C", "--directory"}, paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Work as if started in DIR.")
    private Path directory;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Show the engine's full build output.")
    private boolean verbose;

    /** docker's -H: the engine every command of this invocation talks to, before DOCKER_HOST and contexts. */
    @Option(names = {"-H", "--host"}, paramLabel = "HOST", scope = ScopeType.INHERIT,
            description = "The engine to use, as for docker -H: unix:///path/docker.sock, tcp://HOST:PORT, "
                    + "ssh://USER@HOST (default: DOCKER_HOST, else the docker context).")
    private void host(String host) {
        session.hostOption(host);
    }

    public DockenvCommand(Session session) {
        this.session = session;
    }

    @Override
    public void run() {
        spec.commandLine().usage(session.out());
    }

    Session session() {
        return session;
    }

    /** The directory the project is looked for from. */
    Path startDirectory() {
        return directory == null ? session.workingDirectory()
                : session.workingDirectory().resolve(directory).normalize();
    }

    boolean verbose() {
        return verbose;
    }

    private static Map<String, Supplier<Object>> subcommands() {
        Map<String, Supplier<Object>> m = new LinkedHashMap<>();
        m.put("run", RunCommand::new);
        m.put("shell", ShellCommand::new);
        m.put("notebook", NotebookCommand::new);
        m.put("build", BuildCommand::new);
        m.put("lock", LockCommand::new);
        m.put("add", AddCommand::new);
        m.put("remove", RemoveCommand::new);
        m.put("sync", SyncCommand::new);
        m.put("release", ReleaseCommand::new);
        m.put("push", PushCommand::new);
        m.put("save", SaveCommand::new);
        m.put("deploy", DeployCommand::new);
        m.put("up", UpCommand::new);
        m.put("ps", PsCommand::new);
        m.put("logs", LogsCommand::new);
        m.put("exec", ExecCommand::new);
        m.put("down", DownCommand::new);
        m.put("init", InitCommand::new);
        m.put("ide", IdeCommand::new);
        m.put("ci", CiCommand::new);
        m.put("status", StatusCommand::new);
        m.put("doctor", DoctorCommand::new);
        m.put("completion", AutoComplete.GenerateCompletion::new);
        return Collections.unmodifiableMap(m);
    }

    /**
     * A ready CommandLine for a session: error handling, output streams, shell completion. When
     * the first argument names a subcommand only that one is modelled (picocli reflects over
     * every registered command at start-up, which a warm {@code run} cannot afford); otherwise
     * all are, for help and completion.
     */
    static CommandLine commandLine(Session session, String[] args) {
        CommandLine cli = new CommandLine(new DockenvCommand(session));
        String first = args.length > 0 ? args[0] : "";
        boolean one = SUBCOMMANDS.containsKey(first) && !first.equals("completion");
        boolean none = args.length == 1 && (first.equals("--version") || first.equals("-V"));
        SUBCOMMANDS.forEach((name, factory) -> {
            if (!none && (!one || name.equals(first))) {
                cli.addSubcommand(name, factory.get());
            }
        });
        CommandLine completionCli = cli.getSubcommands().get("completion");
        if (completionCli != null) {
            completionCli.getCommandSpec().name("completion").usageMessage().hidden(false)
                    .description("Print a bash/zsh completion script: source <(dockenv completion)");
        }
        cli.getCommandSpec().usageMessage().exitCodeList(exitCodeHelp());
        cli.setOut(session.out());
        cli.setErr(session.err());
        for (String positional : new String[] {"run", "exec"}) {
            if (cli.getSubcommands().containsKey(positional)) {
                cli.getSubcommands().get(positional).setStopAtPositional(true);
            }
        }
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> report(ex, session.err(), session));
        cli.setExitCodeExceptionMapper(DockenvCommand::exitCode);
        return cli;
    }

    /** The exit codes for --help, from {@link ExitCode} itself. */
    private static Map<String, String> exitCodeHelp() {
        Map<String, String> codes = new LinkedHashMap<>();
        for (ExitCode c : ExitCode.values()) {
            // padded by hand: String.format's first use costs a cold start milliseconds
            codes.put((c.code() < 10 ? " " : "") + c.code(), c.meaning());
        }
        codes.put("run, shell", "the command's own exit code (125-127 as docker and shells use them)");
        return codes;
    }

    static int report(Exception ex, PrintWriter err, Session session) {
        if (ex instanceof BuildFailedException b) {
            if (!b.stepOutput().isEmpty()) {
                err.println("dockenv: output of the failing step:");
                b.stepOutput().forEach(line -> err.println("  | " + line));
            }
        }
        // an I/O failure is a file the user can fix (or a full disk), never a bug: one place maps them all
        Optional<DockenvException> io = IoFailures.from(ex, cacheLocation(session));
        DockenvException known = io.isPresent() ? io.get() : ex instanceof DockenvException d ? d : null;
        if (known != null) {
            err.println("dockenv: error: " + known.getMessage());
            known.hint().ifPresent(h -> err.println("dockenv: hint: " + h));
            if (known instanceof FileAccessException && session.env("DOCKENV_DEBUG").isPresent()) {
                ex.printStackTrace(err);
            }
            err.flush();
            return known.exitCode().code();
        }
        err.println("dockenv: internal error: " + ex);
        if (session.env("DOCKENV_DEBUG").isPresent()) {
            ex.printStackTrace(err);
        } else {
            err.println("dockenv: hint: set DOCKENV_DEBUG=1 for the stack trace, and please report it");
            err.println("dockenv:   at " + Arrays.stream(ex.getStackTrace()).limit(3).map(String::valueOf)
                    .reduce((a, b) -> a + " < " + b).orElse("?"));
        }
        err.flush();
        return ExitCode.INTERNAL.code();
    }

    /** The exit code for an exception that escaped a command (as {@link #report} decides it). */
    static int exitCode(Throwable ex) {
        if (ex instanceof CommandLine.ParameterException) {
            // an unknown command or option, a missing or extra argument, a bad value: the user's command line
            return ExitCode.USAGE.code();
        }
        if (ex instanceof DockenvException d) {
            return d.exitCode().code();
        }
        return IoFailures.from(ex, null).map(d -> d.exitCode().code()).orElse(ExitCode.INTERNAL.code());
    }

    private static Path cacheLocation(Session session) {
        try {
            return session.cacheLocation();
        } catch (RuntimeException e) {
            return null; // only the hints would have mentioned it
        }
    }
}
