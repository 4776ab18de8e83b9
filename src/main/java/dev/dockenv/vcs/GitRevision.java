package dev.dockenv.vcs;

import java.time.Instant;
import java.util.Optional;

/**
 * The commit a project's files are at.
 *
 * @param commit     the full commit id (40 or 64 hex digits)
 * @param dirty      whether the project's folder has changes not committed (untracked files that are
 *                   not ignored count: the build would copy them)
 * @param commitTime the committer's time of the commit
 * @param source     the repository's address (the remote of the branch, else origin), without any
 *                   user or password it was written with
 */
public record GitRevision(String commit, boolean dirty, Instant commitTime, Optional<String> source) {

    public GitRevision {
        if (!commit.matches("[0-9a-f]{40}|[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a commit id: " + commit);
        }
    }

    /** The first 7 hex digits, as git abbreviates. */
    public String shortCommit() {
        return commit.substring(0, 7);
    }
}
