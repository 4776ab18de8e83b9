package dev.dockenv.lock.uv;

import dev.dockenv.config.TomlDocument;
import dev.dockenv.pep.PepSyntaxException;
import dev.dockenv.pep.SpecifierSet;
import dev.dockenv.pyproject.PyprojectFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Whether a uv.lock still matches pyproject.toml, checked as {@code uv lock --check} checks it
 * (uv's {@code Lock::satisfies}) without resolving anything: the lock's {@code requires-python}
 * against [project] requires-python, and the root project's recorded {@code requires-dist},
 * {@code requires-dev} and {@code provides-extras} against the declared ones
 * ({@link UvDeclaredInputs}), requirement by requirement as uv normalizes them (names, sorted
 * extras, specifiers as PEP 440 compares them, sources, markers by meaning under the lock's
 * requires-python; a requirement whose marker never holds there counts for nothing); the
 * {@code [manifest]}'s constraints, overrides and build constraints against [tool.uv]'s, and for a
 * root that is not a project, the manifest's dependency groups against [dependency-groups].
 *
 * <p>What this cannot decide the way uv would (dynamic dependencies, conflicting sources bound to
 * an extra or group, other workspace members' own metadata) is not a difference: a lock is only
 * called stale for a difference uv would see too.
 */
public final class UvLockFreshness {

    /** Raised while reading an input that this comparison does not decide. */
    static final class Undecided extends RuntimeException {
        Undecided(String why) {
            super(why, null, false, false);
        }
    }

    private UvLockFreshness() {
    }

    /** The first difference between the lock and pyproject.toml, or empty when the lock is up to date. */
    public static Optional<String> difference(PyprojectFile pyproject, TomlDocument lock, Path root) {
        try {
            return compare(UvDeclaredInputs.read(pyproject, root), UvRecordedInputs.read(lock));
        } catch (Undecided e) {
            return Optional.empty();
        }
    }

    static Optional<String> compare(UvDeclaredInputs declared, UvRecordedInputs recorded) {
        MarkerEquivalence markers = new MarkerEquivalence(recorded.pythonRange());
        boolean workspace = !recorded.otherMembers().isEmpty();
        if (!workspace && declared.requiresPython().isPresent() && recorded.requiresPython().isPresent()
                && !sameRange(declared.requiresPython().get(), recorded.requiresPython().get())) {
            return Optional.of("requires-python is " + declared.requiresPython().get() + " in pyproject.toml, "
                    + recorded.requiresPython().get() + " in uv.lock");
        }
        Optional<String> d = differ("constraint-dependencies", declared.constraints(), recorded.constraints(), markers)
                .or(() -> differ("override-dependencies", declared.overrides(), recorded.overrides(), markers))
                .or(() -> differ("build-constraint-dependencies", declared.buildConstraints(),
                        recorded.buildConstraints(), markers));
        if (d.isPresent()) {
            return d;
        }
        if (declared.name().isEmpty()) {
            return groups("", declared.requiresDev(), recorded.manifestGroups(), markers);
        }
        String name = declared.name().get();
        UvRecordedInputs.Root locked = recorded.roots().get(name);
        if (locked == null) {
            return recorded.roots().isEmpty() ? Optional.empty()
                    : Optional.of("the lock's project is " + String.join(", ", recorded.roots().keySet())
                            + ", pyproject.toml names " + name);
        }
        if (locked.requiresDist().isEmpty()) {
            return Optional.empty(); // a lock from before uv recorded metadata: uv relocks it, dockenv cannot tell
        }
        d = differ(name + "'s dependencies", declared.requiresDist(), locked.requiresDist().get(), markers);
        if (d.isPresent()) {
            return d;
        }
        if (locked.providesExtras().isPresent() && !locked.providesExtras().get().equals(declared.providesExtras())) {
            return Optional.of(name + "'s extras are " + declared.providesExtras() + " in pyproject.toml, "
                    + locked.providesExtras().get() + " in uv.lock");
        }
        return groups(name + "'s ", declared.requiresDev(), locked.requiresDev(), markers);
    }

    private static Optional<String> groups(String owner, Map<String, List<UvRequirement>> declared,
            Map<String, List<UvRequirement>> recorded, MarkerEquivalence markers) {
        TreeSet<String> names = new TreeSet<>(declared.keySet());
        names.addAll(recorded.keySet());
        for (String group : names) {
            Optional<String> d = differ(owner + "dependency group '" + group + "'",
                    declared.getOrDefault(group, List.of()), recorded.getOrDefault(group, List.of()), markers);
            if (d.isPresent()) {
                return d;
            }
        }
        return Optional.empty();
    }

    /**
     * Compares two requirement lists as sets: repeats and requirements whose marker never holds
     * dropped, then every one on each side matched by one on the other.
     */
    static Optional<String> differ(String what, List<UvRequirement> declared, List<UvRequirement> recorded,
            MarkerEquivalence markers) {
        List<UvRequirement> left = distinct(declared, markers);
        List<UvRequirement> right = distinct(recorded, markers);
        for (UvRequirement r : left) {
            if (right.stream().noneMatch(o -> r.matches(o, markers))) {
                return Optional.of(what + ": pyproject.toml has " + r.text() + ", which uv.lock does not record"
                        + closest(r, right));
            }
        }
        for (UvRequirement r : right) {
            if (left.stream().noneMatch(o -> r.matches(o, markers))) {
                return Optional.of(what + ": uv.lock records " + r.text() + ", which pyproject.toml no longer has");
            }
        }
        return Optional.empty();
    }

    private static String closest(UvRequirement r, List<UvRequirement> recorded) {
        return recorded.stream().filter(o -> o.name().equals(r.name())).findFirst()
                .map(o -> " (it records " + o.text() + ")").orElse("");
    }

    private static List<UvRequirement> distinct(List<UvRequirement> requirements, MarkerEquivalence markers) {
        List<UvRequirement> out = new ArrayList<>();
        for (UvRequirement r : requirements) {
            if (markers.satisfiable(r.marker()) && out.stream().noneMatch(o -> o.matches(r, markers))) {
                out.add(r);
            }
        }
        return out;
    }

    private static boolean sameRange(String declared, String recorded) {
        try {
            return MarkerEquivalence.sameVersions(SpecifierSet.parse(declared), SpecifierSet.parse(recorded));
        } catch (PepSyntaxException e) {
            return true; // reported by the readers
        }
    }
}
