package dev.dockenv.resolve;

import java.util.List;
import java.util.Optional;

/** Where a resolver finds a project's files and a file's core metadata: the package indexes. */
public interface IndexProjects {

    /** Every file the indexes list for the project (its normalized name), in index order. */
    List<ProjectPage.ProjectFile> files(String project);

    /**
     * The file's core metadata: the index's copy (PEP 658) or a wheel's own METADATA; empty for a
     * source distribution, whose metadata only a build gives.
     */
    Optional<CoreMetadata> metadata(ProjectPage.ProjectFile file);

    /**
     * A hint that these projects' files will be asked for soon (an index over the network may start
     * reading their pages at once); nothing by default.
     */
    default void expect(java.util.Collection<String> projects) {
    }
}
