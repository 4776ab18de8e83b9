package dev.dockenv.release;

import dev.dockenv.vcs.GitRevision;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The tags of a release: the project's version (as a Docker tag: characters a tag cannot hold, such
 * as a local version's {@code +}, become {@code -}), {@code sha-} and the commit's first 7 hex
 * digits ({@code -dirty} when the tree has uncommitted changes), and {@code latest}.
 */
public final class ReleaseTags {
    public static final String LATEST = "latest";

    private ReleaseTags() {
    }

    public static List<String> of(Optional<String> version, Optional<GitRevision> revision) {
        List<String> tags = new ArrayList<>();
        version.map(ReleaseTags::versionTag).ifPresent(tags::add);
        revision.map(ReleaseTags::revisionTag).ifPresent(tags::add);
        tags.add(LATEST);
        return List.copyOf(tags);
    }

    /** {@code 1.4.0} stays; {@code 1.4.0+local.1} becomes {@code 1.4.0-local.1}; {@code 1!2.0} becomes {@code 1-2.0}. */
    public static String versionTag(String normalizedVersion) {
        String tag = normalizedVersion.replaceAll("[^A-Za-z0-9_.-]", "-");
        if (tag.isEmpty() || tag.length() > 128 || !Character.isLetterOrDigit(tag.charAt(0))) {
            throw new IllegalArgumentException("version '" + normalizedVersion + "' makes no Docker tag");
        }
        return tag;
    }

    public static String revisionTag(GitRevision revision) {
        return "sha-" + revision.shortCommit() + (revision.dirty() ? "-dirty" : "");
    }
}
