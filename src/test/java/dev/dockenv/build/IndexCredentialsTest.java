package dev.dockenv.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IndexCredentialsTest {
    @Test
    void credentialsInIndexUrlsBecomeNetrcEntries() {
        assertThat(IndexCredentials.collect(List.of("https://ci%40corp:t0k%2Fen@pypi.corp.example/simple",
                "https://pypi.org/simple"), Optional.empty(), Set.of("pypi.corp.example")))
                .map(IndexCredentials::netrc)
                .contains("machine pypi.corp.example login ci@corp password t0k/en\n");
    }

    @Test
    void theUsersNetrcIsUsedForTheIndexHostsOnly() {
        String netrc = """
                # mine
                machine github.com login me password gh-token
                machine pypi.corp.example
                    login ci
                    password s3cret
                macdef init
                cd /tmp

                default login anonymous password x
                """;
        assertThat(IndexCredentials.collect(List.of("https://pypi.corp.example/simple"), Optional.of(netrc),
                Set.of("pypi.corp.example"))).map(IndexCredentials::netrc)
                .contains("machine pypi.corp.example login ci password s3cret\n");
    }

    @Test
    void nothingToSayIsEmptyAndTheValueNeverPrintsItsSecret() {
        assertThat(IndexCredentials.collect(List.of("https://pypi.org/simple"), Optional.empty(), Set.of("pypi.org")))
                .isEmpty();
        assertThat(new IndexCredentials("machine x login a password b").toString()).doesNotContain("password b");
    }
}
