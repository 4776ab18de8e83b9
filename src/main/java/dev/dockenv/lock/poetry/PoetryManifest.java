package dev.dockenv.lock.poetry;

import dev.dockenv.lock.DeclaredDependencies;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What [tool.poetry] declares, beyond the shared model.
 *
 * @param dependencies   the groups, Python range and indexes (see {@link PoetryManifestReader})
 * @param optionalGroups groups declared {@code optional = true}: poetry installs them only when
 *                       asked ({@code --with docs}); normalized names
 * @param extras         [tool.poetry.extras]: extra name (normalized) to the dependency names it
 *                       installs (normalized); empty when [project] declares the dependencies
 * @param sources        [[tool.poetry.source]], as declared
 */
public record PoetryManifest(DeclaredDependencies dependencies, Set<String> optionalGroups,
        Map<String, List<String>> extras, List<PoetrySource> sources) {

    public PoetryManifest {
        optionalGroups = Set.copyOf(optionalGroups);
        extras = Map.copyOf(extras);
        sources = List.copyOf(sources);
    }
}
