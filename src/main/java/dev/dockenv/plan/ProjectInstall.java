package dev.dockenv.plan;

import java.util.List;

/**
 * The project itself, installed as a distribution: in the dev image editable (PEP 660), built from
 * its packaging files alone so that its metadata and console scripts exist while its source comes
 * from the mount at run time; in the prod image from a wheel built in a stage of its own.
 *
 * @param name           the distribution's name, for comments and messages
 * @param backend        the PEP 517 backend building it
 * @param editableCopies project-relative files the editable build reads as they are (packaging
 *                       files, readme, license, ...)
 * @param stubs          stand-ins for modules packaging reads names from: a derived file copied to
 *                       the module's place
 * @param packageDirs    folders the editable build requires to exist
 * @param noDeps         whether pip installs the project alone: the base stage (or a lock) has
 *                       installed its dependencies. False when they are computed by the build
 *                       (a setup.py's install_requires): then pip resolves them too
 * @param pipSources     pip options naming where packages come from (the main requirements file's
 *                       own --index-url, --find-links ...), so the build's requirements come from
 *                       where the other installs look
 */
public record ProjectInstall(
        String name,
        String backend,
        List<String> editableCopies,
        List<StubCopy> stubs,
        List<String> packageDirs,
        boolean noDeps,
        List<String> pipSources) {

    public ProjectInstall {
        editableCopies = List.copyOf(editableCopies);
        stubs = List.copyOf(stubs);
        packageDirs = List.copyOf(packageDirs);
        pipSources = List.copyOf(pipSources);
    }

    /** A derived module stand-in and the project path it stands for. */
    public record StubCopy(GeneratedFile file, String destination) {
    }
}
