package dev.dockenv.lock.poetry;

import dev.dockenv.config.TomlDocument;
import dev.dockenv.errors.InputException;
import dev.dockenv.errors.SourceLocation;
import dev.dockenv.lock.DeclaredDependencies;
import dev.dockenv.lock.DependencyGroups;
import dev.dockenv.lock.LockFile;
import dev.dockenv.lock.LockedArtifact;
import dev.dockenv.lock.LockedPackage;
import dev.dockenv.lock.PackageSource;
import dev.dockenv.pep.Marker;
import dev.dockenv.pep.Pep503;
import dev.dockenv.pep.PepSyntaxException;
import dev.dockenv.pep.Requirement;
import dev.dockenv.pep.Version;
import dev.dockenv.python.DeclaredRequirement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.tomlj.TomlArray;
import org.tomlj.TomlTable;

/**
 * Reads poetry.lock (lock-version 1.0 to 2.1) into a {@link LockFile} of format
 * {@value #FORMAT}: each {@code [[package]]} with its files and hashes (per package, or in
 * {@code [metadata.files]} before lock-version 2.0), its source ({@link LockEntryReader}), and the
 * groups that need it:
 * <ul>
 * <li>lock-version 2.1 (poetry 2) records them: {@code groups = [...]}, and {@code markers}
 * (one for all groups, or a table by group). A package has one marker in the shared model: the
 * groups' markers joined with "or" (none when a group needs it always).</li>
 * <li>older locks do not: the manifest's groups are walked through the lock's dependencies
 * ({@link DependencyWalk}), which gives the groups and the combined markers. A package no group
 * reaches keeps its {@code category} ("main" or "dev", written until poetry 1.5; poetry 1.2 to
 * 1.4 wrote "dev" for every group but main), or no group.</li>
 * </ul>
 * {@code [metadata] content-hash} is the inputs digest (compare with
 * {@link PoetryContentHash#of(Path)}), {@code python-versions} the required Python (as PEP 440);
 * the index URLs are the manifest's, then the lock's legacy sources not among them.
 */
public final class PoetryLockReader {
    public static final String FORMAT = "poetry.lock";

    private PoetryLockReader() {
    }

    public static LockFile read(Path lock, DeclaredDependencies manifest) {
        Objects.requireNonNull(manifest, "manifest");
        TomlDocument doc = TomlDocument.read(lock);
        TomlPlace place = new TomlPlace(lock);
        TomlTable metadata = doc.table(List.of("metadata")).orElseThrow(() -> doc.contains(List.of("metadata"))
                ? doc.wrongType(List.of("metadata"), "a table")
                : new InputException(SourceLocation.of(lock), "poetry.lock has no [metadata] table",
                        "regenerate it with 'poetry lock'"));
        String lockVersion = doc.string(List.of("metadata", "lock-version"), "a string such as \"2.0\"").orElse("1.0");
        Version parsedLockVersion = Version.tryParse(lockVersion).filter(v -> v.releasePart(0) == 1
                || v.releasePart(0) == 2).orElseThrow(() -> new InputException(
                        doc.locationOf(List.of("metadata", "lock-version")), "lock-version '" + lockVersion
                                + "' is not one dockenv reads (1.x and 2.x)"));
        boolean recordsGroups = parsedLockVersion.compareTo(Version.tryParse("2.1").orElseThrow()) >= 0;
        Optional<String> contentHash = doc.string(List.of("metadata", "content-hash"), "a string");
        Optional<String> requiresPython = doc.string(List.of("metadata", "python-versions"), "a string")
                .flatMap(pv -> pep440Python(pv, doc.locationOf(List.of("metadata", "python-versions"))));

        LockEntryReader reader = new LockEntryReader(place, metadataFiles(doc, place, metadata));
        List<LockEntry> entries = new ArrayList<>();
        if (doc.contains(List.of("package"))) {
            if (!doc.isArray(List.of("package"))) {
                throw doc.wrongType(List.of("package"), "an array of [[package]] tables");
            }
            TomlArray packages = doc.root().getArray(List.of("package"));
            for (int i = 0; i < packages.size(); i++) {
                SourceLocation at = place.of(packages, i);
                if (!(packages.get(i) instanceof TomlTable pkg)) {
                    throw new InputException(at, "package: expected [[package]] tables");
                }
                LockEntry entry = reader.read(pkg, at, i + 1);
                if (recordsGroups && entry.groups().isEmpty()) {
                    throw new InputException(at, "package '" + entry.name() + "' has no groups, which lock-version "
                            + lockVersion + " records", "regenerate the lock with 'poetry lock'");
                }
                entries.add(entry);
            }
        }
        List<LockedPackage> packages = recordsGroups ? recorded(entries) : walked(entries, manifest);
        List<String> indexUrls = new ArrayList<>(manifest.indexUrls());
        for (LockEntry e : entries) {
            if (e.source() instanceof PackageSource.Registry r) {
                r.indexUrl().ifPresent(url -> IndexOrder.addOnce(indexUrls, url));
            }
        }
        return new LockFile(lock, FORMAT, packages, contentHash, indexUrls, requiresPython);
    }

