package dev.dockenv.lock.poetry;

import dev.dockenv.pep.Marker;
import dev.dockenv.pep.Version;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which locked packages one group needs, and when, for locks that do not record it
 * (lock-version 1.x and 2.0): the group's requirements are followed through
 * {@code [package.dependencies]} the way poetry's export plugin walks a lock.
 * <ul>
 * <li>A requirement reaches the locked package of that name. When the lock holds several versions
 * of it (one per Python range), it reaches each version its constraint allows, newest first, each
 * guarded by its own {@code python-versions} and by the negation of the newer ones' (poetry
 * prefers the newest version a Python version can use); versions older than one that serves
 * every Python are not reached.</li>
 * <li>An {@code optional = true} dependency is followed only when the requirement asked for an
 * extra that lists it in {@code [package.extras]}.</li>
 * <li>Markers combine along a path with "and" and across paths with "or". {@code extra}
 * comparisons on dependency edges are dropped (the extras were already decided by the walk);
 * those of the project's own requirements stay, so packages only the project's extras need keep
 * {@code extra == "..."}.</li>
 * </ul>
 * A path's condition is kept as the set of its {@code and} operands, so a cycle adds nothing new
 * and the walk ends; a condition implied by another of the same package is dropped. A package
 * reached under more than {@value #MAX_CONDITIONS} different conditions is taken as needed always
 * (unconditionally), as is everything once {@value #MAX_VISITS} visits are exceeded.
 */
final class DependencyWalk {
    static final int MAX_CONDITIONS = 64;
    static final int MAX_VISITS = 100_000;

    /** A requirement to start from. */
    record Seed(String name, Set<String> extras, Predicate<Version> allows, Optional<Marker> marker) {
    }

    private record Visit(int entry, Set<String> extras, Set<String> condition) {
    }

    private final List<LockEntry> entries;
    private final Map<String, List<Integer>> byName = new HashMap<>();
    private final Map<String, Marker> markers = new LinkedHashMap<>();

    DependencyWalk(List<LockEntry> entries) {
        this.entries = List.copyOf(entries);
        for (int i = 0; i < entries.size(); i++) {
            byName.computeIfAbsent(entries.get(i).name(), k -> new ArrayList<>()).add(i);
        }
    }

    /** Entry index to the conditions (each a set of marker keys, all of which must hold) it is needed under. */
    Map<Integer, List<Set<String>>> walk(List<Seed> seeds) {
        Deque<Visit> queue = new ArrayDeque<>();
        for (Seed seed : seeds) {
            Set<String> condition = seed.marker().map(this::keys).orElse(Set.of());
            enqueue(queue, seed.name(), seed.extras(), seed.allows(), condition);
        }
        Map<Integer, List<Visit>> visited = new HashMap<>();
        Map<Integer, List<Set<String>>> needed = new LinkedHashMap<>();
        int visits = 0;
        while (!queue.isEmpty()) {
            Visit visit = queue.poll();
            if (++visits > MAX_VISITS) {
                visit = new Visit(visit.entry(), visit.extras(), Set.of());
            }
            List<Visit> seen = visited.computeIfAbsent(visit.entry(), k -> new ArrayList<>());
            Visit v = visit;
            if (seen.stream().anyMatch(s -> s.extras().containsAll(v.extras()) && v.condition().containsAll(s.condition()))) {
                continue;
            }
            seen.add(visit);
            List<Set<String>> conditions = needed.computeIfAbsent(visit.entry(), k -> new ArrayList<>());
            addCondition(conditions, visit.condition());
            Set<String> condition = visit.condition();
            if (conditions.size() > MAX_CONDITIONS) {
                conditions.clear();
                conditions.add(Set.of());
                condition = Set.of();
                seen.add(new Visit(visit.entry(), visit.extras(), condition));
            }
            LockEntry entry = entries.get(visit.entry());
            for (LockEdge edge : entry.edges()) {
                if (edge.optional() && !activated(entry, edge, visit.extras())) {
                    continue;
                }
                Set<String> next = new LinkedHashSet<>(condition);
                edge.marker().flatMap(MarkerTerms::withoutExtras).ifPresent(m -> next.addAll(keys(m)));
                Predicate<Version> allows = edge.constraint().<Predicate<Version>>map(c -> c::allows).orElse(x -> true);
                enqueue(queue, edge.name(), edge.extras(), allows, next);
            }
        }
        return needed;
    }

    /** The conditions as one marker: empty when one of them always holds. */
    Optional<Marker> markerOf(Collection<Set<String>> conditions) {
        List<Set<String>> kept = new ArrayList<>();
        for (Set<String> c : conditions) {
            addCondition(kept, c);
        }
        if (kept.isEmpty() || kept.stream().anyMatch(Set::isEmpty)) {
            return Optional.empty();
        }
        List<Marker> ors = new ArrayList<>();
        for (Set<String> c : kept) {
            ors.add(MarkerTerms.allOf(c.stream().map(markers::get).toList()).orElseThrow());
        }
        return MarkerTerms.anyOf(ors);
    }

    private void enqueue(Deque<Visit> queue, String name, Set<String> extras, Predicate<Version> allows,
            Set<String> condition) {
        List<Integer> candidates = byName.getOrDefault(name, List.of());
        if (candidates.size() == 1) {
            queue.add(new Visit(candidates.get(0), extras, frozen(condition)));
            return;
        }
        List<Integer> allowed = candidates.stream()
                .filter(i -> entries.get(i).version().map(allows::test).orElse(true)).toList();
        List<Integer> byVersion = new ArrayList<>(allowed.isEmpty() ? candidates : allowed);
        byVersion.sort(Comparator.comparing((Integer i) -> entries.get(i).version().orElse(null),
                Comparator.nullsLast(Comparator.reverseOrder())));
        List<Marker> higher = new ArrayList<>();
        for (int i : byVersion) {
            Optional<Marker> own = entries.get(i).pythonMarker();
            Set<String> guarded = new LinkedHashSet<>(condition);
            own.ifPresent(m -> guarded.addAll(keys(m)));
            for (Marker h : higher) {
                MarkerTerms.negate(h).ifPresent(n -> guarded.addAll(keys(n)));
            }
            queue.add(new Visit(i, extras, frozen(guarded)));
            if (own.isEmpty()) {
                return; // this version serves every Python: poetry never picks an older one
            }
            higher.add(own.get());
        }
    }

    private static boolean activated(LockEntry entry, LockEdge edge, Set<String> extras) {
        return extras.stream().anyMatch(e -> entry.extras().getOrDefault(e, Set.of()).contains(edge.name()));
    }

    /** Adds {@code c} unless a condition it implies (a subset) is there; drops the ones it is implied by. */
    private static void addCondition(List<Set<String>> conditions, Set<String> c) {
        if (conditions.stream().anyMatch(c::containsAll)) {
            return;
        }
        conditions.removeIf(existing -> existing.containsAll(c));
        conditions.add(c);
    }

    private Set<String> keys(Marker m) {
        Set<String> out = new LinkedHashSet<>();
        for (Marker term : MarkerTerms.conjuncts(m)) {
            String key = term.toString();
            markers.putIfAbsent(key, term);
            out.add(key);
        }
        return out;
    }

    private static Set<String> frozen(Set<String> s) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(s));
    }
}
