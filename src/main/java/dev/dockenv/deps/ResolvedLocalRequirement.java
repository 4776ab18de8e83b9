package dev.dockenv.deps;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A local requirement with its path resolved against the project root (as pip, running in the
 * project root, resolves it).
 *
 * @param path         absolute and normalized; always inside the project root
 * @param relativePath relative to the project root; empty for the project itself
 * @param projectRoot  true for {@code .}, {@code ./}, {@code -e .}, {@code file:.}
 * @param constraint   true when it comes from a constraints ({@code -c}) file
 */
public record ResolvedLocalRequirement(
        LocalRequirement requirement, Path path, Path relativePath, boolean projectRoot, boolean constraint) {

    public ResolvedLocalRequirement {
        Objects.requireNonNull(requirement);
        Objects.requireNonNull(path);
        Objects.requireNonNull(relativePath);
    }
}
