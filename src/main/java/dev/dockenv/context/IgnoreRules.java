package dev.dockenv.context;

import dev.dockenv.errors.InputException;
import dev.dockenv.errors.SourceLocation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The patterns of a .dockerignore file, applied exactly as Docker applies them (moby's ignorefile and
 * patternmatcher, BuildKit's fsutil walker).
 *
 * <p>A line starting with '#' is a comment; lines are trimmed and blank ones skipped; '!' makes an
 * exception; each pattern is cleaned like Go's {@code filepath.Clean} and a leading '/' dropped, so
 * "/foo", "./foo" and "foo/" all mean "foo". The glob is Go's {@code filepath.Match} ('*' and '?' stop at
 * '/', "[...]" classes negated with '^', '\' escapes) plus "**", which matches any number of directories,
 * including none. A pattern matches a path when it matches the path or any of its parent directories, and
 * the last matching pattern decides.
 */
public final class IgnoreRules {

    private static final IgnoreRules NONE = new IgnoreRules(List.of());

    private final List<IgnorePattern> patterns;

    private IgnoreRules(List<IgnorePattern> patterns) {
        this.patterns = List.copyOf(patterns);
    }

    /** A project's own .dockerignore (if any) with dockenv's safe defaults applied on top. */
    public static IgnoreRules forProject(Path root) {
        Path file = root.resolve(".dockerignore");
        IgnoreRules user = none();
        if (java.nio.file.Files.isRegularFile(file)) {
            user = parse(file, dev.dockenv.io.Utf8File.read(file));
        }
        return user.plus(DefaultIgnores.rules());
    }

    /** Rules that exclude nothing. */
    public static IgnoreRules none() {
        return NONE;
    }

    /**
     * Parses the text of a .dockerignore file.
     *
     * @param file where the text came from, for error messages
     * @throws InputException at file:line for a pattern Docker would refuse (a lone '!', an unclosed
     *     '[', a backwards range, a trailing '\')
     */
    public static IgnoreRules parse(Path file, String content) {
        List<IgnorePattern> compiled = new ArrayList<>();
        String[] lines = content.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = i == 0 && lines[i].startsWith("\uFEFF") ? lines[i].substring(1) : lines[i];
            Optional<String> pattern = normalizeLine(line);
            if (pattern.isEmpty()) {
                continue;
            }
            try {
                compiled.add(IgnorePattern.compile(pattern.get()));
            } catch (IllegalArgumentException e) {
                throw new InputException(SourceLocation.of(file, i + 1),
                        "bad .dockerignore pattern \"" + line.strip() + "\": " + e.getMessage(),
                        "patterns use Go's filepath.Match syntax; escape a literal '[', '*' or '?' with '\\'");
            }
        }
        return new IgnoreRules(compiled);
    }

    /**
     * Rules from patterns given one per element, each read exactly like a line of a .dockerignore file
     * (so a list renders into a file that parses back to the same rules).
     *
     * @throws IllegalArgumentException for a pattern Docker would refuse
     */
    public static IgnoreRules of(List<String> patterns) {
        List<IgnorePattern> compiled = new ArrayList<>();
        for (String line : patterns) {
            Optional<String> pattern = normalizeLine(line);
            if (pattern.isEmpty()) {
                continue;
            }
            try {
                compiled.add(IgnorePattern.compile(pattern.get()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("bad .dockerignore pattern \"" + line + "\": " + e.getMessage(), e);
            }
        }
        return new IgnoreRules(compiled);
    }

    /** Rules from the given patterns; see {@link #of(List)}. */
    public static IgnoreRules of(String... patterns) {
        return of(Arrays.asList(patterns));
    }

    /** These rules followed by {@code later}'s, which therefore win where both match. */
    public IgnoreRules plus(IgnoreRules later) {
        if (later.patterns.isEmpty()) {
            return this;
        }
        if (patterns.isEmpty()) {
            return later;
        }
        List<IgnorePattern> all = new ArrayList<>(patterns);
        all.addAll(later.patterns);
        return new IgnoreRules(all);
    }

    /** The cleaned patterns in order, exceptions with their leading '!'. */
    public List<String> patterns() {
        return patterns.stream().map(IgnorePattern::toString).toList();
    }

    public boolean isEmpty() {
        return patterns.isEmpty();
    }

    /**
     * Whether a path, relative to the context root and '/'-separated, is left out of the context. The root
     * itself ("" or ".") is never excluded.
     */
    public boolean excludes(String relativePath) {
        String path = normalizePath(relativePath);
        if (path.equals(".")) {
            return false;
        }
        int decider = lastMatch(path, SlashPath.ancestors(path));
        return decider >= 0 && !patterns.get(decider).exception();
    }

    /**
     * Whether anything below a directory could end up in the context. False only when the directory is
     * excluded and no later exception pattern could re-include a path below it, so a walker may skip it
     * without reading it. This is exact where BuildKit's walker is conservative: an exception written
     * before the last pattern excluding the directory cannot re-include anything under it.
     */
    public boolean mayContainIncluded(String dirPath) {
        String dir = normalizePath(dirPath);
        if (dir.equals(".")) {
            return true;
        }
        int decider = lastMatch(dir, SlashPath.ancestors(dir));
        if (decider < 0 || patterns.get(decider).exception()) {
            return true;
        }
        List<String> dirNames = List.of(dir.split("/"));
        for (int i = decider + 1; i < patterns.size(); i++) {
            IgnorePattern p = patterns.get(i);
            if (p.exception() && p.couldMatchBelow(dirNames)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "IgnoreRules" + patterns();
    }

    /** The index of the last pattern matching the path or one of its parents, or -1. */
    private int lastMatch(String path, List<String> ancestors) {
        for (int i = patterns.size() - 1; i >= 0; i--) {
            if (patterns.get(i).matchesOrParent(path, ancestors)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * One line of a .dockerignore file as moby's {@code ignorefile.ReadAll} reads it: empty for a comment
     * (a '#' in column 1) or a blank line; otherwise trimmed, cleaned, a leading '/' dropped, '!' kept.
     */
    private static Optional<String> normalizeLine(String line) {
        if (line.startsWith("#")) {
            return Optional.empty();
        }
        String pattern = trimSpace(line);
        if (pattern.isEmpty()) {
            return Optional.empty();
        }
        boolean invert = pattern.charAt(0) == '!';
        if (invert) {
            pattern = trimSpace(pattern.substring(1));
        }
        if (!pattern.isEmpty()) {
            pattern = SlashPath.clean(pattern);
            if (pattern.length() > 1 && pattern.charAt(0) == '/') {
                pattern = pattern.substring(1);
            }
        }
        return Optional.of(invert ? "!" + pattern : pattern);
    }

    private static String normalizePath(String relativePath) {
        String path = SlashPath.clean(relativePath);
        while (path.startsWith("/")) {
            path = path.length() == 1 ? "." : path.substring(1);
        }
        return path;
    }

    /** Go's {@code strings.TrimSpace}: Unicode white space at both ends. */
    private static String trimSpace(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isGoSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isGoSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean isGoSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r') || c == '\u0085' || Character.isSpaceChar(c);
    }
}
