package dev.dockenv.packaging;

import java.util.Optional;

/**
 * Whether pip can install the project, by pip's rules: a {@code [build-system]} naming its backend;
 * one naming none, or no {@code [build-system]} at all, falls back to setuptools' legacy backend
 * when there is something for it to build. A setup.cfg alone, or a {@code [project]} table without a
 * {@code [build-system]}, is not installable and stays a plain source folder.
 */
sealed interface Installability {

    /**
     * Built by {@code backend}; for setuptools, with its setup.cfg and setup.py as read to decide
     * this (each once: they are passed on, not read again).
     */
    record Installable(BuildBackend backend, SetuptoolsFiles setuptools) implements Installability {
        @Override
        public Optional<String> detected() {
            return Optional.of("installable (" + backend.backend() + ")");
        }
    }

    /** Not installable by pip; {@code why} when there is something to say about it. */
    record NotInstallable(Optional<String> why) implements Installability {
        @Override
        public Optional<String> detected() {
            return why;
        }
    }

    /** What to say about it in "detected", if anything. */
    Optional<String> detected();

    /** Decides, reading setup.cfg and setup.py (once) only when setuptools builds or setup.cfg's name decides. */
    static Installability decide(BuildSystem buildSystem, boolean projectName, PackagingFiles files) {
        if (buildSystem instanceof BuildSystem.Named named) {
            return installable(named.backend(), files);
        }
        if (buildSystem instanceof BuildSystem.Unnamed unnamed) {
            if (files.hasSetupPy() || projectName) {
                return installable(unnamed.legacyBackend(), files);
            }
            // only a setup.cfg that names the distribution gives the legacy backend something to build
            return files.setupCfgNamingTheProject()
                    .<Installability>map(cfg -> new Installable(unnamed.legacyBackend(),
                            new SetuptoolsFiles(Optional.of(cfg), Optional.empty())))
                    .orElseGet(() -> new NotInstallable(
                            Optional.of("[build-system] (not installed: no build-backend, setup.py or [project] name)")));
        }
        if (files.hasSetupPy()) {
            return installable(new BuildBackend(BuildBackend.LEGACY_SETUPTOOLS, BuildBackend.LEGACY_REQUIRES,
                    "setup.py without [build-system] (pip's fallback)"), files);
        }
        return new NotInstallable(files.setupCfgNamingTheProject()
                .map(cfg -> "(setup.cfg alone is not installable: pip needs a setup.py or a [build-system])"));
    }

    private static Installability installable(BuildBackend backend, PackagingFiles files) {
        return new Installable(backend, backend.isSetuptools() ? files.setuptools() : SetuptoolsFiles.NONE);
    }
}
