package dev.dockenv.deps;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A local {@code --find-links} directory (or file), resolved as pip does: against the directory of
 * the requirements file when it exists there, else against the project root.
 *
 * @param path         absolute and normalized; always inside the project root
 * @param relativePath relative to the project root
 */
public record ResolvedFindLinks(GlobalOption option, Path path, Path relativePath) {

    public ResolvedFindLinks {
        Objects.requireNonNull(option);
        Objects.requireNonNull(path);
        Objects.requireNonNull(relativePath);
    }
}
