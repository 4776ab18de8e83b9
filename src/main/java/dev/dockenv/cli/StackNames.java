package dev.dockenv.cli;

import dev.dockenv.errors.DidYouMean;
import dev.dockenv.errors.DockenvException;
import dev.dockenv.errors.ExitCode;
import java.util.List;

/** Names of the stack's services given on the command line, checked against those the project has. */
final class StackNames {
    private StackNames() {
    }

    static List<String> check(List<String> given, List<String> known, String project) {
        for (String name : given) {
            if (!known.contains(name)) {
                String hint = DidYouMean.hint(name, known)
                        + (known.isEmpty() ? "declare services under [tool.dockenv.services]"
                        : "the stack of " + project + " has: " + String.join(", ", known));
                throw new DockenvException(ExitCode.USAGE, "unknown service '" + name + "'", hint);
            }
        }
        return List.copyOf(given);
    }
}
