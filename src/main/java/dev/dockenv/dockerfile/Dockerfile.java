package dev.dockenv.dockerfile;

import java.util.List;
import java.util.Optional;

/** A typed multi-stage Dockerfile: header comments, then stages in build order. */
public record Dockerfile(List<String> header, List<Stage> stages) {
    public Dockerfile {
        header = List.copyOf(header);
        stages = List.copyOf(stages);
        long distinct = stages.stream().map(Stage::name).distinct().count();
        if (distinct != stages.size()) {
            throw new IllegalArgumentException("stage names must be unique");
        }
    }

    public Optional<Stage> stage(String name) {
        return stages.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public List<String> stageNames() {
        return stages.stream().map(Stage::name).toList();
    }
}
