package dev.dockenv.deps;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Everything read from a requirements file and the files it includes, in pip's reading order.
 *
 * @param projectRoot       absolute and normalized
 * @param files             the files read, root first, each once
 * @param localRequirements local paths, resolved against the project root
 * @param findLinks         local {@code --find-links} locations
 * @param indexOptions      {@code --index-url}, {@code --extra-index-url}, remote {@code --find-links}
 *                          and {@code --trusted-host} options, in order of appearance
 * @param remoteIncludes    {@code -r}/{@code -c} of http(s) URLs, which are not followed
 */
public record LoadedRequirements(
        Path projectRoot,
        List<LoadedFile> files,
        List<ResolvedLocalRequirement> localRequirements,
        List<ResolvedFindLinks> findLinks,
        List<GlobalOption> indexOptions,
        List<IncludeFile> remoteIncludes) {

    public LoadedRequirements {
        Objects.requireNonNull(projectRoot);
        files = List.copyOf(files);
        localRequirements = List.copyOf(localRequirements);
        findLinks = List.copyOf(findLinks);
        indexOptions = List.copyOf(indexOptions);
        remoteIncludes = List.copyOf(remoteIncludes);
    }

    /** The named requirements of the non-constraint files. */
    public List<PackageRequirement> requirements() {
        return files.stream().filter(f -> !f.constraints())
                .flatMap(f -> f.content().entriesOf(PackageRequirement.class).stream()).toList();
    }

    /** The named requirements of the constraint ({@code -c}) files. */
    public List<PackageRequirement> constraints() {
        return files.stream().filter(LoadedFile::constraints)
                .flatMap(f -> f.content().entriesOf(PackageRequirement.class).stream()).toList();
    }

    /** URL and VCS requirements without a name. */
    public List<UrlRequirement> urlRequirements() {
        return files.stream().flatMap(f -> f.content().entriesOf(UrlRequirement.class).stream()).toList();
    }

    /** Every option line ({@code --pre}, {@code --index-url}, ...), in order. */
    public List<GlobalOption> globalOptions() {
        return files.stream().flatMap(f -> f.content().entriesOf(GlobalOption.class).stream()).toList();
    }

    /** True when a requirement installs the project itself ({@code .} or {@code -e .}). */
    public boolean installsProject() {
        return localRequirements.stream().anyMatch(ResolvedLocalRequirement::projectRoot);
    }
}
