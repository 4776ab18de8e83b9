package dev.dockenv.lock.poetry;

import dev.dockenv.errors.InputException;
import dev.dockenv.errors.SourceLocation;
import dev.dockenv.lock.LockedArtifact;
import dev.dockenv.lock.PackageSource;
import dev.dockenv.pep.Marker;
import dev.dockenv.pep.Pep503;
import dev.dockenv.pep.PepSyntaxException;
import dev.dockenv.pep.Version;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tomlj.TomlArray;
import org.tomlj.TomlTable;

/**
 * Reads one {@code [[package]]} of poetry.lock. Sources: none is the project's indexes
 * ({@code Registry} without URL); {@code legacy} a package index; {@code git} a checkout
 * ({@code git+<url>}, with {@code #subdirectory=} when the lock gives one; the revision is the
 * {@code resolved_reference} commit, else the {@code reference}); {@code directory} a local
 * directory, editable when {@code develop = true}; {@code file} a local archive; {@code url} an
 * archive URL.
 */
final class LockEntryReader {
    private static final Pattern LEADING_NAME = Pattern.compile("\\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)");

    private final TomlPlace place;
    /** lock-version 1.x {@code [metadata.files]} or 1.0 {@code [metadata.hashes]}, by normalized name. */
    private final Map<String, List<LockedArtifact>> metadataFiles;

    LockEntryReader(TomlPlace place, Map<String, List<LockedArtifact>> metadataFiles) {
        this.place = place;
        this.metadataFiles = metadataFiles;
    }

    LockEntry read(TomlTable pkg, SourceLocation at, int number) {
        String name = string(pkg, "name", "package #" + number).orElseThrow(() -> new InputException(at, "package #" + number
                + " has no name"));
        String what = "package '" + name + "'";
        String versionText = string(pkg, "version", what).orElseThrow(() -> new InputException(at, what
                + " has no version"));
        Optional<Version> version = Version.tryParse(versionText);
        Optional<String> category = string(pkg, "category", what);
        Optional<Set<String>> groups = Optional.empty();
        if (pkg.contains(List.of("groups"))) {
            groups = Optional.of(groups(pkg, what));
        }
        Map<String, Optional<Marker>> groupMarkers = groupMarkers(pkg, what, groups.orElse(Set.of()));
        Optional<Marker> pythonMarker = string(pkg, "python-versions", what).flatMap(pv -> {
            try {
                return PoetryConstraint.parse(pv).toPythonMarker().map(m -> marker(m, place.of(pkg, "python-versions"),
                        what + ": python-versions"));
            } catch (InvalidConstraintException e) {
                throw new InputException(place.of(pkg, "python-versions"), what + ": python-versions: "
                        + e.getMessage());
            }
        });
        Object develop = pkg.get(List.of("develop"));
        if (develop != null && !(develop instanceof Boolean)) {
            throw new InputException(place.of(pkg, "develop"), what + ": develop must be true or false");
        }
        PackageSource source = source(pkg, what, Boolean.TRUE.equals(develop));
        List<LockedArtifact> artifacts = pkg.contains(List.of("files"))
                ? files(pkg, what)
                : forVersion(metadataFiles.getOrDefault(Pep503.normalize(name), List.of()), versionText);
        return new LockEntry(Pep503.normalize(name), name, versionText, version, category, groups, groupMarkers,
                pythonMarker, artifacts, source, edges(pkg, what), extras(pkg, what), at);
    }

