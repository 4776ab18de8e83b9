package dev.dockenv.build;

import dev.dockenv.context.ContextEntry;
import dev.dockenv.context.ContextFiles;
import dev.dockenv.context.IgnoreRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files of a build context: the project filtered by its .dockerignore and dockenv's safe
 * defaults (.git, .env, .venv ... never leave the machine), either whole or only the paths a
 * Dockerfile copies.
 */
public final class ContextSelection {
    private ContextSelection() {
    }

    /** The project's own .dockerignore (if any) with dockenv's defaults applied on top. */
    public static IgnoreRules ignoreRules(Path root) {
        return IgnoreRules.forProject(root);
    }

    public static List<ContextEntry> everything(Path root, IgnoreRules rules) {
        return ContextFiles.walk(root, rules);
    }

    /**
     * The entries matching COPY/ADD sources: "." is everything, a source with wildcards matches
     * as Docker matches it, any other names a file or folder (missing ones are left for the
     * builder to report).
     */
    public static List<ContextEntry> matching(Path root, List<String> sources, IgnoreRules rules) {
        List<String> plain = new ArrayList<>();
        List<String> globs = new ArrayList<>();
        for (String source : sources) {
            String s = source.replace('\\', '/');
            while (s.startsWith("./")) {
                s = s.substring(2);
            }
            while (s.startsWith("/")) {
                s = s.substring(1);
            }
            while (s.endsWith("/") && s.length() > 1) {
                s = s.substring(0, s.length() - 1);
            }
            if (s.isEmpty() || s.equals(".")) {
                return everything(root, rules);
            }
            if (s.matches(".*[*?\\[].*") && isPattern(s)) {
                globs.add(s);
            } else if (Files.exists(root.resolve(s), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                plain.add(s);
            }
        }
        Map<String, ContextEntry> entries = new LinkedHashMap<>();
        if (!plain.isEmpty()) {
            ContextFiles.walkSelected(root, plain, rules).forEach(e -> entries.put(e.path(), e));
        }
        if (!globs.isEmpty()) {
            IgnoreRules matcher = IgnoreRules.of(globs);
            for (ContextEntry e : everything(root, rules)) {
                if (matcher.excludes(e.path())) {
                    entries.put(e.path(), e);
                }
            }
        }
        return entries.values().stream().sorted(java.util.Comparator.comparing(ContextEntry::path)).toList();
    }

    /** The entries outside these folders (project-relative, '/'-separated): another app's, for an app's prod. */
    public static List<ContextEntry> without(List<ContextEntry> entries, List<String> folders) {
        if (folders.isEmpty()) {
            return entries;
        }
        return entries.stream().filter(e -> folders.stream()
                .noneMatch(f -> e.path().equals(f) || e.path().startsWith(f + "/"))).toList();
    }

    /** Whether a source is a pattern Docker accepts; else it names a file literally ("[/" of a requirement line). */
    private static boolean isPattern(String source) {
        try {
            IgnoreRules.of(List.of(source));
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
