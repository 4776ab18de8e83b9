package dev.dockenv.pep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpecifierTest {

    @ParameterizedTest(name = "{1} contains {0}")
    @CsvSource({
        // == and local versions
        "2.0, ==2", "2.0, ==2.0", "2.0, ==2.0.0",
        "2.0+deadbeef, ==2", "2.0+deadbeef, ==2.0", "2.0+deadbeef, ==2+deadbeef",
        "2.0+deadbeef, ==2.0.0+deadbeef", "2.0+deadbeef.0, ==2.0.0+deadbeef.00",
        // prefix matching
        "2, ==2.*", "2.0, ==2.*", "2.0.0, ==2.*", "2.9.1, ==2.*", "2.0, ==2.0.*", "2, ==2.0.*",
        "2.0.post1, ==2.0.*", "2.0+local, ==2.0.*", "1!2.0, ==1!2.*",
        // !=
        "2.1, !=2", "2.1, !=2.0", "2.0.1, !=2", "2.1, !=2.0.*", "3.0, !=2.*", "2.0+local, !=2.0+other",
        // ~=
        "2.0, ~=2.0", "2.3, ~=2.2", "2.9, ~=2.2", "2.2.1, ~=2.2.0", "2.0.5, ~=2.0.3", "2.2.post3, ~=2.2",
        "1.4.5, ~=1.4.5a4", "2.3, ~=2.2.post3", "2.2.post4, ~=2.2.post3",
        // <= and >=
        "2.0, <=2", "2.0+local, <=2.0", "1.0, <=2", "2.0, >=2", "2.0.post1, >=2", "2.0+local, >=2.0", "3, >=2",
        // < and >
        "1.0, <2", "1.9.post1, <2", "2.1, >2", "2.0.1, >2", "2.0.post2, >2.0.post1", "2.1+local, >2",
        // ===
        "2.0, ===2.0", "2.0.post1, ===2.0.POST1",
    })
    void matches(String version, String specifier) throws Exception {
        assertThat(Specifier.parse(specifier).contains(Version.parse(version))).isTrue();
    }

    @ParameterizedTest(name = "{1} does not contain {0}")
    @CsvSource({
        "2.1, ==2", "2.1, ==2.0", "2.0.1, ==2.0", "2.0, ==2.0+deadbeef", "2.0+other, ==2.0+deadbeef",
        "3.0, ==2.*", "2.1, ==2.0.*", "1!2.0, ==2.*", "2.0, ==1!2.*",
        "2.0, !=2", "2.0+local, !=2.0", "2.0.5, !=2.0.*",
        "3.0, ~=2.2", "2.1, ~=2.2", "2.3, ~=2.2.0", "1!2.3, ~=2.2", "2.2.post2, ~=2.2.post3",
        "2.1, <=2", "1.9, >=2",
        "2.0, <2", "2.1, <2",
        "2.0.post1, >2", "2.0+local, >2", "2.0, >2",
        "2.0.0, ===2.0",
    })
    void doesNotMatch(String version, String specifier) throws Exception {
        assertThat(Specifier.parse(specifier).contains(Version.parse(version))).isFalse();
    }

    @ParameterizedTest(name = "{1} with pre-releases allowed: {0} -> {2}")
    @CsvSource({
        // <V excludes pre-releases of V even when pre-releases are allowed
        "2.0.dev1, <2, false", "2.0a1, <2, false", "2.0rc1, <2.0, false", "1.9a1, <2, true",
        // ...unless V is itself a pre-release
        "2.0a1, <2.0rc1, true", "2.0.dev1, <2.0rc1, true",
        // >V excludes post-releases of V, unless V is one
        "2.0.post1, >2, false", "2.0.post1, >2.0.post0, true", "2.1.dev1, >2, true",
        "2.0a1, ==2.*, true", "2.0rc1.post1, ==2.*, true", "3.0a1, >=2, true", "2.0rc1, !=2.0, true",
    })
    void appliesTheExclusiveOrderedRulesWithPrereleasesAllowed(String version, String specifier, boolean expected)
            throws Exception {
        assertThat(Specifier.parse(specifier).contains(Version.parse(version), true)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{1} by default: {0} -> {2}")
    @CsvSource({
        "2.0a1, >=1.0, false", "2.0.dev1, >=1.0, false", "2.0a1, ==2.*, false", "1.9a1, <2, false",
        "2.0rc1, !=2.0rc2, false",
        // a specifier that names a pre-release lets pre-releases in
        "2.0a1, >=1.0a1, true", "2.0b1, ==2.0b1, true", "2.0b2, ~=2.0b1, true", "1.0a1, <=1.0a1, true",
        "1.0.dev1, >1.0.dev0, true",
    })
    void excludesPrereleasesUnlessTheSpecifierNamesOne(String version, String specifier, boolean expected)
            throws Exception {
        assertThat(Specifier.parse(specifier).contains(Version.parse(version))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "''{0}'' fails at column {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "=1.0      | 1 | invalid operator '=': use '=='",
        "=>1.0     | 1 | did you mean '>='?",
        ">==1.0    | 1 | invalid operator '>=='",
        ">=        | 3 | expected a version after '>='",
        "1.0       | 1 | expected a version operator",
        "~=1       | 3 | '~=' needs a version with at least two numbers",
        ">=1.0.*   | 6 | only allowed with '==' and '!='",
        "==1.0a1.* | 8 | cannot follow a pre-, post-, dev- or local version",
        "<1.0+abc  | 5 | local version (+abc) is only allowed with '==' and '!='",
        "== 1.0+   | 8 | invalid version '1.0+'",
        "==1.*.0   | 5 | wildcard is only allowed as a trailing '.*'",
        "==abc     | 3 | invalid version 'abc'",
        ">=1.0 x   | 7 | unexpected 'x'",
    })
    void rejectsMalformedSpecifiers(String text, int column, String message) {
        assertThatThrownBy(() -> Specifier.parse(text))
                .isInstanceOf(PepSyntaxException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((PepSyntaxException) e).column()).isEqualTo(column));
    }

    @Test
    void keepsTheVersionAsWrittenAndPrintsWithoutBlanks() throws Exception {
        Specifier s = Specifier.parse(" >= 1.0 ");
        assertThat(s.operator()).isEqualTo(Specifier.Operator.GREATER_EQUAL);
        assertThat(s.version()).isEqualTo("1.0");
        assertThat(s).hasToString(">=1.0").isEqualTo(Specifier.parse(">=1.0"));
        assertThat(Specifier.parse("==1.*").isWildcard()).isTrue();
        assertThat(Specifier.parse("===anything-goes").version()).isEqualTo("anything-goes");
    }

    @Test
    void setsCombineWithAnd() throws Exception {
        SpecifierSet set = SpecifierSet.parse(">=1.0, <2.0,!=1.5.*");
        assertThat(set.specifiers()).hasSize(3);
        assertThat(set).hasToString(">=1.0,<2.0,!=1.5.*");
        assertThat(set.contains(Version.parse("1.4"))).isTrue();
        assertThat(set.contains(Version.parse("1.5.2"))).isFalse();
        assertThat(set.contains(Version.parse("2.0"))).isFalse();
        assertThat(set.contains(Version.parse("0.9"))).isFalse();
    }

    @Test
    void compatibleReleaseInASet() throws Exception {
        SpecifierSet set = SpecifierSet.parse("~=2.2");
        assertThat(set.contains(Version.parse("2.3"))).isTrue();
        assertThat(set.contains(Version.parse("3.0"))).isFalse();
    }

    @Test
    void aSetLetsPrereleasesInWhenOneMemberNamesOne() throws Exception {
        SpecifierSet set = SpecifierSet.parse(">=1.0rc1,<2");
        assertThat(set.namesPrerelease()).isTrue();
        assertThat(set.contains(Version.parse("1.5b1"))).isTrue();
        assertThat(SpecifierSet.parse(">=1.0,<2").contains(Version.parse("1.5b1"))).isFalse();
        assertThat(SpecifierSet.parse(">=1.0,<2").contains(Version.parse("1.5b1"), true)).isTrue();
    }

    @Test
    void emptySetMatchesEveryFinalRelease() throws Exception {
        SpecifierSet any = SpecifierSet.parse("  ");
        assertThat(any.isEmpty()).isTrue();
        assertThat(any.contains(Version.parse("0.0.1"))).isTrue();
        assertThat(any.contains(Version.parse("1.0a1"))).isFalse();
        assertThat(any.contains(Version.parse("1.0a1"), true)).isTrue();
    }

    @ParameterizedTest(name = "''{0}'' fails at column {1}")
    @CsvSource(delimiter = '|', value = {
        ">=1.0,       | 7 | expected a version specifier after ','",
        ">=1.0 <2     | 7 | expected ',' or the end",
        ">=1.0,,<2    | 7 | expected a version specifier after ','",
        ">=1.0, <=    | 10 | expected a version after '<='",
    })
    void rejectsMalformedSets(String text, int column, String message) {
        assertThatThrownBy(() -> SpecifierSet.parse(text))
                .isInstanceOf(PepSyntaxException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((PepSyntaxException) e).column()).isEqualTo(column));
    }
}
