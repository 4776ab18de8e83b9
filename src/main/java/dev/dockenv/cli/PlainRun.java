package dev.dockenv.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Recognizes the most common invocation, {@code dockenv run [--] COMMAND...} with no option before
 * the command, whose parse has only one possible result: the command. It then skips building the
 * command-line model, which is most of a warm run's start-up (picocli reflects over annotations).
 * Anything else, including any option, goes to picocli. PlainRunTest checks that both parse every
 * recognized form the same way.
 */
final class PlainRun {
    private PlainRun() {
    }

    /** The command of a plain {@code run}, or empty when picocli must parse the arguments. */
    static Optional<List<String>> command(String[] args) {
        if (args.length < 2 || !args[0].equals("run")) {
            return Optional.empty();
        }
        if (args[1].equals("--")) {
            return args.length > 2 ? Optional.of(List.copyOf(Arrays.asList(args).subList(2, args.length)))
                    : Optional.empty();
        }
        if (args[1].startsWith("-") || args[1].startsWith("@")) {
            return Optional.empty();
        }
        return Optional.of(List.copyOf(Arrays.asList(args).subList(1, args.length)));
    }
}
