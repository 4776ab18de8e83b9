package dev.dockenv.plan;

/**
 * A file dockenv derives for a build (e.g. a lock turned into a hash-pinned requirements list),
 * at a project-relative path under {@code .dockenv/}. Generated builds carry it in the context
 * they send and in the image's identity; {@code dockenv init} writes it into the project, beside
 * the Dockerfile that reads it.
 */
public record GeneratedFile(String path, String content) {
    public static final String FOLDER = ".dockenv/";

    public GeneratedFile {
        if (!path.startsWith(FOLDER) || path.contains("..")) {
            throw new IllegalArgumentException("generated files live under " + FOLDER + ": " + path);
        }
    }
}
