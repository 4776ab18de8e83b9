package dev.dockenv.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockenv.Golden;
import dev.dockenv.ci.GithubWorkflow;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The GitHub Actions workflow of {@code dockenv ci github}: pinned actions, the cached dev image, the
 * tests when there are any, the push only on the default branch and v* tags, no secret value in it.
 */
class GithubPipelineTest {
    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String yaml) {
        return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(yaml);
    }

    @Test
    void aProjectWithTestsAndARepositoryOfItsOwn() {
        String yaml = GithubPipeline.render(new PipelineInputs("shop", true,
                Optional.of("registry.example.com/team/shop")));
        Golden.assertMatches("ci/github-workflow.yml", yaml);
        assertThat(yaml).contains("uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2\n",
                "run: |\n", "dockenv run -- pytest\n", "repository=\"${DOCKENV_REPOSITORY:-registry.example.com/team/shop}\"");
        Map<String, Object> workflow = parse(yaml);
        assertThat(((Map<?, ?>) workflow.get("on")).keySet().stream().map(Object::toString).toList()).containsExactly("push", "pull_request");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> steps = (List<Map<String, Object>>) ((Map<String, Object>) ((Map<String, Object>)
                workflow.get("jobs")).get("dockenv")).get("steps");
        assertThat(steps).allSatisfy(s -> {
            if (s.containsKey("uses")) {
                assertThat((String) s.get("uses")).as("pinned by commit").matches("[a-z/-]+@[0-9a-f]{40}");
            }
        });
        assertThat(steps.stream().map(s -> (String) s.get("name")).toList()).containsSubsequence(
                "Install dockenv", "Build the dev environment", "Test", "Release and push");
        assertThat(yaml).as("no secret's value, only references").doesNotContainPattern("(?i)password: (?!\"\\$\\{\\{ secrets\\.)");
    }

    @Test
    void withoutTestsThereIsNoTestStepAndTheReleaseGoesToGhcr() {
        String yaml = GithubPipeline.render(new PipelineInputs("shop", false, Optional.empty()));
        assertThat(yaml).doesNotContain("pytest").contains("${DOCKENV_REPOSITORY:-ghcr.io/${GITHUB_REPOSITORY,,}}");
    }

    @Test
    void anActionIsPinnedToAFullCommit() {
        assertThatThrownBy(() -> new GithubWorkflow.Uses("x", Optional.empty(), Optional.empty(), "actions/checkout",
                "v4", "v4", Map.of())).hasMessageContaining("full commit SHA");
    }
}
