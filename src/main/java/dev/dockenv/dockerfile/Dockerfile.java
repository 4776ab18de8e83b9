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

    /**
     * The stages a build of {@code target} uses, in file order: the target, the stages it is
     * built FROM and those it copies or mounts files from, and theirs; all of them when no stage
     * has that name.
     */
    public List<Stage> stagesFor(String target) {
        if (stage(target).isEmpty()) {
            return stages;
        }
        java.util.Set<String> needed = new java.util.HashSet<>();
        java.util.Deque<String> todo = new java.util.ArrayDeque<>(List.of(target));
        while (!todo.isEmpty()) {
            String name = todo.pop();
            Optional<Stage> stage = stage(name);
            if (stage.isEmpty() || !needed.add(name)) {
                continue; // an image, not a stage; or seen
            }
            todo.push(stage.get().from());
            for (Instruction i : stage.get().instructions()) {
                if (i instanceof Instruction.Copy copy) {
                    copy.fromStage().ifPresent(todo::push);
                } else if (i instanceof Instruction.Run run) {
                    run.mounts().stream().filter(m -> m instanceof Mount.Bind).map(m -> ((Mount.Bind) m).fromStage())
                            .forEach(todo::push);
                }
            }
        }
        return stages.stream().filter(s -> needed.contains(s.name())).toList();
    }

    public List<String> stageNames() {
        return stages.stream().map(Stage::name).toList();
    }
}