    /** lock-version 2.1: the groups and markers the lock records. */
    private static List<LockedPackage> recorded(List<LockEntry> entries) {
        List<LockedPackage> out = new ArrayList<>();
        for (LockEntry e : entries) {
            Set<String> groups = e.groups().orElseThrow();
            List<Marker> markers = new ArrayList<>();
            boolean always = groups.isEmpty();
            for (String g : groups) {
                Optional<Marker> m = e.groupMarkers().getOrDefault(g, Optional.empty());
                if (m.isEmpty()) {
                    always = true;
                } else if (markers.stream().noneMatch(x -> x.toString().equals(m.get().toString()))) {
                    markers.add(m.get());
                }
            }
            out.add(lockedPackage(e, always ? Optional.empty() : MarkerTerms.anyOf(markers), groups));
        }
        return out;
    }

    /** Older locks: walk each group of the manifest through the lock ("main" first, then by name). */
    private static List<LockedPackage> walked(List<LockEntry> entries, DeclaredDependencies manifest) {
        DependencyWalk walk = new DependencyWalk(entries);
        Map<Integer, Set<String>> groups = new LinkedHashMap<>();
        Map<Integer, List<Set<String>>> conditions = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(manifest.groups().keySet());
        names.sort(Comparator.comparing((String g) -> !g.equals(DependencyGroups.MAIN)).thenComparing(g -> g));
        for (String group : names) {
            List<DependencyWalk.Seed> seeds = new ArrayList<>();
            for (DeclaredRequirement r : manifest.group(group)) {
                seeds.add(seed(r));
            }
            walk.walk(seeds).forEach((entry, conds) -> {
                groups.computeIfAbsent(entry, k -> new LinkedHashSet<>()).add(group);
                conditions.computeIfAbsent(entry, k -> new ArrayList<>()).addAll(conds);
            });
        }
        List<LockedPackage> out = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            LockEntry e = entries.get(i);
            Set<String> g = groups.getOrDefault(i, e.category().map(Pep503::normalize).map(Set::of).orElse(Set.of()));
            Optional<Marker> marker = groups.containsKey(i) ? walk.markerOf(conditions.get(i)) : Optional.empty();
            out.add(lockedPackage(e, marker, g));
        }
        return out;
    }

    private static DependencyWalk.Seed seed(DeclaredRequirement declared) {
        Requirement r;
        try {
            r = Requirement.parse(declared.text());
        } catch (PepSyntaxException e) {
            throw new InputException(declared.location(), "invalid requirement '" + declared.text() + "': "
                    + e.getMessage());
        }
        return new DependencyWalk.Seed(r.normalizedName(), r.extras(),
                v -> r.url().isPresent() || r.specifiers().contains(v, true), r.marker());
    }

    private static LockedPackage lockedPackage(LockEntry e, Optional<Marker> marker, Set<String> groups) {
        return new LockedPackage(e.writtenName(), Optional.of(e.versionText()), marker, e.artifacts(), e.source(),
                groups, e.location());
    }

    private static Optional<String> pep440Python(String written, SourceLocation at) {
        try {
            String pep440 = PoetryConstraint.parse(written).toPep440ForPython();
            return pep440.isEmpty() ? Optional.empty() : Optional.of(pep440);
        } catch (InvalidConstraintException e) {
            throw new InputException(at, "python-versions: " + e.getMessage(), e.hint());
        }
    }

    /** {@code [metadata.files]} (lock-version 1.1) or {@code [metadata.hashes]} (1.0), by normalized name. */
    private static Map<String, List<LockedArtifact>> metadataFiles(TomlDocument doc, TomlPlace place,
            TomlTable metadata) {
        Map<String, List<LockedArtifact>> out = new LinkedHashMap<>();
        LockEntryReader reader = new LockEntryReader(place, Map.of());
        Object files = metadata.get(List.of("files"));
        if (files != null) {
            if (!(files instanceof TomlTable table)) {
                throw doc.wrongType(List.of("metadata", "files"), "a table of file lists by package name");
            }
            for (String name : table.keySet()) {
                if (!(table.get(List.of(name)) instanceof TomlArray array)) {
                    throw new InputException(place.of(table, name), "metadata.files." + name
                            + ": expected an array of {file = ..., hash = ...} tables");
                }
                out.put(Pep503.normalize(name), reader.artifacts(array, "package '" + name + "'"));
            }
        }
        Object hashes = metadata.get(List.of("hashes"));
        if (hashes instanceof TomlTable table) {
            for (String name : table.keySet()) {
                if (!(table.get(List.of(name)) instanceof TomlArray array)) {
                    throw new InputException(place.of(table, name), "metadata.hashes." + name
                            + ": expected an array of hashes");
                }
                List<LockedArtifact> artifacts = new ArrayList<>();
                for (int i = 0; i < array.size(); i++) {
                    Object h = array.get(i);
                    String hash = h instanceof String s ? ArtifactHash.normalize(s).orElse(null) : null;
                    if (hash == null) {
                        throw new InputException(place.of(array, i), "metadata.hashes." + name + ": invalid hash '"
                                + h + "'", "expected sha256:<64 hex digits>");
                    }
                    artifacts.add(new LockedArtifact(Optional.empty(), Optional.empty(), List.of(hash)));
                }
                out.putIfAbsent(Pep503.normalize(name), artifacts);
            }
        } else if (hashes != null) {
            throw doc.wrongType(List.of("metadata", "hashes"), "a table of hash lists by package name");
        }
        return out;
    }
}
