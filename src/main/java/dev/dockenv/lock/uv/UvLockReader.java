package dev.dockenv.lock.uv;

import dev.dockenv.config.TomlDocument;
import dev.dockenv.lock.DependencyGroups;
import dev.dockenv.lock.LockFile;
import dev.dockenv.lock.LockedPackage;
import dev.dockenv.lock.pylock.LockMarkers;
import dev.dockenv.lock.pylock.LockTable;
import dev.dockenv.pep.Marker;
import dev.dockenv.pep.Pep503;
import dev.dockenv.pep.PepSyntaxException;
import dev.dockenv.pep.SpecifierSet;
import dev.dockenv.pep.Version;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reads a uv.lock (format version 1, any revision) into a {@link LockFile}.
 *
 * <p>uv.lock records a graph, not per-package groups, so the groups are computed by walking it
 * from the project: the root package(s) are those with source {@code { editable = "." }} or
 * {@code { virtual = "." }} (for a workspace whose root is not a project, the
 * {@code [manifest] members}). Group {@value DependencyGroups#MAIN} is what the roots'
 * {@code dependencies} reach, plus their {@code [package.optional-dependencies]} for the requested
 * extras; each dependency group G (PEP 735, or the legacy {@code [tool.uv] dev-dependencies},
 * which uv locks as group "dev") is what the roots' {@code [package.dev-dependencies]} G reaches.
 * An edge with {@code extra = [...]} also follows the target's optional dependencies for those
 * extras.
 *
 * <p>Markers: a package's marker in a group is the {@code or} over the paths reaching it of the
 * {@code and} of the edge markers on the path ({@link MarkerDnf}). A package whose marker differs
 * between groups (say {@code sys_platform == "win32"} in main but unconditional in dev) is
 * returned once per distinct marker, each entry naming the groups it serves; otherwise once, with
 * all its groups. A package locked at several versions (a forked resolution) is one entry per
 * version, each with the markers that select it. uv's encoded conflict markers are decided
 * ({@link UvConflictMarkers}).
 *
 * <p>The roots themselves and virtual packages are not in the result (nothing to install for
 * them; other workspace members they depend on are, as editable paths). There is no
 * {@link LockFile#inputsDigest()}: uv tells a stale lock by the {@code [package.metadata]} it
 * records, which {@link UvLockFreshness} compares with pyproject.toml.
 */
public final class UvLockReader {
    public static final String FORMAT = "uv.lock";
    private static final long SUPPORTED_VERSION = 1;

    private UvLockReader() {
    }

    /** The lock with no extras. */
    public static LockFile read(Path uvLock) {
        return read(uvLock, Set.of());
    }

    /** The lock with the project's optional dependencies for {@code extras} added to main. */
    public static LockFile read(Path uvLock, Set<String> extras) {
        return read(TomlDocument.read(uvLock), extras);
    }

    public static LockFile read(TomlDocument doc, Set<String> extras) {
        LockTable root = LockTable.root(doc);
        checkVersion(root);
        Optional<String> requiresPython = root.string("requires-python");
        requiresPython.ifPresent(r -> checkSpecifiers(root, "requires-python", r));
        List<UvPackage> packages = new ArrayList<>();
        for (LockTable t : root.tables("package")) {
            packages.add(UvPackage.read(t));
        }
        UvGraph graph = new UvGraph(packages);
        Optional<LockTable> manifest = root.table("manifest");
        List<Integer> roots = roots(root, graph, manifest);
        Set<String> wanted = extras.stream().map(Pep503::normalize).collect(Collectors.toCollection(TreeSet::new));
        checkExtras(graph, roots, wanted);
        Set<String> rootNames = roots.stream().map(i -> packages.get(i).normalizedName()).collect(Collectors.toSet());

        Map<String, Map<Integer, MarkerDnf>> reachedByGroup = new LinkedHashMap<>();
        reachedByGroup.put(DependencyGroups.MAIN, graph.reach(mainSeeds(graph, roots, wanted, manifest),
                UvConflictMarkers.deciding(rootNames, wanted, Optional.empty())));
        Map<String, List<UvGraph.Edge>> groupSeeds = groupSeeds(graph, roots, manifest);
        groupSeeds.forEach((group, seeds) -> reachedByGroup.put(group,
                graph.reach(seeds, UvConflictMarkers.deciding(rootNames, wanted, Optional.of(group)))));

        List<LockedPackage> locked = lockedPackages(graph, new LinkedHashSet<>(roots), reachedByGroup);
        List<String> indexUrls = new ArrayList<>();
        for (UvPackage p : packages) {
            p.source().indexUrl().filter(u -> !indexUrls.contains(u)).ifPresent(indexUrls::add);
        }
        return new LockFile(doc.file(), FORMAT, locked, Optional.empty(), indexUrls, requiresPython);
    }

    private static void checkVersion(LockTable root) {
        long version = root.integer("version").orElseThrow(() -> root.error("uv.lock has no 'version'",
                "is this file a uv.lock? uv writes `version = 1` on its first line"));
        if (version != SUPPORTED_VERSION) {
            throw root.errorAt("version", "uv.lock format version " + version + " is not supported (dockenv reads "
                    + SUPPORTED_VERSION + ")");
        }
        root.integer("revision");
    }

    private static void checkSpecifiers(LockTable t, String key, String text) {
        try {
            SpecifierSet.parse(text);
        } catch (PepSyntaxException e) {
            throw t.errorAt(key, "invalid version specifiers '" + text + "': " + e.getMessage());
        }
    }

    private static List<Integer> roots(LockTable root, UvGraph graph, Optional<LockTable> manifest) {
        List<UvPackage> packages = graph.packages();
        List<Integer> roots = new ArrayList<>();
        for (int i = 0; i < packages.size(); i++) {
            if (packages.get(i).source().isProjectRoot()) {
                roots.add(i);
            }
        }
        if (roots.isEmpty() && manifest.isPresent()) {
            Set<String> members = manifest.get().strings("members").stream()
                    .map(m -> Pep503.normalize(m.value())).collect(Collectors.toSet());
            for (int i = 0; i < packages.size(); i++) {
                UvPackage p = packages.get(i);
                if (members.contains(p.normalizedName()) && (p.source().kind() == UvSource.Kind.EDITABLE
                        || p.source().kind() == UvSource.Kind.VIRTUAL)) {
                    roots.add(i);
                }
            }
        }
        if (roots.isEmpty()) {
            throw root.error("uv.lock has no project package (one with source { editable = \".\" } or "
                    + "{ virtual = \".\" })", "run `uv lock` in the project's directory to rewrite it");
        }
        return roots;
    }

    private static void checkExtras(UvGraph graph, List<Integer> roots, Set<String> wanted) {
        Set<String> defined = new TreeSet<>();
        for (int r : roots) {
            defined.addAll(graph.optionalDependencies(r).keySet());
        }
        for (String extra : wanted) {
            if (!defined.contains(extra)) {
                UvPackage first = graph.packages().get(roots.get(0));
                throw first.table().error("extra '" + extra + "' is not defined by project '" + first.name() + "'",
                        defined.isEmpty() ? "the project defines no extras"
                                : "its extras are: " + String.join(", ", defined));
            }
        }
    }

    private static List<UvGraph.Edge> mainSeeds(UvGraph graph, List<Integer> roots, Set<String> extras,
            Optional<LockTable> manifest) {
        List<UvGraph.Edge> seeds = new ArrayList<>();
        for (int r : roots) {
            seeds.addAll(graph.dependencies(r));
            for (String extra : extras) {
                seeds.addAll(graph.optionalDependencies(r).getOrDefault(extra, List.of()));
            }
        }
        if (manifest.isPresent()) {
            seeds.addAll(manifestEdges(graph, manifest.get(), "requirements"));
        }
        return seeds;
    }

    private static Map<String, List<UvGraph.Edge>> groupSeeds(UvGraph graph, List<Integer> roots,
            Optional<LockTable> manifest) {
        Map<String, List<UvGraph.Edge>> seeds = new LinkedHashMap<>();
        for (int r : roots) {
            graph.groups(r).forEach((g, edges) -> seeds.computeIfAbsent(g, k -> new ArrayList<>()).addAll(edges));
        }
        Optional<LockTable> groups = manifest.flatMap(m -> m.table("dependency-groups"));
        if (groups.isPresent()) {
            for (String g : groups.get().keys()) {
                seeds.computeIfAbsent(Pep503.normalize(g), k -> new ArrayList<>())
                        .addAll(manifestEdges(graph, groups.get(), g));
            }
        }
        return seeds;
    }

    /**
     * Requirements the manifest records for a workspace root that is not itself a project
     * ({@code { name, specifier?, marker?, extras? }}), matched to locked packages by name, and by
     * the specifier when the name is locked at several versions.
     */
    private static List<UvGraph.Edge> manifestEdges(UvGraph graph, LockTable table, String key) {
        List<UvGraph.Edge> out = new ArrayList<>();
        for (LockTable r : table.tables(key)) {
            String name = Pep503.normalize(r.requiredString("name"));
            Optional<String> specifier = r.string("specifier");
            Optional<Marker> marker = r.string("marker").map(m -> LockMarkers.parse(m, r.locationOf("marker"),
                    r.name("marker")));
            List<String> extras = r.strings("extras").stream().map(e -> Pep503.normalize(e.value())).toList();
            List<Integer> candidates = new ArrayList<>();
            for (int i = 0; i < graph.packages().size(); i++) {
                if (graph.packages().get(i).normalizedName().equals(name)) {
                    candidates.add(i);
                }
            }
            if (candidates.size() > 1 && specifier.isPresent()) {
                SpecifierSet range = specifiers(r, specifier.get());
                candidates.removeIf(i -> graph.packages().get(i).version()
                        .flatMap(Version::tryParse).map(v -> !range.contains(v, true)).orElse(true));
            }
            if (candidates.size() != 1) {
                throw r.error("the manifest requires '" + name + "', which names "
                        + (candidates.isEmpty() ? "no package" : "several packages") + " in the lock",
                        "the lock is inconsistent; run `uv lock` to rewrite it");
            }
            out.add(new UvGraph.Edge(candidates.get(0), marker, extras));
        }
        return out;
    }

    private static SpecifierSet specifiers(LockTable t, String text) {
        try {
            return SpecifierSet.parse(text);
        } catch (PepSyntaxException e) {
            throw t.errorAt("specifier", "invalid version specifiers '" + text + "': " + e.getMessage());
        }
    }

    /** One entry per package and distinct marker, in the lock's order. */
    private static List<LockedPackage> lockedPackages(UvGraph graph, Set<Integer> roots,
            Map<String, Map<Integer, MarkerDnf>> reachedByGroup) {
        Map<Integer, Map<MarkerDnf, Set<String>>> byPackage = new TreeMap<>();
        reachedByGroup.forEach((group, reached) -> reached.forEach((pkg, marker) -> {
            UvPackage p = graph.packages().get(pkg);
            if (!roots.contains(pkg) && p.source().toModel().isPresent()) {
                byPackage.computeIfAbsent(pkg, k -> new LinkedHashMap<>())
                        .computeIfAbsent(marker, k -> new LinkedHashSet<>()).add(group);
            }
        }));
        List<LockedPackage> out = new ArrayList<>();
        byPackage.forEach((pkg, markers) -> {
            UvPackage p = graph.packages().get(pkg);
            markers.forEach((marker, groups) -> out.add(new LockedPackage(p.name(), p.version(), marker.toMarker(),
                    p.artifacts(), p.source().toModel().orElseThrow(), groups, p.table().location())));
        });
        return out;
    }
}
