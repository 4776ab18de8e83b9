package dev.dockenv.decision;

import dev.dockenv.project.RequirementsSet;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * What one stage installs without a lock, in a single pip run: requirements sets ({@code -r}),
 * PEP 508 strings and local paths (the project's declared dependencies, extras, a manifest's
 * entries), where each comes from (for the Dockerfile's comments), and local paths a manifest
 * names that the build must copy.
 */
public record StageDependencies(List<RequirementsSet> requirements, List<String> packages, List<String> origins,
        List<String> manifestCopies) {

    public StageDependencies {
        requirements = List.copyOf(requirements);
        packages = List.copyOf(new LinkedHashSet<>(packages));
        origins = List.copyOf(origins);
        manifestCopies = List.copyOf(manifestCopies);
    }

    /** Whether the stage installs nothing of its own. */
    public boolean isEmpty() {
        return requirements.isEmpty() && packages.isEmpty();
    }
}
