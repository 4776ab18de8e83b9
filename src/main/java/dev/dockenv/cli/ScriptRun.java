package dev.dockenv.cli;

import dev.dockenv.plan.ContainerPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A run of a Python script file: {@code dockenv run script.py ARGS} (a first argument that ends
 * with .py and is a file means {@code python script.py ARGS}) or {@code dockenv run -- python
 * script.py ARGS}. The script's inline metadata, when it has some, is then its environment.
 *
 * @param script the script on the host, absolute
 * @param command the command to run, {@code python} first
 * @param index where the script is in {@code command}
 */
record ScriptRun(Path script, List<String> command, int index) {
    private static final Pattern PYTHON = Pattern.compile("python(3(\\.\\d+)?)?");
    /** Python's options that take a value as the next argument. */
    private static final Set<String> WITH_VALUE = Set.of("-W", "-X", "--check-hash-based-pycs");
    /** Python's options after which no script file follows. */
    private static final Set<String> NO_SCRIPT = Set.of("-c", "-m", "-");

    ScriptRun {
        command = List.copyOf(command);
    }

    /** The script the command runs, relative paths read from {@code start}. */
    static Optional<ScriptRun> find(Path start, List<String> command) {
        if (command.isEmpty()) {
            return Optional.empty();
        }
        Optional<Path> first = scriptFile(start, command.get(0));
        if (first.isPresent()) {
            List<String> withPython = new ArrayList<>();
            withPython.add("python");
            withPython.addAll(command);
            return Optional.of(new ScriptRun(first.get(), withPython, 1));
        }
        if (!PYTHON.matcher(command.get(0)).matches()) {
            return Optional.empty();
        }
        for (int i = 1; i < command.size(); i++) {
            String arg = command.get(i);
            if (NO_SCRIPT.contains(arg) || arg.startsWith("-c") || arg.startsWith("-m")) {
                return Optional.empty();
            }
            if (WITH_VALUE.contains(arg)) {
                i++;
            } else if (!arg.startsWith("-")) {
                int index = i;
                return scriptFile(start, arg).map(f -> new ScriptRun(f, command, index));
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> scriptFile(Path start, String argument) {
        if (!argument.endsWith(".py") || argument.startsWith("-")) {
            return Optional.empty();
        }
        try {
            Path file = start.resolve(argument).toAbsolutePath().normalize();
            return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
        } catch (java.nio.file.InvalidPathException e) {
            return Optional.empty();
        }
    }

    /**
     * The command as the container runs it, mounted at {@code root} and started in {@code cwd}: the
     * script's path as written when it leads there from the container's working folder, else its
     * path under the mounted project.
     */
    List<String> commandIn(Path root, Path cwd) {
        String written = command.get(index);
        if (!script.startsWith(root) || (cwd.startsWith(root) && !Path.of(written).isAbsolute())) {
            return command;
        }
        List<String> out = new ArrayList<>(command);
        out.set(index, ContainerPaths.PROJECT + "/" + root.relativize(script).toString().replace('\\', '/'));
        return out;
    }
}
