package dev.dockenv.project;

import dev.dockenv.config.DockenvConfig;
import dev.dockenv.config.DockenvConfig.BuildInput;
import dev.dockenv.context.ContextEntry;
import dev.dockenv.context.ContextFiles;
import dev.dockenv.context.IgnoreRules;
import dev.dockenv.errors.InputException;
import dev.dockenv.errors.IoFailures;
import dev.dockenv.io.Utf8File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Finds the {@link BuildInputs} of a project: the {@code build-inputs} setting checked against the
 * project (each entry names files inside it that a build can see, or is an error at its line), and
 * the files the build commands and postBuild name themselves. A word of a step that is the
 * project-relative path of a regular file of the project (not a link, not left out of builds by
 * .dockerignore) is such a file: {@code gcc -shared -o /opt/lib/libgreet.so native/greet.c} names
 * {@code native/greet.c}. Only whole words are taken (no variables, no globs, no {@code ..}): a
 * word that only looks like a path at run time is left to {@code build-inputs}.
 */
public final class BuildInputScanner {
    /** What separates words in a shell command (and in most scripts): blanks, operators, quotes, '='. */
    private static final Pattern WORD_BREAK = Pattern.compile("[\\s;|&<>()'\"=,{}`]+");

    /** A comment: '#' at the start of a word, to the end of its line. */
    private static final Pattern COMMENT = Pattern.compile("(?m)(^|\\s)#.*$");

    private BuildInputScanner() {
    }

    public static BuildInputs scan(Path root, DockenvConfig config, Optional<Path> postBuild) {
        if (config.buildInputs().isEmpty() && config.buildCommands().isEmpty() && postBuild.isEmpty()) {
            return BuildInputs.none();
        }
        IgnoreRules rules = IgnoreRules.forProject(root);
        Map<String, BuildInputs.Input> inputs = new TreeMap<>();
        Set<Path> watched = new LinkedHashSet<>();
        Set<Path> folders = new LinkedHashSet<>();
        List<BuildInput> globs = new ArrayList<>();
        for (BuildInput input : config.buildInputs()) {
            if (input.isGlob()) {
                globs.add(input);
            } else {
                configured(root, rules, input, inputs, watched, folders);
            }
        }
        if (!globs.isEmpty()) {
            List<ContextEntry> all = ContextFiles.walk(root, rules);
            for (BuildInput glob : globs) {
                matching(glob, all, inputs, folders, root);
            }
        }
        List<BuildInputs.Skipped> skipped = new ArrayList<>();
        Map<String, String> texts = new LinkedHashMap<>();
        List<String> commands = config.buildCommands();
        for (int i = 0; i < commands.size(); i++) {
            texts.put(commands.size() == 1 ? "the build command" : "build command " + (i + 1), commands.get(i));
        }
        postBuild.ifPresent(p -> texts.put("postBuild", new String(Utf8File.bytes(p), StandardCharsets.UTF_8)));
        for (Map.Entry<String, String> text : texts.entrySet()) {
            // a comment names nothing the step reads (shell and Python comments alike)
            String code = COMMENT.matcher(text.getValue()).replaceAll("$1");
            for (String word : WORD_BREAK.split(code)) {
                named(root, rules, word, text.getKey(), postBuild.isPresent(), inputs, skipped, watched);
            }
        }
        // a file inside a folder that is itself an input is seen through the folder
        List<String> folderInputs = inputs.values().stream().filter(BuildInputs.Input::folder)
                .map(BuildInputs.Input::path).toList();
        List<BuildInputs.Input> kept = inputs.values().stream()
                .filter(in -> folderInputs.stream().noneMatch(f -> in.path().startsWith(f + "/"))).toList();
        List<BuildInputs.Skipped> skippedOnce = skipped.stream().distinct()
                .filter(s -> !inputs.containsKey(s.path())).toList();
        return new BuildInputs(kept, skippedOnce, List.copyOf(watched), List.copyOf(folders));
    }

