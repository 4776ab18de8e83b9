package dev.dockenv.dockerfile;

import dev.dockenv.dockerfile.Instruction.Arg;
import dev.dockenv.dockerfile.Instruction.Cmd;
import dev.dockenv.dockerfile.Instruction.Comment;
import dev.dockenv.dockerfile.Instruction.Copy;
import dev.dockenv.dockerfile.Instruction.Env;
import dev.dockenv.dockerfile.Instruction.Expose;
import dev.dockenv.dockerfile.Instruction.Label;
import dev.dockenv.dockerfile.Instruction.Run;
import dev.dockenv.dockerfile.Instruction.User;
import dev.dockenv.dockerfile.Instruction.Workdir;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns a {@link Dockerfile} into text, deterministically. The same model renders for BuildKit
 * (with RUN mounts) or for the legacy builder (without them, a cache mount's target cleaned up
 * in the same step so the layer never keeps it).
 */
public final class DockerfileRenderer {
    private static final String CONTINUATION = " \\\n    ";

    private final Dialect dialect;

    public DockerfileRenderer(Dialect dialect) {
        this.dialect = dialect;
    }

    public String render(Dockerfile dockerfile) {
        StringBuilder out = new StringBuilder();
        for (String line : dockerfile.header()) {
            out.append(comment(line)).append('\n');
        }
        for (Stage stage : dockerfile.stages()) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append("FROM ").append(stage.from()).append(" AS ").append(stage.name()).append('\n');
            java.util.Set<Mount.Context> copied = new java.util.HashSet<>();
            for (Instruction instruction : stage.instructions()) {
                out.append(instruction instanceof Run r ? run(r, copied) : render(instruction)).append('\n');
            }
        }
        return out.toString();
    }

    String render(Instruction instruction) {
        if (instruction instanceof Comment c) {
            return comment(c.text());
        } else if (instruction instanceof Arg a) {
            return "ARG " + a.name() + a.defaultValue().map(v -> "=" + envValue(v)).orElse("");
        } else if (instruction instanceof Env e) {
            return "ENV " + e.variables().entrySet().stream()
                    .map(v -> v.getKey() + "=" + (e.literal() ? literalValue(v.getValue()) : envValue(v.getValue())))
                    .collect(Collectors.joining(CONTINUATION));
        } else if (instruction instanceof Run r) {
            return run(r, new java.util.HashSet<>());
        } else if (instruction instanceof Copy c) {
            return copy(c);
        } else if (instruction instanceof Workdir w) {
            return "WORKDIR " + w.path();
        } else if (instruction instanceof User u) {
            return "USER " + u.user();
        } else if (instruction instanceof Expose x) {
            return "EXPOSE " + x.port();
        } else if (instruction instanceof Cmd c) {
            return "CMD " + jsonArray(c.argv());
        } else if (instruction instanceof Label l) {
            return "LABEL " + l.labels().entrySet().stream()
                    .map(v -> v.getKey() + "=" + jsonString(v.getValue()))
                    .collect(Collectors.joining(CONTINUATION));
        }
        throw new IllegalArgumentException("unknown instruction " + instruction);
    }

    /** A comment, one '#' line for each of its lines, so that no text of it can become an instruction. */
    private static String comment(String text) {
        return java.util.Arrays.stream(text.split("\r\n|\r|\n", -1))
                .map(line -> line.isEmpty() ? "#" : "# " + line)
                .collect(Collectors.joining("\n"));
    }

    /** A RUN; {@code copied}: the context mounts the legacy dialect has copied into this stage already. */
    private String run(Run run, java.util.Set<Mount.Context> copied) {
        List<String> prelude = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        List<String> commands = new ArrayList<>(run.commands());
        if (dialect == Dialect.BUILDKIT) {
            for (Mount mount : run.mounts()) {
                parts.add(mountFlag(mount));
            }
        } else {
            for (Mount mount : run.mounts()) {
                if (mount instanceof Mount.Cache cache) {
                    commands.add("rm -rf " + cache.target());
                } else if (mount instanceof Mount.Bind bind) {
                    // no mounts: the stage's folder is copied in first, and removed with the step
                    prelude.add(copy(new Copy(List.of(bind.source()), bind.target(), java.util.Optional.of(bind.fromStage()),
                            java.util.Optional.empty())));
                    commands.add("rm -rf " + bind.target());
                } else if (mount instanceof Mount.Context context && copied.add(context)) {
                    // no mounts: the context's path is copied in before the first step that needs it, and stays
                    prelude.add(copy(Instruction.Copy.of(context.source(), context.target())));
                }
                // secrets are optional mounts: without BuildKit there are none (builds that need one refuse earlier)
            }
        }
        StringBuilder s = new StringBuilder();
        prelude.forEach(line -> s.append(line).append('\n'));
        s.append("RUN ");
        if (!parts.isEmpty()) {
            s.append(String.join(CONTINUATION, parts)).append(CONTINUATION);
        }
        s.append(commands.get(0));
        for (int i = 1; i < commands.size(); i++) {
            s.append(CONTINUATION).append("&& ").append(commands.get(i));
        }
        return s.toString();
    }

    private static String mountFlag(Mount mount) {
        if (mount instanceof Mount.Cache c) {
            return "--mount=type=cache,target=" + c.target()
                    + c.id().map(id -> ",id=" + id).orElse("")
                    + (c.locked() ? ",sharing=locked" : "");
        }
        if (mount instanceof Mount.Bind b) {
            return "--mount=type=bind,from=" + b.fromStage() + ",source=" + b.source() + ",target=" + b.target();
        }
        if (mount instanceof Mount.Context c) {
            return "--mount=type=bind,source=" + c.source() + ",target=" + c.target() + ",rw";
        }
        Mount.Secret s = (Mount.Secret) mount;
        return "--mount=type=secret,id=" + s.id() + ",target=" + s.target();
    }

    private static String copy(Copy copy) {
        StringBuilder s = new StringBuilder("COPY ");
        copy.fromStage().ifPresent(f -> s.append("--from=").append(f).append(' '));
        copy.chown().ifPresent(c -> s.append("--chown=").append(c).append(' '));
        List<String> all = new ArrayList<>(copy.sources());
        all.add(copy.destination());
        boolean plain = all.stream().allMatch(p -> p.matches("[A-Za-z0-9_@%+=:,./*?-]+"));
        if (plain) {
            s.append(String.join(" ", all));
        } else {
            s.append(jsonArray(all));
        }
        return s.toString();
    }

    /** An ENV/ARG value: bare when safe ($ references are kept on purpose), else double-quoted. */
    private static String envValue(String value) {
        if (!value.isEmpty() && value.matches("[A-Za-z0-9_@%+=:,./${}-]+")) {
            return value;
        }
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** An ENV value taken as written: backslashes and dollars escaped, double-quoted when needed. */
    private static String literalValue(String value) {
        if (!value.isEmpty() && value.matches("[A-Za-z0-9_@%+=:,./-]+")) {
            return value;
        }
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("$", "\\$") + '"';
    }

    static String jsonArray(List<String> items) {
        return items.stream().map(DockerfileRenderer::jsonString).collect(Collectors.joining(", ", "[", "]"));
    }

    static String jsonString(String value) {
        StringBuilder s = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\t' -> s.append("\\t");
                case '\r' -> s.append("\\r");
                default -> {
                    if (c < 0x20) {
                        s.append(String.format("\\u%04x", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        return s.append('"').toString();
    }
}
