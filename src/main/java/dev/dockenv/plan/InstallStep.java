package dev.dockenv.plan;

import java.util.List;

/**
 * One stage's installs. Declared dependencies: copy the dependency files it reads
 * (project-relative paths), drop the lines that install the project itself ({@code -e .}: the
 * project comes from the bind mount in dev, from the copied source in prod), then
 * {@code pip install -c CONSTRAINTS... -r FILE... PACKAGE...} in a single run, so that a
 * requirements file's options (index, find-links, constraints) and the project's constraints file
 * govern all of it. Locked dependencies: dockenv's derived lists ({@link GeneratedFile}s) installed
 * with {@code --require-hashes --no-deps}: most of them in {@link LockLayer}s built beside the stage
 * and merged into it, the venv's seed packages (pip, setuptools, wheel) in place; the unhashable
 * ones (local paths, VCS) with {@code --no-deps}: the lock already is the resolution.
 */
public record InstallStep(String origin, List<String> copies, List<String> dropProjectLinesFrom,
        List<String> requirementFiles, List<String> packages, List<String> hashedLockLists,
        List<String> unhashedLockLists, List<LockLayer> layers, List<String> constraintFiles) {

    public InstallStep {
        copies = List.copyOf(copies);
        dropProjectLinesFrom = List.copyOf(dropProjectLinesFrom);
        requirementFiles = List.copyOf(requirementFiles);
        packages = List.copyOf(packages);
        hashedLockLists = List.copyOf(hashedLockLists);
        unhashedLockLists = List.copyOf(unhashedLockLists);
        layers = List.copyOf(layers);
        constraintFiles = List.copyOf(constraintFiles);
        if (requirementFiles.isEmpty() && packages.isEmpty() && hashedLockLists.isEmpty()
                && unhashedLockLists.isEmpty() && layers.isEmpty()) {
            throw new IllegalArgumentException("an install step installs something");
        }
    }

    /** A step installing declared requirements (files and/or PEP 508 strings). */
    public static InstallStep declared(String origin, List<String> copies, List<String> dropProjectLinesFrom,
            List<String> requirementFiles, List<String> packages) {
        return declared(origin, copies, dropProjectLinesFrom, requirementFiles, packages, List.of());
    }

    /** The same, with constraints files ({@code -c}) applied to the run. */
    public static InstallStep declared(String origin, List<String> copies, List<String> dropProjectLinesFrom,
            List<String> requirementFiles, List<String> packages, List<String> constraintFiles) {
        return new InstallStep(origin, copies, dropProjectLinesFrom, requirementFiles, packages, List.of(), List.of(),
                List.of(), constraintFiles);
    }

    /** A step installing a lock's derived lists (and copying the local paths it installs). */
    public static InstallStep locked(String origin, List<String> copies, List<LockLayer> layers,
            List<String> hashedLockLists, List<String> unhashedLockLists) {
        return new InstallStep(origin, copies, List.of(), List.of(), List.of(), hashedLockLists, unhashedLockLists,
                layers, List.of());
    }

    /** Whether the step runs pip in its own stage (rather than only merging layers built beside it). */
    public boolean runsPip() {
        return !requirementFiles.isEmpty() || !packages.isEmpty() || !hashedLockLists.isEmpty()
                || !unhashedLockLists.isEmpty();
    }
}
