package dev.dockenv.lock.format;

import dev.dockenv.config.TomlDocument;
import dev.dockenv.errors.SourceLocation;
import dev.dockenv.lock.DeclaredDependencies;
import dev.dockenv.lock.DependencyGroups;
import dev.dockenv.lock.LockFile;
import dev.dockenv.lock.pdm.PdmContentHash;
import dev.dockenv.lock.pdm.PdmLockReader;
import dev.dockenv.lock.pipenv.PipfileDigest;
import dev.dockenv.lock.pipenv.PipfileLockReader;
import dev.dockenv.lock.poetry.PoetryContentHash;
import dev.dockenv.lock.poetry.PoetryLockReader;
import dev.dockenv.lock.poetry.PoetryManifest;
import dev.dockenv.lock.poetry.PoetryManifestReader;
import dev.dockenv.lock.pylock.PylockReader;
import dev.dockenv.lock.uv.UvLockFreshness;
import dev.dockenv.lock.uv.UvLockReader;
import dev.dockenv.pyproject.PyprojectFile;
import dev.dockenv.python.DeclaredRequirement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The lock formats dockenv installs from, in order of precedence (the first present wins): each
 * with its file name, its reader, its freshness check (the lock's own record of its inputs against
 * the manifest) and the commands of the tool that owns it. Adding a format is adding a constant.
 */
public enum LockFormat {
    /** PEP 751; dockenv's own when it records {@code [tool.dockenv] inputs-digest}. */
    PYLOCK("pylock.toml", "dockenv lock", "dockenv lock --check", "dockenv add / dockenv remove") {
        @Override
        public LockReading read(Path file, LockContext context) {
            LockFile lock = PylockReader.read(file);
            if (lock.inputsDigest().isEmpty()) {
                return new LockReading(this, lock, Freshness.UNRECORDED);
            }
            return new LockReading(this, lock, lock.inputsDigest().get().equals(context.dockenvInputsDigest().get())
                    ? Freshness.FRESH
                    : new Freshness.Stale(Optional.empty(), "stale lock: the project's dependencies (requirements "
                            + "files, declared packages, indexes or Python version) changed since " + fileName()
                            + " was written", "run `dockenv lock` to update it"));
        }
    },
    /** uv's lock: no digest; its {@code [package.metadata]} is compared with pyproject.toml ({@link UvLockFreshness}). */
    UV("uv.lock", "uv lock", "uv lock --check", "uv add / uv remove") {
        @Override
        public LockReading read(Path file, LockContext context) {
            TomlDocument doc = TomlDocument.read(file);
            LockFile lock = UvLockReader.read(doc, Set.of());
            if (context.pyproject().isEmpty()) {
                return new LockReading(this, lock, Freshness.UNRECORDED);
            }
            return new LockReading(this, lock, UvLockFreshness.difference(context.pyproject().get(), doc,
                    context.root()).<Freshness>map(d -> stale(file, "pyproject.toml", d, "pyproject.toml")).orElse(Freshness.FRESH));
        }
    },
    /** poetry's lock: its content-hash covers pyproject.toml; the manifest's groups say what each group needs. */
    POETRY("poetry.lock", "poetry lock", "poetry check --lock", "poetry add / poetry remove") {
        @Override
        public LockReading read(Path file, LockContext context) {
            LockFile lock = PoetryLockReader.read(file, poetryManifest(context));
            if (lock.inputsDigest().isEmpty() || context.pyproject().isEmpty()) {
                return new LockReading(this, lock, Freshness.UNRECORDED);
            }
            boolean fresh = PoetryContentHash.of(context.pyproject().get().document())
                    .equals(lock.inputsDigest().get());
            return new LockReading(this, lock, fresh ? Freshness.FRESH
                    : stale(file, "pyproject.toml", "its content-hash no longer matches", "pyproject.toml"));
        }
    },
    /** PDM's lock: its content_hash covers pyproject.toml's [project] (PDM converts other tables; dockenv does not). */
    PDM("pdm.lock", "pdm lock", "pdm lock --check", "pdm add / pdm remove") {
        @Override
        public LockReading read(Path file, LockContext context) {
            LockFile lock = PdmLockReader.read(file);
            Optional<TomlDocument> pyproject = context.pyproject().map(PyprojectFile::document)
                    .filter(d -> d.table(List.of("project")).isPresent());
            if (lock.inputsDigest().isEmpty() || pyproject.isEmpty()) {
                return new LockReading(this, lock, Freshness.UNRECORDED);
            }
            return new LockReading(this, lock, PdmContentHash.matches(pyproject.get(), lock.inputsDigest().get())
                    ? Freshness.FRESH
                    : stale(file, "pyproject.toml", "its content_hash no longer matches", "pyproject.toml"));
        }
    },
    /** pipenv's lock: its _meta.hash covers the Pipfile. */
    PIPFILE("Pipfile.lock", "pipenv lock", "pipenv verify", "pipenv install / pipenv uninstall") {
        @Override
        public LockReading read(Path file, LockContext context) {
            LockFile lock = PipfileLockReader.read(file);
            Path pipfile = context.root().resolve("Pipfile");
            if (lock.inputsDigest().isEmpty() || !Files.isRegularFile(pipfile)) {
                return new LockReading(this, lock, Freshness.UNRECORDED);
            }
            return new LockReading(this, lock, PipfileDigest.isUpToDate(pipfile, lock) ? Freshness.FRESH
                    : stale(file, "Pipfile", "its _meta.hash no longer matches", "the Pipfile"));
        }
    };

