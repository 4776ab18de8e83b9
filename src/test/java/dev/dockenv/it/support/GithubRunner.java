package dev.dockenv.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Runs a GitHub Actions workflow's job here as the hosted runner would run its steps, in order: each
 * {@code run:} script with {@code bash --noprofile --norc -eo pipefail}, in the checkout, with the
 * variables the runner sets (GITHUB_REF, GITHUB_OUTPUT, GITHUB_PATH, RUNNER_TEMP ...), the job's and
 * the step's {@code env:}, the folders earlier steps added to GITHUB_PATH first on PATH, and the
 * outputs earlier steps wrote; a step whose {@code if:} is false is skipped. The actions are stood in
 * for: checkout by the project being a git checkout already, setup-java by this machine's Java, and
 * actions/cache/restore and save by a folder of this runner kept between runs. {@code ${{ }}}
 * expressions and {@code if:} conditions are evaluated from tables ({@link #expression},
 * {@link #condition}); one the tables do not know fails the run, so a workflow can never use more
 * than this stand-in understands.
 */
public final class GithubRunner {
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{ *(.+?) *}}");

    private final Path workspace;
    private final Path temp;
    private final Path cacheStore;
    private final Map<String, String> variables = new LinkedHashMap<>();
    private final Map<String, String> secrets = new LinkedHashMap<>();
    private final Map<String, String> env = new LinkedHashMap<>();
    private final Map<String, Predicate<GithubRunner>> conditions = new LinkedHashMap<>();
    private String eventName = "push";
    private String ref = "refs/heads/main";
    private final String defaultBranch = "main";
    private final Map<String, Map<String, String>> outputs = new LinkedHashMap<>();

    /** What a run did: the steps run and skipped, by name, and the first that failed (its name and output). */
    public record Run(List<String> ran, List<String> skipped, String failedStep, ProcessResult failed, String log) {
        public boolean ok() {
            return failed == null;
        }
    }

    public GithubRunner(Path workspace, Path temp, Path cacheStore) {
        this.workspace = workspace;
        this.temp = temp;
        this.cacheStore = cacheStore;
        conditions.put("steps.cache.outputs.cache-hit == 'true'", r -> "true".equals(r.output("cache", "cache-hit")));
        conditions.put("steps.cache.outputs.cache-hit != 'true'", r -> !"true".equals(r.output("cache", "cache-hit")));
        conditions.put("github.event_name == 'push' && (github.ref == format('refs/heads/{0}', "
                + "github.event.repository.default_branch) || startsWith(github.ref, 'refs/tags/v'))",
                r -> r.eventName.equals("push") && (r.ref.equals("refs/heads/" + r.defaultBranch)
                        || r.ref.startsWith("refs/tags/v")));
    }

    public GithubRunner variable(String name, String value) {
        variables.put(name, value);
        return this;
    }

    public GithubRunner secret(String name, String value) {
        secrets.put(name, value);
        return this;
    }

    /** A variable of this machine the steps get besides the runner's (DOCKER_CONFIG, DOCKENV_CACHE_DIR ...). */
    public GithubRunner env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** The event: {@code push} of {@code ref} (refs/heads/main, refs/tags/v1.0.0), or {@code pull_request}. */
    public GithubRunner event(String name, String gitRef) {
        eventName = name;
        ref = gitRef;
        return this;
    }

    private String output(String step, String name) {
        return outputs.getOrDefault(step, Map.of()).get(name);
    }

    /** The value of an expression the workflow may use. */
    private String expression(String expr) {
        Matcher m;
        if ((m = Pattern.compile("vars\\.([A-Z0-9_]+)").matcher(expr)).matches()) {
            return variables.getOrDefault(m.group(1), "");
        }
        if ((m = Pattern.compile("secrets\\.([A-Z0-9_]+) \\|\\| (.+)").matcher(expr)).matches()) {
            String v = secrets.get(m.group(1));
            return v != null && !v.isEmpty() ? v : expression(m.group(2));
        }
        if ((m = Pattern.compile("secrets\\.([A-Z0-9_]+)").matcher(expr)).matches()) {
            return secrets.getOrDefault(m.group(1), "");
        }
        if (expr.equals("github.actor")) {
            return "octocat";
        }
        if (expr.equals("runner.temp")) {
            return temp.toString();
        }
        if ((m = Pattern.compile("steps\\.([A-Za-z0-9_-]+)\\.outputs\\.([A-Za-z0-9_-]+)").matcher(expr)).matches()) {
            return outputs.getOrDefault(m.group(1), Map.of()).getOrDefault(m.group(2), "");
        }
        throw new AssertionError("the workflow uses ${{ " + expr + " }}, which this stand-in of the runner does not know");
    }

    private String substitute(String text) {
        Matcher m = EXPRESSION.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(expression(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Runs the job {@code jobId} of the workflow file. */
    @SuppressWarnings("unchecked")
    public Run run(Path workflowFile, String jobId) {
        Map<String, Object> workflow;
        try {
            workflow = (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(Files.readString(workflowFile));
            Files.createDirectories(temp);
            Files.createDirectories(cacheStore);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        requireTriggered((Map<String, Object>) workflow.get("on"));
        // a run: step's shell: GitHub's default is bash -e; `shell: bash` adds pipefail
        Map<String, Object> defaults = (Map<String, Object>) ((Map<String, Object>) workflow.getOrDefault("defaults",
                Map.of())).getOrDefault("run", Map.of());
        List<String> shell = "bash".equals(defaults.get("shell"))
                ? List.of("bash", "--noprofile", "--norc", "-eo", "pipefail", "-c") : List.of("bash", "-e", "-c");
        Map<String, Object> job = (Map<String, Object>) ((Map<String, Object>) workflow.get("jobs")).get(jobId);
        Map<String, String> jobEnv = new LinkedHashMap<>();
        ((Map<String, Object>) job.getOrDefault("env", Map.of())).forEach((k, v) -> jobEnv.put(k, substitute(v.toString())));
        List<String> ran = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<String> path = new ArrayList<>();
        StringBuilder log = new StringBuilder();
        outputs.clear();
        int index = 0;
        for (Map<String, Object> step : (List<Map<String, Object>>) job.get("steps")) {
            index++;
            String name = (String) step.get("name");
            String id = (String) step.getOrDefault("id", "step" + index);
            Object condition = step.get("if");
            if (condition != null) {
                Predicate<GithubRunner> c = conditions.get(condition.toString());
                if (c == null) {
                    throw new AssertionError("the workflow's step '" + name + "' has if: " + condition
                            + ", which this stand-in of the runner does not know");
                }
                if (!c.test(this)) {
                    skipped.add(name);
                    continue;
                }
            }
            Map<String, String> with = new LinkedHashMap<>();
            ((Map<String, Object>) step.getOrDefault("with", Map.of())).forEach((k, v) -> with.put(k, substitute(v.toString())));
            if (step.containsKey("uses")) {
                useAction((String) step.get("uses"), id, with);
                ran.add(name);
                continue;
            }
            Map<String, String> stepEnv = new LinkedHashMap<>(env);
            stepEnv.putAll(runnerVariables(index));
            stepEnv.putAll(jobEnv);
            ((Map<String, Object>) step.getOrDefault("env", Map.of())).forEach((k, v) -> stepEnv.put(k, substitute(v.toString())));
            List<String> prefix = new ArrayList<>(path);
            java.util.Collections.reverse(prefix);
            prefix.add(System.getenv("PATH"));
            stepEnv.put("PATH", String.join(":", prefix));
            List<String> command = new ArrayList<>(shell);
            command.add((String) step.get("run"));
            ProcessResult result = Exec.of(command)
                    .dir(workspace).env(stepEnv).timeout(Duration.ofMinutes(6)).run();
            log.append("## ").append(name).append('\n').append(result.stdout()).append(result.stderr());
            Map<String, String> written = readLines(Path.of(stepEnv.get("GITHUB_OUTPUT")));
            outputs.put(id, written);
            readLines(Path.of(stepEnv.get("GITHUB_PATH"))).keySet().forEach(path::add);
            if (!result.ok()) {
                return new Run(ran, skipped, name, result, log.toString());
            }
            ran.add(name);
        }
        return new Run(ran, skipped, null, null, log.toString());
    }

    /**
     * Fails unless the workflow's {@code on:} runs it for this event: a pull request, or a push whose
     * branch or tag matches the patterns (a push filter that names only tags runs for no branch).
     */
    @SuppressWarnings("unchecked")
    private void requireTriggered(Map<String, Object> on) {
        if (eventName.equals("pull_request")) {
            if (!on.containsKey("pull_request")) {
                throw new AssertionError("the workflow does not run on pull requests: on: " + on);
            }
            return;
        }
        Map<String, Object> push = (Map<String, Object>) on.get("push");
        if (push == null) {
            throw new AssertionError("the workflow does not run on pushes: on: " + on);
        }
        boolean tag = ref.startsWith("refs/tags/");
        String name = ref.replaceFirst("^refs/(heads|tags)/", "");
        List<String> branches = (List<String>) push.get("branches");
        List<String> tags = (List<String>) push.get("tags");
        List<String> patterns = tag ? tags : branches;
        if (patterns == null) {
            if (branches == null && tags == null) {
                return;
            }
            throw new AssertionError("the workflow's push filter names only " + (tag ? "branches" : "tags")
                    + ", so a push of " + ref + " does not run it");
        }
        if (patterns.stream().noneMatch(p -> name.matches(p.replace(".", "\\.").replace("**", "\u0000")
                .replace("*", "[^/]*").replace("\u0000", ".*")))) {
            throw new AssertionError("no pattern of " + patterns + " matches " + ref);
        }
    }

    /** The variables the hosted runner sets for step {@code index}: files of their own for its outputs and PATH. */
    private Map<String, String> runnerVariables(int index) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("CI", "true");
        v.put("GITHUB_ACTIONS", "true");
        v.put("GITHUB_WORKSPACE", workspace.toString());
        v.put("GITHUB_EVENT_NAME", eventName);
        v.put("GITHUB_REF", ref);
        v.put("GITHUB_REF_NAME", ref.replaceFirst("^refs/(heads|tags)/", ""));
        v.put("GITHUB_REPOSITORY", "Octo-Org/Shop");
        v.put("GITHUB_ACTOR", "octocat");
        v.put("RUNNER_TEMP", temp.toString());
        try {
            Path files = Files.createDirectories(temp.resolve("_runner_file_commands"));
            for (String name : List.of("GITHUB_OUTPUT", "GITHUB_PATH", "GITHUB_ENV")) {
                Path f = files.resolve(name.toLowerCase(java.util.Locale.ROOT) + "_" + index);
                Files.writeString(f, "");
                v.put(name, f.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return v;
    }

    /** GITHUB_OUTPUT's NAME=VALUE lines, or GITHUB_PATH's lines (as keys). */
    private static Map<String, String> readLines(Path file) {
        Map<String, String> m = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                int eq = line.indexOf('=');
                if (!line.isBlank()) {
                    m.put(eq < 0 ? line : line.substring(0, eq), eq < 0 ? "" : line.substring(eq + 1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return m;
    }

    private void useAction(String uses, String id, Map<String, String> with) {
        String action = uses.substring(0, uses.indexOf('@'));
        switch (action) {
            case "actions/checkout", "actions/setup-java" -> {
                // the project is a git checkout already; Java 17 is this machine's
            }
            case "actions/cache/restore" -> {
                Path stored = cacheStore.resolve(key(with));
                boolean hit = Files.isRegularFile(stored);
                if (hit) {
                    copy(stored, Path.of(with.get("path")));
                }
                outputs.put(id, Map.of("cache-hit", Boolean.toString(hit)));
            }
            case "actions/cache/save" -> copy(Path.of(with.get("path")), cacheStore.resolve(key(with)));
            default -> throw new AssertionError("the workflow uses " + uses + ", which this stand-in of the runner does not know");
        }
    }

    private static String key(Map<String, String> with) {
        String key = with.get("key");
        if (key == null || key.isBlank() || key.endsWith("-")) {
            throw new AssertionError("a cache key is empty or incomplete: " + key);
        }
        return key.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static void copy(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent());
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
