package dev.dockenv.project;

import dev.dockenv.config.ConfigReader;
import dev.dockenv.config.DockenvConfig;
import dev.dockenv.config.TomlDocument;
import dev.dockenv.errors.InputException;
import dev.dockenv.errors.SourceLocation;
import dev.dockenv.io.ProjectFileCheck;
import dev.dockenv.io.Utf8File;
import dev.dockenv.lock.format.LockFormat;
import dev.dockenv.lock.poetry.PoetryManifestReader;
import dev.dockenv.lock.repo2docker.AptFileReader;
import dev.dockenv.lock.repo2docker.PostBuildReader;
import dev.dockenv.packaging.PackagingProject;
import dev.dockenv.packaging.PackagingScanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import dev.dockenv.python.PythonVersion;
import dev.dockenv.python.PythonChoice;
import dev.dockenv.pyproject.PyprojectFile;
import dev.dockenv.pyproject.PyprojectReader;
import dev.dockenv.python.DeclaredPython;
import dev.dockenv.script.InlineScript;

/** Reads a project's files into an immutable {@link Project}. */
public final class ProjectScanner {
    /**
     * Where the main requirements are looked for by default, first found wins (then any other base
     * or main set: {@link RequirementsSelection}).
     */
    public static final List<String> MAIN_REQUIREMENTS = List.of("requirements.txt", "requirements/base.txt",
            "requirements/main.txt");
    /** Dev requirements installed by default, in this order, before the other dev and test sets. */
    public static final List<String> DEV_REQUIREMENTS = List.of("requirements-dev.txt", "dev-requirements.txt",
            "requirements_dev.txt", "requirements/dev.txt");
    /** The files of an app's folder it installs when its settings name none (requirements.txt; dev sets). */
    public static final List<String> APP_REQUIREMENTS = List.of("requirements.txt", "requirements-dev.txt",
            "dev-requirements.txt", "requirements_dev.txt");
    /** Constraints applied to every pip install of requirements ({@code pip install -c}). */
    public static final String CONSTRAINTS = "constraints.txt";
    /** A Dockerfile of the user's own, used instead of a generated one. */
    public static final List<String> DOCKERFILES = List.of("Dockerfile", "Containerfile");

    /** Other files whose appearance or change can change what a scan yields. */
    public static final List<String> OTHER_INPUTS = otherInputs();

    private ProjectScanner() {
    }

    private static List<String> otherInputs() {
        List<String> inputs = new ArrayList<>(List.of(CONSTRAINTS, "pyproject.toml", "dockenv.toml", ".python-version",
                "runtime.txt", ".dockerignore", "src", "setup.py", "setup.cfg", "Pipfile", "environment.yml",
                "environment.yaml", "apt.txt", "postBuild", "MANIFEST.in"));
        inputs.addAll(LockFormat.fileNames());
        return List.copyOf(inputs);
    }

    /**
     * Every file a scan of {@code root} reads or looks for by name, present or not, and every
     * requirements set file there is now. A set file that appears later is seen by the listings
     * ({@link #listedFolders}), not here.
     */
    public static List<Path> inputCandidates(Path root) {
        List<Path> paths = new ArrayList<>();
        for (List<String> names : List.of(MAIN_REQUIREMENTS, DEV_REQUIREMENTS, DOCKERFILES, OTHER_INPUTS)) {
            names.forEach(n -> paths.add(root.resolve(n)));
        }
        RequirementsSelection.find(root).forEach(f -> paths.add(f.file()));
        return paths;
    }

    /** A folder whose entries matching {@code names} (a regular expression on file names) make a scan. */
    public record ListedFolder(Path folder, String names) {
    }

    /** The folders where requirements sets are found by pattern: the root and requirements/. */
    public static List<ListedFolder> listedFolders(Path root) {
        return List.of(new ListedFolder(root, RequirementsSelection.ROOT_NAMES.pattern()),
                new ListedFolder(root.resolve(RequirementsSelection.FOLDER),
                        RequirementsSelection.FOLDER_NAMES.pattern()));
    }

