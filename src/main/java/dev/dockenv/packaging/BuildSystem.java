package dev.dockenv.packaging;

import dev.dockenv.config.TomlDocument;
import dev.dockenv.errors.InputException;
import java.util.List;
import java.util.Optional;

/**
 * pyproject.toml's {@code [build-system]}, checked as pip checks it: no {@code requires}, an invalid
 * requirement or an empty {@code build-backend} is an error at its line.
 */
sealed interface BuildSystem {
    List<String> TABLE = List.of("build-system");

    /** No {@code [build-system]} (or no pyproject.toml): pip falls back to setup.py, if there is one. */
    record Absent() implements BuildSystem {
    }

    /** A {@code [build-system]} naming its {@code build-backend}. */
    record Named(BuildBackend backend) implements BuildSystem {
    }

    /**
     * A {@code [build-system]} without {@code build-backend}: pip builds with setuptools' legacy
     * backend and these {@code requires}, when there is something for it to build.
     */
    record Unnamed(List<String> requires) implements BuildSystem {
        public Unnamed {
            requires = List.copyOf(requires);
        }

        BuildBackend legacyBackend() {
            return new BuildBackend(BuildBackend.LEGACY_SETUPTOOLS, requires,
                    "pyproject.toml [build-system] without build-backend (pip's fallback)");
        }
    }

    static BuildSystem of(Optional<TomlDocument> pyproject) {
        if (pyproject.isEmpty() || !pyproject.get().contains(TABLE)) {
            return new Absent();
        }
        TomlDocument d = pyproject.get();
        if (d.table(TABLE).isEmpty()) {
            throw d.wrongType(TABLE, "a table");
        }
        List<String> requiresPath = List.of("build-system", "requires");
        if (!d.contains(requiresPath)) {
            throw new InputException(d.locationOf(TABLE), "[build-system] has no 'requires' (pip refuses "
                    + "to build the project without it)", "add requires = [\"setuptools>=64\"] (or your backend)");
        }
        List<String> requires = d.strings(requiresPath, "an array of PEP 508 requirement strings", false);
        for (int i = 0; i < requires.size(); i++) {
            SetupCfgReader.validated(requires.get(i), d.locationOf(requiresPath, i));
        }
        List<String> backendPath = List.of("build-system", "build-backend");
        Optional<String> name = d.string(backendPath, "a backend such as \"setuptools.build_meta\"").map(String::strip);
        if (name.isEmpty()) {
            return new Unnamed(requires);
        }
        if (name.get().isEmpty()) {
            throw new InputException(d.locationOf(backendPath), "build-backend is empty",
                    "name the backend, e.g. \"setuptools.build_meta\"");
        }
        return new Named(new BuildBackend(name.get(), requires, "pyproject.toml [build-system]"));
    }
}
