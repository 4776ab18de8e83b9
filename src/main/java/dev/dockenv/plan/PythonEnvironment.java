package dev.dockenv.plan;

import java.util.List;

/**
 * Where the base stage installs the project's dependencies: a virtualenv (its installs, locked
 * ones in layers) or a conda environment built on a micromamba image.
 */
public sealed interface PythonEnvironment {

    /** The environment's Python, the interpreter an IDE is pointed at. */
    String interpreter();

    /** A virtualenv at {@link ContainerPaths#VENV}, on top of a {@code system} stage. */
    record Venv(List<StageInstall> installs) implements PythonEnvironment {
        public Venv {
            installs = List.copyOf(installs);
        }

        @Override
        public String interpreter() {
            return ContainerPaths.VENV + "/bin/python";
        }
    }

    /** A conda environment file, installed by micromamba (its pip: list included). */
    record Conda(CondaDockerfilePlan plan) implements PythonEnvironment {
        @Override
        public String interpreter() {
            return MicromambaImage.ROOT_PREFIX + "/bin/python";
        }
    }
}
