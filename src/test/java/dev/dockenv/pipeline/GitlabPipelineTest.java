package dev.dockenv.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.Golden;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The GitLab CI pipeline of {@code dockenv ci gitlab}: jobs named dockenv-* on GitLab's default
 * stages (so that a pipeline of the user's can include them), the release only on the default branch
 * and v* tags and after the tests, the registry's password only from variables.
 */
class GitlabPipelineTest {
    @Test
    @SuppressWarnings("unchecked")
    void theTestAndReleaseJobsOverATemplateThatInstallsDockenv() {
        String yaml = GitlabPipeline.render(new PipelineInputs("shop", true, Optional.empty()));
        Golden.assertMatches("ci/gitlab-ci.yml", yaml);
        Map<String, Object> ci = (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(yaml);
        assertThat(ci.keySet()).containsExactly(".dockenv", "dockenv-test", "dockenv-release");
        Map<String, Object> release = (Map<String, Object>) ci.get("dockenv-release");
        assertThat(release).containsEntry("stage", "deploy").containsEntry("needs", List.of("dockenv-test"))
                .containsEntry("extends", ".dockenv");
        assertThat((List<Map<String, String>>) release.get("rules")).extracting(r -> r.get("if"))
                .containsExactly("$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH", "$CI_COMMIT_TAG =~ /^v/");
        assertThat(yaml).contains("repository=\"${DOCKENV_REPOSITORY:-$CI_REGISTRY_IMAGE}\"", "dockenv run -- pytest",
                "--password-stdin");
    }

    @Test
    void withoutTestsThereIsNoPytest() {
        assertThat(GitlabPipeline.render(new PipelineInputs("shop", false, Optional.of("registry.example.com/shop"))))
                .doesNotContain("pytest").contains("${DOCKENV_REPOSITORY:-registry.example.com/shop}");
    }
}
