package dev.dockenv.resolve;

import dev.dockenv.pep.MarkerEnvironment;
import dev.dockenv.pep.Pep503;
import dev.dockenv.pep.PepSyntaxException;
import dev.dockenv.pep.Requirement;
import dev.dockenv.pep.Specifier;
import dev.dockenv.pep.SpecifierSet;
import dev.dockenv.pep.Version;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Resolves requirements against the indexes' metadata for one target platform, as pip's resolver
 * does: for each project in the order they are met, the highest version (a preferred one first: the
 * lock's, so that a relock moves only what it must) that every requirement on it and every
 * constraint allows, final releases before pre-releases, not yanked, with a file the platform can
 * install and a Requires-Python the interpreter meets; its dependencies for the extras asked of it,
 * their markers evaluated for the target; and back to the next version when a choice conflicts.
 *
 * <p>Metadata comes from wheels (or the index's copy); a version that only a source distribution
 * provides has metadata a build computes, and the resolution stops with {@link Outcome.NeedsBuild}:
 * the caller resolves with pip then.
 */
public final class DependencyResolver {
    /** Enough for any real project; a resolution that needs more tries is left to pip. */
    static final int MAX_ATTEMPTS = 20_000;

    /**
     * A version chosen for a project, and the file its metadata came from (the one pip would install).
     *
     * @param name and {@code versionText} as the metadata spells them
     */
    public record Pin(String name, Version version, String versionText, ProjectPage.ProjectFile file) {
    }

    /** How a resolution ended. */
    public sealed interface Outcome {
        /** Every requirement met: the pins, in the order the projects were met. */
        record Resolved(List<Pin> pins) implements Outcome {
            public Resolved {
                pins = List.copyOf(pins);
            }
        }

        /** A version only a source distribution provides was reached: its metadata needs a build. */
        record NeedsBuild(String project, String version) implements Outcome {
        }

        /** No choice meets every requirement (or the search was too long): why, in pip's terms. */
        record Unresolvable(String reason) implements Outcome {
        }
    }

    private final IndexProjects index;
    private final TargetPlatform platform;
    /** The platform's tags, most preferred first, and as a set. */
    private final List<String> tagOrder;
    private final Set<String> supportedTags;
    private final boolean allowPrereleases;
    private final Map<String, Version> preferred;
    private final Map<String, List<Candidate>> candidates = new HashMap<>();
    private int attempts;

    /**
     * @param preferred versions to try first when they are allowed (normalized name to version): an
     *     earlier lock's
     */
    public DependencyResolver(IndexProjects index, TargetPlatform platform, boolean allowPrereleases,
            Map<String, Version> preferred) {
        this.index = index;
        this.platform = platform;
        this.tagOrder = platform.tags();
        this.supportedTags = Set.copyOf(tagOrder);
        this.allowPrereleases = allowPrereleases;
        this.preferred = Map.copyOf(preferred);
    }

    /** One version of a project with the best file the target installs. */
    private record Candidate(Version version, String versionText, ProjectPage.ProjectFile file, boolean yanked) {
    }

    /** A requirement on a project, from the roots or from a pinned project's metadata. */
    private record Wanted(SpecifierSet specifiers, Set<String> extras, String from) {
    }

    /** The resolution so far: copied for each choice, so that going back is dropping the copy. */
    private record State(Map<String, List<Wanted>> wanted, Map<String, Pin> pins, Map<String, Set<String>> extrasDone,
            Map<String, CoreMetadata> metadata, List<String> order) {
        State copy() {
            Map<String, List<Wanted>> w = new LinkedHashMap<>();
            wanted.forEach((k, v) -> w.put(k, new ArrayList<>(v)));
            Map<String, Set<String>> e = new HashMap<>();
            extrasDone.forEach((k, v) -> e.put(k, new LinkedHashSet<>(v)));
            return new State(w, new LinkedHashMap<>(pins), e, new HashMap<>(metadata), new ArrayList<>(order));
        }
    }

    /** Resolves {@code roots} (their markers evaluated for the target), limited by {@code constraints}. */
    public Outcome resolve(List<Requirement> roots, List<Requirement> constraints) {
        Map<String, List<SpecifierSet>> limits = new HashMap<>();
        for (Requirement c : constraints) {
            if (c.appliesTo(platform.markers())) {
                limits.computeIfAbsent(c.normalizedName(), k -> new ArrayList<>()).add(c.specifiers());
            }
        }
        State state = new State(new LinkedHashMap<>(), new LinkedHashMap<>(), new HashMap<>(), new HashMap<>(),
                new ArrayList<>());
        for (Requirement r : roots) {
            if (r.appliesTo(platform.markers())) {
                want(state, r, "the requirements");
            }
        }
        index.expect(state.order);
        try {
            return solve(state, limits);
        } catch (NeedsBuildSignal signal) {
            return new Outcome.NeedsBuild(signal.project, signal.version);
        }
    }

    private static void want(State state, Requirement r, String from) {
        String name = r.normalizedName();
        if (!state.wanted.containsKey(name)) {
            state.order.add(name);
        }
        state.wanted.computeIfAbsent(name, k -> new ArrayList<>()).add(new Wanted(r.specifiers(), r.extras(), from));
    }

    private Outcome solve(State state, Map<String, List<SpecifierSet>> limits) {
        if (++attempts > MAX_ATTEMPTS) {
            return new Outcome.Unresolvable("more than " + MAX_ATTEMPTS + " choices tried");
        }
        Optional<String> next = state.order.stream().filter(n -> !state.pins.containsKey(n)).findFirst();
        if (next.isEmpty()) {
            return new Outcome.Resolved(state.order.stream().map(state.pins::get).toList());
        }
        String name = next.get();
        List<Wanted> wanted = state.wanted.get(name);
        List<SpecifierSet> sets = new ArrayList<>();
        wanted.forEach(w -> sets.add(w.specifiers()));
        sets.addAll(limits.getOrDefault(name, List.of()));
        List<Candidate> allowed = allowed(name, sets);
        String lastConflict = "";
        for (Candidate candidate : allowed) {
            CoreMetadata metadata = metadata(name, candidate);
            if (metadata.requiresPython().isPresent() && !pythonMeets(metadata.requiresPython().get())) {
                continue;
            }
            State next2 = state.copy();
            Pin pin = new Pin(metadata.name().isEmpty() ? name : metadata.name(), candidate.version(),
                    metadata.version().isEmpty() ? candidate.versionText() : metadata.version(), candidate.file());
            next2.pins.put(name, pin);
            next2.metadata.put(name, metadata);
            Optional<String> conflict = expand(next2, name, limits);
            if (conflict.isPresent()) {
                lastConflict = conflict.get();
                continue;
            }
            Outcome outcome = solve(next2, limits);
            if (outcome instanceof Outcome.Resolved) {
                return outcome;
            }
            if (outcome instanceof Outcome.Unresolvable u && u.reason().startsWith("more than")) {
                return outcome;
            }
            lastConflict = ((Outcome.Unresolvable) outcome).reason();
        }
        if (allowed.isEmpty()) {
            StringBuilder why = new StringBuilder("no version of " + name + " matches ");
            List<String> asked = new ArrayList<>();
            for (Wanted w : wanted) {
                asked.add((w.specifiers().isEmpty() ? "any version" : w.specifiers().toString()) + " (" + w.from() + ")");
            }
            limits.getOrDefault(name, List.of()).forEach(s -> asked.add(s + " (a constraint)"));
            why.append(String.join(", ", asked));
            return new Outcome.Unresolvable(why.toString());
        }
        return new Outcome.Unresolvable(lastConflict.isEmpty() ? "no version of " + name + " fits the target" : lastConflict);
    }

    /**
     * Adds the dependencies of every pinned project for the extras asked of it so far, until nothing
     * new is asked; a dependency on a pinned project that its version does not meet is a conflict.
     */
    private Optional<String> expand(State state, String first, Map<String, List<SpecifierSet>> limits) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String name : new ArrayList<>(state.pins.keySet())) {
                Set<String> asked = new LinkedHashSet<>();
                asked.add("");
                state.wanted.getOrDefault(name, List.of()).forEach(w -> w.extras().forEach(e -> asked.add(Pep503.normalize(e))));
                Set<String> done = state.extrasDone.computeIfAbsent(name, k -> new LinkedHashSet<>());
                for (String extra : asked) {
                    if (!done.add(extra)) {
                        continue;
                    }
                    changed = true;
                    Pin pin = state.pins.get(name);
                    MarkerEnvironment env = platform.markers().withExtra(extra);
                    for (Requirement dep : state.metadata.get(name).requiresDist()) {
                        if (dep.url().isPresent()) {
                            return Optional.of(name + " " + pin.version() + " depends on a URL (" + dep.text() + ")");
                        }
                        if (!dep.appliesTo(env) || (!extra.isEmpty() && dep.appliesTo(platform.markers().withExtra("")))) {
                            continue; // an extra adds what the base does not already
                        }
                        String depName = dep.normalizedName();
                        want(state, dep, name + " " + pin.version());
                        Pin pinned = state.pins.get(depName);
                        if (pinned != null && !dep.specifiers().contains(pinned.version(), true)) {
                            return Optional.of(name + " " + pin.version() + " needs " + dep.name() + dep.specifiers()
                                    + ", and " + pinned.name() + " " + pinned.version() + " is chosen");
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The versions every set allows, the preferred one first, then newest first. */
    private List<Candidate> allowed(String name, List<SpecifierSet> sets) {
        List<Candidate> all = candidates(name);
        boolean pinnedExactly = sets.stream().flatMap(s -> s.specifiers().stream())
                .anyMatch(s -> s.operator() == Specifier.Operator.EQUAL || s.operator() == Specifier.Operator.ARBITRARY);
        List<Candidate> finals = new ArrayList<>();
        List<Candidate> pre = new ArrayList<>();
        boolean explicit = allowPrereleases || sets.stream().anyMatch(SpecifierSet::namesPrerelease);
        for (Candidate c : all) {
            if (c.yanked() && !pinnedExactly || !sets.stream().allMatch(s -> s.contains(c.version(), true))) {
                continue;
            }
            if (!c.version().isPrerelease() || explicit) {
                finals.add(c);
            } else {
                pre.add(c);
            }
        }
        List<Candidate> chosen = finals.isEmpty() ? pre : finals; // pre-releases only when nothing else matches
        Version wantedFirst = preferred.get(name);
        List<Candidate> ordered = new ArrayList<>(chosen);
        ordered.sort(Comparator.comparing(Candidate::version).reversed());
        if (wantedFirst != null) {
            ordered.stream().filter(c -> c.version().equals(wantedFirst)).findFirst().ifPresent(c -> {
                ordered.remove(c);
                ordered.add(0, c);
            });
        }
        return ordered;
    }

    /** Every version of the project with a file the target installs, each with its best file. */
    private List<Candidate> candidates(String name) {
        return candidates.computeIfAbsent(name, n -> {
            Map<Version, List<ProjectPage.ProjectFile>> byVersion = new TreeMap<>();
            Map<Version, String> texts = new HashMap<>();
            for (ProjectPage.ProjectFile f : index.files(n)) {
                Optional<String[]> nv = SimplePage.nameAndVersion(f.fileName());
                if (nv.isEmpty() || !Pep503.normalize(nv.get()[0]).equals(n)) {
                    continue;
                }
                Optional<Version> v = Version.tryParse(nv.get()[1]);
                if (v.isEmpty()) {
                    continue;
                }
                if (f.requiresPython().isPresent() && !requiresPythonMet(f.requiresPython().get())) {
                    continue;
                }
                if (f.isWheel() && !WheelFile.parse(f.fileName()).map(w -> w.tags().stream()
                        .anyMatch(supportedTags::contains)).orElse(false)) {
                    continue;
                }
                byVersion.computeIfAbsent(v.get(), k -> new ArrayList<>()).add(f);
                texts.putIfAbsent(v.get(), nv.get()[1]);
            }
            List<Candidate> out = new ArrayList<>();
            byVersion.forEach((version, files) -> {
                ProjectPage.ProjectFile best = best(files);
                boolean yanked = files.stream().allMatch(ProjectPage.ProjectFile::yanked);
                out.add(new Candidate(version, texts.get(version), best, yanked));
            });
            return out;
        });
    }

    /** The wheel with the most preferred tag, else the source distribution. */
    private ProjectPage.ProjectFile best(List<ProjectPage.ProjectFile> files) {
        ProjectPage.ProjectFile best = null;
        int bestRank = Integer.MAX_VALUE;
        for (ProjectPage.ProjectFile f : files) {
            if (f.yanked() && files.stream().anyMatch(o -> !o.yanked())) {
                continue;
            }
            int rank = f.isWheel() ? WheelFile.parse(f.fileName()).map(w -> w.tags().stream().mapToInt(tagOrder::indexOf)
                    .filter(i -> i >= 0).min().orElse(Integer.MAX_VALUE - 1)).orElse(Integer.MAX_VALUE - 1)
                    : Integer.MAX_VALUE - 1;
            if (best == null || rank < bestRank) {
                best = f;
                bestRank = rank;
            }
        }
        return best;
    }

    private CoreMetadata metadata(String name, Candidate candidate) {
        Optional<CoreMetadata> metadata = index.metadata(candidate.file());
        if (metadata.isEmpty()) {
            throw new NeedsBuildSignal(name, candidate.versionText());
        }
        return metadata.get();
    }

    private boolean requiresPythonMet(String spec) {
        try {
            return pythonMeets(SpecifierSet.parse(spec));
        } catch (PepSyntaxException e) {
            return true; // pip ignores a Requires-Python it cannot parse
        }
    }

    private boolean pythonMeets(SpecifierSet spec) {
        return Version.tryParse(platform.markers().pythonFullVersion()).map(v -> spec.contains(v, true)).orElse(true);
    }

    /** Unwinds the search when a version needs a build. */
    private static final class NeedsBuildSignal extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String project;
        private final String version;

        NeedsBuildSignal(String project, String version) {
            super(null, null, false, false);
            this.project = project;
            this.version = version;
        }
    }
}
