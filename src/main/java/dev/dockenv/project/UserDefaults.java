package dev.dockenv.project;

import dev.dockenv.errors.DockenvException;
import dev.dockenv.errors.ExitCode;
import dev.dockenv.python.PythonVersion;
import java.util.Map;
import java.util.Optional;

/**
 * What the user sets for all their projects, from the environment: the Python version to use when a
 * project names none ({@code DOCKENV_PYTHON=3.11}, as uv reads UV_PYTHON). A project's own version
 * (.python-version, runtime.txt, the python setting ...) always wins, and its ranges (requires-python)
 * still bound the default.
 */
public record UserDefaults(Optional<PythonVersion> python) {
    public static final String PYTHON = "DOCKENV_PYTHON";
    public static final UserDefaults NONE = new UserDefaults(Optional.empty());

    /** From the environment's variables; a value that is not a Python version is a usage error (2). */
    public static UserDefaults fromEnvironment(Map<String, String> environment) {
        String text = environment.getOrDefault(PYTHON, "").strip();
        if (text.isEmpty()) {
            return NONE;
        }
        PythonVersion version = PythonVersion.parse(text).orElseThrow(() -> new DockenvException(ExitCode.USAGE,
                PYTHON + "='" + environment.get(PYTHON) + "' is not a Python version",
                "write it as 3.X, e.g. " + PYTHON + "=3.12, or unset it"));
        return new UserDefaults(Optional.of(version));
    }
}
