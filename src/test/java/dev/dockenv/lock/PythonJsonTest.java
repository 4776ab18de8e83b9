package dev.dockenv.lock;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PythonJsonTest {

    /** Python 3.11's repr() of each double (given exactly, as float.hex() writes it). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0x1.0000000000000p+0|1.0",
        "0x1.999999999999ap-4|0.1",
        "0x1.1c37937e08000p+53|1e+16",
        "0x1.c6bf526340000p+49|1000000000000000.0",
        "0x1.18b54f22aeb00p+50|1234567890123456.0",
        "0x1.5ee2a2eb5a5c4p+53|1.2345678901234568e+16",
        "0x1.a36e2eb1c432dp-14|0.0001",
        "0x1.4f8b588e368f1p-17|1e-05",
        "0x1.f75104d551d69p-14|0.00012",
        "0x1.421f5f40d8376p-23|1.5e-07",
        "0x1.4000000000000p+1|2.5",
        "-0x0.0p+0|-0.0",
        "0x1.0f0cf064dd592p+73|1e+22",
        "0x1.52d02c7e14af6p+76|1e+23",
        "0x0.0000000000001p-1022|5e-324",
        "0x1.fffffffffffffp+1023|1.7976931348623157e+308",
        "0x1.d6f34547df3b6p+26|123456789.123",
        "0x1.3333333333333p-2|0.3",
        "0x1.5555555555555p-1|0.6666666666666666",
        "0x1.9000000000000p+6|100.0",
        "0x1.249ad2594c37dp+332|1e+100",
        "-0x1.12e0be826d695p-33|-1.25e-10",
        "0x1.0000000000000p+53|9007199254740992.0",
    })
    void floatsAreWrittenAsPythonReprWritesThem(String hex, String repr) {
        assertThat(PythonJson.pythonFloat(Double.parseDouble(hex))).isEqualTo(repr);
    }

    @Test
    void nonFiniteFloatsAreWrittenAsJavaScriptNames() {
        assertThat(PythonJson.dumpsCompact(List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY)))
                .isEqualTo("[NaN,Infinity,-Infinity]");
    }

    @Test
    void compactSortedAndAsciiOnly() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("b", List.of(1L, true, false, "x"));
        map.put("a", Map.of("\uD83D\uDE00", "é\u0000\u007f\t\"\\/", "\uFB01", 2L));
        map.put("A", null);
        assertThat(PythonJson.dumpsCompact(map)).isEqualTo("{\"A\":null,\"a\":{\"\\ufb01\":2,\"\\ud83d\\ude00\":"
                + "\"\\u00e9\\u0000\\u007f\\t\\\"\\\\/\"},\"b\":[1,true,false,\"x\"]}");
    }
}
