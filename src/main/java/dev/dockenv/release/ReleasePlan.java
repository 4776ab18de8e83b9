package dev.dockenv.release;

import dev.dockenv.vcs.GitRevision;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a release tags and labels: computed from the project before anything is built.
 *
 * @param name       the released project or app
 * @param repository where the tags go ({@code registry.example.com/team/shop}, or the name locally)
 * @param tags       the tags, the version's first when there is one
 * @param labels     the OCI labels (sorted)
 * @param version    the project's version, when it states one
 * @param revision   the commit, when the project is in a git repository
 * @param created    when it was made: SOURCE_DATE_EPOCH, else the commit's time (never the clock)
 * @param notes      what the release lacks and why (no version, no commit, no creation time)
 */
public record ReleasePlan(String name, String repository, List<String> tags, Map<String, String> labels,
        Optional<String> version, Optional<GitRevision> revision, Optional<java.time.Instant> created,
        List<String> notes) {

    public ReleasePlan {
        tags = List.copyOf(tags);
        labels = java.util.Collections.unmodifiableMap(new TreeMap<>(labels));
        notes = List.copyOf(notes);
    }

    /** repository:tag for each tag, in order. */
    public List<String> references() {
        return tags.stream().map(t -> repository + ":" + t).toList();
    }

    /** Whether the tree had changes not committed (its revision tag says -dirty). */
    public boolean dirty() {
        return revision.map(GitRevision::dirty).orElse(false);
    }
}
