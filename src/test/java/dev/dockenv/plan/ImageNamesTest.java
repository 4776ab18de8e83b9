package dev.dockenv.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.config.ImageReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageNamesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "../../evil name!|dockenv-evil-name",
        "My_Project|dockenv-my_project",
        "shop|dockenv-shop",
        "a..b__c--d|dockenv-a-b-c-d",
        "'..'|dockenv-project",
        "''|dockenv-project",
        "'  '|dockenv-project",
        "Ünïcödé|dockenv-n-c-d",
        "x/y:latest@sha256|dockenv-x-y-latest-sha256",
        "'evil\nRUN echo INJECTED'|dockenv-evil-run-echo-injected",
    })
    void projectNamesGiveSafeRepositoryNames(String project, String repository) {
        assertThat(ImageNames.repositoryFor(project)).isEqualTo(repository);
        assertThat(ImageReference.problem(repository + ":dev-0123abcd")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {119, 120, 121, 128, 300, 10_000})
    void longNamesAreCutToARepositoryDockerTakesAndStayApart(int length) {
        String a = "a".repeat(length);
        String b = "a".repeat(length - 1) + "b";
        String repoA = ImageNames.repositoryFor(a);
        String repoB = ImageNames.repositoryFor(b);
        assertThat(repoA).hasSizeLessThanOrEqualTo(128).isNotEqualTo(repoB);
        assertThat(repoB).hasSizeLessThanOrEqualTo(128);
        assertThat(ImageReference.problem(repoA + ":prod-0123abcd")).isEmpty();
        assertThat(ImageReference.problem(repoB + ":prod-0123abcd")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a-", "a.", "a_"})
    void aCutNeverEndsOnASeparator(String tail) {
        String name = "x".repeat(101) + tail.repeat(40);
        assertThat(ImageReference.problem(ImageNames.repositoryFor(name))).isEmpty();
    }
}
