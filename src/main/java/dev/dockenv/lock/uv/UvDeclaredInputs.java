package dev.dockenv.lock.uv;

import dev.dockenv.config.TomlDocument;
import dev.dockenv.errors.InputException;
import dev.dockenv.pep.Marker;
import dev.dockenv.pep.Pep503;
import dev.dockenv.pep.PepSyntaxException;
import dev.dockenv.pep.Requirement;
import dev.dockenv.python.DeclaredRequirement;
import dev.dockenv.pyproject.PyprojectFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.tomlj.TomlArray;
import org.tomlj.TomlTable;

/**
 * The inputs of a uv lock as pyproject.toml declares them, lowered as uv lowers them before it
 * compares them with the lock: [project] {@code dependencies} and {@code optional-dependencies}
 * (each with {@code extra == '<name>'} added to its marker) are the {@code requires-dist};
 * [dependency-groups] (includes expanded) and the legacy [tool.uv] {@code dev-dependencies} (group
 * "dev") are the {@code requires-dev}; [tool.uv.sources] give the packages they name a git, URL,
 * path, workspace or index source (a list of sources, one requirement per source with its marker
 * added), an index named by [[tool.uv.index]] standing for its URL.
 */
record UvDeclaredInputs(Optional<String> name, Optional<String> requiresPython, List<UvRequirement> requiresDist,
        Map<String, List<UvRequirement>> requiresDev, Set<String> providesExtras, List<UvRequirement> constraints,
        List<UvRequirement> overrides, List<UvRequirement> buildConstraints) {

    static UvDeclaredInputs read(PyprojectFile pyproject, Path root) {
        TomlDocument doc = pyproject.document();
        Lowering lowering = new Lowering(doc, root);
        List<Object> dynamic = doc.root().getArray(List.of("project", "dynamic")) == null ? List.of()
                : doc.root().getArray(List.of("project", "dynamic")).toList();
        if (dynamic.contains("dependencies") || dynamic.contains("optional-dependencies")) {
            throw new UvLockFreshness.Undecided("the project's dependencies are dynamic");
        }
        List<UvRequirement> dist = new ArrayList<>();
        for (DeclaredRequirement r : pyproject.dependencies()) {
            dist.addAll(lowering.lower(r.text(), Optional.empty()));
        }
        Set<String> extras = new TreeSet<>();
        pyproject.optionalDependencies().forEach((extra, requirements) -> {
            extras.add(extra);
            for (DeclaredRequirement r : requirements) {
                dist.addAll(lowering.lower(r.text(), Optional.of(extra)));
            }
        });
        Map<String, List<UvRequirement>> dev = new LinkedHashMap<>();
        pyproject.dependencyGroups().forEach((group, requirements) -> {
            List<UvRequirement> lowered = new ArrayList<>();
            requirements.forEach(r -> lowered.addAll(lowering.lower(r.text(), Optional.empty())));
            dev.put(group, lowered);
        });
        for (String r : strings(doc, List.of("tool", "uv", "dev-dependencies"))) {
            dev.computeIfAbsent("dev", g -> new ArrayList<>()).addAll(lowering.lower(r, Optional.empty()));
        }
        return new UvDeclaredInputs(pyproject.name().map(Pep503::normalize),
                pyproject.requiresPython().map(d -> d.text()), dist, dev, extras,
                lowering.plain(strings(doc, List.of("tool", "uv", "constraint-dependencies"))),
                lowering.plain(strings(doc, List.of("tool", "uv", "override-dependencies"))),
                lowering.plain(strings(doc, List.of("tool", "uv", "build-constraint-dependencies"))));
    }

    private static List<String> strings(TomlDocument doc, List<String> path) {
        return doc.strings(path, "an array of PEP 508 requirement strings", false);
    }

    /** Turns requirement strings into {@link UvRequirement}s with the project's sources. */
    private static final class Lowering {
        private final TomlDocument doc;
        private final Path root;
        private final Map<String, Object> sources = new LinkedHashMap<>();
        private final Map<String, String> indexes = new LinkedHashMap<>();

        Lowering(TomlDocument doc, Path root) {
            this.doc = doc;
            this.root = root;
            doc.table(List.of("tool", "uv", "sources")).ifPresent(t -> {
                for (String key : t.keySet()) {
                    sources.put(Pep503.normalize(key), t.get(List.of(key)));
                }
            });
            TomlArray index = doc.root().getArray(List.of("tool", "uv", "index"));
            for (int i = 0; index != null && i < index.size(); i++) {
                if (index.get(i) instanceof TomlTable t && t.get("name") instanceof String n
                        && t.get("url") instanceof String u) {
                    indexes.put(n, u);
                }
            }
        }

        /** Requirements as written, without sources (constraints and overrides). */
        List<UvRequirement> plain(List<String> texts) {
            List<UvRequirement> out = new ArrayList<>();
            for (String text : texts) {
                Requirement r = parse(text);
                out.add(new UvRequirement(r.normalizedName(), new TreeSet<>(r.extras()), r.marker(), urlOrRegistry(r),
                        text));
            }
            return out;
        }

        /** A requirement with its sources, {@code extra == '<extra>'} added to the marker of an extra's. */
        List<UvRequirement> lower(String text, Optional<String> extra) {
            Requirement r = parse(text);
            Optional<Marker> marker = r.marker();
            if (extra.isPresent()) {
                marker = Optional.of(and(marker, Optional.of(comparison("extra == '" + extra.get() + "'"))));
            }
            String name = r.normalizedName();
            TreeSet<String> extras = new TreeSet<>(r.extras());
            Object declared = sources.get(name);
            if (declared == null) {
                return List.of(new UvRequirement(name, extras, marker, urlOrRegistry(r), text));
            }
            List<TomlTable> entries = new ArrayList<>();
            if (declared instanceof TomlTable t) {
                entries.add(t);
            } else if (declared instanceof TomlArray a) {
                for (int i = 0; i < a.size(); i++) {
                    if (a.get(i) instanceof TomlTable t) {
                        entries.add(t);
                    }
                }
            }
            if (entries.isEmpty()) {
                throw new UvLockFreshness.Undecided("tool.uv.sources." + name + " is not a table");
            }
            List<UvRequirement> out = new ArrayList<>();
            for (TomlTable source : entries) {
                Optional<Marker> m = marker;
                if (source.get("marker") instanceof String sourceMarker) {
                    m = Optional.of(and(marker, Optional.of(comparison(sourceMarker))));
                }
                out.add(new UvRequirement(name, extras, m, source(name, r, source), text + " (tool.uv.sources)"));
            }
            return out;
        }

        private UvRequirement.Source source(String name, Requirement r, TomlTable s) {
            if (s.contains("extra") || s.contains("group")) {
                throw new UvLockFreshness.Undecided("tool.uv.sources." + name + " depends on an extra or group");
            }
            if (s.get("git") instanceof String git) {
                String kind = "default";
                String reference = "";
                for (String k : List.of("rev", "tag", "branch")) {
                    if (s.get(k) instanceof String v) {
                        kind = k;
                        reference = v;
                    }
                }
                Optional<String> subdirectory = s.get("subdirectory") instanceof String sub
                        ? Optional.of(UvUrls.normalizePath(sub)) : Optional.empty();
                return new UvRequirement.Git(UvUrls.withoutCredentials(UvUrls.withoutFragment(
                        git.replaceFirst("^git\\+", "").replaceFirst("\\?.*$", ""))), kind, reference, subdirectory);
            }
            if (s.get("url") instanceof String url) {
                Optional<String> subdirectory = s.get("subdirectory") instanceof String sub
                        ? Optional.of(UvUrls.normalizePath(sub)) : UvUrls.subdirectoryFragment(url);
                return new UvRequirement.Url(UvUrls.withoutCredentials(UvUrls.withoutFragment(url)), subdirectory);
            }
            if (s.get("path") instanceof String path) {
                String p = path.startsWith("file:") ? UvUrls.fileUrlPath(path, root) : UvUrls.normalizePath(path);
                if (UvUrls.isArchive(p)) {
                    return new UvRequirement.File(p);
                }
                Optional<Boolean> editable = s.get("editable") instanceof Boolean e ? Optional.of(e) : Optional.empty();
                Optional<Boolean> virtual = s.get("package") instanceof Boolean b ? Optional.of(!b) : Optional.empty();
                return new UvRequirement.Directory(p, editable,
                        editable.orElse(false) ? Optional.of(false) : virtual);
            }
            if (s.get("index") instanceof String index) {
                String url = indexes.get(index);
                if (url == null) {
                    throw new UvLockFreshness.Undecided("index '" + index + "' is not in [[tool.uv.index]]");
                }
                return new UvRequirement.Registry(UvRequirement.SpecifierKey.of(r.specifiers().specifiers()),
                        Optional.of(UvUrls.withoutCredentials(url)));
            }
            if (Boolean.TRUE.equals(s.get("workspace"))) {
                return new UvRequirement.WorkspaceMember(!Boolean.FALSE.equals(s.get("editable")));
            }
            throw new UvLockFreshness.Undecided("tool.uv.sources." + name + " has no source dockenv knows");
        }

        /** A PEP 508 URL ({@code git+...@ref#subdirectory=}, an archive URL, a {@code file:} path) or the index. */
        private UvRequirement.Source urlOrRegistry(Requirement r) {
            if (r.url().isEmpty()) {
                return new UvRequirement.Registry(UvRequirement.SpecifierKey.of(r.specifiers().specifiers()),
                        Optional.empty());
            }
            String url = r.url().get();
            if (url.startsWith("git+")) {
                String bare = UvUrls.withoutFragment(url.substring(4));
                int pathStart = bare.indexOf('/', bare.indexOf("://") + 3);
                String kind = "default";
                String reference = "";
                int at = pathStart < 0 ? -1 : bare.lastIndexOf('@');
                if (at > pathStart && pathStart >= 0) {
                    kind = "rev";
                    reference = bare.substring(at + 1);
                    bare = bare.substring(0, at);
                }
                return new UvRequirement.Git(UvUrls.withoutCredentials(bare), kind, reference,
                        UvUrls.subdirectoryFragment(url));
            }
            if (url.startsWith("file:")) {
                String path = UvUrls.fileUrlPath(UvUrls.withoutFragment(url), root);
                return UvUrls.isArchive(path) ? new UvRequirement.File(path)
                        : new UvRequirement.Directory(path, Optional.of(false), Optional.empty());
            }
            return new UvRequirement.Url(UvUrls.withoutCredentials(UvUrls.withoutFragment(url)),
                    UvUrls.subdirectoryFragment(url));
        }

        private Requirement parse(String text) {
            try {
                return Requirement.parse(text);
            } catch (PepSyntaxException e) {
                throw new InputException(doc.locationOf(List.of("project")), "invalid requirement '" + text + "': "
                        + e.getMessage());
            }
        }

        private static Marker comparison(String text) {
            try {
                return Marker.parse(text);
            } catch (PepSyntaxException e) {
                throw new UvLockFreshness.Undecided("marker '" + text + "': " + e.getMessage());
            }
        }

        private static Marker and(Optional<Marker> a, Optional<Marker> b) {
            if (a.isEmpty()) {
                return b.orElseThrow();
            }
            return b.isEmpty() ? a.get() : new Marker.And(a.get(), b.get());
        }
    }
}
