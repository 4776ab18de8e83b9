package dev.dockenv.packaging;

import dev.dockenv.context.IgnoreRules;
import dev.dockenv.pyproject.PyprojectFile;
import dev.dockenv.python.DeclaredRequirement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides whether a project is an installable distribution and reads what building it takes
 * ({@link PackagingProject}): a pyproject.toml {@code [build-system]} (its backend, or setuptools'
 * legacy backend when it names none), else a setup.py (pip's fallback). A setup.cfg alone, or a
 * {@code [project]} table without a {@code [build-system]}, is not installable by pip and stays a
 * plain source folder. setup.py is read, never run.
 *
 * <p>A scan is a chain of steps, each returning an immutable value the next ones take: the packaging
 * files present ({@link PackagingFiles}), the {@code [build-system]} ({@link BuildSystem}), whether and
 * how pip installs the project ({@link Installability}, which reads setup.cfg and setup.py, each once:
 * {@link SetuptoolsFiles}), then for an installable project ({@link PackagingSources}) the files its
 * build reads ({@link BuildInputs}), its packages ({@link PackageLayout}, module stand-ins from
 * {@link ModuleStubs}) and the dependencies it declares ({@link PackagingDependencies},
 * {@link DeclaredExtras}).
 */
public final class PackagingScanner {
    /** The outcome: the installable project, if it is one, and what to say about it in "detected". */
    public record Scan(Optional<PackagingProject> project, List<String> detected) {
        public Scan {
            detected = List.copyOf(detected);
        }
    }

    private final ProjectFileReader reader;

    /** A scanner reading the project's files through {@code reader} (the public {@link #scan}: strict UTF-8). */
    PackagingScanner(ProjectFileReader reader) {
        this.reader = reader;
    }

    public static Scan scan(Path root, Optional<PyprojectFile> pyproject) {
        return new PackagingScanner(ProjectFileReader.UTF8).scanProject(root, pyproject);
    }

    Scan scanProject(Path root, Optional<PyprojectFile> pyproject) {
        PackagingFiles files = PackagingFiles.in(root, reader);
        Installability installability = Installability.decide(BuildSystem.of(pyproject.map(PyprojectFile::document)),
                pyproject.flatMap(PyprojectFile::name).isPresent(), files);
        Optional<PackagingProject> project = Optional.empty();
        if (installability instanceof Installability.Installable installable) {
            project = Optional.of(project(new PackagingSources(files, pyproject, installable.backend(),
                    installable.setuptools())));
        }
        List<String> detected = new ArrayList<>(files.detected());
        installability.detected().ifPresent(detected::add);
        return new Scan(project, detected);
    }

    /** Reads an installable project: the steps' values combined, in the order the steps ran. */
    private static PackagingProject project(PackagingSources sources) {
        Path root = sources.root();
        List<String> packagingFiles = sources.files().readBy(sources.backend());
        PackageLayout layout = PackageLayout.of(sources);
        ModuleStubs stubs = new ModuleStubs(root, layout.packageDir(), sources.files().reader());
        BuildInputs found = ProjectTableInputs.of(sources).plus(sources.backend().isSetuptools()
                ? SetuptoolsInputs.of(sources, stubs) : OtherBackendInputs.of(sources, stubs));
        // a file the context leaves out cannot be read by the build: say so rather than fail at a COPY
        BuildInputs inputs = found.readableFrom(IgnoreRules.forProject(root), packagingFiles)
                .withWholeModules(stubs.wholeModules());
        List<Path> filesRead = new ArrayList<>();
        packagingFiles.forEach(f -> filesRead.add(root.resolve(f)));
        filesRead.addAll(inputs.filesRead());
        filesRead.addAll(stubs.filesRead());
        inputs.metadataFiles().forEach(m -> filesRead.add(root.resolve(m)));

        Optional<String> name = sources.name();
        List<ModuleStub> moduleStubs = stubs.stubs();
        List<String> packageDirs = layout.listedPackageFolders(sources);
        PackagingDependencies dependencies = PackagingDependencies.of(sources);
        String dependencySource = PackagingDependencies.source(sources);
        Map<String, List<DeclaredRequirement>> extras = DeclaredExtras.of(sources);
        List<String> notes = new ArrayList<>(inputs.notes());
        dependencies.note().ifPresent(notes::add);
        return new PackagingProject(name, sources.backend(), packagingFiles, inputs.metadataFiles(), moduleStubs,
                packageDirs, dependencies.known(), dependencySource, extras, sources.pythonRequires(),
                sources.consoleScripts(), filesRead, notes);
    }
}
