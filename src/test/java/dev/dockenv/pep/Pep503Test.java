package dev.dockenv.pep;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Pep503Test {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "friendly-bard, friendly-bard",
        "Friendly-Bard, friendly-bard",
        "FRIENDLY-BARD, friendly-bard",
        "friendly.bard, friendly-bard",
        "friendly_bard, friendly-bard",
        "friendly--bard, friendly-bard",
        "FrIeNdLy-._.-bArD, friendly-bard",
    })
    void normalizes(String name, String normalized) {
        assertThat(Pep503.normalize(name)).isEqualTo(normalized);
    }

    @ParameterizedTest
    @ValueSource(strings = {"A", "aa", "A.B-C_D", "zope.interface", "a1", "9"})
    void acceptsValidNames(String name) {
        assertThat(Pep503.isValidName(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-a", "a-", "a.", "_a", "a b", "a!b", "ä"})
    void rejectsInvalidNames(String name) {
        assertThat(Pep503.isValidName(name)).isFalse();
    }
}
