package dev.dockenv.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The container's command of {@code dockenv notebook}: a {@code sh} script that runs the first
 * Jupyter program of the choice the environment has, on the container's port 8888 of every
 * address, in the folder the container starts in. It first prints the address to open, with the
 * host's port and the server's token (read from {@code JUPYTER_TOKEN}, which jupyter_server reads
 * too); without any of the programs it prints one line saying what to add and exits 127, as a
 * shell does for a missing command. The choice is made in the one container that runs the server,
 * not in another one started before it.
 *
 * <p>Values reach the script as positional parameters (the project's name, the host port, then
 * Jupyter's arguments, the user's extra ones last), never as script text; the script text holds
 * only the fixed names of the choice.
 *
 * @param choice which programs may run
 * @param project the project's name, for the line saying Jupyter is missing
 * @param hostPort the host's port published to the container's {@link #CONTAINER_PORT}
 * @param root whether the container runs as uid 0 (Jupyter refuses that without {@code --allow-root})
 * @param extraArguments the user's own arguments for Jupyter
 */
record JupyterCommand(Choice choice, String project, int hostPort, boolean root, List<String> extraArguments) {
    /** The port Jupyter listens on inside the container. */
    static final int CONTAINER_PORT = 8888;
    /** The script's name ({@code $0}), as errors from the shell show it. */
    static final String SCRIPT_NAME = "dockenv-notebook";

    JupyterCommand {
        extraArguments = List.copyOf(extraArguments);
    }

    /** A Jupyter program: its executable and the page of the address printed for it. */
    enum Program {
        LAB("jupyter-lab", "lab"),
        NOTEBOOK("jupyter-notebook", "tree"),
        SERVER("jupyter-server", "");

        private final String executable;
        private final String page;

        Program(String executable, String page) {
            this.executable = executable;
            this.page = page;
        }

        String executable() {
            return executable;
        }

        /** The path of the address to open, after the first slash ({@code lab}, {@code tree}, or none). */
        String page() {
            return page;
        }
    }

    /** Which programs {@code dockenv notebook} may run, in the order tried, and what to add when none is there. */
    enum Choice {
        /** {@code --lab}. */
        LAB("JupyterLab", "jupyterlab", Program.LAB),
        /** {@code --classic}. */
        CLASSIC("Jupyter Notebook", "notebook", Program.NOTEBOOK),
        /** The default: JupyterLab, else Notebook, else a bare Jupyter Server (which editors connect to). */
        ANY("Jupyter", "jupyterlab", Program.LAB, Program.NOTEBOOK, Program.SERVER);

        private final String title;
        private final String pkg;
        private final List<Program> programs;

        Choice(String title, String pkg, Program... programs) {
            this.title = title;
            this.pkg = pkg;
            this.programs = List.of(programs);
        }

        List<Program> programs() {
            return programs;
        }

        /** What the missing line calls it. */
        String title() {
            return title;
        }

        /** The package the missing line says to add. */
        String pkg() {
            return pkg;
        }
    }

    /** The container's command: {@code sh -c SCRIPT dockenv-notebook PROJECT PORT ARGUMENTS...}. */
    List<String> argv() {
        List<String> argv = new ArrayList<>(List.of("sh", "-c", script(), SCRIPT_NAME, project, Integer.toString(hostPort)));
        argv.addAll(jupyterArguments());
        return List.copyOf(argv);
    }

    /**
     * Jupyter's arguments (the script adds the root folder): every address of the container (the
     * host publishes the port on its 127.0.0.1 only), the one port published, no browser in a
     * container, yes to every prompt (so that Ctrl-C in a terminal stops it at once, where Jupyter
     * would ask whether to), the host's address in Jupyter's own lines (not the container's name
     * and port), then the user's, which come last so that they win.
     */
    List<String> jupyterArguments() {
        List<String> a = new ArrayList<>(List.of("--ip=0.0.0.0", "--port=" + CONTAINER_PORT,
                // on a port taken inside the container Jupyter would move to one nobody published
                "--port-retries=0", "--no-browser", "--y",
                "--ServerApp.custom_display_url=http://127.0.0.1:" + hostPort + "/"));
        if (root) {
            a.add("--allow-root");
        }
        a.addAll(extraArguments);
        return List.copyOf(a);
    }

    /** The script: fixed text for each choice, every value a positional parameter. */
    String script() {
        String names = choice.programs().stream().map(Program::executable).collect(Collectors.joining(" "));
        String pages = choice.programs().stream().map(p -> p.executable() + ") page=" + p.page() + " ;;")
                .collect(Collectors.joining(" "));
        return "project=$1 port=$2; shift 2\n"
                + "for program in " + names + "; do\n"
                + "  command -v \"$program\" >/dev/null 2>&1 || continue\n"
                + "  case $program in " + pages + " esac\n"
                + "  printf 'dockenv: Jupyter at http://127.0.0.1:%s/%s?token=%s\\n' \"$port\" \"$page\" \"$JUPYTER_TOKEN\" >&2\n"
                + "  exec \"$program\" --ServerApp.root_dir=\"$PWD\" \"$@\"\n"
                + "done\n"
                + "printf 'dockenv: " + choice.title() + " is not installed in the environment of %s; add it with: "
                + "dockenv add --dev " + choice.pkg() + "\\n' \"$project\" >&2\n"
                + "exit 127\n";
    }
}
