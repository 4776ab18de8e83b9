package dev.dockenv.lock.uv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.pep.Marker;
import dev.dockenv.pep.PepSyntaxException;
import dev.dockenv.pep.SpecifierSet;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MarkerEquivalenceTest {

    private static Optional<Marker> marker(String text) throws PepSyntaxException {
        return text == null ? Optional.empty() : Optional.of(Marker.parse(text));
    }

    private static MarkerEquivalence under(String requiresPython) throws PepSyntaxException {
        return new MarkerEquivalence(SpecifierSet.parse(requiresPython));
    }

    @ParameterizedTest(name = "{1} == {2} under {0}")
    @CsvSource(delimiter = '|', value = {
        ">=3.9  | python_version < '3.11'                      | python_full_version < '3.11'",
        ">=3.9  | python_version > '3.10'                      | python_full_version >= '3.11'",
        ">=3.9  | python_version >= '3.8'                      |",
        ">=3.9  | python_version >= '3.9' and sys_platform == 'linux' | sys_platform == 'linux'",
        ">=3.9  | sys_platform == 'linux' and extra == 'Fast'  | extra == 'fast' and 'linux' == sys_platform",
        ">=3.9  | python_version == '3.10.*'                   | python_full_version >= '3.10' and python_full_version < '3.11'",
        ">=3.8  | os_name == 'nt' or sys_platform == 'win32'   | sys_platform == 'win32' or os_name == 'nt'",
        "       | python_full_version <= '3.11.0a6'            | python_full_version <= '3.11.0a6'",
    })
    void equivalent(String requiresPython, String a, String b) throws PepSyntaxException {
        assertThat(under(requiresPython == null ? "" : requiresPython).equivalent(marker(a), marker(b))).isTrue();
    }

    @ParameterizedTest(name = "{1} != {2} under {0}")
    @CsvSource(delimiter = '|', value = {
        ">=3.9  | python_version < '3.11'                      | python_full_version < '3.12'",
        ">=3.8  | python_version >= '3.9'                      |",
        ">=3.9  | sys_platform == 'linux'                      | sys_platform == 'darwin'",
        ">=3.9  | sys_platform != 'win32' and extra == 'fast'  | sys_platform != 'win32'",
        ">=3.9  | platform_machine == 'x86_64'                 | platform_machine != 'aarch64'",
        ">=3.9  | python_full_version <= '3.11.0a6'            | python_full_version < '3.11'",
    })
    void different(String requiresPython, String a, String b) throws PepSyntaxException {
        assertThat(under(requiresPython).equivalent(marker(a), marker(b))).isFalse();
    }

    @ParameterizedTest(name = "{1} under {0}")
    @CsvSource(delimiter = '|', value = {
        ">=3.9 | python_version < '3.8'  | false",
        ">=3.9 | python_version < '3.10' | true",
        ">=3.9 | sys_platform == 'linux' and sys_platform == 'win32' | false",
    })
    void satisfiable(String requiresPython, String marker, boolean expected) throws PepSyntaxException {
        assertThat(under(requiresPython).satisfiable(marker(marker))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} ~ {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        ">=3.10        | >= 3.10.0          | true",
        ">=3.10,<4     | <4.0, >=3.10       | true",
        "~=3.10        | >=3.10,==3.*       | true",
        ">=3.10        | >=3.11             | false",
        ">=3.10,<3.13  | >=3.10             | false",
    })
    void sameVersions(String a, String b, boolean expected) throws PepSyntaxException {
        assertThat(MarkerEquivalence.sameVersions(SpecifierSet.parse(a), SpecifierSet.parse(b))).isEqualTo(expected);
    }
}
