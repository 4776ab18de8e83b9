package dev.dockenv.pipeline;

import java.util.Objects;
import java.util.Optional;

/**
 * What a CI pipeline of a project depends on: its name, whether it has tests to run, and where
 * its release goes when the settings say ({@code [tool.dockenv.release] repository}; else the
 * platform's own registry).
 */
public record PipelineInputs(String projectName, boolean tests, Optional<String> releaseRepository) {
    public PipelineInputs {
        Objects.requireNonNull(projectName, "projectName");
        Objects.requireNonNull(releaseRepository, "releaseRepository");
    }
}
