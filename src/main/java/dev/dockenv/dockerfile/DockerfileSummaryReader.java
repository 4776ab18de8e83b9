package dev.dockenv.dockerfile;

import dev.dockenv.config.ShellWords;
import dev.dockenv.errors.InputException;
import dev.dockenv.errors.SourceLocation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a {@link DockerfileSummary} from Dockerfile text: line continuations, comments, directives. */
public final class DockerfileSummaryReader {
    private static final Pattern ESCAPE_DIRECTIVE = Pattern.compile("^#\\s*escape\\s*=\\s*(\\S)\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HEREDOC = Pattern.compile("<<(-?)[\"']?([A-Za-z_][A-Za-z0-9_]*)[\"']?");
    private static final Pattern FROM = Pattern.compile(
            "^(?:--\\S+\\s+)*(\\S+)(?:\\s+as\\s+(\\S+))?\\s*$", Pattern.CASE_INSENSITIVE);

    private DockerfileSummaryReader() {
    }

    public static DockerfileSummary read(Path file, String text) {
        char escape = '\\';
        List<Logical> lines = new ArrayList<>();
        String[] physical = text.split("\r?\n", -1);
        boolean directives = true;
        StringBuilder current = null;
        int startLine = 0;
        java.util.Deque<String[]> heredocs = new java.util.ArrayDeque<>();
        for (int i = 0; i < physical.length; i++) {
            String line = physical[i];
            String trimmed = line.strip();
            if (!heredocs.isEmpty()) {
                // inside a heredoc body (RUN <<EOF ... EOF): not instructions
                String[] end = heredocs.peek();
                if ((end[1].equals("-") ? line.replaceFirst("^\t+", "") : line).equals(end[0])) {
                    heredocs.pop();
                }
                continue;
            }
            if (directives) {
                Matcher m = ESCAPE_DIRECTIVE.matcher(trimmed);
                if (m.matches()) {
                    escape = m.group(1).charAt(0);
                    continue;
                }
                if (!trimmed.startsWith("#") || trimmed.isEmpty()) {
                    directives = false;
                }
            }
            if (current == null && (trimmed.isEmpty() || trimmed.startsWith("#"))) {
                continue;
            }
            if (current != null && trimmed.startsWith("#")) {
                continue;
            }
            if (current == null) {
                current = new StringBuilder();
                startLine = i + 1;
            }
            if (!trimmed.isEmpty() && trimmed.charAt(trimmed.length() - 1) == escape) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
            } else {
                current.append(trimmed);
                String logical = current.toString();
                lines.add(new Logical(startLine, logical));
                current = null;
                if (logical.matches("(?i)^(RUN|COPY|ADD)\\s.*")) {
                    Matcher h = HEREDOC.matcher(logical);
                    while (h.find()) {
                        heredocs.add(new String[] {h.group(2), h.group(1)});
                    }
                }
            }
        }
        if (current != null) {
            lines.add(new Logical(startLine, current.toString()));
        }

        List<DockerfileSummary.StageSummary> stages = new ArrayList<>();
        Set<String> args = new LinkedHashSet<>();
        String name = null;
        String from = null;
        List<String> sources = new ArrayList<>();
        Set<String> fromStages = new LinkedHashSet<>();
        boolean unresolved = false;
        for (Logical l : lines) {
            String[] split = l.text.split("\\s+", 2);
            String keyword = split[0].toUpperCase(Locale.ROOT);
            String rest = split.length > 1 ? split[1].strip() : "";
            switch (keyword) {
                case "FROM" -> {
                    if (name != null) {
                        stages.add(new DockerfileSummary.StageSummary(name, from, sources, fromStages, unresolved));
                    }
                    Matcher m = FROM.matcher(rest);
                    if (!m.matches()) {
                        throw new InputException(new SourceLocation(file, l.line, 1), "FROM needs an image");
                    }
                    from = m.group(1);
                    name = m.group(2) != null ? m.group(2) : Integer.toString(stages.size());
                    sources = new ArrayList<>();
                    fromStages = new LinkedHashSet<>();
                    unresolved = false;
                }
                case "ARG" -> {
                    String arg = rest.split("[=\\s]", 2)[0];
                    if (!arg.isEmpty()) {
                        args.add(arg);
                    }
                }
                case "COPY", "ADD" -> {
                    if (name == null) {
                        throw new InputException(new SourceLocation(file, l.line, 1), keyword + " before FROM");
                    }
                    Sources s = sources(file, l, rest, keyword.equals("ADD"));
                    if (s.fromStage != null) {
                        fromStages.add(s.fromStage);
                    } else {
                        sources.addAll(s.paths);
                        unresolved |= s.unresolved;
                    }
                }
                case "RUN" -> {
                    // a bind mount without from= reads the context: its source (the whole context by default)
                    for (String mount : contextBindSources(rest)) {
                        if (mount.contains("$")) {
                            unresolved = true;
                        } else {
                            sources.add(mount);
                        }
                    }
                }
                default -> {
                    // other instructions read nothing from the context
                }
            }
        }
        if (name != null) {
            stages.add(new DockerfileSummary.StageSummary(name, from, sources, fromStages, unresolved));
        }
        return new DockerfileSummary(stages, args);
    }

