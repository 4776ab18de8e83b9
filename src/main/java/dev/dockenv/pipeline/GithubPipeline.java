package dev.dockenv.pipeline;

import dev.dockenv.ci.GithubWorkflow;
import dev.dockenv.ci.GithubWorkflowYaml;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The GitHub Actions workflow of {@code dockenv ci github}: dockenv itself runs in it (Java 17 and
 * dockenv's distribution from the repository variable DOCKENV_DIST_URL, checked against
 * DOCKENV_DIST_SHA256 when set), so that the environment is built, tested and released exactly as
 * on a developer's machine: the dev image restored from the Actions cache under its own tag (a
 * cache hit builds nothing), {@code dockenv build} (a stale lock fails here), {@code dockenv run --
 * pytest} when the project has tests, and on the default branch and on version tags {@code dockenv
 * push} after a {@code docker login} with the secrets (or GitHub's own token for ghcr.io), whose
 * values never reach the file or the log (GitHub's token only ever to ghcr.io; the checkout keeps no
 * token in .git, which the tests see). Steps run in bash with pipefail. Actions are pinned by commit.
 */
public final class GithubPipeline {
    /** Where the workflow lives in a repository. */
    public static final String FILE = ".github/workflows/dockenv.yml";

    static final GithubWorkflow.Uses CHECKOUT = new GithubWorkflow.Uses("Check out (with the tags, for the release's "
            + "version)", Optional.empty(), Optional.empty(), "actions/checkout", "11bd71901bbe5b1630ceea73d27597364c9af683",
            "v4.2.2", checkoutInputs());
    static final String CACHE_COMMIT = "5a3ec84eff668545956fd18022155c47e93e2684";
    static final String CACHE_VERSION = "v4.2.3";

    private GithubPipeline() {
    }

    /** All history and tags (the release's version), and no token left in .git, which the tests can read. */
    private static Map<String, String> checkoutInputs() {
        Map<String, String> with = new LinkedHashMap<>();
        with.put("fetch-depth", "0");
        with.put("persist-credentials", "false");
        return with;
    }

    public static String render(PipelineInputs inputs) {
        return GithubWorkflowYaml.render(model(inputs));
    }

    public static GithubWorkflow model(PipelineInputs inputs) {
        List<GithubWorkflow.Step> steps = new ArrayList<>();
        steps.add(CHECKOUT);
        Map<String, String> java = new LinkedHashMap<>();
        java.put("distribution", "temurin");
        java.put("java-version", "17");
        steps.add(new GithubWorkflow.Uses("Java for dockenv", Optional.empty(), Optional.empty(), "actions/setup-java",
                "c5195efecf7bdfc987ee8bae7a71cb8b11521c00", "v4.7.1", java));
        steps.add(run("Install dockenv", Map.of(), PipelineScripts.installDockenv("$RUNNER_TEMP", "echo \"%s\" >> \"$GITHUB_PATH\"")));
        steps.add(new GithubWorkflow.Run("Name the dev environment (a stale lock fails here)", Optional.of("env"),
                Optional.empty(), Map.of(), """
                        image=$(dockenv status | sed -n 's/^image  *//p')
                        test -n "$image"
                        echo "image=$image" >> "$GITHUB_OUTPUT"
                        """));
        Map<String, String> cache = new LinkedHashMap<>();
        cache.put("path", "${{ runner.temp }}/dockenv-dev.tar");
        cache.put("key", "dockenv-${{ steps.env.outputs.image }}");
        steps.add(new GithubWorkflow.Uses("Restore it from the cache", Optional.of("cache"), Optional.empty(),
                "actions/cache/restore", CACHE_COMMIT, CACHE_VERSION, cache));
        steps.add(new GithubWorkflow.Run("Load it", Optional.empty(), Optional.of("steps.cache.outputs.cache-hit == 'true'"),
                Map.of(), "docker load -i \"$RUNNER_TEMP/dockenv-dev.tar\"\n"));
        steps.add(run("Build the dev environment", Map.of(), "dockenv build\n"));
        steps.add(new GithubWorkflow.Run("Keep it for the next run", Optional.empty(),
                Optional.of("steps.cache.outputs.cache-hit != 'true'"), Map.of("DEV_IMAGE", "${{ steps.env.outputs.image }}"),
                "docker save \"$DEV_IMAGE\" -o \"$RUNNER_TEMP/dockenv-dev.tar\"\n"));
        steps.add(new GithubWorkflow.Uses("Save it in the cache", Optional.empty(),
                Optional.of("steps.cache.outputs.cache-hit != 'true'"), "actions/cache/save", CACHE_COMMIT, CACHE_VERSION, cache));
        if (inputs.tests()) {
            steps.add(run("Test", Map.of(), "dockenv run -- pytest\n"));
        }
        Map<String, String> registry = new LinkedHashMap<>();
        registry.put("DOCKENV_REPOSITORY", "${{ vars.DOCKENV_REPOSITORY }}");
        registry.put("REGISTRY_USER", "${{ secrets.DOCKENV_REGISTRY_USER }}");
        registry.put("REGISTRY_PASSWORD", "${{ secrets.DOCKENV_REGISTRY_PASSWORD }}");
        registry.put("GITHUB_TOKEN", "${{ secrets.GITHUB_TOKEN }}");
        steps.add(new GithubWorkflow.Run("Release and push", Optional.empty(), Optional.of(PUSH_CONDITION), registry,
                PipelineScripts.push(inputs.releaseRepository().orElse("ghcr.io/${GITHUB_REPOSITORY,,}"), "ghcr.io",
                        "$GITHUB_ACTOR", "$GITHUB_TOKEN", false, "$RUNNER_TEMP")));
        Map<String, String> env = new LinkedHashMap<>();
        env.put("DOCKENV_DIST_URL", "${{ vars.DOCKENV_DIST_URL }}");
        env.put("DOCKENV_DIST_SHA256", "${{ vars.DOCKENV_DIST_SHA256 }}");
        GithubWorkflow.Job job = new GithubWorkflow.Job("dockenv", "Build, test and release " + inputs.projectName(),
                "ubuntu-24.04", env, steps);
        Map<String, String> permissions = new LinkedHashMap<>();
        permissions.put("contents", "read");
        permissions.put("packages", "write");
        return new GithubWorkflow("dockenv", List.of("**"), List.of("v*"), true, permissions, List.of(job));
    }

    /** Pushes of the default branch and of version tags release; pull requests and other branches do not. */
    static final String PUSH_CONDITION = "github.event_name == 'push' && (github.ref == format('refs/heads/{0}', "
            + "github.event.repository.default_branch) || startsWith(github.ref, 'refs/tags/v'))";

    private static GithubWorkflow.Run run(String name, Map<String, String> env, String script) {
        return new GithubWorkflow.Run(name, Optional.empty(), Optional.empty(), env, script);
    }
}
