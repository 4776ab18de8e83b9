package dev.dockenv.project;

import dev.dockenv.config.DockenvConfig;
import dev.dockenv.packaging.PackagingProject;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import dev.dockenv.python.PythonChoice;
import dev.dockenv.pyproject.PyprojectFile;
import dev.dockenv.script.InlineScript;

/**
 * Everything dockenv read from a project, immutable. Computing a plan from it needs no file
 * system and no engine. With a conda environment file ({@code conda}), that file is the
 * environment: see {@link CondaEnvironmentFile#notInstalled()} for what it replaces.
 * {@code packaging} is present when the project is an installable
 * distribution (a pyproject.toml [build-system], or a setup.py).
 * {@code requirements} and {@code devRequirements} are the requirements sets
 * the base and dev stages install; {@code requirementSets} every set found, with its stage;
 * {@code constraints} the root's constraints.txt, applied to every pip install of requirements.
 * {@code buildInputs} the project files the build commands and postBuild see.
 * {@code script} is present for a single script with PEP 723 inline metadata: its metadata is the
 * whole environment (the folder's other files are not read), and the root is the script's folder.
 * {@code apps} are the repository's apps over the shared base ({@code requirements} and
 * {@code devRequirements} are then the shared environment's); none: the project is one app.
 * {@code start} is what the root holds that tells how the project starts (a Procfile, a Django
 * site, a Flask or FastAPI module, main.py), read only when no command is configured.
 */
public record Project(
        Path root,
        String name,
        List<String> detected,
        Optional<PyprojectFile> pyproject,
        List<RequirementsSet> requirements,
        List<RequirementsSet> devRequirements,
        PythonChoice python,
        DockenvConfig config,
        Optional<Path> dockerfile,
        boolean hasSrcLayout,
        List<String> aptTxtPackages,
        Optional<Path> postBuild,
        Optional<CondaEnvironmentFile> conda,
        Optional<PackagingProject> packaging,
        List<NamedRequirements> requirementSets,
        Optional<RequirementsSet> constraints,
        BuildInputs buildInputs,
        Optional<InlineScript> script,
        List<ProjectApp> apps,
        StartFiles start) {

    /**
     * The names that mark dev dependencies, in this order: requirements sets
     * ({@code requirements-dev.txt}, {@code requirements/test.txt}) and the project's optional
     * dependencies ({@code [project.optional-dependencies] test}) installed by the dev stage.
     */
    public static final List<String> DEV_NAMES = List.of("dev", "test", "tests", "testing", "development");

    public Project {
        detected = List.copyOf(detected);
        requirements = List.copyOf(requirements);
        devRequirements = List.copyOf(devRequirements);
        aptTxtPackages = List.copyOf(aptTxtPackages);
        requirementSets = List.copyOf(requirementSets);
        apps = List.copyOf(apps);
    }

    /** The app of this name, if the project has one. */
    public Optional<ProjectApp> app(String name) {
        return apps.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    /** The app whose folder holds {@code directory}, if any (the default app of a command started there). */
    public Optional<ProjectApp> appAt(Path directory) {
        Path dir = directory.toAbsolutePath().normalize();
        return apps.stream().filter(a -> dir.startsWith(root.resolve(a.folder()).normalize())).findFirst();
    }

    /** A path inside the project as a '/'-separated relative path. */
    public String relative(Path path) {
        return root.relativize(path.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }
}
