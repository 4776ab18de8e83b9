package dev.dockenv.project;

import dev.dockenv.lock.conda.CondaEnvironment;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The project's conda environment file as a build needs it: where it is, what it says, the
 * requirements files its {@code pip:} list includes with {@code -r}/{@code -c} (read with their
 * own includes, local paths and find-links folders, so the build can copy them), and the other
 * dependency files of the project that the environment replaces.
 *
 * @param path         the file's project-relative path ({@code environment.yml} or {@code environment.yaml})
 * @param environment  what it says
 * @param pipIncludes  the requirements files its {@code pip:} lines include, as loaded
 * @param notInstalled dependency sources of the project that are not installed because the
 *                     environment file is the environment (as repo2docker does), each with the
 *                     way to install it
 * @param pythonPin    the Python version other files name (.python-version, runtime.txt, the
 *                     python setting ...), for the environment to install, when the environment
 *                     file does not name that exact version itself
 */
public record CondaEnvironmentFile(String path, CondaEnvironment environment, List<RequirementsSet> pipIncludes,
        List<String> notInstalled, Optional<String> pythonPin) {

    /** The names a conda environment file has, in the order conda looks for them. */
    public static final List<String> NAMES = List.of("environment.yml", "environment.yaml");

    public CondaEnvironmentFile {
        Objects.requireNonNull(path);
        Objects.requireNonNull(environment);
        pipIncludes = List.copyOf(pipIncludes);
        notInstalled = List.copyOf(notInstalled);
        Objects.requireNonNull(pythonPin);
    }

    CondaEnvironmentFile withPythonPin(Optional<String> version) {
        return new CondaEnvironmentFile(path, environment, pipIncludes, notInstalled, version);
    }
}
