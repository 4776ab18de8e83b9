package dev.dockenv.packaging;

import java.util.List;

/**
 * The PEP 517 backend that builds the project, and what its build environment installs.
 *
 * @param backend  the {@code build-backend} object reference, e.g. {@code setuptools.build_meta}
 * @param requires {@code [build-system] requires} (pip's default for a project without one)
 * @param source   where this comes from, e.g. "pyproject.toml [build-system]"
 */
public record BuildBackend(String backend, List<String> requires, String source) {
    /** What pip uses for a project with a setup.py and no [build-system] (PEP 517's fallback). */
    public static final String LEGACY_SETUPTOOLS = "setuptools.build_meta:__legacy__";
    public static final List<String> LEGACY_REQUIRES = List.of("setuptools>=40.8.0", "wheel");

    public BuildBackend {
        requires = List.copyOf(requires);
    }

    public boolean isSetuptools() {
        return backend.equals("setuptools.build_meta") || backend.startsWith("setuptools.build_meta:");
    }

    /** The backend's distribution as users know it (setuptools, hatchling, flit_core ...). */
    public String family() {
        String module = backend.split("[:.]")[0];
        return switch (module) {
            case "hatchling" -> "hatchling";
            case "flit_core" -> "flit";
            case "poetry" -> "poetry-core";
            case "pdm" -> "pdm-backend";
            default -> module;
        };
    }
}
