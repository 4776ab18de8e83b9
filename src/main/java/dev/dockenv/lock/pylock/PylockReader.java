package dev.dockenv.lock.pylock;

import dev.dockenv.config.TomlDocument;
import dev.dockenv.errors.InputException;
import dev.dockenv.errors.SourceLocation;
import dev.dockenv.lock.DependencyGroups;
import dev.dockenv.lock.LockFile;
import dev.dockenv.lock.LockedArtifact;
import dev.dockenv.lock.LockedPackage;
import dev.dockenv.lock.PackageSource;
import dev.dockenv.pep.Pep503;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reads a PEP 751 lock file ({@code pylock.toml}, {@code pylock.<name>.toml}, lock-version 1.x)
 * into a {@link LockFile}.
 *
 * <p>Groups come from the package markers, which PEP 751 lets test {@code dependency_groups} and
 * {@code extras} ({@link PylockMarker}). Group {@value DependencyGroups#MAIN} is what installs by
 * default: markers evaluated with {@code dependency_groups} = {@code default-groups} and
 * {@code extras} = the requested extras. Every other group G (those in {@code dependency-groups}
 * and those the markers name, less the default ones) is evaluated with {@code dependency_groups}
 * = {G} and the same extras. A package belongs to main when its marker can hold there, and to G
 * when it can hold there and G makes a difference: its marker with G differs from its marker with
 * no group at all (so a package without a marker, or one gated by an extra only, is main's, not
 * every group's). Its marker in a group is what remains once the set tests are answered. As for uv.lock, a
 * package whose remaining marker differs between groups is one entry per distinct marker. A
 * package no group needs is left out. A lock that never tests {@code dependency_groups} (a
 * single-use lock) is all main.
 *
 * <p>Sources: {@code vcs} becomes {@link PackageSource.Vcs} ({@code <type>+<url>}, with
 * {@code #subdirectory=} when there is one; the revision is {@code commit-id}), {@code directory}
 * a {@link PackageSource.LocalPath} (editable as it says), {@code archive} a
 * {@link PackageSource.DirectUrl} or a local path with one artifact, {@code sdist}/{@code wheels} a
 * {@link PackageSource.Registry} on {@code index}. A file given by {@code path} instead of
 * {@code url} has that (relative) path as its URL. {@code packages.dependencies} are checked to
 * name a package of the lock; they are not used otherwise (PEP 751 forbids installing from them).
 */
public final class PylockReader {
    public static final String FORMAT = "pylock.toml";
    private static final String SUPPORTED_MAJOR = "1";
    private static final List<String> SOURCES = List.of("vcs", "directory", "archive", "sdist", "wheels");

    private PylockReader() {
    }

    public static LockFile read(Path pylockToml) {
        return read(pylockToml, Set.of());
    }

    /** dockenv's record of its install layers: each package name once. */
    private static List<List<String>> layers(LockTable dockenv) {
        Set<String> seen = new java.util.HashSet<>();
        List<List<String>> layers = new ArrayList<>();
        for (List<LockTable.Located> layer : dockenv.stringLists("layers")) {
            List<String> names = new ArrayList<>();
            for (LockTable.Located name : layer) {
                String normalized = Pep503.normalize(name.value());
                if (!seen.add(normalized)) {
                    throw new InputException(name.location(), "tool.dockenv.layers: " + name.value()
                            + " is in two layers", "run `dockenv lock` to write the lock again");
                }
                names.add(normalized);
            }
            layers.add(names);
        }
        return layers;
    }

    /** The lock with {@code extras} set to these (the default install has none). */
    public static LockFile read(Path pylockToml, Set<String> extras) {
        return read(TomlDocument.read(pylockToml), extras);
    }

    public static LockFile read(TomlDocument doc, Set<String> extras) {
        LockTable root = LockTable.root(doc);
        checkVersion(root);
        root.requiredString("created-by");
        Optional<String> requiresPython = root.string("requires-python");
        requiresPython.ifPresent(r -> root.checkSpecifiers("requires-python", r));
        for (LockTable.Located env : root.strings("environments")) {
            LockMarkers.parse(env.value(), env.location(), root.name("environments"));
        }
        Set<String> declaredExtras = normalized(root.strings("extras"));
        Set<String> declaredGroups = normalized(root.strings("dependency-groups"));
        Set<String> defaultGroups = normalized(root.strings("default-groups"));
        if (!root.has("packages")) {
            throw root.missing("packages");
        }
        List<Parsed> parsed = new ArrayList<>();
        for (LockTable t : root.tables("packages")) {
            parsed.add(parse(t));
        }
        checkDependencies(parsed);

        Set<String> mentionedGroups = new LinkedHashSet<>();
        Set<String> mentionedExtras = new LinkedHashSet<>();
        for (Parsed p : parsed) {
            p.marker().ifPresent(m -> {
                mentionedGroups.addAll(m.groups());
                mentionedExtras.addAll(m.extras());
            });
        }
        Set<String> wanted = extras.stream().map(Pep503::normalize).collect(Collectors.toCollection(TreeSet::new));
        checkExtras(root, wanted, declaredExtras, mentionedExtras);
        Map<String, Set<String>> contexts = groupContexts(root, defaultGroups, declaredGroups, mentionedGroups);

        List<LockedPackage> packages = new ArrayList<>();
        List<String> indexUrls = new ArrayList<>();
        for (Parsed p : parsed) {
            List<LockedPackage> entries = entries(p, contexts, wanted);
            packages.addAll(entries);
            if (!entries.isEmpty() && p.source() instanceof PackageSource.Registry reg) {
                reg.indexUrl().filter(u -> !indexUrls.contains(u)).ifPresent(indexUrls::add);
            }
        }
        Optional<LockTable> dockenv = root.table("tool").flatMap(t -> t.table("dockenv"));
        Optional<String> inputsDigest = dockenv.flatMap(t -> t.string("inputs-digest"));
        List<List<String>> layers = dockenv.map(PylockReader::layers).orElse(List.of());
        return new LockFile(doc.file(), FORMAT, packages, inputsDigest, indexUrls, requiresPython, layers);
    }

    /**
     * For each group of the model, the {@code dependency_groups} it stands for: main the default
     * groups, every other group itself.
     */
    private static Map<String, Set<String>> groupContexts(LockTable root, Set<String> defaultGroups,
            Set<String> declared, Set<String> mentioned) {
        Map<String, Set<String>> contexts = new LinkedHashMap<>();
        contexts.put(DependencyGroups.MAIN, defaultGroups);
        Set<String> others = new LinkedHashSet<>(declared);
        others.addAll(mentioned);
        others.removeAll(defaultGroups);
        if (others.contains(DependencyGroups.MAIN)) {
            throw new InputException(root.has("dependency-groups") ? root.locationOf("dependency-groups")
                    : SourceLocation.of(root.file()), "dependency group 'main' is not a default group",
                    "dockenv names the default install 'main'; rename the group or list it in default-groups");
        }
        for (String g : others) {
            contexts.put(g, Set.of(g));
        }
        return contexts;
    }

    /** The package once per distinct remaining marker, with the groups that need it under that marker. */
    private static List<LockedPackage> entries(Parsed p, Map<String, Set<String>> contexts, Set<String> extras) {
        Map<PylockMarker.Residual, Set<String>> byMarker = new LinkedHashMap<>();
        PylockMarker.Residual anyGroup = residual(p, Set.of(), extras);
        PylockMarker.Residual main = residual(p, contexts.get(DependencyGroups.MAIN), extras);
        contexts.forEach((group, active) -> {
            boolean isMain = group.equals(DependencyGroups.MAIN);
            PylockMarker.Residual r = isMain ? main : residual(p, active, extras);
            boolean groupMatters = isMain || !r.equals(anyGroup) || main.never();
            if (!r.never() && groupMatters) {
                byMarker.computeIfAbsent(r, k -> new LinkedHashSet<>()).add(group);
            }
        });
        List<LockedPackage> out = new ArrayList<>();
        byMarker.forEach((r, groups) -> out.add(new LockedPackage(p.name(), p.version(), r.marker(), p.artifacts(),
                p.source(), groups, p.table().location())));
        return out;
    }

    private static PylockMarker.Residual residual(Parsed p, Set<String> groups, Set<String> extras) {
        return p.marker().map(m -> m.given(groups, extras)).orElse(PylockMarker.Residual.ALWAYS);
    }

    /** A {@code [[packages]]} entry as read, before groups are worked out. */
    private record Parsed(String name, Optional<String> version, Optional<PylockMarker> marker,
            PackageSource source, List<LockedArtifact> artifacts, LockTable table) {
    }

    private static void checkVersion(LockTable root) {
        String version = root.string("lock-version").orElseThrow(() -> root.error("pylock.toml has no 'lock-version'",
                "is this a PEP 751 lock file? it starts with lock-version = \"1.0\""));
        if (!version.split("\\.", 2)[0].equals(SUPPORTED_MAJOR)) {
            throw root.errorAt("lock-version", version + " is not supported (dockenv reads "
                    + SUPPORTED_MAJOR + ".x)");
        }
    }

    private static Parsed parse(LockTable t) {
        String name = t.requiredString("name");
        if (!Pep503.isValidName(name)) {
            throw t.errorAt("name", "'" + name + "' is not a valid package name");
        }
        Optional<String> version = t.string("version");
        version.ifPresent(v -> t.checkVersion(v));
        Optional<PylockMarker> marker = t.string("marker")
                .map(m -> PylockMarker.parse(m, t.locationOf("marker"), t.name("marker")));
        t.string("requires-python").ifPresent(r -> t.checkSpecifiers("requires-python", r));
        Optional<String> index = t.string("index");
        for (LockTable a : t.tables("attestation-identities")) {
            a.requiredString("kind");
        }
        List<String> given = SOURCES.stream().filter(t::has).toList();
        if (given.isEmpty()) {
            throw t.error("package '" + name + "' has no source (vcs, directory, archive, sdist or wheels)");
        }
        boolean files = given.stream().allMatch(s -> s.equals("sdist") || s.equals("wheels"));
        if (!files && given.size() > 1) {
            throw t.errorAt(given.get(1), "package '" + name + "' has both " + given.get(0) + " and " + given.get(1)
                    + "; a package has one source");
        }
        if (files && version.isEmpty()) {
            throw t.error("package '" + name + "' has no version",
                    "a package installed from sdist or wheels names its version");
        }
        List<LockedArtifact> artifacts = new ArrayList<>();
        PackageSource source;
        switch (given.get(0)) {
            case "vcs" -> source = vcs(t.table("vcs").orElseThrow());
            case "directory" -> source = directory(t.table("directory").orElseThrow());
            case "archive" -> {
                LockTable archive = t.table("archive").orElseThrow();
                LockedArtifact a = artifact(archive, false);
                artifacts.add(a);
                Optional<String> subdirectory = archive.string("subdirectory");
                if (archive.has("url")) {
                    source = new PackageSource.DirectUrl(a.url().orElseThrow()
                            + subdirectory.map(s -> "#subdirectory=" + s).orElse(""));
                } else {
                    if (subdirectory.isPresent()) {
                        throw archive.errorAt("subdirectory", "a subdirectory of a local archive is not supported");
                    }
                    source = new PackageSource.LocalPath(a.url().orElseThrow(), false);
                }
            }
            default -> {
                Optional<LockTable> sdist = t.table("sdist");
                if (sdist.isPresent()) {
                    artifacts.add(artifact(sdist.get(), false));
                }
                for (LockTable wheel : t.tables("wheels")) {
                    artifacts.add(artifact(wheel, true));
                }
                source = new PackageSource.Registry(index);
            }
        }
        return new Parsed(name, version, marker, source, artifacts, t);
    }

    private static PackageSource vcs(LockTable v) {
        String type = v.requiredString("type");
        if (!List.of("git", "hg", "svn", "bzr").contains(type)) {
            throw v.errorAt("type", "unknown version control system '" + type + "' (expected git, hg, svn or bzr)");
        }
        String where = v.string("url").or(() -> v.string("path"))
                .orElseThrow(() -> v.error(v.path() + " needs a url or a path"));
        v.string("requested-revision");
        String commit = v.requiredString("commit-id");
        String subdirectory = v.string("subdirectory").map(s -> "#subdirectory=" + s).orElse("");
        return new PackageSource.Vcs(type + "+" + where + subdirectory, Optional.of(commit));
    }

    private static PackageSource directory(LockTable d) {
        String path = d.requiredString("path");
        boolean editable = d.bool("editable").orElse(false);
        Optional<String> subdirectory = d.string("subdirectory");
        return new PackageSource.LocalPath(subdirectory.map(s -> path.replaceAll("/+$", "") + "/" + s).orElse(path),
                editable);
    }

    /** {@code { name?, url | path, size?, upload-time?, hashes = { alg = "hex", ... } }}. */
    private static LockedArtifact artifact(LockTable a, boolean wheel) {
        Optional<String> url = a.string("url");
        Optional<String> path = a.string("path");
        if (url.isEmpty() && path.isEmpty()) {
            throw a.error(a.path() + " needs a url or a path");
        }
        String where = url.isPresent() ? url.get() : path.get();
        Optional<String> fileName = a.string("name").or(() -> FileNames.of(where));
        if (wheel && fileName.filter(f -> f.endsWith(".whl")).isEmpty()) {
            throw a.error(a.path() + ": '" + fileName.orElse(where) + "' is not a wheel file name");
        }
        a.integer("size");
        LockTable hashTable = a.table("hashes").orElseThrow(() -> a.missing("hashes"));
        List<String> hashes = new ArrayList<>();
        for (String algorithm : hashTable.keys()) {
            String hex = hashTable.requiredString(algorithm);
            hashes.add(Hashes.of(algorithm, hex, hashTable.locationOf(algorithm), hashTable.name(algorithm)));
        }
        if (hashes.isEmpty()) {
            throw a.errorAt("hashes", "at least one hash is required");
        }
        return new LockedArtifact(fileName, Optional.of(where), hashes);
    }

    /** Each {@code [[packages.dependencies]]} names a package of the lock (by name, and version if given). */
    private static void checkDependencies(List<Parsed> parsed) {
        for (Parsed p : parsed) {
            for (LockTable d : p.table().tables("dependencies")) {
                String name = Pep503.normalize(d.requiredString("name"));
                Optional<String> version = d.string("version");
                boolean found = parsed.stream().anyMatch(q -> Pep503.normalize(q.name()).equals(name)
                        && (version.isEmpty() || version.equals(q.version())));
                if (!found) {
                    throw d.error("package '" + p.name() + "' depends on '" + d.requiredString("name")
                            + version.map(v -> " " + v).orElse("") + "', which is not a package in the lock");
                }
            }
        }
    }

    private static void checkExtras(LockTable root, Set<String> wanted, Set<String> declared, Set<String> mentioned) {
        Set<String> known = new TreeSet<>(declared);
        known.addAll(mentioned);
        for (String extra : wanted) {
            if (!known.contains(extra)) {
                SourceLocation at = root.has("extras") ? root.locationOf("extras") : SourceLocation.of(root.file());
                throw new InputException(at, "extra '" + extra + "' is not in the lock",
                        known.isEmpty() ? "the lock has no extras" : "its extras are: " + String.join(", ", known));
            }
        }
    }

    private static Set<String> normalized(List<LockTable.Located> names) {
        Set<String> out = new LinkedHashSet<>();
        for (LockTable.Located n : names) {
            out.add(Pep503.normalize(n.value()));
        }
        return out;
    }
}
