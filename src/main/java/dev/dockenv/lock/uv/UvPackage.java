package dev.dockenv.lock.uv;

import dev.dockenv.lock.LockedArtifact;
import dev.dockenv.lock.pylock.FileNames;
import dev.dockenv.lock.pylock.Hashes;
import dev.dockenv.lock.pylock.LockMarkers;
import dev.dockenv.lock.pylock.LockTable;
import dev.dockenv.pep.Marker;
import dev.dockenv.pep.Pep503;
import dev.dockenv.pep.PepSyntaxException;
import dev.dockenv.pep.Version;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code [[package]]} of a uv.lock as written: its id (name, version, source), its dependency
 * edges (plain, per extra, per dependency group) and its files.
 */
record UvPackage(String name, Optional<String> version, UvSource source, List<Dependency> dependencies,
        Map<String, List<Dependency>> optionalDependencies, Map<String, List<Dependency>> groups,
        List<LockedArtifact> artifacts, LockTable table) {

    /**
     * A dependency edge as written: {@code { name, version?, source?, marker?, extra? }}; version
     * and source are there only when the name alone is ambiguous.
     */
    record Dependency(String name, Optional<String> version, Optional<UvSource> source, Optional<Marker> marker,
            List<String> extras, LockTable table) {
    }

    static UvPackage read(LockTable t) {
        String name = t.requiredString("name");
        if (!Pep503.isValidName(name)) {
            throw t.errorAt("name", "'" + name + "' is not a valid package name");
        }
        Optional<String> version = t.string("version");
        version.ifPresent(v -> checkVersion(t, v));
        UvSource source = t.table("source").map(UvSource::read)
                .orElseThrow(() -> t.error("package '" + name + "' has no source"));
        if (version.isEmpty() && !source.isSourceTree()) {
            throw t.error("package '" + name + "' has no version", "a " + source.kind().key()
                    + " package in uv.lock always names its version; run `uv lock` to rewrite the file");
        }
        return new UvPackage(name, version, source, dependencies(t, "dependencies"), byName(t, "optional-dependencies"),
                byName(t, "dev-dependencies"), artifacts(t, source), t);
    }

    String normalizedName() {
        return Pep503.normalize(name);
    }

    /** "anyio 4.8.0" or "myproject (editable .)" for messages. */
    String describe() {
        return name + version.map(v -> " " + v).orElse(" (" + source.kind().key() + " " + source.value() + ")");
    }

    private static void checkVersion(LockTable t, String v) {
        try {
            Version.parse(v);
        } catch (PepSyntaxException e) {
            throw t.errorAt("version", e.getMessage());
        }
    }

    private static Map<String, List<Dependency>> byName(LockTable t, String key) {
        Map<String, List<Dependency>> out = new LinkedHashMap<>();
        Optional<LockTable> table = t.table(key);
        if (table.isPresent()) {
            for (String name : table.get().keys()) {
                out.put(Pep503.normalize(name), dependencies(table.get(), name));
            }
        }
        return out;
    }

    static List<Dependency> dependencies(LockTable t, String key) {
        List<Dependency> out = new ArrayList<>();
        for (LockTable d : t.tables(key)) {
            String name = d.requiredString("name");
            Optional<String> version = d.string("version");
            Optional<UvSource> source = d.table("source").map(UvSource::read);
            Optional<Marker> marker = d.string("marker")
                    .map(m -> LockMarkers.parse(m, d.locationOf("marker"), d.name("marker")));
            List<String> extras = d.strings("extra").stream().map(e -> Pep503.normalize(e.value())).toList();
            out.add(new Dependency(name, version, source, marker, extras, d));
        }
        return out;
    }

    /**
     * The sdist and wheels: {@code sdist = { url|path, hash, size }}, {@code wheels = [{ url|path|filename,
     * hash, size }]}. A direct URL or path package's files may give only a hash (and a file name): the
     * file is then the source itself. A file given by {@code path} has that (relative) path as its URL. uv leaves the
     * hash out for registries that publish none.
     */
    private static List<LockedArtifact> artifacts(LockTable t, UvSource source) {
        List<LockedArtifact> out = new ArrayList<>();
        Optional<LockTable> sdist = t.table("sdist");
        if (sdist.isPresent()) {
            out.add(artifact(sdist.get(), source));
        }
        for (LockTable wheel : t.tables("wheels")) {
            out.add(artifact(wheel, source));
        }
        return out;
    }

    private static LockedArtifact artifact(LockTable a, UvSource source) {
        Optional<String> url = a.string("url");
        Optional<String> path = a.string("path");
        Optional<String> fileName = a.string("filename");
        if (url.isEmpty() && path.isEmpty()) {
            if (source.kind() == UvSource.Kind.URL) {
                url = Optional.of(source.value());
            } else if (source.kind() == UvSource.Kind.PATH) {
                path = Optional.of(source.value());
            } else if (fileName.isEmpty()) {
                throw a.error(a.path() + " names no file (url, path or filename)");
            }
        }
        Optional<String> where = url.isPresent() ? url : path;
        if (fileName.isEmpty()) {
            fileName = FileNames.of(where.orElseThrow());
        }
        List<String> hashes = a.string("hash")
                .map(h -> List.of(Hashes.parse(h, a.locationOf("hash"), a.name("hash"))))
                .orElse(List.of());
        a.integer("size");
        return new LockedArtifact(fileName, where, hashes);
    }
}
