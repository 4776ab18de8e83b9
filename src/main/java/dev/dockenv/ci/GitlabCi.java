package dev.dockenv.ci;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The part of a GitLab CI file that dockenv writes: jobs (a hidden one, {@code .NAME}, that others
 * extend) with their stage, the jobs they need, the rules that run them, and their scripts.
 * Immutable values; {@link GitlabCiYaml} renders them.
 */
public record GitlabCi(List<Job> jobs) {
    private static final Pattern NAME = Pattern.compile("\\.?[A-Za-z0-9][A-Za-z0-9_-]*");

    public GitlabCi {
        jobs = List.copyOf(jobs);
        if (jobs.isEmpty()) {
            throw new IllegalArgumentException("a pipeline has a job");
        }
    }

    /**
     * A job. A hidden job's name starts with a dot; it runs only through {@code extends}.
     *
     * @param rules {@code if:} expressions; the job runs when one of them holds (none: always)
     * @param beforeScript lines run first, in the same shell as {@code script}
     * @param afterScript lines run after the job, whether it passed or failed, in a shell of their own
     */
    public record Job(String name, Optional<String> extendsJob, Optional<String> stage, List<String> needs,
            List<String> rules, List<String> beforeScript, List<String> script, List<String> afterScript) {
        public Job {
            Objects.requireNonNull(name, "name");
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("not a job name: " + name);
            }
            needs = List.copyOf(needs);
            rules = List.copyOf(rules);
            beforeScript = List.copyOf(beforeScript);
            script = List.copyOf(script);
            afterScript = List.copyOf(afterScript);
            if (!name.startsWith(".") && script.isEmpty()) {
                throw new IllegalArgumentException("a job runs a script: " + name);
            }
        }
    }
}
