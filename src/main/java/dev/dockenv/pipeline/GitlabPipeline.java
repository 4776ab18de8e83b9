package dev.dockenv.pipeline;

import dev.dockenv.ci.GitlabCi;
import dev.dockenv.ci.GitlabCiYaml;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The GitLab CI pipeline of {@code dockenv ci gitlab}, for runners whose Docker engine sees the
 * job's folder (the shell executor): dockenv itself runs in it, installed by every job from the
 * CI/CD variable DOCKENV_DIST_URL (checked against DOCKENV_DIST_SHA256 when set). {@code dockenv-test}
 * names and builds the dev environment (a stale lock fails; the runner's engine keeps the image and
 * BuildKit's cache between pipelines) and runs pytest when the project has tests;
 * {@code dockenv-release}, on the default branch and on v* tags and after the tests, logs in and runs
 * {@code dockenv push}: to DOCKENV_REPOSITORY, else the configured repository, else the project's
 * own registry ($CI_REGISTRY_IMAGE, with the job's token unless DOCKENV_REGISTRY_USER and
 * DOCKENV_REGISTRY_PASSWORD are set). Job names start with {@code dockenv-} and use GitLab's
 * default stages, so the file can be included in a pipeline of the user's (whose own {@code stages:}, if
 * any, must list test and deploy). Each job removes its download afterwards, and the release's login
 * lives in the job's own DOCKER_CONFIG there, not in the runner user's home.
 */
public final class GitlabPipeline {
    /** The pipeline, when the repository has none of its own. */
    public static final String FILE = ".gitlab-ci.yml";
    /** The file to include from a pipeline of the user's. */
    public static final String INCLUDED_FILE = ".gitlab/dockenv.gitlab-ci.yml";

    private static final String TEMP = "${TMPDIR:-/tmp}/dockenv-$CI_JOB_ID";

    private GitlabPipeline() {
    }

    public static String render(PipelineInputs inputs) {
        return GitlabCiYaml.render(model(inputs));
    }

    public static GitlabCi model(PipelineInputs inputs) {
        GitlabCi.Job template = new GitlabCi.Job(".dockenv", Optional.empty(), Optional.empty(), List.of(), List.of(),
                List.of(PipelineScripts.installDockenv(TEMP, "export PATH=\"%s:$PATH\"")), List.of(),
                List.of("rm -rf \"" + TEMP + "\""));
        List<String> test = new ArrayList<>(List.of("dockenv status", "dockenv build"));
        if (inputs.tests()) {
            test.add("dockenv run -- pytest");
        }
        GitlabCi.Job tests = new GitlabCi.Job("dockenv-test", Optional.of(".dockenv"), Optional.of("test"), List.of(),
                List.of(), List.of(), test, List.of());
        String repository = inputs.releaseRepository().orElse("$CI_REGISTRY_IMAGE");
        GitlabCi.Job release = new GitlabCi.Job("dockenv-release", Optional.of(".dockenv"), Optional.of("deploy"),
                List.of("dockenv-test"), List.of("$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH", "$CI_COMMIT_TAG =~ /^v/"),
                List.of(), List.of("REGISTRY_USER=\"${DOCKENV_REGISTRY_USER:-}\"\n"
                        + "REGISTRY_PASSWORD=\"${DOCKENV_REGISTRY_PASSWORD:-}\"\n"
                        + PipelineScripts.push(repository, "$CI_REGISTRY", "$CI_REGISTRY_USER", "$CI_REGISTRY_PASSWORD",
                                true, TEMP)), List.of());
        return new GitlabCi(List.of(template, tests, release));
    }
}
