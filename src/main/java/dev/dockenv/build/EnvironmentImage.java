package dev.dockenv.build;

import dev.dockenv.context.ContextEntry;
import java.util.List;

/**
 * An environment image as identified by its inputs: the tag carries a content hash of the
 * Dockerfile, the target, the build arguments and every context file the build reads.
 */
public record EnvironmentImage(String repository, String inputsHash, BuildDefinition definition,
        List<ContextEntry> hashedEntries) {

    public EnvironmentImage {
        hashedEntries = List.copyOf(hashedEntries);
    }

    /** repository:target-hash — immutable: an existing one is never rebuilt. */
    public String reference() {
        return repository + ":" + definition.targetLabel() + "-" + inputsHash.substring(0, 12);
    }

    /** repository:target — moves to the latest build, for people who want a stable name. */
    public String alias() {
        return repository + ":" + definition.targetLabel();
    }
}
