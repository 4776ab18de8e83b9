package dev.dockenv.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PortMappingTest {

    @ParameterizedTest
    @CsvSource({
        "8000, 127.0.0.1:8000:8000",
        "8080:8000, 127.0.0.1:8080:8000",
        "0.0.0.0:8080:8000, 0.0.0.0:8080:8000",
        "localhost:9000:9000, 127.0.0.1:9000:9000",
        "5353/udp, 127.0.0.1:5353:5353/udp",
        "[::1]:8000:8000, [::1]:8000:8000",
        "0:8000, 127.0.0.1::8000"
    })
    void publishesOnLoopbackUnlessAnAddressIsGiven(String spec, String expected) {
        assertThat(PortMapping.parse(spec)).map(PortMapping::publishArgument).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "http", "70000", "0", "1.2.3.4:80", "80:90:100", "8000/sctp", "-1",
        "999.1.1.1:80:80", "127.0.0.256:80:80", "[1:2:3:4:5:6:7:8:9]:80:80", "0.0.0.0:80:0", "0.0.0.0:70000:80"})
    void rejectsWhatIsNotAPort(String spec) {
        assertThat(PortMapping.parse(spec)).isEmpty();
    }
}