    private final String fileName;
    private final String lockCommand;
    private final String checkCommand;
    private final String changeCommands;

    LockFormat(String fileName, String lockCommand, String checkCommand, String changeCommands) {
        this.fileName = fileName;
        this.lockCommand = lockCommand;
        this.checkCommand = checkCommand;
        this.changeCommands = changeCommands;
    }

    /** Reads the lock at {@code file} and judges whether it still matches the project. */
    public abstract LockReading read(Path file, LockContext context);

    /** The lock's file name in the project's root. */
    public String fileName() {
        return fileName;
    }

    /** The command that writes the lock anew (its tool's). */
    public String lockCommand() {
        return lockCommand;
    }

    /** The command with which the lock's tool tells whether the lock is up to date. */
    public String checkCommand() {
        return checkCommand;
    }

    /** The commands that add and remove a dependency with the lock's tool. */
    public String changeCommands() {
        return changeCommands;
    }

    /** The file names, in order of precedence. */
    public static List<String> fileNames() {
        return List.of(values()).stream().map(LockFormat::fileName).toList();
    }

    /** The format of the lock a project in {@code root} installs from: the first whose file is present. */
    public static Optional<LockFormat> present(Path root) {
        return List.of(values()).stream().filter(f -> Files.isRegularFile(root.resolve(f.fileName))).findFirst();
    }

    /** The lock the project installs from, read. */
    public static Optional<LockReading> find(LockContext context) {
        Optional<LockReading> reading = present(context.root())
                .map(f -> f.read(context.root().resolve(f.fileName), context));
        reading.ifPresent(r -> LockLocalPaths.requireInside(context.root(), r.lock()));
        return reading;
    }

    /** "stale lock: MANIFEST changed since LOCK was written (DETAIL)", with the way out. */
    final Freshness stale(Path file, String manifest, String detail, String installFrom) {
        return new Freshness.Stale(Optional.of(SourceLocation.of(file)), "stale lock: " + manifest + " changed since "
                + fileName + " was written (" + detail + ")", "run `" + lockCommand + "` to update it, or remove "
                + fileName + " to install from " + installFrom);
    }

    /** poetry.lock needs the manifest's groups: [tool.poetry]'s, else [project]'s and its dependency groups. */
    private static DeclaredDependencies poetryManifest(LockContext context) {
        Optional<DeclaredDependencies> poetry = context.pyproject()
                .flatMap(p -> PoetryManifestReader.readManifest(p.document())).map(PoetryManifest::dependencies);
        if (poetry.isPresent()) {
            return poetry.get();
        }
        Map<String, List<DeclaredRequirement>> groups = new LinkedHashMap<>();
        context.pyproject().ifPresent(p -> {
            groups.put(DependencyGroups.MAIN, p.dependencies());
            p.dependencyGroups().forEach(groups::put);
        });
        return new DeclaredDependencies(context.root().resolve("pyproject.toml"), "pyproject.toml [project]", groups,
                Optional.empty(), List.of());
    }
}