    /** The context paths the RUN's {@code --mount=type=bind} flags without {@code from=} read ("." when none is named). */
    static List<String> contextBindSources(String rest) {
        List<String> out = new ArrayList<>();
        String body = rest;
        while (body.startsWith("--")) {
            String[] parts = body.split("\\s+", 2);
            String flag = parts[0];
            body = parts.length > 1 ? parts[1] : "";
            if (!flag.toLowerCase(Locale.ROOT).startsWith("--mount=")) {
                continue;
            }
            java.util.Map<String, String> fields = new java.util.HashMap<>();
            for (String field : flag.substring("--mount=".length()).split(",")) {
                String[] kv = field.split("=", 2);
                fields.put(kv[0].toLowerCase(Locale.ROOT), kv.length > 1 ? kv[1] : "");
            }
            if ("bind".equals(fields.getOrDefault("type", "bind")) && !fields.containsKey("from")) {
                String source = fields.getOrDefault("source", fields.getOrDefault("src", "."));
                out.add(source.isEmpty() ? "." : source);
            }
        }
        return out;
    }

    private static Sources sources(Path file, Logical l, String rest, boolean add) {
        String fromStage = null;
        List<String> words;
        String body = rest;
        List<String> flags = new ArrayList<>();
        while (body.startsWith("--")) {
            String[] parts = body.split("\\s+", 2);
            flags.add(parts[0]);
            body = parts.length > 1 ? parts[1] : "";
        }
        for (String flag : flags) {
            if (flag.toLowerCase(Locale.ROOT).startsWith("--from=")) {
                fromStage = flag.substring("--from=".length());
            }
        }
        if (body.startsWith("[")) {
            words = jsonArray(file, l, body);
        } else {
            try {
                words = ShellWords.split(body);
            } catch (IllegalArgumentException e) {
                throw new InputException(new SourceLocation(file, l.line, 1), e.getMessage());
            }
        }
        if (words.size() < 2) {
            throw new InputException(new SourceLocation(file, l.line, 1), "COPY/ADD needs a source and a destination");
        }
        List<String> paths = new ArrayList<>();
        boolean unresolved = false;
        for (String w : words.subList(0, words.size() - 1)) {
            if (w.startsWith("<<") || add && w.matches("(?i)^(https?|git)://.*|^git@.*")) {
                continue; // a heredoc or a remote source: nothing from the context
            }
            if (w.contains("$")) {
                unresolved = true;
            }
            paths.add(w);
        }
        return new Sources(fromStage, paths, unresolved);
    }

    private static List<String> jsonArray(Path file, Logical l, String body) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(body);
        while (m.find()) {
            out.add(m.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
        }
        if (out.isEmpty()) {
            throw new InputException(new SourceLocation(file, l.line, 1), "invalid JSON array");
        }
        return out;
    }

    private record Logical(int line, String text) {
    }

    private record Sources(String fromStage, List<String> paths, boolean unresolved) {
    }
}