    private Set<String> groups(TomlTable pkg, String what) {
        Object value = pkg.get(List.of("groups"));
        if (!(value instanceof TomlArray array)) {
            throw new InputException(place.of(pkg, "groups"), what + ": groups must be an array of group names");
        }
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < array.size(); i++) {
            if (!(array.get(i) instanceof String g) || g.isBlank()) {
                throw new InputException(place.of(array, i), what + ": groups must be an array of group names");
            }
            out.add(Pep503.normalize(g));
        }
        return out;
    }

    private Map<String, Optional<Marker>> groupMarkers(TomlTable pkg, String what, Set<String> groups) {
        Object value = pkg.get(List.of("markers"));
        Map<String, Optional<Marker>> out = new LinkedHashMap<>();
        if (value == null) {
            return out;
        }
        SourceLocation at = place.of(pkg, "markers");
        if (value instanceof String text) {
            Marker m = marker(text, at, what + ": markers");
            groups.forEach(g -> out.put(g, Optional.of(m)));
            return out;
        }
        if (!(value instanceof TomlTable table)) {
            throw new InputException(at, what + ": markers must be a marker string or a table of them by group");
        }
        for (String group : table.keySet()) {
            if (!(table.get(List.of(group)) instanceof String text)) {
                throw new InputException(place.of(table, group), what + ": markers." + group + " must be a string");
            }
            out.put(Pep503.normalize(group), Optional.of(marker(text, place.of(table, group), what + ": markers")));
        }
        return out;
    }

    private PackageSource source(TomlTable pkg, String what, boolean develop) {
        Object value = pkg.get(List.of("source"));
        if (value == null) {
            return new PackageSource.Registry(Optional.empty());
        }
        if (!(value instanceof TomlTable source)) {
            throw new InputException(place.of(pkg, "source"), what + ": source must be a table");
        }
        String type = string(source, "type", what).orElseThrow(() -> new InputException(place.of(pkg, "source"), what
                + ": source has no type"));
        String url = string(source, "url", what).orElseThrow(() -> new InputException(place.of(pkg, "source"), what
                + ": source has no url"));
        Optional<String> subdirectory = string(source, "subdirectory", what).map(s -> "#subdirectory=" + s);
        switch (type.toLowerCase(Locale.ROOT)) {
            case "legacy":
                return new PackageSource.Registry(Optional.of(url));
            case "git":
                String revision = string(source, "resolved_reference", what).or(() -> string(source, "reference", what))
                        .orElse(null);
                return new PackageSource.Vcs((url.startsWith("git+") ? url : "git+" + url) + subdirectory.orElse(""),
                        Optional.ofNullable(revision).filter(r -> !r.isBlank()));
            case "directory":
                return new PackageSource.LocalPath(url, develop);
            case "file":
                return new PackageSource.LocalPath(url, false);
            case "url":
                return new PackageSource.DirectUrl(url + subdirectory.orElse(""));
            default:
                throw new InputException(place.of(source, "type"), what + ": unknown source type '" + type + "'",
                        "poetry.lock sources are legacy, git, directory, file or url");
        }
    }

    private List<LockedArtifact> files(TomlTable pkg, String what) {
        Object value = pkg.get(List.of("files"));
        if (!(value instanceof TomlArray array)) {
            throw new InputException(place.of(pkg, "files"), what + ": files must be an array of "
                    + "{file = ..., hash = ...} tables");
        }
        return artifacts(array, what);
    }

    /** {@code [{file = "x.whl", hash = "sha256:..."}, ...]}. */
    List<LockedArtifact> artifacts(TomlArray array, String what) {
        List<LockedArtifact> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            SourceLocation at = place.of(array, i);
            if (!(array.get(i) instanceof TomlTable file)) {
                throw new InputException(at, what + ": each file must be a {file = ..., hash = ...} table");
            }
            Optional<String> fileName = string(file, "file", what);
            Optional<String> url = string(file, "url", what);
            if (fileName.isEmpty() && url.isEmpty()) {
                throw new InputException(at, what + ": a file entry has no file name");
            }
            String written = string(file, "hash", what).orElseThrow(() -> new InputException(at, what + ": file '"
                    + fileName.or(() -> url).get() + "' has no hash"));
            String hash = ArtifactHash.normalize(written).orElseThrow(() -> new InputException(
                    place.of(file, "hash"), what + ": invalid hash '" + written + "' of file '"
                            + fileName.or(() -> url).get() + "'", "expected sha256:<64 hex digits>"));
            out.add(new LockedArtifact(fileName, url, List.of(hash)));
        }
        return out;
    }

    /** Lock-version 1.x lists files by name only: with several versions, keep those naming this one. */
    private static List<LockedArtifact> forVersion(List<LockedArtifact> files, String version) {
        List<LockedArtifact> matching = files.stream()
                .filter(a -> a.fileName().map(f -> namesVersion(f, version)).orElse(true)).toList();
        return matching.isEmpty() ? files : matching;
    }

    private static boolean namesVersion(String fileName, String version) {
        String f = fileName.toLowerCase(Locale.ROOT);
        String v = version.toLowerCase(Locale.ROOT);
        for (int i = f.indexOf('-'); i >= 0; i = f.indexOf('-', i + 1)) {
            int end = i + 1 + v.length();
            if (f.startsWith(v, i + 1) && (end == f.length() || f.charAt(end) == '-'
                    || f.startsWith(".tar", end) || f.startsWith(".zip", end) || f.startsWith(".whl", end))) {
                return true;
            }
        }
        return false;
    }

    private List<LockEdge> edges(TomlTable pkg, String what) {
        Object value = pkg.get(List.of("dependencies"));
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof TomlTable deps)) {
            throw new InputException(place.of(pkg, "dependencies"), what + ": dependencies must be a table");
        }
        List<LockEdge> out = new ArrayList<>();
        for (String dep : deps.keySet()) {
            SourceLocation at = place.of(deps, dep);
            Object spec = deps.get(List.of(dep));
            if (spec instanceof TomlArray list) {
                for (int i = 0; i < list.size(); i++) {
                    out.add(edge(dep, list.get(i), place.of(list, i), what));
                }
            } else {
                out.add(edge(dep, spec, at, what));
            }
        }
        return out;
    }

    private LockEdge edge(String dep, Object spec, SourceLocation at, String what) {
        String context = what + ": dependency '" + dep + "'";
        if (spec instanceof String constraint) {
            return new LockEdge(Pep503.normalize(dep), Optional.of(constraint(constraint, at, context)),
                    Optional.empty(), false, Set.of(), at);
        }
        if (!(spec instanceof TomlTable table)) {
            throw new InputException(at, context + ": expected a version constraint or a table");
        }
        Optional<PoetryConstraint> constraint = string(table, "version", context)
                .map(c -> constraint(c, place.of(table, "version"), context));
        List<Marker> markers = new ArrayList<>();
        string(table, "markers", context).ifPresent(m -> markers.add(marker(m, place.of(table, "markers"), context
                + ": markers")));
        string(table, "python", context).ifPresent(p -> {
            try {
                PoetryConstraint.parse(p).toPythonMarker().ifPresent(m -> markers.add(marker(m, place.of(table,
                        "python"), context + ": python")));
            } catch (InvalidConstraintException e) {
                throw new InputException(place.of(table, "python"), context + ": python: " + e.getMessage());
            }
        });
        Object optional = table.get(List.of("optional"));
        if (optional != null && !(optional instanceof Boolean)) {
            throw new InputException(place.of(table, "optional"), context + ": optional must be true or false");
        }
        Set<String> extras = new LinkedHashSet<>();
        Object extrasValue = table.get(List.of("extras"));
        if (extrasValue != null) {
            if (!(extrasValue instanceof TomlArray array) || !array.toList().stream().allMatch(String.class::isInstance)) {
                throw new InputException(place.of(table, "extras"), context + ": extras must be an array of names");
            }
            array.toList().forEach(e -> extras.add(Pep503.normalize((String) e)));
        }
        return new LockEdge(Pep503.normalize(dep), constraint, MarkerTerms.allOf(markers),
                Boolean.TRUE.equals(optional), extras, at);
    }

    private Map<String, Set<String>> extras(TomlTable pkg, String what) {
        Object value = pkg.get(List.of("extras"));
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof TomlTable table)) {
            throw new InputException(place.of(pkg, "extras"), what + ": extras must be a table");
        }
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (String extra : table.keySet()) {
            Object list = table.get(List.of(extra));
            if (!(list instanceof TomlArray array)) {
                throw new InputException(place.of(table, extra), what + ": extras." + extra
                        + " must be an array of requirements");
            }
            Set<String> names = new LinkedHashSet<>();
            for (int i = 0; i < array.size(); i++) {
                Matcher m = array.get(i) instanceof String s ? LEADING_NAME.matcher(s) : null;
                if (m == null || !m.lookingAt()) {
                    throw new InputException(place.of(array, i), what + ": extras." + extra
                            + " must list requirements such as \"pysocks (>=1.5.6)\"");
                }
                names.add(Pep503.normalize(m.group(1)));
            }
            out.put(Pep503.normalize(extra), names);
        }
        return out;
    }

    private static PoetryConstraint constraint(String text, SourceLocation at, String context) {
        try {
            return PoetryConstraint.parse(text);
        } catch (InvalidConstraintException e) {
            throw new InputException(at, context + ": " + e.getMessage(), e.hint());
        }
    }

    private static Marker marker(String text, SourceLocation at, String context) {
        try {
            return Marker.parse(text);
        } catch (PepSyntaxException e) {
            throw new InputException(at, context + ": invalid marker '" + text + "': " + e.getMessage());
        }
    }

    private Optional<String> string(TomlTable table, String key, String context) {
        Object value = table.get(List.of(key));
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof String s) {
            return Optional.of(s);
        }
        throw new InputException(place.of(table, key), context + ": " + key + " must be a string");
    }
}
