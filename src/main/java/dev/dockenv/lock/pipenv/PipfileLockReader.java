package dev.dockenv.lock.pipenv;

import dev.dockenv.errors.DidYouMean;
import dev.dockenv.errors.InputException;
import dev.dockenv.errors.SourceLocation;
import dev.dockenv.lock.DependencyGroups;
import dev.dockenv.lock.LockFile;
import dev.dockenv.lock.LockedArtifact;
import dev.dockenv.lock.LockedPackage;
import dev.dockenv.lock.PackageSource;
import dev.dockenv.pep.Marker;
import dev.dockenv.pep.Pep503;
import dev.dockenv.pep.PepSyntaxException;
import dev.dockenv.pep.Version;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a Pipfile.lock (pipenv's JSON lock) into a {@link LockFile}:
 * <ul>
 * <li>{@code _meta.hash.sha256} is the inputs digest (compare with {@link PipfileDigest});
 *     {@code _meta.sources} gives the index URLs in order; {@code _meta.requires} the Python the lock
 *     was made for, as a range: python_full_version "3.11.7" becomes "==3.11.7", python_version
 *     "3.11" becomes "==3.11.*";
 * <li>{@code default} is group "main", {@code develop} is "dev", any other category its PEP 503
 *     name; a package locked identically in several categories is one {@link LockedPackage} with
 *     all of their groups (an entry that names the index and one that leaves it implicit count as
 *     identical; their hashes are united);
 * <li>each package's {@code hashes} become one {@link LockedArtifact} holding them all (the lock
 *     does not say which file each belongs to), for index packages and file URLs; path and VCS
 *     packages have none. {@code index} becomes {@link PackageSource.Registry} with that source's
 *     URL; {@code path} {@link PackageSource.LocalPath}; {@code file} a {@link PackageSource.DirectUrl}
 *     (a LocalPath if it has no scheme); {@code git}/{@code hg}/{@code svn}/{@code bzr} with
 *     {@code ref} a {@link PackageSource.Vcs} whose URL has the {@code git+} prefix and any
 *     {@code #subdirectory=}.
 * </ul>
 * Every problem, syntax or meaning, is an {@link InputException} at its line and column.
 */
public final class PipfileLockReader {
    public static final String FORMAT = "Pipfile.lock";
    private static final String META = "_meta";
    private static final Pattern HEX64 = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Map<String, Integer> HASH_LENGTHS = Map.of("sha256", 64, "sha384", 96, "sha512", 128);
    private static final Pattern URL_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
    private static final Pattern WINDOWS_DRIVE = Pattern.compile("^[A-Za-z]:[\\\\/].*");

    private final Map<String, PipenvSource> sources;

    private PipfileLockReader(Map<String, PipenvSource> sources) {
        this.sources = sources;
    }

    public static LockFile read(Path file) {
        return parse(file, TextFile.read(file));
    }

    /** Reads Pipfile.lock text; {@code file} is only used in locations. */
    public static LockFile parse(Path file, String text) {
        PositionedJson.Obj root = PositionedJsonParser.parse(file, text).asObject("a Pipfile.lock document");
        Optional<PositionedJson.Obj> meta = root.get(META).map(m -> m.asObject(META));
        List<PipenvSource> sourceList = meta.flatMap(m -> m.get("sources")).map(PipfileLockReader::sources)
                .orElse(List.of());
        Map<String, PipenvSource> byName = new LinkedHashMap<>();
        for (PipenvSource source : sourceList) {
            PipenvSource same = byName.putIfAbsent(source.name(), source);
            if (same != null) {
                throw new InputException(source.location(), "a second source is named '" + source.name()
                        + "' (the first is at line " + same.location().line() + ")");
            }
        }
        PipfileLockReader reader = new PipfileLockReader(byName);
        List<Candidate> candidates = new ArrayList<>();
        Map<String, String> categoryOfGroup = new HashMap<>();
        for (PositionedJson.Member category : root.members().values()) {
            if (category.key().equals(META)) {
                continue;
            }
            String group = groupOf(category.key());
            String earlier = categoryOfGroup.putIfAbsent(group, category.key());
            if (earlier != null) {
                throw new InputException(category.keyLocation(), "categories \"" + category.key() + "\" and \""
                        + earlier + "\" are the same group '" + group + "'");
            }
            PositionedJson.Obj packages = category.value().asObject("category \"" + category.key() + "\"");
            for (PositionedJson.Member entry : packages.members().values()) {
                candidates.add(reader.candidate(entry, group));
            }
        }
        return new LockFile(file, FORMAT, merge(candidates), meta.flatMap(PipfileLockReader::digest),
                sourceList.stream().map(PipenvSource::url).toList(), meta.flatMap(PipfileLockReader::python));
    }

    /** The group of a lock category: "default" is main, "develop" dev, others their normalized name. */
    static String groupOf(String category) {
        return switch (category) {
            case "default" -> DependencyGroups.MAIN;
            case "develop" -> DependencyGroups.DEV;
            default -> Pep503.normalize(category);
        };
    }

    private static Optional<String> digest(PositionedJson.Obj meta) {
        Optional<PositionedJson> hash = meta.get("hash");
        if (hash.isEmpty()) {
            return Optional.empty();
        }
        Optional<PositionedJson> sha256 = hash.get().asObject("_meta.hash").get("sha256");
        if (sha256.isEmpty()) {
            return Optional.empty();
        }
        PositionedJson.Str value = sha256.get().asString("_meta.hash.sha256");
        if (!HEX64.matcher(value.value()).matches()) {
            throw new InputException(value.location(), "_meta.hash.sha256 must be 64 hexadecimal digits, not '"
                    + value.value() + "'");
        }
        return Optional.of(value.value().toLowerCase(Locale.ROOT));
    }

    /** _meta.requires as a range: python_full_version wins over python_version, as in pipenv. */
    private static Optional<String> python(PositionedJson.Obj meta) {
        Optional<PositionedJson> requires = meta.get("requires");
        if (requires.isEmpty()) {
            return Optional.empty();
        }
        PositionedJson.Obj table = requires.get().asObject("_meta.requires");
        for (String key : List.of("python_full_version", "python_version")) {
            Optional<PositionedJson> value = table.get(key);
            if (value.isPresent()) {
                PositionedJson.Str text = value.get().asString("_meta.requires." + key);
                String version = text.value().strip();
                String release = version.endsWith(".*") ? version.substring(0, version.length() - 2) : version;
                if (Version.tryParse(release).isEmpty()) {
                    throw new InputException(text.location(), "_meta.requires." + key + " '" + text.value()
                            + "' is not a version");
                }
                return Optional.of(key.equals("python_version") && !version.endsWith(".*")
                        ? "==" + version + ".*" : "==" + version);
            }
        }
        return Optional.empty();
    }

    private static List<PipenvSource> sources(PositionedJson value) {
        List<PipenvSource> out = new ArrayList<>();
        for (PositionedJson item : value.asArray("_meta.sources").items()) {
            PositionedJson.Obj source = item.asObject("each of _meta.sources");
            PositionedJson.Str url = source.get("url")
                    .orElseThrow(() -> new InputException(source.location(), "this source has no \"url\""))
                    .asString("a source's \"url\"");
            String name = source.get("name").map(n -> n.asString("a source's \"name\"").value()).orElse("");
            boolean verify = source.get("verify_ssl").map(v -> v.asBoolean("a source's \"verify_ssl\"").value())
                    .orElse(true);
            out.add(new PipenvSource(name, url.value(), verify, source.location()));
        }
        return out;
    }

    private Candidate candidate(PositionedJson.Member member, String group) {
        String name = member.key();
        SourceLocation at = member.keyLocation();
        if (!Pep503.isValidName(name)) {
            throw new InputException(at, "'" + name + "' is not a valid package name");
        }
        PositionedJson.Obj entry = member.value().asObject("the entry for " + name);
        Optional<String> version = entry.get("version").map(v -> version(name, v.asString("\"version\"")));
        List<String> hashes = entry.get("hashes").map(h -> hashes(name, h)).orElse(List.of());
        Optional<Marker> marker = entry.get("markers").map(m -> marker(name, m.asString("\"markers\"")));
        boolean editable = entry.get("editable").map(e -> e.asBoolean("\"editable\"").value()).orElse(false);
        entry.get("extras").ifPresent(e -> e.asArray("\"extras\"").items()
                .forEach(x -> x.asString("each extra")));
        PackageSource source = source(name, entry, editable);
        List<LockedArtifact> artifacts = List.of();
        if (!hashes.isEmpty() && source instanceof PackageSource.Registry) {
            artifacts = List.of(new LockedArtifact(Optional.empty(), Optional.empty(), hashes));
        } else if (!hashes.isEmpty() && source instanceof PackageSource.DirectUrl direct) {
            artifacts = List.of(new LockedArtifact(fileName(direct.url()), Optional.of(direct.url()), hashes));
        }
        return new Candidate(name, version, marker, artifacts, source, group, at);
    }

    private static String version(String name, PositionedJson.Str value) {
        String text = value.value().strip();
        String exact;
        if (text.startsWith("===")) {
            exact = text.substring(3).strip();
        } else if (text.startsWith("==")) {
            exact = text.substring(2).strip();
            if (Version.tryParse(exact).isEmpty() || exact.contains("*")) {
                throw new InputException(value.location(), "the version of " + name + " '" + value.value()
                        + "' is not an exact PEP 440 version");
            }
        } else {
            throw new InputException(value.location(), "the version of " + name + " must be pinned with '==', not '"
                    + value.value() + "'");
        }
        if (exact.isEmpty()) {
            throw new InputException(value.location(), "the version of " + name + " is empty");
        }
        return exact;
    }

    private static List<String> hashes(String name, PositionedJson value) {
        List<String> out = new ArrayList<>();
        for (PositionedJson item : value.asArray("the hashes of " + name).items()) {
            PositionedJson.Str hash = item.asString("each hash of " + name);
            String text = hash.value();
            int colon = text.indexOf(':');
            String algorithm = colon < 0 ? "" : text.substring(0, colon).toLowerCase(Locale.ROOT);
            String hex = colon < 0 ? "" : text.substring(colon + 1);
            Integer length = HASH_LENGTHS.get(algorithm);
            if (length == null || hex.length() != length || !hex.chars().allMatch(PipfileLockReader::isHex)) {
                throw new InputException(hash.location(), "'" + text + "' is not a hash of " + name,
                        "pipenv writes hashes as sha256:<64 hexadecimal digits>");
            }
            out.add(algorithm + ":" + hex.toLowerCase(Locale.ROOT));
        }
        return out;
    }

    private static boolean isHex(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static Marker marker(String name, PositionedJson.Str value) {
        try {
            return Marker.parse(value.value());
        } catch (PepSyntaxException e) {
            throw new InputException(value.at(e.column() - 1), "invalid markers for " + name + ": " + e.getMessage());
        }
    }

    private PackageSource source(String name, PositionedJson.Obj entry, boolean editable) {
        List<PositionedJson.Member> locators = new ArrayList<>();
        for (String key : List.of("path", "file", "git", "hg", "svn", "bzr")) {
            entry.member(key).ifPresent(locators::add);
        }
        if (locators.size() > 1) {
            throw new InputException(locators.get(1).keyLocation(), "the entry for " + name + " gives both \""
                    + locators.get(0).key() + "\" and \"" + locators.get(1).key() + "\"");
        }
        Optional<String> ref = entry.get("ref").map(r -> r.asString("\"ref\"").value());
        Optional<String> subdirectory = entry.get("subdirectory").map(s -> s.asString("\"subdirectory\"").value());
        if (locators.isEmpty()) {
            Optional<String> index = entry.get("index").map(i -> indexUrl(name, i.asString("\"index\"")));
            return new PackageSource.Registry(index);
        }
        PositionedJson.Member locator = locators.get(0);
        String where = locator.value().asString("\"" + locator.key() + "\"").value().strip();
        if (where.isEmpty()) {
            throw new InputException(locator.value().location(), "\"" + locator.key() + "\" of " + name + " is empty");
        }
        String fragment = subdirectory.map(s -> "#subdirectory=" + s).orElse("");
        return switch (locator.key()) {
            case "path" -> new PackageSource.LocalPath(where, editable);
            case "file" -> URL_SCHEME.matcher(where).find() && !WINDOWS_DRIVE.matcher(where).matches()
                    ? new PackageSource.DirectUrl(where + fragment)
                    : new PackageSource.LocalPath(where, editable);
            default -> new PackageSource.Vcs(where.startsWith(locator.key() + "+") ? where + fragment
                    : locator.key() + "+" + where + fragment, ref);
        };
    }

    private String indexUrl(String name, PositionedJson.Str index) {
        PipenvSource source = sources.get(index.value());
        if (source == null) {
            throw new InputException(index.location(), "the index '" + index.value() + "' of " + name
                    + " names no source in _meta.sources", DidYouMean.closest(index.value(), sources.keySet())
                            .map(n -> "did you mean '" + n + "'?").orElse(sources.isEmpty()
                                    ? "_meta.sources lists no source" : "the sources are named "
                                            + String.join(", ", sources.keySet())));
        }
        return source.url();
    }

    private static Optional<String> fileName(String url) {
        String path = url;
        for (char end : new char[] {'#', '?'}) {
            int at = path.indexOf(end);
            if (at >= 0) {
                path = path.substring(0, at);
            }
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.isEmpty() ? Optional.empty() : Optional.of(name);
    }

    /** Entries locked identically in several categories become one package with all their groups. */
    private static List<LockedPackage> merge(List<Candidate> candidates) {
        List<Candidate> merged = new ArrayList<>();
        for (Candidate c : candidates) {
            int same = -1;
            for (int i = 0; i < merged.size() && same < 0; i++) {
                if (merged.get(i).sameAs(c)) {
                    same = i;
                }
            }
            if (same < 0) {
                merged.add(c);
            } else {
                merged.set(same, merged.get(same).with(c));
            }
        }
        return merged.stream().map(Candidate::toPackage).toList();
    }

    /** One category's entry, before entries of the same package in other categories are merged. */
    private record Candidate(String name, Optional<String> version, Optional<Marker> marker,
            List<LockedArtifact> artifacts, PackageSource source, Set<String> groups, SourceLocation location) {

        Candidate(String name, Optional<String> version, Optional<Marker> marker, List<LockedArtifact> artifacts,
                PackageSource source, String group, SourceLocation location) {
            this(name, version, marker, artifacts, source, Set.of(group), location);
        }

        boolean sameAs(Candidate o) {
            return Pep503.normalize(name).equals(Pep503.normalize(o.name)) && version.equals(o.version)
                    && marker.map(Object::toString).equals(o.marker.map(Object::toString))
                    && compatible(source, o.source);
        }

        private static boolean compatible(PackageSource a, PackageSource b) {
            if (a instanceof PackageSource.Registry ra && b instanceof PackageSource.Registry rb) {
                return ra.indexUrl().isEmpty() || rb.indexUrl().isEmpty() || ra.equals(rb);
            }
            return a.equals(b);
        }

        Candidate with(Candidate o) {
            Set<String> allGroups = new LinkedHashSet<>(groups);
            allGroups.addAll(o.groups);
            PackageSource keep = source instanceof PackageSource.Registry r && r.indexUrl().isEmpty() ? o.source : source;
            return new Candidate(name, version, marker, unite(artifacts, o.artifacts), keep, allGroups, location);
        }

        private static List<LockedArtifact> unite(List<LockedArtifact> a, List<LockedArtifact> b) {
            if (a.isEmpty() || b.isEmpty()) {
                return a.isEmpty() ? b : a;
            }
            Set<String> hashes = new LinkedHashSet<>(a.get(0).hashes());
            hashes.addAll(b.get(0).hashes());
            return List.of(new LockedArtifact(a.get(0).fileName(), a.get(0).url(), List.copyOf(hashes)));
        }

        LockedPackage toPackage() {
            return new LockedPackage(name, version, marker, artifacts, source, groups, location);
        }
    }
}
