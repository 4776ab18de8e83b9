package dev.dockenv.lock.uv;

import dev.dockenv.pep.Marker;
import dev.dockenv.pep.MarkerEnvironment;
import dev.dockenv.pep.Pep503;
import dev.dockenv.pep.SpecifierSet;
import dev.dockenv.pep.Specifier;
import dev.dockenv.pep.Version;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether two markers mean the same for the Pythons a lock supports, as uv decides when it
 * compares a pyproject.toml with the markers it recorded: uv writes markers simplified against
 * the lock's {@code requires-python} and with {@code python_version} turned into
 * {@code python_full_version}, so they are compared by what they say, not how they are written.
 *
 * <p>A marker is constant between the values its literals name, so both markers are evaluated on
 * every combination of sample values: for each variable, the literals either marker compares it
 * with and one value that is none of them; for the Python versions (python_version being
 * derived from python_full_version), each version literal and its neighbours (the next and
 * previous patch release, the next and previous minor release), kept when requires-python admits
 * them. Markers with so many variables that the combinations exceed {@link #MAX_SAMPLES} are not
 * decided and count as equivalent.
 */
final class MarkerEquivalence {
    static final int MAX_SAMPLES = 100_000;
    private static final String OTHER = "\u0001other";
    private static final List<String> PYTHON = List.of("python_version", "python_full_version");

    private final SpecifierSet requiresPython;

    MarkerEquivalence(SpecifierSet requiresPython) {
        this.requiresPython = requiresPython;
    }

    /** Whether both markers (an absent one always holds) agree on every sample environment. */
    boolean equivalent(Optional<Marker> a, Optional<Marker> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return true;
        }
        if (a.isPresent() && b.isPresent() && a.get().toString().equals(b.get().toString())) {
            return true;
        }
        List<MarkerEnvironment> samples = samples(List.of(a, b));
        return samples == null || samples.stream().allMatch(env -> holds(a, env) == holds(b, env));
    }

    /** Whether the marker holds for some supported environment (an undecided one does). */
    boolean satisfiable(Optional<Marker> marker) {
        List<MarkerEnvironment> samples = samples(List.of(marker));
        return samples == null || samples.stream().anyMatch(env -> holds(marker, env));
    }

    private static boolean holds(Optional<Marker> marker, MarkerEnvironment env) {
        return marker.map(m -> m.evaluate(env)).orElse(true);
    }

    /** Every combination of sample values; null when there would be more than {@link #MAX_SAMPLES}. */
    private List<MarkerEnvironment> samples(List<Optional<Marker>> markers) {
        Map<String, Set<String>> literals = new LinkedHashMap<>();
        for (Optional<Marker> m : markers) {
            m.ifPresent(marker -> collect(marker, literals));
        }
        List<String> pythons = pythonSamples(literals);
        Map<String, List<String>> values = new LinkedHashMap<>();
        long combinations = pythons.size();
        for (Map.Entry<String, Set<String>> e : literals.entrySet()) {
            if (PYTHON.contains(e.getKey()) || e.getKey().equals("implementation_version")) {
                continue; // sampled with the Python version
            }
            List<String> v = new ArrayList<>(e.getValue());
            v.add(e.getKey().equals("extra") ? "" : OTHER);
            values.put(e.getKey(), v);
            combinations *= v.size();
            if (combinations > MAX_SAMPLES) {
                return null;
            }
        }
        List<Map<String, String>> partial = new ArrayList<>();
        partial.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<String>> e : values.entrySet()) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> p : partial) {
                for (String value : e.getValue()) {
                    Map<String, String> q = new LinkedHashMap<>(p);
                    q.put(e.getKey(), value);
                    next.add(q);
                }
            }
            partial = next;
        }
        List<MarkerEnvironment> out = new ArrayList<>();
        for (String python : pythons) {
            String minor = Version.tryParse(python).map(v -> v.releasePart(0) + "." + v.releasePart(1)).orElse(python);
            for (Map<String, String> p : partial) {
                out.add(new MarkerEnvironment(p.getOrDefault("implementation_name", "cpython"),
                        python, p.getOrDefault("os_name", "posix"),
                        p.getOrDefault("platform_machine", "x86_64"),
                        p.getOrDefault("platform_python_implementation", "CPython"),
                        p.getOrDefault("platform_release", ""), p.getOrDefault("platform_system", "Linux"),
                        p.getOrDefault("platform_version", ""), python, minor,
                        p.getOrDefault("sys_platform", "linux"), p.getOrDefault("extra", "")));
            }
        }
        return out;
    }

    /** Variable -> the literals it is compared with, in either order of the operands. */
    private static void collect(Marker marker, Map<String, Set<String>> literals) {
        if (marker instanceof Marker.And and) {
            collect(and.left(), literals);
            collect(and.right(), literals);
        } else if (marker instanceof Marker.Or or) {
            collect(or.left(), literals);
            collect(or.right(), literals);
        } else if (marker instanceof Marker.Comparison c) {
            if (c.left() instanceof Marker.Variable v && c.right() instanceof Marker.Literal l) {
                add(literals, v.name(), l.value());
            } else if (c.right() instanceof Marker.Variable v && c.left() instanceof Marker.Literal l) {
                add(literals, v.name(), l.value());
            }
        }
    }

    private static void add(Map<String, Set<String>> literals, String variable, String value) {
        String v = variable.equals("extra") ? Pep503.normalize(value) : value;
        literals.computeIfAbsent(variable, k -> new LinkedHashSet<>()).add(v);
        if (variable.equals("implementation_version")) {
            // implementation_version follows the Python version in every interpreter uv locks for
            literals.computeIfAbsent("python_full_version", k -> new LinkedHashSet<>()).add(v);
        }
    }

    /** The Python versions to try: each version literal and its neighbours, within requires-python. */
    private List<String> pythonSamples(Map<String, Set<String>> literals) {
        Set<String> texts = new LinkedHashSet<>();
        for (String variable : PYTHON) {
            texts.addAll(literals.getOrDefault(variable, Set.of()));
        }
        for (Specifier s : requiresPython.specifiers()) {
            texts.add(s.version());
        }
        Set<String> candidates = neighbours(texts);
        List<String> out = new ArrayList<>();
        for (String c : candidates) {
            Optional<Version> v = Version.tryParse(c);
            if (v.isPresent() && requiresPython.contains(v.get(), true)) {
                out.add(c);
            }
        }
        if (out.isEmpty()) {
            out.add(candidates.isEmpty() ? "3.12.0" : candidates.iterator().next());
        }
        return out;
    }

    /** Whether two version ranges (requires-python) admit the same versions. */
    static boolean sameVersions(SpecifierSet a, SpecifierSet b) {
        Set<String> texts = new LinkedHashSet<>();
        a.specifiers().forEach(s -> texts.add(s.version()));
        b.specifiers().forEach(s -> texts.add(s.version()));
        for (String c : neighbours(texts)) {
            Optional<Version> v = Version.tryParse(c);
            if (v.isPresent() && a.contains(v.get(), true) != b.contains(v.get(), true)) {
                return false;
            }
        }
        return true;
    }

    /** Each version (a trailing .* dropped) with the next and previous patch and minor releases. */
    private static Set<String> neighbours(Set<String> texts) {
        Set<String> candidates = new LinkedHashSet<>();
        for (String text : texts) {
            String bare = text.endsWith(".*") ? text.substring(0, text.length() - 2) : text;
            Optional<Version> version = Version.tryParse(bare);
            if (version.isEmpty()) {
                continue;
            }
            Version v = version.get();
            long major = v.releasePart(0);
            long minor = v.releasePart(1);
            long patch = v.releasePart(2);
            candidates.add(v.toString());
            candidates.add(major + "." + minor + "." + patch);
            candidates.add(major + "." + minor + "." + (patch + 1));
            if (patch > 0) {
                candidates.add(major + "." + minor + "." + (patch - 1));
            }
            candidates.add(major + "." + (minor + 1) + ".0");
            if (minor > 0) {
                candidates.add(major + "." + (minor - 1) + ".99");
            }
        }
        return candidates;
    }
}
