package dev.dockenv.lock.repo2docker;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A script's {@code #!} line as the Linux kernel reads it: the interpreter's path, then at most
 * one argument (the rest of the line, blanks inside kept).
 */
public record Shebang(String interpreter, Optional<String> argument) {
    private static final List<String> SHELLS = List.of("sh", "bash", "dash", "zsh", "ksh", "ash");

    public Shebang {
        Objects.requireNonNull(interpreter);
        Objects.requireNonNull(argument);
    }

    /** What the kernel runs before the script's path: {@code [/usr/bin/env, bash]}. */
    public List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(interpreter);
        argument.ifPresent(command::add);
        return List.copyOf(command);
    }

    /** The program that reads the script: the interpreter, or the program {@code /usr/bin/env} looks up. */
    public String program() {
        String base = interpreter.substring(interpreter.lastIndexOf('/') + 1);
        if (base.equals("env") && argument.isPresent()) {
            String first = argument.get().split("[ \t]+")[0];
            if (first.equals("-S")) {
                String[] words = argument.get().split("[ \t]+");
                return words.length > 1 ? words[1] : first;
            }
            return first;
        }
        return base;
    }

    /** True when a POSIX-style shell reads the script. */
    public boolean isShell() {
        return SHELLS.contains(program());
    }

    @Override
    public String toString() {
        return "#!" + interpreter + argument.map(a -> " " + a).orElse("");
    }
}