    public static Project scan(Path root) {
        return scan(root, UserDefaults.NONE);
    }

    /** The project, with the user's defaults for what it does not say ({@link UserDefaults}). */
    public static Project scan(Path root, UserDefaults defaults) {
        checkProjectFiles(root);
        List<String> detected = new ArrayList<>();
        Path pyprojectPath = root.resolve("pyproject.toml");
        Optional<PyprojectFile> pyproject = Optional.empty();
        if (Files.isRegularFile(pyprojectPath)) {
            pyproject = Optional.of(PyprojectReader.read(pyprojectPath));
            detected.add("pyproject.toml" + (pyproject.get().name().isPresent() ? " [project]" : ""));
        }
        DockenvConfig config = config(root, pyproject, detected);
        PackagingScanner.Scan packagingScan = PackagingScanner.scan(root, pyproject);
        Optional<PackagingProject> packaging = packagingScan.project();

        RequirementsSelection.Selected selected = RequirementsSelection.select(root, config);
        List<RequirementsSet> main = selected.main();
        List<RequirementsSet> dev = selected.dev();
        main.forEach(r -> detected.add(relative(root, r.file())));
        dev.forEach(r -> detected.add(relative(root, r.file())));
        Optional<RequirementsSet> constraints = Optional.empty();
        if (Files.isRegularFile(root.resolve(CONSTRAINTS))) {
            constraints = Optional.of(RequirementsSets.load(root, root.resolve(CONSTRAINTS)));
            detected.add(CONSTRAINTS);
        }
        List<String> apt = new ArrayList<>();
        if (Files.isRegularFile(root.resolve("apt.txt"))) {
            AptFileReader.read(root.resolve("apt.txt")).forEach(p -> apt.add(p.argument()));
            detected.add("apt.txt");
        }
        Optional<Path> postBuild = Optional.empty();
        if (Files.isRegularFile(root.resolve("postBuild"))) {
            PostBuildReader.read(root.resolve("postBuild"));
            postBuild = Optional.of(root.resolve("postBuild"));
            detected.add("postBuild");
        }
        for (String read : CondaFiles.OTHER_TOOLS) {
            if (Files.isRegularFile(root.resolve(read))) {
                detected.add(read);
            }
        }
        detected.addAll(packagingScan.detected());
        Optional<CondaEnvironmentFile> conda = CondaFiles.read(root, pyproject, main);
        conda.ifPresent(c -> detected.add(c.path() + " (conda)"));

        List<DeclaredPython> explicit = new ArrayList<>();
        config.python().ifPresent(v -> explicit.add(new DeclaredPython(v,
                config.pythonLocation().orElseThrow())));
        firstLine(root.resolve(".python-version")).ifPresent(d -> {
            explicit.add(d);
            detected.add(".python-version");
        });
        firstLine(root.resolve("runtime.txt")).ifPresent(d -> {
            explicit.add(d);
            detected.add("runtime.txt");
        });
        pipfilePython(root.resolve("Pipfile")).ifPresent(explicit::add);
        List<DeclaredPython> ranges = new ArrayList<>();
        pyproject.flatMap(PyprojectFile::requiresPython).or(() -> packaging.flatMap(PackagingProject::pythonRequires))
                .ifPresent(ranges::add);
        // [tool.poetry] python = "^3.10": one more range the choice must satisfy
        pyproject.flatMap(p -> PoetryManifestReader.readManifest(p.document()))
                .flatMap(m -> m.dependencies().python()).ifPresent(ranges::add);
        // conda's python=3.X is one more explicit version, python>=3.10,<3.12 one more range
        boolean othersNameOne = !explicit.isEmpty();
        Optional<DeclaredPython> condaPython = conda.flatMap(c -> c.environment().python());
        boolean condaNamesOne = condaPython.filter(d -> PythonVersion.parse(d.text()).isPresent()).isPresent();
        condaPython.ifPresent(d -> (condaNamesOne ? explicit : ranges).add(d));
        // a conda environment brings its own Python: any version conda has will do, not only python:X-slim's
        PythonChoice python = PythonVersionResolver.resolve(explicit, ranges,
                config.baseImage().isPresent() || conda.isPresent(), defaults);
        if (othersNameOne && !condaNamesOne) {
            conda = conda.map(c -> c.withPythonPin(Optional.of(python.version().toString())));
        }

        Optional<Path> dockerfile = DOCKERFILES.stream().map(root::resolve).filter(Files::isRegularFile).findFirst();
        dockerfile.ifPresent(d -> detected.add(d.getFileName() + " (yours)"));
        String name = pyproject.flatMap(PyprojectFile::name).filter(n -> !n.isBlank())
                .or(() -> packaging.flatMap(PackagingProject::name))
                .orElse(root.getFileName() == null ? "project" : root.getFileName().toString());
        boolean src = Files.isDirectory(root.resolve("src"));
        BuildInputs buildInputs = BuildInputScanner.scan(root, config, postBuild);
        for (ProjectApp app : selected.apps()) {
            Path folder = root.resolve(app.folder());
            if (Files.isDirectory(folder) && !insideProject(root, folder)) {
                throw new InputException(app.setting().pathLocation(), "app '" + app.name() + "': " + app.folder()
                        + " leads outside the project (a link)", "an app's folder is copied into its prod image: keep "
                        + "it inside " + root);
            }
            if (!Files.isDirectory(folder)) {
                throw new InputException(app.setting().pathLocation(), "app '" + app.name() + "': no folder "
                        + app.folder() + " in the project", app.setting().pathLocation().equals(app.setting().location())
                        ? "the folder is the app's name unless path says otherwise: write path = \"...\"" 
                        : "write the folder of the app's code, relative to " + root);
            }
        }
        // how the project and each app start, when no command says it (the prod image's CMD, dockenv status)
        StartFiles start = config.command().isEmpty() ? StartFilesScanner.scan(root, "", config.environment(),
                selected.apps().stream().map(ProjectApp::folder).toList()) : StartFiles.none("");
        start.procfileWeb().ifPresent(w -> detected.add(w.file() + " (web)"));
        List<ProjectApp> apps = selected.apps().stream().map(a -> a.setting().command().isEmpty()
                ? a.withStart(StartFilesScanner.scan(root, a.folder(), config.environment())) : a).toList();
        return new Project(root, name, detected, pyproject, main, dev, python, config, dockerfile, src, apt, postBuild,
                conda, packaging, selected.sets(), constraints, buildInputs, Optional.empty(), apps, start);
    }

