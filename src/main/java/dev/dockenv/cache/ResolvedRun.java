package dev.dockenv.cache;

import java.util.List;

/** What a warm {@code run} needs from a resolved project, without reading the project again. */
public record ResolvedRun(String imageReference, String projectName, List<String> configPorts,
        List<String> configCommand) {
    public ResolvedRun {
        configPorts = List.copyOf(configPorts);
        configCommand = List.copyOf(configCommand);
    }
}
