package dev.dockenv.dockerfile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One Dockerfile instruction. Values only: {@link DockerfileRenderer} turns them into text. */
public sealed interface Instruction {

    /** A comment (without the leading '#'); each of its lines is rendered as a comment line. */
    record Comment(String text) implements Instruction {
    }

    record Arg(String name, Optional<String> defaultValue) implements Instruction {
        public Arg {
            LineSafety.variableName("an ARG name", name);
            defaultValue.ifPresent(v -> LineSafety.oneLine("ARG " + name + "'s default", v));
        }
    }

    /**
     * ENV with one or more variables, kept in order. {@code literal} values are taken as written
     * (a {@code $} stays a dollar); otherwise {@code $NAME} refers to other variables, as in
     * {@code PATH=/opt/venv/bin:$PATH}.
     */
    record Env(Map<String, String> variables, boolean literal) implements Instruction {
        public Env {
            variables = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(variables));
            if (variables.isEmpty()) {
                throw new IllegalArgumentException("ENV needs a variable");
            }
            // the value is double-quoted when it needs it, but a quoted value cannot span lines
            // (Dockerfile syntax has no escape for a line break), so a line break is refused
            variables.forEach((name, value) -> LineSafety.oneLine("the value of ENV " + LineSafety.variableName(
                    "an ENV name", name), value));
        }

        public static Env of(String name, String value) {
            return new Env(Map.of(name, value), false);
        }
    }

    /**
     * RUN in shell form: the commands run joined with {@code &&}. Mounts need BuildKit; the legacy
     * dialect drops them (a cache mount's target is then cleaned at the end of the step).
     */
    record Run(List<Mount> mounts, List<String> commands) implements Instruction {
        public Run {
            mounts = List.copyOf(mounts);
            commands = List.copyOf(commands);
            if (commands.isEmpty()) {
                throw new IllegalArgumentException("RUN needs a command");
            }
            commands.forEach(LineSafety::runCommand);
        }

        public static Run of(String... commands) {
            return new Run(List.of(), List.of(commands));
        }
    }

    /** COPY of context paths (or of another stage's paths) to a destination. */
    record Copy(List<String> sources, String destination, Optional<String> fromStage, Optional<String> chown)
            implements Instruction {
        public Copy {
            sources = List.copyOf(sources);
            if (sources.isEmpty()) {
                throw new IllegalArgumentException("COPY needs a source");
            }
            // paths are written bare when plain, else as a JSON array (which can hold any character)
            sources.forEach(p -> LineSafety.notBlank("a COPY source", p));
            LineSafety.notBlank("COPY's destination", destination);
            fromStage.ifPresent(LineSafety::stageName);
            chown.ifPresent(c -> LineSafety.flagValue("COPY --chown", c));
        }

        public static Copy of(String source, String destination) {
            return new Copy(List.of(source), destination, Optional.empty(), Optional.empty());
        }
    }

    record Workdir(String path) implements Instruction {
        public Workdir {
            LineSafety.notBlank("WORKDIR", LineSafety.lineEnd("WORKDIR", path));
        }
    }

    record User(String user) implements Instruction {
        public User {
            LineSafety.flagValue("USER", user);
        }
    }

    record Expose(int port) implements Instruction {
        public Expose {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("EXPOSE " + port + ": a port is between 1 and 65535");
            }
        }
    }

    /** CMD in exec (JSON) form. */
    record Cmd(List<String> argv) implements Instruction {
        public Cmd {
            argv = List.copyOf(argv);
        }
    }

    record Label(Map<String, String> labels) implements Instruction {
        public Label {
            labels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(labels));
            labels.forEach((key, value) -> {
                LineSafety.flagValue("a LABEL key", key);
                LineSafety.oneLine("the value of LABEL " + key, value);
            });
        }
    }
}
