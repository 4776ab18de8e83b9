package dev.dockenv.ci;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The part of a GitHub Actions workflow file that dockenv writes: its triggers (pushes to branches
 * and tags, pull requests), the token's permissions, and jobs of steps that either use an action
 * (pinned by commit) or run a bash script (with pipefail: {@code defaults.run.shell: bash}). Immutable
 * values; {@link GithubWorkflowYaml} renders them.
 *
 * @param pushBranches branch patterns a push runs it for (empty: every branch)
 * @param pushTags tag patterns a push runs it for
 * @param pullRequests whether pull requests run it
 * @param permissions the GITHUB_TOKEN's scopes (contents: read ...)
 */
public record GithubWorkflow(String name, List<String> pushBranches, List<String> pushTags, boolean pullRequests,
        Map<String, String> permissions, List<Job> jobs) {
    private static final Pattern ID = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

    public GithubWorkflow {
        Objects.requireNonNull(name, "name");
        pushBranches = List.copyOf(pushBranches);
        pushTags = List.copyOf(pushTags);
        permissions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(permissions));
        jobs = List.copyOf(jobs);
        if (jobs.isEmpty()) {
            throw new IllegalArgumentException("a workflow has a job");
        }
    }

    /** A job: an id, the runner it runs on, its variables and its steps. */
    public record Job(String id, String name, String runsOn, Map<String, String> env, List<Step> steps) {
        public Job {
            if (!ID.matcher(id).matches()) {
                throw new IllegalArgumentException("not a job id: " + id);
            }
            env = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(env));
            steps = List.copyOf(steps);
        }
    }

    /** A step: a shell script, or an action; either may have an id, a condition and variables. */
    public sealed interface Step {
        String name();

        Optional<String> id();

        /** An expression ({@code steps.cache.outputs.cache-hit != 'true'}), without {@code ${{ }}}. */
        Optional<String> condition();
    }

    /** {@code run:} a bash script. */
    public record Run(String name, Optional<String> id, Optional<String> condition, Map<String, String> env, String script)
            implements Step {
        public Run {
            id.ifPresent(GithubWorkflow::requireId);
            env = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(env));
            if (script.isBlank()) {
                throw new IllegalArgumentException("a run step runs something");
            }
        }
    }

    /**
     * {@code uses:} an action at a commit, with the version that commit is, for people to read.
     *
     * @param action owner/name
     * @param commit the full commit SHA the action is pinned to
     * @param version the release tag of that commit (a comment in the file)
     */
    public record Uses(String name, Optional<String> id, Optional<String> condition, String action, String commit,
            String version, Map<String, String> with) implements Step {
        public Uses {
            id.ifPresent(GithubWorkflow::requireId);
            if (!commit.matches("[0-9a-f]{40}")) {
                throw new IllegalArgumentException("an action is pinned to a full commit SHA: " + commit);
            }
            with = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(with));
        }
    }

    private static void requireId(String id) {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not a step id: " + id);
        }
    }
}
