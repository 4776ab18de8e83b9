package dev.dockenv.plan;

import java.util.List;

/**
 * Project files an install copies into the image in one step: the build context dockenv assembles
 * holds them a second time under {@code path} (each at its project-relative path there), and the
 * Dockerfile copies that folder, however many files it holds, into the project folder of the image.
 *
 * @param path  the folder in the build context, under {@link #CONTEXT_FOLDER}
 * @param files the project-relative paths of the files in it
 */
public record DependencyFolder(String path, List<String> files) {
    /** Where the folders live in the build context, beside the project. */
    public static final String CONTEXT_FOLDER = "dependency-files/";

    public DependencyFolder {
        if (!path.startsWith(CONTEXT_FOLDER) || path.contains("..")) {
            throw new IllegalArgumentException("dependency folders live under " + CONTEXT_FOLDER + ": " + path);
        }
        files = List.copyOf(files);
    }
}
