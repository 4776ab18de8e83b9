package dev.dockenv.dockerfile;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What dockenv needs to know of a Dockerfile it did not write: its stages, which context paths
 * each stage copies, which build arguments it declares.
 */
public record DockerfileSummary(List<StageSummary> stages, Set<String> argNames) {

    public DockerfileSummary {
        stages = List.copyOf(stages);
        argNames = Set.copyOf(argNames);
    }

    /** One stage: its name (or its index), the image or stage it starts from, what it copies. */
    public record StageSummary(String name, String from, List<String> contextSources, Set<String> fromStages,
            boolean unresolvedSources) {
        public StageSummary {
            contextSources = List.copyOf(contextSources);
            fromStages = Set.copyOf(fromStages);
        }
    }

    public Optional<StageSummary> stage(String name) {
        return stages.stream().filter(s -> s.name().equalsIgnoreCase(name)).findFirst();
    }

    public List<String> stageNames() {
        return stages.stream().map(StageSummary::name).toList();
    }

    /**
     * The context paths needed to build {@code target} (the last stage when empty), following
     * FROM and COPY --from between stages; empty when some source could not be resolved (a
     * variable in a path), which means the whole context is needed.
     */
    public Optional<List<String>> contextSourcesFor(Optional<String> target) {
        if (stages.isEmpty()) {
            return Optional.of(List.of());
        }
        StageSummary start = target.flatMap(this::stage).orElse(stages.get(stages.size() - 1));
        Set<String> sources = new LinkedHashSet<>();
        Set<String> seen = new LinkedHashSet<>();
        List<StageSummary> todo = new ArrayList<>(List.of(start));
        while (!todo.isEmpty()) {
            StageSummary s = todo.remove(todo.size() - 1);
            if (!seen.add(s.name().toLowerCase(java.util.Locale.ROOT))) {
                continue;
            }
            if (s.unresolvedSources()) {
                return Optional.empty();
            }
            sources.addAll(s.contextSources());
            Set<String> deps = new LinkedHashSet<>(s.fromStages());
            deps.add(s.from());
            for (String dep : deps) {
                stage(dep).ifPresent(todo::add);
            }
        }
        return Optional.of(List.copyOf(sources));
    }
}
