package dev.dockenv.lock.poetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockenv.pep.Marker;
import dev.dockenv.pep.SpecifierSet;
import dev.dockenv.pep.Version;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PoetryConstraintTest {

    /**
     * Single constraints: the right column is what poetry-core 2.5.0's
     * {@code Dependency("foo", constraint).to_pep_508()} writes (checked with the real library),
     * except {@code 1.x}, which only poetry 1.x read.
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '\'', value = {
        "^1.2.3 => >=1.2.3,<2.0.0",
        "^1.2 => >=1.2,<2.0",
        "^1 => >=1,<2",
        "^0.2.3 => >=0.2.3,<0.3.0",
        "^0.0.3 => >=0.0.3,<0.0.4",
        "^0.0 => >=0.0,<0.1",
        "^0 => >=0,<1",
        "^0.0.0 => >=0.0.0,<0.0.1",
        "^0.0.0.1 => >=0.0.0.1,<0.0.1.0",
        "^1.2.3.4 => >=1.2.3.4,<2.0.0.0",
        "^1.2.3b1 => >=1.2.3b1,<2.0.0",
        "^1.2.3-rc.1 => >=1.2.3rc1,<2.0.0",
        "^1.2.3.post1 => >=1.2.3.post1,<2.0.0",
        "^v1.2 => >=1.2,<2.0",
        "^ 1.2 => >=1.2,<2.0",
        "^1!2.0 => >=1!2.0,<1!3.0",
        "~1.2.3 => >=1.2.3,<1.3.0",
        "~1.2 => >=1.2,<1.3",
        "~1 => >=1,<2",
        "~0 => >=0,<1",
        "~ 1.2 => >=1.2,<1.3",
        "~1.2.3rc1 => >=1.2.3rc1,<1.3.0",
        "~1.2.3.4 => >=1.2.3.4,<1.3.0.0",
        "~=1.2 => >=1.2,<2.0",
        "~=1.2.3 => >=1.2.3,<1.3.0",
        "~=1.2.3.4 => >=1.2.3.4,<1.2.4.0",
        "~=1 => >=1,<2",
        "1.2.* => ==1.2.*",
        "1.* => ==1.*",
        "==1.2.* => ==1.2.*",
        "=1.* => ==1.*",
        "1.2.3.* => ==1.2.3.*",
        "1.0.*.* => ==1.0.*",
        "!=1.2.* => !=1.2.*",
        "1.x => ==1.*",
        "* => ''",
        "x => ''",
        "*.* => ''",
        "v* => ''",
        "1.2.3 => ==1.2.3",
        "==1.2.3 => ==1.2.3",
        "=1.2.3 => ==1.2.3",
        "== 1.2 => ==1.2",
        "v1.2 => ==1.2",
        "1.0rc => ==1.0rc0",
        "1.2.3-beta.1 => ==1.2.3b1",
        "==1.2.3+local => ==1.2.3+local",
        "1!2.0 => ==1!2.0",
        "!=1.2.3 => !=1.2.3",
        ">1.2 => >1.2",
        ">= 1.2 => >=1.2",
        "<=2 => <=2",
        ">1.2.* => >1.2",
        ">=dev => >=0.0.dev0",
        ">=1.2,<2.0 => >=1.2,<2.0",
        "'>= 1.2, < 2.0' => >=1.2,<2.0",
        ">=1.2 <2.0 => >=1.2,<2.0",
        "'>=1.0 , <2.0' => >=1.0,<2.0",
        ">=1.2, => >=1.2",
        ">2.0,<=3.0.0 => >2.0,<=3.0.0",
        ">=1.0,<2.0,>=1.5 => >=1.5,<2.0",
        "^1.2.3,<1.5 => >=1.2.3,<1.5",
        "1.0,1.0 => ==1.0",
        "^2.0,!=2.1.0 => >=2.0,<3.0,!=2.1.0",
        "1.2.*,!=1.2.5 => ==1.2.*,!=1.2.5",
        "!=1.0,!=1.1 => !=1.0,!=1.1",
        "'>=2.7,!=3.0.*,!=3.1.*' => >=2.7,!=3.0.*,!=3.1.*",
        "1.2.3 || * => ''",
    })
    void convertsAsPoetryWritesMetadata(String poetry, String pep440) throws Exception {
        String converted = PoetryConstraint.parse(poetry).toPep440();
        assertThat(converted).isEqualTo(pep440);
        SpecifierSet.parse(converted); // always valid PEP 440
    }

    /** {@code ||}: one specifier set when one exists (poetry-core 1.4 wrote these too), else an error. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = "=>", value = {
        "^1.0 || ^2.0 => >=1.0,<3.0",
        "~1.0 || ~1.1 => >=1.0,<1.2",
        "^1.0 || ^1.5 => >=1.0,<2.0",
        ">=1,<2 || >=1.5,<3 => >=1,<3",
        "^3.7 || ^3.9 => >=3.7,<4.0",
        "<1.5 || >1.5 => !=1.5",
        ">=1.0,<1.5 || >1.5,<2.0 => >=1.0,!=1.5,<2.0",
        "^1.0 || ^3.0 => >=1.0,!=2.*,<4.0",
        ">=1.0,<2.0 || >=3.0,<4.0 => >=1.0,!=2.*,<4.0",
        ">=3.8,<3.9 || >=3.10 => >=3.8,!=3.9.*",
        "^1 | ^3 => >=1,!=2.*,<4",
        "1.2.* || 1.3.* => >=1.2,<1.4",
    })
    void writesOrConstraintsAsOneSpecifierSetWhenTheyAreOne(String poetry, String pep440) throws Exception {
        assertThat(PoetryConstraint.parse(poetry).toPep440()).isEqualTo(pep440);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", value = {
        "1 || 2",
        "1.0.0 || 1.0.1",
        ">=1.0 || <0.5",
        "^1.0 || ^3.1",
        "~2.7 || ^3.4",
        "!=1.5 || >2",
    })
    void refusesOrConstraintsThatPep440CannotWrite(String poetry) {
        assertThatThrownBy(() -> PoetryConstraint.parse(poetry).toPep440())
                .isInstanceOf(InvalidConstraintException.class)
                .hasMessageContaining("cannot be written as one PEP 440 specifier set")
                .satisfies(e -> assertThat(((InvalidConstraintException) e).hint()).contains("python"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '\'', value = {
        "'' => expected a version",
        "' ' => expected a version",
        "^^1 => cannot read '^^1'",
        "abc => cannot read 'abc'",
        "1.0 - 2.0 => cannot read '1.0 - 2.0'",
        "===1.0 => cannot read '===1.0'",
        "<>1.0 => '<>' in '<>1.0' is not a version operator",
        ">=2,<1 => admits no version",
    })
    void refusesWhatPoetryRefuses(String poetry, String message) {
        assertThatThrownBy(() -> PoetryConstraint.parse(poetry).toPep440())
                .isInstanceOf(InvalidConstraintException.class)
                .hasMessageContaining(message);
    }

    /** The project's Python range: Python-2-only alternatives are dropped before writing PEP 440. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = "=>", value = {
        "^3.8 => >=3.8,<4.0",
        "~2.7 || ^3.6 => >=3.6,<4.0",
        "2.7.* || >=3.5 => >=3.5",
        ">=3.8,<3.9 || >=3.10 => >=3.8,!=3.9.*",
        ">=3.8 => >=3.8",
        "3.8 => ==3.8.*",
        "3.8.2 => ==3.8.2",
        "* => ''",
    })
    void writesThePythonRange(String poetry, String pep440) throws Exception {
        assertThat(PoetryConstraint.parse(poetry).toPep440ForPython()).isEqualTo(pep440);
    }

    /** {@code python = "..."} of a dependency: as poetry-core writes it, or an equivalent marker. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = "=>", value = {
        "^3.8 => python_version >= \"3.8\" and python_version < \"4.0\"",
        ">=3.8 => python_version >= \"3.8\"",
        ">=3.8.1 => python_full_version >= \"3.8.1\"",
        "<3.11 => python_version < \"3.11\"",
        "<=3.11 => python_full_version <= \"3.11.0\"",
        ">3.8 => python_full_version > \"3.8.0\"",
        "3.8 => python_version == \"3.8\"",
        "3.8.* => python_version == \"3.8\"",
        "3.* => python_version >= \"3\" and python_version < \"4\"",
        "3.8.1 => python_full_version == \"3.8.1\"",
        "!=3.9 => python_full_version != \"3.9.0\"",
        "!=3.9.* => python_version < \"3.9\" or python_version >= \"3.10\"",
        ">=3.6.2,<4.0 => python_full_version >= \"3.6.2\" and python_version < \"4.0\"",
        "^3.8.1 => python_full_version >= \"3.8.1\" and python_full_version < \"4.0.0\"",
        "~2.7 || ^3.4 => python_version >= \"2.7\" and python_version < \"2.8\" or python_version >= \"3.4\" and python_version < \"4.0\"",
        "'>=2.7,!=3.0.*' => python_version >= \"2.7\" and (python_version < \"3.0\" or python_version >= \"3.1\")",
    })
    void writesPythonConstraintsAsMarkers(String poetry, String marker) throws Exception {
        String written = PoetryConstraint.parse(poetry).toPythonMarker().orElseThrow();
        assertThat(written).isEqualTo(marker);
        Marker.parse(written);
    }

    @org.junit.jupiter.api.Test
    void anyVersionHasNoMarkerAndNoSpecifier() throws Exception {
        assertThat(PoetryConstraint.parse("*").toPythonMarker()).isEmpty();
        assertThat(PoetryConstraint.parse("*").isAny()).isTrue();
        assertThat(PoetryConstraint.parse("^1").isAny()).isFalse();
    }

    @ParameterizedTest(name = "{0} allows {1}: {2}")
    @CsvSource(delimiterString = "=>", value = {
        "^1.2 => 1.9.9 => true",
        "^1.2 => 2.0 => false",
        "^1.2 => 1.1 => false",
        "1.2.* => 1.2.7 => true",
        "1.2.* => 1.3 => false",
        "!=1.2.* => 1.2.7 => false",
        "!=1.5 => 1.5.0 => false",
        "1.0 => 1.0.0 => true",
        ">=1.0,<1.5 || >1.5,<2.0 => 1.5 => false",
        ">=1.0,<1.5 || >1.5,<2.0 => 1.6 => true",
        "* => 0.1 => true",
    })
    void allowsVersionsAsPoetryDoes(String poetry, String version, boolean allowed) throws Exception {
        assertThat(PoetryConstraint.parse(poetry).allows(Version.parse(version))).isEqualTo(allowed);
    }
}
