package dev.dockenv.deps;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A requirements file read by {@link RequirementsLoader}.
 *
 * @param path         absolute and normalized
 * @param relativePath the same path relative to the project root
 * @param constraints  true when it was included with {@code -c}
 * @param content      the parsed file (its locations use the path as the user sees it)
 */
public record LoadedFile(Path path, Path relativePath, boolean constraints, RequirementsFile content) {

    public LoadedFile {
        Objects.requireNonNull(path);
        Objects.requireNonNull(relativePath);
        Objects.requireNonNull(content);
    }
}