    /** Whether a folder of the project, links resolved, is still inside it. */
    private static boolean insideProject(Path root, Path folder) {
        try {
            return folder.toRealPath().startsWith(root.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Every file a scan reads by its name, and every requirements set file, checked before any is
     * read ({@link ProjectFileCheck}): a dangling link, a loop of links, a folder, a named pipe or
     * a device where a project file is expected is an error naming it, not a file passed over; a
     * link leading outside the project is refused (nothing outside the project enters a build).
     */
    static void checkProjectFiles(Path root) {
        List<Path> files = new ArrayList<>();
        for (List<String> names : List.of(MAIN_REQUIREMENTS, DEV_REQUIREMENTS, DOCKERFILES, OTHER_INPUTS)) {
            names.stream().filter(n -> !n.equals("src")).forEach(n -> files.add(root.resolve(n)));
        }
        for (ListedFolder listed : listedFolders(root)) {
            java.util.regex.Pattern names = java.util.regex.Pattern.compile(listed.names());
            try (java.nio.file.DirectoryStream<Path> entries = Files.newDirectoryStream(listed.folder())) {
                for (Path entry : entries) {
                    if (names.matcher(entry.getFileName().toString()).matches()) {
                        files.add(entry);
                    }
                }
            } catch (java.nio.file.NotDirectoryException | java.nio.file.NoSuchFileException e) {
                // no such folder: nothing listed there
            } catch (java.io.IOException e) {
                throw dev.dockenv.errors.IoFailures.reading(listed.folder(), e);
            }
        }
        for (Path file : files.stream().distinct().toList()) {
            if (DOCKERFILES.contains(file.getFileName().toString()) && Files.isDirectory(file)) {
                continue; // a folder named Dockerfile is no Dockerfile of the user's (init says so when it writes one)
            }
            ProjectFileCheck.checkInProject(root, file);
        }
    }

    /**
     * A single script with PEP 723 inline metadata, on its own (as uv runs one): its dependencies,
     * requires-python and [tool.dockenv] are the environment, whatever project files its folder
     * holds; the root (the folder mounted) is the script's folder.
     */
    public static Project scanScript(InlineScript script) {
        return scanScript(script, UserDefaults.NONE);
    }

    /** The script's project, with the user's defaults (DOCKENV_PYTHON) for what its metadata does not say. */
    public static Project scanScript(InlineScript script, UserDefaults defaults) {
        Path file = script.file().toAbsolutePath().normalize();
        Path root = file.getParent();
        DockenvConfig config = script.config();
        List<DeclaredPython> explicit = new ArrayList<>();
        config.python().ifPresent(v -> explicit.add(new DeclaredPython(v, config.pythonLocation().orElseThrow())));
        PythonChoice python = PythonVersionResolver.resolve(explicit, script.requiresPython().stream().toList(),
                config.baseImage().isPresent(), defaults);
        List<String> detected = List.of(script.fileName() + " (inline script metadata)");
        return new Project(root, script.name(), detected, Optional.empty(), List.of(), List.of(), python, config,
                Optional.empty(), false, List.of(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(),
                Optional.empty(), BuildInputs.none(), Optional.of(script), List.of(), StartFiles.none(""));
    }

    private static String relative(Path root, Path file) {
        return root.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize()).toString()
                .replace('\\', '/');
    }

    private static DockenvConfig config(Path root, Optional<PyprojectFile> pyproject, List<String> detected) {
        Path dockenvToml = root.resolve("dockenv.toml");
        Optional<DockenvConfig> inPyproject = pyproject.map(PyprojectFile::config).filter(c -> c.source().isPresent());
        if (Files.isRegularFile(dockenvToml)) {
            if (inPyproject.isPresent()) {
                throw new InputException(SourceLocation.of(dockenvToml),
                        "dockenv settings are both here and in [tool.dockenv] of pyproject.toml",
                        "keep them in one place");
            }
            detected.add("dockenv.toml");
            return ConfigReader.read(TomlDocument.read(dockenvToml), List.of());
        }
        inPyproject.ifPresent(c -> detected.add("[tool.dockenv]"));
        return inPyproject.orElse(DockenvConfig.empty());
    }

    /** Pipfile's [requires] python_version (or python_full_version), with where it is written. */
    private static Optional<DeclaredPython> pipfilePython(Path pipfile) {
        if (!Files.isRegularFile(pipfile)) {
            return Optional.empty();
        }
        TomlDocument doc = TomlDocument.read(pipfile);
        for (String key : List.of("python_full_version", "python_version")) {
            List<String> path = List.of("requires", key);
            Optional<String> value = doc.string(path, "a Python version such as \"3.11\"");
            if (value.isPresent()) {
                return Optional.of(new DeclaredPython(value.get(), doc.locationOf(path)));
            }
        }
        return Optional.empty();
    }

    /** The first meaningful line of a one-line file (.python-version, runtime.txt). */
    private static Optional<DeclaredPython> firstLine(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        List<String> lines = Utf8File.readText(file).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.isEmpty() && !line.startsWith("#")) {
                return Optional.of(new DeclaredPython(line,
                        new SourceLocation(file, i + 1, 1)));
            }
        }
        return Optional.empty();
    }
}
