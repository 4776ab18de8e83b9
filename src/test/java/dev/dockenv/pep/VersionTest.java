package dev.dockenv.pep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class VersionTest {

    /** The ordering examples of PEP 440 ("Summary of permitted suffixes and relative ordering"), ascending. */
    private static final List<String> PEP_440_ORDER = List.of(
            "1.dev0", "1.0.dev456", "1.0a1", "1.0a2.dev456", "1.0a12.dev456", "1.0a12", "1.0b1.dev456",
            "1.0b2", "1.0b2.post345.dev456", "1.0b2.post345", "1.0b2-346", "1.0c1.dev456", "1.0c1",
            "1.0rc2", "1.0c3", "1.0", "1.0.post456.dev34", "1.0.post456", "1.0.15", "1.1.dev1");

    /** Epochs and local versions, ascending (the local rules of PEP 440 and packaging's tests). */
    private static final List<String> MORE_ORDER = List.of(
            "1.0", "1.0+abc", "1.0+abc.5", "1.0+abc.7", "1.0+5", "1.0+5.abc", "1.0+7", "1.0+10", "1.0.post1",
            "2013.10", "2014.04", "1!0.1", "1!1.0.dev1", "1!1.0", "2!0.0.1");

    static Stream<Arguments> adjacentPairs() {
        List<Arguments> pairs = new ArrayList<>();
        for (List<String> order : List.of(PEP_440_ORDER, MORE_ORDER)) {
            for (int i = 0; i + 1 < order.size(); i++) {
                pairs.add(Arguments.of(order.get(i), order.get(i + 1)));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} < {1}")
    @MethodSource("adjacentPairs")
    void ordersAsPep440Says(String lower, String higher) throws Exception {
        Version a = Version.parse(lower);
        Version b = Version.parse(higher);
        assertThat(a).isLessThan(b);
        assertThat(b).isGreaterThan(a);
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void sortingAShuffledListRestoresThePep440Order() throws Exception {
        List<Version> expected = new ArrayList<>();
        for (String s : PEP_440_ORDER) {
            expected.add(Version.parse(s));
        }
        List<Version> shuffled = new ArrayList<>(expected);
        Collections.shuffle(shuffled, new Random(440));
        Collections.sort(shuffled);
        assertThat(shuffled).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "1.0, 1.0",
        "v1.0, 1.0",
        "V1.0, 1.0",
        "'  1.0\t', 1.0",
        "1.01, 1.1",
        "0!1.0, 1.0",
        "1!1.0, 1!1.0",
        "1.1RC1, 1.1rc1",
        "1.0a, 1.0a0",
        "1.1.a1, 1.1a1",
        "1.1-a1, 1.1a1",
        "1.1_a1, 1.1a1",
        "1.1a.1, 1.1a1",
        "1.1alpha1, 1.1a1",
        "1.1beta2, 1.1b2",
        "1.1c3, 1.1rc3",
        "1.1pre1, 1.1rc1",
        "1.1preview1, 1.1rc1",
        "1.2-post2, 1.2.post2",
        "1.2post2, 1.2.post2",
        "1.2.post, 1.2.post0",
        "1.0-r4, 1.0.post4",
        "1.0-rev4, 1.0.post4",
        "1.0-1, 1.0.post1",
        "1.2-dev2, 1.2.dev2",
        "1.2dev2, 1.2.dev2",
        "1.2.dev, 1.2.dev0",
        "1.0b2-346, 1.0b2.post346",
        "1.0RC1-post2-DEV3, 1.0rc1.post2.dev3",
        "1.0+ubuntu-1, 1.0+ubuntu.1",
        "1.0+Ubuntu_1, 1.0+ubuntu.1",
        "1.0+ubuntu.01, 1.0+ubuntu.1",
        "1.0.0, 1.0.0",
        "2024.01.15, 2024.1.15",
    })
    void normalizes(String written, String normalized) throws Exception {
        assertThat(Version.parse(written)).hasToString(normalized);
    }

    @ParameterizedTest(name = "''{0}'' is invalid at column {1}")
    @CsvSource({
        "french toast, 1",
        "1.0-, 5",
        "1.0+, 5",
        "1.0+_foo, 5",
        "1.0 a, 5",
        "1..0, 3",
        ".1, 1",
        "1.0a1a2, 6",
        "1.0.*, 5",
        "1.0.post1.post2, 11",
        "1.0-dev1-post1, 9",
        "1.0 1.1, 5",
    })
    void rejectsInvalidVersionsAtTheRightColumn(String text, int column) {
        assertThatThrownBy(() -> Version.parse(text))
                .isInstanceOf(PepSyntaxException.class)
                .hasMessageContaining("invalid version '" + text + "'")
                .satisfies(e -> assertThat(((PepSyntaxException) e).column()).isEqualTo(column));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void rejectsBlank(String text) {
        assertThatThrownBy(() -> Version.parse(text)).hasMessage("expected a version");
    }

    @Test
    void trailingZerosDoNotMatterForEquality() throws Exception {
        assertThat(Version.parse("1.0")).isEqualTo(Version.parse("1.0.0"))
                .hasSameHashCodeAs(Version.parse("1.0.0"))
                .isEqualByComparingTo(Version.parse("1"));
        assertThat(Version.parse("1.0+abc")).isNotEqualTo(Version.parse("1.0"));
    }

    @Test
    void exposesItsParts() throws Exception {
        Version v = Version.parse("2!1.2.3rc4.post5.dev6+local.7");
        assertThat(v.epoch()).isEqualTo(2);
        assertThat(v.release()).containsExactly(1L, 2L, 3L);
        assertThat(v.pre()).contains(new Version.PreRelease(Version.Phase.RELEASE_CANDIDATE, 4));
        assertThat(v.post()).contains(5L);
        assertThat(v.dev()).contains(6L);
        assertThat(v.local()).containsExactly("local", "7");
        assertThat(v.isPrerelease()).isTrue();
        assertThat(v.isPostRelease()).isTrue();
        assertThat(v.publicVersion()).hasToString("2!1.2.3rc4.post5.dev6");
        assertThat(v.baseVersion()).hasToString("2!1.2.3");
    }

    @Test
    void prereleaseMeansPreOrDev() throws Exception {
        assertThat(Version.parse("1.0.dev1").isPrerelease()).isTrue();
        assertThat(Version.parse("1.0a1").isPrerelease()).isTrue();
        assertThat(Version.parse("1.0.post1").isPrerelease()).isFalse();
        assertThat(Version.parse("1.0+local").isPrerelease()).isFalse();
    }

    @Test
    void hugeNumbersAreReportedNotOverflowed() {
        assertThatThrownBy(() -> Version.parse("1." + "9".repeat(30)))
                .isInstanceOf(PepSyntaxException.class)
                .hasMessageContaining("too large");
    }

    @Test
    void localNumbersCompareNumericallyBeyondLongRange() throws Exception {
        String big = "1" + "0".repeat(25);
        assertThat(Version.parse("1.0+" + big)).isGreaterThan(Version.parse("1.0+" + "9".repeat(24)));
    }
}
