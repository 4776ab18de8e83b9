package dev.dockenv.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class HostPortsTest {

    private static ServerSocket listen(String address) throws Exception {
        ServerSocket s = new ServerSocket();
        s.bind(new InetSocketAddress(InetAddress.getByName(address), 0));
        return s;
    }

    @Test
    void aPortListenedOnIsTakenAndFreeOnceClosed() throws Exception {
        int port;
        try (ServerSocket held = listen("127.0.0.1")) {
            port = held.getLocalPort();
            assertThat(HostPorts.isFree(port)).isFalse();
        }
        assertThat(HostPorts.isFree(port)).isTrue();
    }

    @Test
    void aPortListenedOnByEveryAddressIsTakenOnLoopbackToo() throws Exception {
        try (ServerSocket held = listen("0.0.0.0")) {
            assertThat(HostPorts.isFree(held.getLocalPort())).isFalse();
        }
    }

    @Test
    void firstFreeSkipsATakenPort() throws Exception {
        try (ServerSocket held = listen("127.0.0.1")) {
            int taken = held.getLocalPort();
            OptionalInt next = HostPorts.firstFree(taken, 50);
            assertThat(next).isPresent();
            assertThat(next.getAsInt()).isGreaterThan(taken).isLessThan(taken + 50);
            assertThat(HostPorts.isFree(next.getAsInt())).isTrue();
        }
    }

    @Test
    void firstFreeOfAFreePortIsThatPort() throws Exception {
        int port;
        try (ServerSocket probe = listen("127.0.0.1")) {
            port = probe.getLocalPort();
        }
        assertThat(HostPorts.firstFree(port, 1)).hasValue(port);
    }

    @Test
    void firstFreeIsEmptyWhenEveryPortAskedIsTaken() throws Exception {
        try (ServerSocket held = listen("127.0.0.1")) {
            assertThat(HostPorts.firstFree(held.getLocalPort(), 1)).isEmpty();
        }
        assertThat(HostPorts.firstFree(HostPorts.MAX_PORT + 1, 10)).isEmpty();
    }

    @Test
    void aNumberThatIsNoPortIsRefused() {
        assertThatThrownBy(() -> HostPorts.isFree(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HostPorts.isFree(65536)).isInstanceOf(IllegalArgumentException.class);
    }
}
