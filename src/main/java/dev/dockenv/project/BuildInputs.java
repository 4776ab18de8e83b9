package dev.dockenv.project;

import java.nio.file.Path;
import java.util.List;

/**
 * The project files the build steps (the configured build commands and postBuild) see while they
 * run: what {@code build-inputs} names (files and folders; glob patterns expanded to files) and the
 * files the steps name themselves, found statically. Only these enter the image's identity for
 * those steps: editing another file of the project rebuilds nothing, editing one of these rebuilds.
 *
 * @param inputs         project-relative paths, '/'-separated, sorted, each with who named it
 * @param skipped        paths the steps name that are not given to them, and why (a folder, a file
 *                       left out of builds by .dockerignore, a symbolic link)
 * @param watchedPaths   paths whose appearance, change or disappearance changes this value (warm
 *                       runs stat them)
 * @param watchedFolders folders whose listing changes this value (a glob pattern's or a named
 *                       folder's: a new file there is a new input)
 */
public record BuildInputs(List<Input> inputs, List<Skipped> skipped, List<Path> watchedPaths,
        List<Path> watchedFolders) {

    /** Who names inputs in the configuration. */
    public static final String CONFIGURED = "build-inputs";

    /** A file or folder given to build steps. */
    public record Input(String path, boolean folder, String namedBy) {
    }

    /** A path a step names that is not given to it. */
    public record Skipped(String path, String namedBy, String reason) {
    }

    public BuildInputs {
        inputs = List.copyOf(inputs);
        skipped = List.copyOf(skipped);
        watchedPaths = List.copyOf(watchedPaths);
        watchedFolders = List.copyOf(watchedFolders);
    }

    public static BuildInputs none() {
        return new BuildInputs(List.of(), List.of(), List.of(), List.of());
    }

    /** The paths alone, in order. */
    public List<String> paths() {
        return inputs.stream().map(Input::path).toList();
    }
}
