package dev.dockenv.deps;

import dev.dockenv.errors.SourceLocation;
import dev.dockenv.pep.Marker;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A local project directory or archive: {@code .}, {@code ./libs/seed[extra]}, {@code -e .},
 * {@code file:///abs/dir}, {@code ./wheels/x-1.0-py3-none-any.whl}. pip resolves relative paths
 * against its working directory, which for dockenv builds is the project root.
 *
 * @param rawPath the path or {@code file:} URL as written, without extras and marker
 * @param extras  normalized extra names
 * @param hashes  normalized as {@code sha256:<lowercase hex>} (archives only)
 */
public record LocalRequirement(
        String rawPath,
        boolean editable,
        SortedSet<String> extras,
        Optional<Marker> marker,
        List<String> hashes,
        SourceLocation location) implements RequirementsEntry {

    public LocalRequirement {
        Objects.requireNonNull(rawPath);
        Objects.requireNonNull(marker);
        Objects.requireNonNull(location);
        extras = Collections.unmodifiableSortedSet(new TreeSet<>(extras));
        hashes = List.copyOf(hashes);
    }

    /** The filesystem path: {@code rawPath}, or the path of a {@code file:} URL. */
    public String path() {
        return FileUrls.isFileUrl(rawPath) ? FileUrls.toPath(rawPath) : rawPath;
    }

    /** True when the path names a wheel or sdist archive rather than a directory. */
    public boolean isArchive() {
        return RequirementForms.isArchive(path());
    }

    /** The absolute, normalized path, with relative paths taken from {@code projectRoot}. */
    public Path resolve(Path projectRoot) {
        Path root = projectRoot.toAbsolutePath().normalize();
        return root.resolve(path()).normalize();
    }

    /** Whether this names the project itself ({@code .}, {@code ./}, {@code -e .}, {@code file:.}). */
    public boolean isProjectRoot(Path projectRoot) {
        return isProjectRoot(projectRoot, resolve(projectRoot));
    }

    /** Whether {@code resolved} is {@code projectRoot} itself. */
    public static boolean isProjectRoot(Path projectRoot, Path resolved) {
        return projectRoot.toAbsolutePath().normalize().equals(resolved.toAbsolutePath().normalize());
    }
}
