package dev.dockenv.pep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MarkerTest {
    private static final MarkerEnvironment LINUX_311 = MarkerEnvironment.forLinux("3.11.7");

    @Test
    void linuxEnvironmentHasTheStandardValues() {
        assertThat(LINUX_311.pythonVersion()).isEqualTo("3.11");
        assertThat(LINUX_311.pythonFullVersion()).isEqualTo("3.11.7");
        assertThat(LINUX_311.implementationVersion()).isEqualTo("3.11.7");
        assertThat(LINUX_311.sysPlatform()).isEqualTo("linux");
        assertThat(LINUX_311.platformSystem()).isEqualTo("Linux");
        assertThat(LINUX_311.osName()).isEqualTo("posix");
        assertThat(LINUX_311.implementationName()).isEqualTo("cpython");
        assertThat(LINUX_311.platformPythonImplementation()).isEqualTo("CPython");
        assertThat(LINUX_311.platformMachine()).isEqualTo("x86_64");
        assertThat(LINUX_311.extra()).isEmpty();
        assertThat(MarkerEnvironment.forLinux("3.12.1", "aarch64").get("platform_machine")).isEqualTo("aarch64");
        assertThatThrownBy(() -> MarkerEnvironment.forLinux("three")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "python_version >= '3.8'                             | true",
        "python_version < '3.10'                             | false",
        "python_version > '3.9'                              | true",
        "python_version == '3.11'                            | true",
        "python_version == '3.11.*'                          | true",
        "python_version ~= '3.1'                             | true",
        "python_version != '3.11'                            | false",
        "'3.11' == python_version                            | true",
        "'3.12' > python_version                             | true",
        "python_full_version >= '3.11.7'                     | true",
        "python_full_version < '3.11.7'                      | false",
        "python_full_version >= '3.12.0rc1'                  | false",
        "python_full_version === '3.11.7'                    | true",
        "implementation_version >= '3.11'                    | true",
        "sys_platform == 'linux'                             | true",
        "sys_platform == 'win32'                             | false",
        "sys_platform != 'win32' and sys_platform != 'darwin' | true",
        "platform_system == 'Linux'                          | true",
        "platform_system != 'Windows'                        | true",
        "os_name == 'posix' and platform_machine == 'x86_64' | true",
        "platform_machine in 'x86_64 AMD64'                  | true",
        "platform_machine not in 'arm64 aarch64'             | true",
        "'linux' in sys_platform                             | true",
        "'win' in sys_platform                               | false",
        "implementation_name == 'cpython'                    | true",
        "platform_python_implementation == 'PyPy'            | false",
        "platform_python_implementation != 'PyPy'            | true",
        "os.name == 'posix'                                  | true",
        "sys.platform == 'linux'                             | true",
        "python_implementation == 'CPython'                  | true",
        "os_name < 'q'                                       | true",
        "os_name >= 'q'                                      | false",
        "platform_release >= '5'                             | false",
        "platform_release == ''                              | true",
        "platform_release ~= 'x'                             | false",
        "os_name=='a' and os_name=='b' or os_name=='posix'   | true",
        "os_name=='posix' or os_name=='a' and os_name=='b'   | true",
        "(os_name=='posix' or os_name=='a') and os_name=='b' | false",
        "os_name=='a' and (os_name=='b' or os_name=='posix') | false",
        "extra == 'test'                                     | false",
        "python_version>='3.8'and(sys_platform=='linux')     | true",
        "\"3.11\" == python_version                          | true",
    })
    void evaluatesForLinuxPython311(String marker, boolean expected) throws Exception {
        assertThat(Marker.parse(marker).evaluate(LINUX_311)).isEqualTo(expected);
    }

    @Test
    void comparesVersionsAsVersionsNotStrings() throws Exception {
        // as strings "3.11" < "3.9"; as versions it is the other way round
        assertThat(Marker.parse("python_version > '3.9'").evaluate(LINUX_311)).isTrue();
        assertThat(Marker.parse("python_version < '3.9'").evaluate(LINUX_311)).isFalse();
        // pre-releases of the interpreter still compare as versions
        MarkerEnvironment rc = MarkerEnvironment.forLinux("3.13.0rc1");
        assertThat(Marker.parse("python_full_version >= '3.13.0rc1'").evaluate(rc)).isTrue();
        assertThat(Marker.parse("python_full_version >= '3.13'").evaluate(rc)).isFalse();
        assertThat(Marker.parse("python_version >= '3.13'").evaluate(rc)).isTrue();
    }

    @Test
    void extraIsComparedNormalized() throws Exception {
        Marker m = Marker.parse("extra == 'Test_Suite'");
        assertThat(m.evaluate(LINUX_311.withExtra("test-suite"))).isTrue();
        assertThat(m.evaluate(LINUX_311.withExtra("docs"))).isFalse();
        assertThat(m.evaluate(LINUX_311)).isFalse();
        assertThat(m.evaluate(LINUX_311, Set.of("docs", "test.suite"))).isTrue();
        assertThat(m.evaluate(LINUX_311, Set.of())).isFalse();
        assertThat(Marker.parse("python_version > '3'").evaluate(LINUX_311, Set.of())).isTrue();
    }

    @Test
    void buildsATreeWithAndBindingTighterThanOr() throws Exception {
        Marker m = Marker.parse("os_name=='a' or os_name=='b' and os_name=='c'");
        assertThat(m).isInstanceOf(Marker.Or.class);
        Marker.Or or = (Marker.Or) m;
        assertThat(or.left()).isEqualTo(new Marker.Comparison(
                new Marker.Variable("os_name"), MarkerOperator.EQUAL, new Marker.Literal("a")));
        assertThat(or.right()).isInstanceOf(Marker.And.class);
        assertThat(Marker.parse("(os_name=='a' or os_name=='b') and os_name=='c'"))
                .isInstanceOf(Marker.And.class)
                .hasToString("(os_name == \"a\" or os_name == \"b\") and os_name == \"c\"");
    }

    @Test
    void printsLiteralsWithDoubleQuotesUnlessTheyContainOne() throws Exception {
        assertThat(Marker.parse("os_name == '\"x\"'")).hasToString("os_name == '\"x\"'");
        assertThat(Marker.parse("os.name not in \"a b\"")).hasToString("os_name not in \"a b\"");
    }

    @ParameterizedTest(name = "''{0}'' fails at column {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "``                         | 1  | expected a marker",
        "python_versio == '3'       | 1  | unknown marker variable 'python_versio'",
        "python_version             | 15 | expected a comparison operator",
        "python_version == '3' and  | 26 | expected a marker expression",
        "python_version == '3' )    | 23 | expected 'and', 'or' or the end of the marker, found ')'",
        "python_version =! '3'      | 16 | invalid operator '=!'",
        "3 == python_version        | 1  | expected a marker variable or a quoted string, found '3'",
        "os_name == 'a' or or       | 19 | unknown marker variable 'or'",
    })
    void rejectsMalformedMarkers(String text, int column, String message) {
        assertThatThrownBy(() -> Marker.parse(text))
                .isInstanceOf(PepSyntaxException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((PepSyntaxException) e).column()).isEqualTo(column));
    }
}
