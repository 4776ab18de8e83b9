package dev.dockenv.decision;

import dev.dockenv.errors.InputException;
import dev.dockenv.errors.SourceLocation;
import dev.dockenv.lock.DeclaredDependencies;
import dev.dockenv.lock.DependencyGroups;
import dev.dockenv.lock.LockFile;
import dev.dockenv.lock.poetry.PoetryContentHash;
import dev.dockenv.lock.poetry.PoetryLockReader;
import dev.dockenv.lock.poetry.PoetryManifest;
import dev.dockenv.lock.poetry.PoetryManifestReader;
import dev.dockenv.python.DeclaredRequirement;
import dev.dockenv.lock.pdm.PdmContentHash;
import dev.dockenv.lock.pdm.PdmLockReader;
import dev.dockenv.lock.pipenv.PipfileDigest;
import dev.dockenv.lock.pipenv.PipfileLockReader;
import dev.dockenv.lock.pylock.PylockReader;
import dev.dockenv.lock.uv.UvLockFreshness;
import dev.dockenv.lock.uv.UvLockReader;
import dev.dockenv.project.Project;
import dev.dockenv.pyproject.PyprojectFile;
import dev.dockenv.config.TomlDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Finds the lock a project installs from, in order of precedence: the standard pylock.toml, then
 * uv.lock, poetry.lock, pdm.lock, Pipfile.lock (the first present wins). A lock whose own record of its inputs
 * no longer matches its manifest is a "stale lock" error with the way out.
 */
public final class LockSelection {
    private record Candidate(String file, BiFunction<Project, Path, LockFile> reader) {
    }

    private static final List<Candidate> CANDIDATES = List.of(
            new Candidate("pylock.toml", (p, f) -> PylockReader.read(f)),
            new Candidate("uv.lock", LockSelection::readUvLock),
            new Candidate("poetry.lock", LockSelection::readPoetryLock),
            new Candidate("pdm.lock", (p, f) -> PdmLockReader.read(f)),
            new Candidate("Pipfile.lock", (p, f) -> PipfileLockReader.read(f)));

    private LockSelection() {
    }

    /** The lock files dockenv reads, in order of precedence. */
    public static List<String> fileNames() {
        return CANDIDATES.stream().map(Candidate::file).toList();
    }

    public static Optional<LockFile> find(Project project) {
        for (Candidate c : CANDIDATES) {
            Path file = project.root().resolve(c.file());
            if (Files.isRegularFile(file)) {
                LockFile lock = c.reader().apply(project, file);
                checkFresh(project, lock);
                return Optional.of(lock);
            }
        }
        return Optional.empty();
    }

    /**
     * uv.lock records no digest: its [package.metadata] is compared with pyproject.toml
     * ({@link UvLockFreshness}) on the document the lock is read from.
     */
    private static LockFile readUvLock(Project project, Path file) {
        TomlDocument doc = TomlDocument.read(file);
        LockFile lock = UvLockReader.read(doc, Set.of());
        if (project.pyproject().isPresent()) {
            UvLockFreshness.difference(project.pyproject().get(), doc, project.root()).ifPresent(d -> {
                throw new InputException(SourceLocation.of(file), "stale lock: pyproject.toml changed since uv.lock "
                        + "was written (" + d + ")",
                        "run `uv lock` to update it, or remove uv.lock to install from pyproject.toml");
            });
        }
        return lock;
    }

    /** poetry.lock needs the manifest's groups to know which packages each group needs. */
    private static LockFile readPoetryLock(Project project, Path lock) {
        Path pyproject = project.root().resolve("pyproject.toml");
        DeclaredDependencies manifest = project.pyproject()
                .flatMap(p -> PoetryManifestReader.readManifest(p.document())).map(PoetryManifest::dependencies)
                .orElse(null);
        if (manifest == null) {
            Map<String, List<DeclaredRequirement>> groups = new LinkedHashMap<>();
            project.pyproject().ifPresent(p -> {
                groups.put(DependencyGroups.MAIN, p.dependencies());
                p.dependencyGroups().forEach(groups::put);
            });
            manifest = new DeclaredDependencies(pyproject, "pyproject.toml [project]", groups, Optional.empty(),
                    List.of());
        }
        return PoetryLockReader.read(lock, manifest);
    }

    private static void checkFresh(Project project, LockFile lock) {
        if (lock.format().equals("poetry.lock") && lock.inputsDigest().isPresent()) {
            if (project.pyproject().isPresent()
                    && !PoetryContentHash.of(project.pyproject().get().document()).equals(lock.inputsDigest().get())) {
                throw new InputException(SourceLocation.of(lock.file()), "stale lock: pyproject.toml changed since "
                        + "poetry.lock was written (its content-hash no longer matches)",
                        "run `poetry lock` to update it, or remove poetry.lock to install from pyproject.toml");
            }
        }
        if (lock.format().equals(PdmLockReader.FORMAT) && lock.inputsDigest().isPresent()) {
            // PDM reads [project] (it converts a poetry or flit project without one; dockenv does not)
            Optional<TomlDocument> pyproject = project.pyproject().map(PyprojectFile::document)
                    .filter(d -> d.table(List.of("project")).isPresent());
            if (pyproject.isPresent() && !PdmContentHash.matches(pyproject.get(), lock.inputsDigest().get())) {
                throw new InputException(SourceLocation.of(lock.file()), "stale lock: pyproject.toml changed since "
                        + "pdm.lock was written (its content_hash no longer matches)",
                        "run `pdm lock` to update it, or remove pdm.lock to install from pyproject.toml");
            }
        }
        if (lock.format().equals("Pipfile.lock") && lock.inputsDigest().isPresent()) {
            Path pipfile = project.root().resolve("Pipfile");
            if (Files.isRegularFile(pipfile) && !PipfileDigest.isUpToDate(pipfile, lock)) {
                throw new InputException(SourceLocation.of(lock.file()), "stale lock: Pipfile changed since "
                        + "Pipfile.lock was written (its _meta.hash no longer matches)",
                        "run `pipenv lock` to update it, or remove Pipfile.lock to install from the Pipfile");
            }
        }
    }
}
