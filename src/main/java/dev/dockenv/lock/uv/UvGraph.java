package dev.dockenv.lock.uv;

import dev.dockenv.errors.InputException;
import dev.dockenv.pep.Marker;
import dev.dockenv.pep.Pep503;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The dependency graph of a uv.lock: each package's edges resolved to the package they name, and
 * the walk that says which packages a set of starting edges reaches, under which marker.
 *
 * <p>A node is a package with one of its extras (or none): reaching {@code httpx[http2]} reaches
 * {@code httpx} and {@code httpx}'s {@code http2} optional dependencies. The marker of a node is
 * the {@code or}, over the paths that reach it, of the {@code and} of the edge markers along the
 * path; it is computed to a fixed point, so cycles are fine.
 */
final class UvGraph {

    /** An edge resolved to the index of the package it names. */
    record Edge(int target, Optional<Marker> marker, List<String> extras) {
    }

    private record Node(int pkg, String extra) {
    }

    private final List<UvPackage> packages;
    private final List<List<Edge>> dependencies = new ArrayList<>();
    private final List<Map<String, List<Edge>>> optional = new ArrayList<>();
    private final List<Map<String, List<Edge>>> groups = new ArrayList<>();

    UvGraph(List<UvPackage> packages) {
        this.packages = List.copyOf(packages);
        checkDuplicates();
        for (UvPackage p : packages) {
            dependencies.add(edges(p, p.dependencies()));
            optional.add(edgesByName(p, p.optionalDependencies()));
            groups.add(edgesByName(p, p.groups()));
        }
    }

    List<UvPackage> packages() {
        return packages;
    }

    List<Edge> dependencies(int pkg) {
        return dependencies.get(pkg);
    }

    Map<String, List<Edge>> optionalDependencies(int pkg) {
        return optional.get(pkg);
    }

    Map<String, List<Edge>> groups(int pkg) {
        return groups.get(pkg);
    }

    /**
     * The packages reached from {@code seeds} (edges from outside the lock, which always hold), each
     * with the marker under which it is needed. {@code known} gives the truth of comparisons the
     * walk can decide itself (uv's conflict markers).
     */
    Map<Integer, MarkerDnf> reach(List<Edge> seeds, Function<Marker.Comparison, Optional<Boolean>> known) {
        Map<Node, MarkerDnf> reached = new HashMap<>();
        Deque<Node> work = new ArrayDeque<>();
        Set<Node> queued = new LinkedHashSet<>();
        for (Edge e : seeds) {
            follow(e, MarkerDnf.TRUE, known, reached, work, queued);
        }
        while (!work.isEmpty()) {
            Node n = work.poll();
            queued.remove(n);
            MarkerDnf m = reached.get(n);
            List<Edge> out = n.extra().isEmpty() ? dependencies.get(n.pkg())
                    : optional.get(n.pkg()).getOrDefault(n.extra(), List.of());
            for (Edge e : out) {
                follow(e, m, known, reached, work, queued);
            }
        }
        Map<Integer, MarkerDnf> out = new LinkedHashMap<>();
        reached.forEach((node, m) -> {
            if (node.extra().isEmpty()) {
                out.put(node.pkg(), m);
            }
        });
        return out;
    }

    private static void follow(Edge e, MarkerDnf from, Function<Marker.Comparison, Optional<Boolean>> known,
            Map<Node, MarkerDnf> reached, Deque<Node> work, Set<Node> queued) {
        MarkerDnf m = from.and(MarkerDnf.of(e.marker(), known));
        if (m.isFalse()) {
            return;
        }
        List<Node> targets = new ArrayList<>();
        targets.add(new Node(e.target(), ""));
        for (String extra : e.extras()) {
            targets.add(new Node(e.target(), extra));
        }
        for (Node n : targets) {
            MarkerDnf old = reached.getOrDefault(n, MarkerDnf.FALSE);
            MarkerDnf merged = old.or(m);
            if (!merged.equals(old)) {
                reached.put(n, merged);
                if (queued.add(n)) {
                    work.add(n);
                }
            }
        }
    }

    /** Resolves the edges written in package {@code from}. */
    List<Edge> edges(UvPackage from, List<UvPackage.Dependency> written) {
        List<Edge> out = new ArrayList<>();
        for (UvPackage.Dependency d : written) {
            out.add(new Edge(resolve(from, d), d.marker(), d.extras()));
        }
        return out;
    }

    private Map<String, List<Edge>> edgesByName(UvPackage from, Map<String, List<UvPackage.Dependency>> written) {
        Map<String, List<Edge>> out = new LinkedHashMap<>();
        written.forEach((name, deps) -> out.put(name, edges(from, deps)));
        return out;
    }

    /**
     * The package an edge names: by name, narrowed by version and source when the edge gives them
     * (uv writes them only when the name alone is ambiguous).
     */
    private int resolve(UvPackage from, UvPackage.Dependency d) {
        String name = Pep503.normalize(d.name());
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < packages.size(); i++) {
            UvPackage p = packages.get(i);
            if (p.normalizedName().equals(name)
                    && (d.version().isEmpty() || d.version().equals(p.version()))
                    && (d.source().isEmpty() || d.source().get().equals(p.source()))) {
                candidates.add(i);
            }
        }
        String who = from == null ? "the project" : "package '" + from.name() + "'";
        String what = d.name() + d.version().map(v -> " " + v).orElse("");
        if (candidates.isEmpty()) {
            throw new InputException(d.table().location(), who + " depends on '" + what
                    + "', which is not a package in the lock", "the lock is inconsistent; run `uv lock` to rewrite it");
        }
        if (candidates.size() > 1) {
            String versions = candidates.stream().map(i -> packages.get(i).describe()).collect(Collectors.joining(", "));
            throw new InputException(d.table().location(), who + " depends on '" + what
                    + "', which names several packages in the lock (" + versions + ")",
                    "an edge to a package locked at several versions names its version and source");
        }
        return candidates.get(0);
    }

    private void checkDuplicates() {
        Map<String, UvPackage> seen = new HashMap<>();
        for (UvPackage p : packages) {
            String id = p.normalizedName() + " " + p.version().orElse("") + " " + p.source();
            UvPackage before = seen.putIfAbsent(id, p);
            if (before != null) {
                throw p.table().error("package '" + p.describe() + "' is locked twice (also at "
                        + before.table().location() + ")");
            }
        }
    }
}
