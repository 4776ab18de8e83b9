package dev.dockenv.plan;

import java.util.List;

/**
 * One pip run of a stage: copy the dependency files it reads (project-relative paths), drop the
 * lines that install the project itself ({@code -e .}: the project comes from the bind mount in
 * dev, from the copied source in prod), then {@code pip install -r FILE... PACKAGE...} in a single
 * run, so that a requirements file's options (index, find-links, constraints) govern all of it.
 */
public record InstallStep(String origin, List<String> copies, List<String> dropProjectLinesFrom,
        List<String> requirementFiles, List<String> packages) {

    public InstallStep {
        copies = List.copyOf(copies);
        dropProjectLinesFrom = List.copyOf(dropProjectLinesFrom);
        requirementFiles = List.copyOf(requirementFiles);
        packages = List.copyOf(packages);
        if (requirementFiles.isEmpty() && packages.isEmpty()) {
            throw new IllegalArgumentException("an install step installs something");
        }
    }
}
