package dev.dockenv.engine;

import java.util.List;

/**
 * One client command that tells whether the engine is still as a warm run found it (the image
 * under its tag, the services running and healthy), and its exact output when it is. The launcher
 * runs it instead of starting a JVM; any other output (an error included) means "ask dockenv".
 */
public record EngineProbe(List<String> command, String expectedOutput) {
    public EngineProbe {
        command = List.copyOf(command);
    }
}
