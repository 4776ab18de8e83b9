package dev.dockenv.lock.pdm;

import dev.dockenv.config.TomlDocument;
import dev.dockenv.errors.InputException;
import dev.dockenv.errors.SourceLocation;
import dev.dockenv.lock.DependencyGroups;
import dev.dockenv.lock.LockFile;
import dev.dockenv.lock.LockedArtifact;
import dev.dockenv.lock.LockedPackage;
import dev.dockenv.lock.PackageSource;
import dev.dockenv.lock.pylock.FileNames;
import dev.dockenv.lock.pylock.Hashes;
import dev.dockenv.lock.pylock.LockMarkers;
import dev.dockenv.lock.pylock.LockTable;
import dev.dockenv.pep.Marker;
import dev.dockenv.pep.Pep503;
import dev.dockenv.pep.PepSyntaxException;
import dev.dockenv.pep.Requirement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a PDM lock file (lock_version 4.x) into a {@link LockFile}: the files of each package from
 * its {@code files} list (4.4 and later) or from {@code [metadata.files]} (4.0-4.3).
 *
 * <p>With PDM's {@code inherit_metadata} strategy (the default since PDM 2.11) every package says
 * which groups need it ({@code groups = [...]}) and under which marker ({@code marker = "..."}),
 * already combined over the dependency graph by PDM; they are taken as they are, with PDM's
 * "default" group read as {@value DependencyGroups#MAIN} and other names PEP 503-normalized
 * (PDM's groups include the project's extras, by their names). A lock made without that strategy
 * has no per-package groups: it is read as all-main when it locks only the default group, and
 * refused otherwise.
 *
 * <p>A package locked with extras is a second entry with {@code extras = [...]} and the same
 * files; entries for the same package, version, source and marker are merged (groups united).
 * {@code dependencies} are checked as PEP 508 requirements but not followed (the groups are
 * already resolved); one without a marker must name a locked package (one with a marker may be
 * absent: PDM leaves out what the lock's targets never need). {@code content_hash}
 * ({@code sha256:<hex>}, which PDM computes over the pyproject.toml data it locks) becomes
 * {@link LockFile#inputsDigest()}; {@link PdmContentHash} tells whether it still matches.
 */
public final class PdmLockReader {
    public static final String FORMAT = "pdm.lock";
    private static final String SUPPORTED_MAJOR = "4";
    private static final String PROJECT_ROOT_URL = "file:///${PROJECT_ROOT}/";
    private static final List<String> VCS = List.of("git", "hg", "svn", "bzr");

    private PdmLockReader() {
    }

    public static LockFile read(Path pdmLock) {
        return read(TomlDocument.read(pdmLock));
    }

    public static LockFile read(TomlDocument doc) {
        LockTable root = LockTable.root(doc);
        LockTable metadata = root.table("metadata").orElseThrow(() -> root.error("pdm.lock has no [metadata] table",
                "is this file a pdm.lock? PDM writes [metadata] with lock_version and content_hash"));
        checkVersion(metadata);
        List<LockTable.Located> lockedGroups = metadata.strings("groups");
        boolean inherited = metadata.strings("strategy").stream().anyMatch(s -> s.value().equals("inherit_metadata"));
        Optional<String> digest = metadata.string("content_hash")
                .map(h -> Hashes.parse(h, metadata.locationOf("content_hash"), metadata.name("content_hash")));
        Optional<String> requiresPython = requiresPython(metadata);

        List<LockTable> tables = root.tables("package");
        Set<String> lockedNames = new LinkedHashSet<>();
        for (LockTable t : tables) {
            t.string("name").ifPresent(n -> lockedNames.add(Pep503.normalize(n)));
        }
        Map<String, List<LockedArtifact>> legacyFiles = metadata.table("files").map(PdmLockReader::legacyFiles)
                .orElse(Map.of());
        Map<Key, Entry> merged = new LinkedHashMap<>();
        for (LockTable t : tables) {
            Entry e = entry(t, inherited, lockedGroups, lockedNames, legacyFiles);
            Entry before = merged.putIfAbsent(e.key(), e);
            if (before != null) {
                before.groups.addAll(e.groups);
                e.artifacts.stream().filter(a -> !before.artifacts.contains(a)).forEach(before.artifacts::add);
            }
        }
        List<LockedPackage> packages = merged.values().stream().map(Entry::toModel).toList();
        return new LockFile(doc.file(), FORMAT, packages, digest, List.of(), requiresPython);
    }

    private static void checkVersion(LockTable metadata) {
        String version = metadata.string("lock_version").orElseThrow(() -> metadata.error(
                "pdm.lock has no lock_version in [metadata]", "run `pdm lock` to rewrite it"));
        String major = version.split("\\.", 2)[0];
        if (!major.equals(SUPPORTED_MAJOR)) {
            throw metadata.errorAt("lock_version", "pdm.lock format " + version + " is not supported (dockenv reads "
                    + SUPPORTED_MAJOR + ".x)");
        }
    }

    /**
     * {@code [[metadata.targets]] requires_python} (lock_version 4.5), when the targets agree, else
     * the older {@code [metadata] requires_python}.
     */
    private static Optional<String> requiresPython(LockTable metadata) {
        Set<String> ranges = new LinkedHashSet<>();
        for (LockTable target : metadata.tables("targets")) {
            target.string("requires_python").ifPresent(r -> {
                target.checkSpecifiers("requires_python", r);
                ranges.add(r);
            });
        }
        if (ranges.size() == 1) {
            return Optional.of(ranges.iterator().next());
        }
        Optional<String> legacy = metadata.string("requires_python");
        legacy.ifPresent(r -> metadata.checkSpecifiers("requires_python", r));
        return ranges.isEmpty() ? legacy : Optional.empty();
    }

    /**
     * lock_version 4.0-4.3 keep the files of every package in one {@code [metadata.files]} table,
     * keyed {@code "name version"}; by normalized name and version here.
     */
    private static Map<String, List<LockedArtifact>> legacyFiles(LockTable files) {
        Map<String, List<LockedArtifact>> out = new LinkedHashMap<>();
        for (String key : files.keys()) {
            int space = key.lastIndexOf(' ');
            if (space <= 0) {
                throw files.errorAt(key, "expected a key \"name version\", found \"" + key + "\"");
            }
            List<LockedArtifact> artifacts = new ArrayList<>();
            for (LockTable f : files.tables(key)) {
                artifacts.add(artifact(f));
            }
            out.put(legacyKey(key.substring(0, space), key.substring(space + 1)), artifacts);
        }
        return out;
    }

    private static String legacyKey(String name, String version) {
        return Pep503.normalize(name) + " " + version;
    }

    private static Entry entry(LockTable t, boolean inherited, List<LockTable.Located> lockedGroups,
            Set<String> lockedNames, Map<String, List<LockedArtifact>> legacyFiles) {
        String name = t.requiredString("name");
        if (!Pep503.isValidName(name)) {
            throw t.errorAt("name", "'" + name + "' is not a valid package name");
        }
        PackageSource source = source(t);
        Optional<String> version = t.string("version");
        if (version.isEmpty() && source instanceof PackageSource.Registry) {
            throw t.error("package '" + name + "' has no version", "run `pdm lock` to rewrite the lock");
        }
        version.ifPresent(v -> t.checkVersion(v));
        t.string("requires_python").ifPresent(r -> t.checkSpecifiers("requires_python", r));
        t.string("summary");
        t.strings("extras");
        Optional<Marker> marker = t.string("marker").map(m -> LockMarkers.parse(m, t.locationOf("marker"),
                t.name("marker")));
        for (LockTable.Located dep : t.strings("dependencies")) {
            Requirement r = requirement(dep, t.name("dependencies"));
            if (r.marker().isEmpty() && !lockedNames.contains(r.normalizedName())) {
                throw new InputException(dep.location(), "package '" + name + "' depends on '" + r.name()
                        + "', which is not a package in the lock", "the lock is inconsistent; run `pdm lock` to rewrite it");
            }
        }
        Set<String> groups = groups(t, inherited, lockedGroups);
        List<LockedArtifact> artifacts = new ArrayList<>();
        for (LockTable f : t.tables("files")) {
            artifacts.add(artifact(f));
        }
        if (!t.has("files") && version.isPresent()) {
            artifacts.addAll(legacyFiles.getOrDefault(legacyKey(name, version.get()), List.of()));
        }
        return new Entry(new Key(Pep503.normalize(name), version, source, marker), name, groups, artifacts,
                t.location());
    }

    private static Set<String> groups(LockTable t, boolean inherited, List<LockTable.Located> lockedGroups) {
        if (t.has("groups")) {
            Set<String> groups = new LinkedHashSet<>();
            for (LockTable.Located g : t.strings("groups")) {
                groups.add(groupName(g.value()));
            }
            return groups;
        }
        if (lockedGroups.stream().allMatch(g -> g.value().equals("default"))) {
            return new LinkedHashSet<>(Set.of(DependencyGroups.MAIN));
        }
        throw t.error("package '" + t.requiredString("name") + "' does not say which groups need it",
                (inherited ? "" : "the lock was made without the inherit_metadata strategy; ")
                        + "run `pdm lock --strategy inherit_metadata` to record the groups "
                        + "(the lock covers " + String.join(", ", lockedGroups.stream().map(LockTable.Located::value)
                                .toList()) + ")");
    }

    /** PDM's "default" group is the project's own dependencies. */
    private static String groupName(String pdmGroup) {
        String normalized = Pep503.normalize(pdmGroup);
        return normalized.equals("default") ? DependencyGroups.MAIN : normalized;
    }

    /**
     * Where the package comes from: {@code git|hg|svn|bzr = "<repo>"} with {@code revision};
     * {@code path} (a local directory or file, {@code editable = true} for an editable install);
     * {@code url} (a direct URL, or {@code file:///${PROJECT_ROOT}/...} for a local one in older
     * locks); otherwise the package index. {@code subdirectory} applies to all but the index.
     */
    private static PackageSource source(LockTable t) {
        boolean editable = t.bool("editable").orElse(false);
        Optional<String> subdirectory = t.string("subdirectory");
        for (String vcs : VCS) {
            Optional<String> repo = t.string(vcs);
            if (repo.isPresent()) {
                t.string("ref");
                String url = repo.get().startsWith(vcs + "+") ? repo.get() : vcs + "+" + repo.get();
                return new PackageSource.Vcs(url + subdirectory.map(s -> "#subdirectory=" + s).orElse(""),
                        t.string("revision"));
            }
        }
        Optional<String> path = t.string("path");
        if (path.isPresent()) {
            return new PackageSource.LocalPath(withSubdirectory(path.get(), subdirectory), editable);
        }
        Optional<String> url = t.string("url");
        if (url.isPresent()) {
            if (url.get().startsWith(PROJECT_ROOT_URL)) {
                String relative = "./" + url.get().substring(PROJECT_ROOT_URL.length());
                return new PackageSource.LocalPath(withSubdirectory(relative, subdirectory), editable);
            }
            return new PackageSource.DirectUrl(url.get() + subdirectory.map(s -> "#subdirectory=" + s).orElse(""));
        }
        if (editable) {
            throw t.errorAt("editable", "an editable package needs a path or a VCS URL");
        }
        return new PackageSource.Registry(Optional.empty());
    }

    private static String withSubdirectory(String path, Optional<String> subdirectory) {
        return subdirectory.map(s -> path.replaceAll("/+$", "") + "/" + s).orElse(path);
    }

    /** {@code {file = "name", hash = "sha256:..."}}, or {@code {url = "...", hash}} with static URLs. */
    private static LockedArtifact artifact(LockTable f) {
        Optional<String> url = f.string("url");
        Optional<String> file = f.string("file");
        if (file.isEmpty() && url.isEmpty()) {
            throw f.error(f.path() + " names no file (file or url)");
        }
        Optional<String> fileName = file.isPresent() ? file : FileNames.of(url.get());
        String hash = Hashes.parse(f.requiredString("hash"), f.locationOf("hash"), f.name("hash"));
        return new LockedArtifact(fileName, url, List.of(hash));
    }

    /** A dependency string, as an array element whose place is its opening quote. */
    private static Requirement requirement(LockTable.Located dep, String key) {
        try {
            return Requirement.parse(dep.value());
        } catch (PepSyntaxException e) {
            SourceLocation at = dep.location();
            throw new InputException(new SourceLocation(at.file(), at.line(), at.column() + e.column()),
                    key + ": invalid requirement '" + dep.value() + "': " + e.getMessage());
        }
    }

    /** What makes two entries the same locked package (an entry with extras repeats its base). */
    private record Key(String name, Optional<String> version, PackageSource source, Optional<Marker> marker) {
    }

    /** An entry being merged: mutable sets, copied out by {@link #toModel()}. */
    private static final class Entry {
        private final Key key;
        private final String name;
        private final Set<String> groups;
        private final List<LockedArtifact> artifacts;
        private final SourceLocation location;

        Entry(Key key, String name, Set<String> groups, List<LockedArtifact> artifacts, SourceLocation location) {
            this.key = key;
            this.name = name;
            this.groups = new LinkedHashSet<>(groups);
            this.artifacts = new ArrayList<>(artifacts);
            this.location = Objects.requireNonNull(location);
        }

        Key key() {
            return key;
        }

        LockedPackage toModel() {
            return new LockedPackage(name, key.version(), key.marker(), artifacts, key.source(), groups, location);
        }
    }
}