    /** A path of build-inputs: a file or folder of the project that a build can see. */
    private static void configured(Path root, IgnoreRules rules, BuildInput input,
            Map<String, BuildInputs.Input> inputs, Set<Path> watched, Set<Path> folders) {
        String path = clean(input.pattern());
        Path file = root.resolve(path);
        watched.add(file);
        String shown = "build-inputs: '" + input.pattern() + "' ";
        if (!DockenvConfig.BuildInput.mountable(path)) {
            throw new InputException(input.location(), shown + "holds a character a build step's mount cannot carry",
                    "rename the file, or name the folder that holds it");
        }
        String parts = "";
        for (String part : path.split("/")) {
            parts = parts.isEmpty() ? part : parts + "/" + part;
            if (Files.isSymbolicLink(root.resolve(parts))) {
                throw new InputException(input.location(), shown + (parts.equals(path) ? "is a symbolic link"
                        : "goes through the symbolic link " + parts) + ": build steps see the project's own files only",
                        "name the file or folder the link points to, if it is inside the project");
            }
        }
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            throw new InputException(input.location(), shown + "does not exist in the project",
                    "paths are relative to the project folder " + root);
        } catch (IOException e) {
            throw IoFailures.reading(file, e);
        }
        if (rules.excludes(path)) {
            throw new InputException(input.location(), shown + "is left out of every build by "
                    + (Files.isRegularFile(root.resolve(".dockerignore")) ? ".dockerignore or " : "")
                    + "dockenv's defaults (.git, .env files, virtualenvs, caches)",
                    "a file that must not leave the machine cannot be a build input; remove it from build-inputs");
        }
        if (attrs.isDirectory()) {
            List<ContextEntry> entries = ContextFiles.walkSelected(root, List.of(path), rules);
            if (entries.stream().noneMatch(e -> e.kind() == ContextEntry.Kind.FILE)) {
                throw new InputException(input.location(), shown + "holds no file a build can see",
                        "it is empty, or .dockerignore leaves out everything in it");
            }
            entries.stream().filter(e -> e.kind() == ContextEntry.Kind.DIRECTORY
                    && (e.path().equals(path) || e.path().startsWith(path + "/")))
                    .forEach(e -> folders.add(root.resolve(e.path())));
            inputs.put(path, new BuildInputs.Input(path, true, BuildInputs.CONFIGURED));
        } else if (attrs.isRegularFile()) {
            inputs.put(path, new BuildInputs.Input(path, false, BuildInputs.CONFIGURED));
        } else {
            throw new InputException(input.location(), shown + "is not a regular file or a folder",
                    "name the files the build steps read");
        }
    }

    /** A glob pattern of build-inputs: the files of the build context it matches (Docker's matching). */
    private static void matching(BuildInput glob, List<ContextEntry> all, Map<String, BuildInputs.Input> inputs,
            Set<Path> folders, Path root) {
        IgnoreRules matcher = IgnoreRules.of(List.of(glob.pattern()));
        List<ContextEntry> files = all.stream().filter(e -> e.kind() == ContextEntry.Kind.FILE)
                .filter(e -> matcher.excludes(e.path())).toList();
        if (files.isEmpty()) {
            throw new InputException(glob.location(), "build-inputs: '" + glob.pattern()
                    + "' matches no file of the project that a build can see",
                    "patterns are matched as in .dockerignore, from the project folder: \"native/*.c\", \"data/**/*.csv\"");
        }
        for (ContextEntry file : files) {
            if (!DockenvConfig.BuildInput.mountable(file.path())) {
                throw new InputException(glob.location(), "build-inputs: '" + glob.pattern() + "' matches '"
                        + file.path() + "', whose name a build step's mount cannot carry (a space, comma, quote, "
                        + "'=' or '$')", "rename the file, or name the folder that holds it");
            }
            inputs.putIfAbsent(file.path(), new BuildInputs.Input(file.path(), false, BuildInputs.CONFIGURED));
        }
        // a new file where the pattern looks is a new input: the folders from its fixed part down
        List<String> fixed = new ArrayList<>();
        for (String part : glob.pattern().split("/")) {
            if (part.matches(".*[*?\\[].*")) {
                break;
            }
            fixed.add(part);
        }
        String base = String.join("/", fixed);
        if (base.isEmpty()) {
            folders.add(root);
        }
        all.stream().filter(e -> e.kind() == ContextEntry.Kind.DIRECTORY)
                .filter(e -> base.isEmpty() || e.path().equals(base) || e.path().startsWith(base + "/"))
                .forEach(e -> folders.add(root.resolve(e.path())));
    }

    /** A word of a build step: an input when it is the path of a regular file of the project a build can see. */
    private static void named(Path root, IgnoreRules rules, String word, String namedBy, boolean hasPostBuild,
            Map<String, BuildInputs.Input> inputs, List<BuildInputs.Skipped> skipped, Set<Path> watched) {
        String path = clean(word);
        if (path.isEmpty() || path.equals(".") || path.startsWith("-") || path.startsWith("/") || path.startsWith("~")
                || path.matches(".*[*?\\[$\\\\].*") || !DockenvConfig.BuildInput.mountable(path)
                || List.of(path.split("/")).contains("..") || path.length() > 4096) {
            return;
        }
        if (hasPostBuild && path.equals("postBuild")) {
            return; // copied in and run as it is
        }
        Path file = root.resolve(path);
        if (path.contains("/") || path.contains(".")) {
            watched.add(file); // a file the step names may appear later
        }
        String parts = "";
        for (String part : path.split("/")) {
            parts = parts.isEmpty() ? part : parts + "/" + part;
            if (Files.isSymbolicLink(root.resolve(parts))) {
                if (Files.exists(file)) {
                    skipped.add(new BuildInputs.Skipped(path, namedBy, "a symbolic link (build steps get the project's "
                            + "own files only)"));
                }
                return;
            }
        }
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return; // not a file of the project: a word of the command, or a file the step makes
        }
        if (attrs.isDirectory()) {
            if (!inputs.containsKey(path)) {
                skipped.add(new BuildInputs.Skipped(path, namedBy, "a folder: list it in build-inputs to give it to "
                        + "build steps"));
            }
            return;
        }
        if (!attrs.isRegularFile()) {
            return;
        }
        if (rules.excludes(path)) {
            skipped.add(new BuildInputs.Skipped(path, namedBy, "left out of builds by .dockerignore or dockenv's "
                    + "defaults"));
            return;
        }
        inputs.putIfAbsent(path, new BuildInputs.Input(path, false, namedBy));
    }

    /** A '/'-separated path without "./" parts, repeated or trailing slashes. */
    private static String clean(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (!part.isEmpty() && !part.equals(".")) {
                parts.add(part);
            }
        }
        return (path.startsWith("/") ? "/" : "") + String.join("/", parts);
    }
}
