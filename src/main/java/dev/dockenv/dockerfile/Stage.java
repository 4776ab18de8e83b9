package dev.dockenv.dockerfile;

import java.util.ArrayList;
import java.util.List;

/** A build stage: {@code FROM from AS name} followed by its instructions. */
public record Stage(String name, String from, List<Instruction> instructions) {
    public Stage {
        LineSafety.stageName(name);
        LineSafety.image(from);
        instructions = List.copyOf(instructions);
    }

    public static Builder builder(String name, String from) {
        return new Builder(name, from);
    }

    /** Collects a stage's instructions in order. */
    public static final class Builder {
        private final String name;
        private final String from;
        private final List<Instruction> instructions = new ArrayList<>();

        private Builder(String name, String from) {
            this.name = name;
            this.from = from;
        }

        public Builder add(Instruction instruction) {
            instructions.add(instruction);
            return this;
        }

        public Builder comment(String text) {
            return add(new Instruction.Comment(text));
        }

        public Stage build() {
            return new Stage(name, from, instructions);
        }
    }
}
