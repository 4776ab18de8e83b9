package dev.dockenv.lock.uv;

import dev.dockenv.config.TomlDocument;
import dev.dockenv.lock.pylock.LockMarkers;
import dev.dockenv.lock.pylock.LockTable;
import dev.dockenv.pep.Marker;
import dev.dockenv.pep.Pep503;
import dev.dockenv.pep.PepSyntaxException;
import dev.dockenv.pep.SpecifierSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a uv.lock records of the inputs it was resolved from: its {@code requires-python}, the
 * {@code [manifest]} (workspace members, constraints, overrides, build constraints, the dependency
 * groups of a root that is not a project) and, for each workspace package at the root
 * ({@code source = { editable = "." }} or {@code { virtual = "." }}), its
 * {@code [package.metadata]}: {@code requires-dist}, {@code requires-dev} and
 * {@code provides-extras}.
 */
record UvRecordedInputs(Optional<String> requiresPython, Set<String> members, List<UvRequirement> constraints,
        List<UvRequirement> overrides, List<UvRequirement> buildConstraints,
        Map<String, List<UvRequirement>> manifestGroups, Map<String, Root> roots) {

    /**
     * A root package's recorded metadata; {@code requiresDist} is empty when the lock has no
     * {@code [package.metadata]} for it (uv before 0.4 did not write one).
     */
    record Root(String name, Optional<List<UvRequirement>> requiresDist, Map<String, List<UvRequirement>> requiresDev,
            Optional<Set<String>> providesExtras) {
    }

    static UvRecordedInputs read(TomlDocument lock) {
        LockTable root = LockTable.root(lock);
        Optional<LockTable> manifest = root.table("manifest");
        Set<String> members = new TreeSet<>();
        manifest.ifPresent(m -> m.strings("members").forEach(s -> members.add(Pep503.normalize(s.value()))));
        Map<String, List<UvRequirement>> groups = new LinkedHashMap<>();
        manifest.flatMap(m -> m.table("dependency-groups")).ifPresent(g -> {
            for (String name : g.keys()) {
                groups.put(Pep503.normalize(name), requirements(g, name));
            }
        });
        Map<String, Root> roots = new LinkedHashMap<>();
        for (LockTable p : root.tables("package")) {
            UvSource source = p.table("source").map(UvSource::read).orElse(null);
            if (source == null || !source.isProjectRoot()) {
                continue;
            }
            String name = Pep503.normalize(p.requiredString("name"));
            Optional<LockTable> metadata = p.table("metadata");
            Map<String, List<UvRequirement>> dev = new LinkedHashMap<>();
            metadata.flatMap(m -> m.table("requires-dev")).ifPresent(d -> {
                for (String group : d.keys()) {
                    dev.put(Pep503.normalize(group), requirements(d, group));
                }
            });
            Optional<Set<String>> extras = metadata.filter(m -> m.has("provides-extras")).map(m -> {
                Set<String> out = new TreeSet<>();
                m.strings("provides-extras").forEach(e -> out.add(Pep503.normalize(e.value())));
                return out;
            });
            roots.put(name, new Root(name, metadata.map(m -> requirements(m, "requires-dist")), dev, extras));
        }
        return new UvRecordedInputs(root.string("requires-python"), members,
                manifest.map(m -> requirements(m, "constraints")).orElse(List.of()),
                manifest.map(m -> requirements(m, "overrides")).orElse(List.of()),
                manifest.map(m -> requirements(m, "build-constraints")).orElse(List.of()), groups, roots);
    }

    /** The lock's requires-python as specifiers; any version when it has none. */
    SpecifierSet pythonRange() {
        try {
            return requiresPython.isPresent() ? SpecifierSet.parse(requiresPython.get()) : SpecifierSet.any();
        } catch (PepSyntaxException e) {
            return SpecifierSet.any(); // the reader reports it
        }
    }

    private static List<UvRequirement> requirements(LockTable t, String key) {
        List<UvRequirement> out = new ArrayList<>();
        for (LockTable r : t.tables(key)) {
            out.add(requirement(r));
        }
        return out;
    }

    /**
     * {@code { name, extras?, marker?, <source> }} as uv serializes a requirement: {@code specifier}
     * and {@code index} for an index, {@code git} (repository?rev|tag|branch=...&subdirectory=...),
     * {@code url} with {@code subdirectory}, {@code path}, {@code directory}, {@code editable} or
     * {@code virtual}. A requirement uv gives a {@code conflict} or {@code groups} (conflicting
     * sources, requirements on a member's groups) is beyond this comparison.
     */
    private static UvRequirement requirement(LockTable r) {
        if (r.has("conflict") || r.has("groups")) {
            throw new UvLockFreshness.Undecided(r.path() + " uses " + (r.has("conflict") ? "conflict" : "groups"));
        }
        String name = Pep503.normalize(r.requiredString("name"));
        TreeSet<String> extras = new TreeSet<>();
        r.strings("extras").forEach(e -> extras.add(Pep503.normalize(e.value())));
        Optional<Marker> marker = r.string("marker").map(m -> LockMarkers.parse(m, r.locationOf("marker"),
                r.name("marker")));
        UvRequirement.Source source;
        StringBuilder text = new StringBuilder(name);
        if (!extras.isEmpty()) {
            text.append('[').append(String.join(",", extras)).append(']');
        }
        if (r.has("git")) {
            source = git(r.requiredString("git"));
            text.append(" @ git+").append(r.requiredString("git"));
        } else if (r.has("url")) {
            String url = r.requiredString("url");
            source = new UvRequirement.Url(UvUrls.withoutCredentials(UvUrls.withoutFragment(url)),
                    r.string("subdirectory").map(UvUrls::normalizePath));
            text.append(" @ ").append(url);
        } else if (r.has("path")) {
            source = new UvRequirement.File(UvUrls.normalizePath(r.requiredString("path")));
            text.append(" @ ").append(r.requiredString("path"));
        } else if (r.has("directory") || r.has("editable") || r.has("virtual")) {
            String kind = r.has("directory") ? "directory" : r.has("editable") ? "editable" : "virtual";
            source = new UvRequirement.Directory(UvUrls.normalizePath(r.requiredString(kind)),
                    Optional.of(kind.equals("editable")), Optional.of(kind.equals("virtual")));
            text.append(" @ ").append(kind).append(' ').append(r.requiredString(kind));
        } else {
            Optional<String> specifier = r.string("specifier");
            SpecifierSet set;
            try {
                set = SpecifierSet.parse(specifier.orElse(""));
            } catch (PepSyntaxException e) {
                throw r.errorAt("specifier", "invalid version specifiers '" + specifier.orElse("") + "': "
                        + e.getMessage());
            }
            source = new UvRequirement.Registry(UvRequirement.SpecifierKey.of(set.specifiers()),
                    r.string("index").map(UvUrls::withoutCredentials));
            specifier.ifPresent(text::append);
            r.string("index").ifPresent(i -> text.append(" (index ").append(i).append(')'));
        }
        marker.ifPresent(m -> text.append("; ").append(m));
        return new UvRequirement(name, extras, marker, source, text.toString());
    }

    /** {@code <repository>?<rev|tag|branch>=...&subdirectory=...#<commit>} as uv writes it. */
    static UvRequirement.Git git(String wire) {
        String url = UvUrls.withoutFragment(wire);
        String kind = "default";
        String reference = "";
        Optional<String> subdirectory = Optional.empty();
        int query = url.indexOf('?');
        if (query >= 0) {
            for (String param : url.substring(query + 1).split("&")) {
                int eq = param.indexOf('=');
                String key = eq < 0 ? param : param.substring(0, eq);
                String value = eq < 0 ? "" : param.substring(eq + 1);
                switch (key) {
                    case "rev", "tag", "branch" -> {
                        kind = key;
                        reference = value;
                    }
                    case "subdirectory" -> subdirectory = Optional.of(UvUrls.normalizePath(value));
                    default -> {
                    }
                }
            }
            url = url.substring(0, query);
        }
        return new UvRequirement.Git(UvUrls.withoutCredentials(url), kind, reference, subdirectory);
    }

    /** Names of the packages of a workspace besides the root ones. */
    Set<String> otherMembers() {
        Set<String> out = new LinkedHashSet<>(members);
        out.removeAll(roots.keySet());
        return out;
    }
}
