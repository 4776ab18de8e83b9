package dev.dockenv.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The proxies named by the environment, as pip, uv and curl read them. */
class IndexProxiesTest {
    private static String proxy(IndexProxies proxies, String url) {
        return proxies.forUri(URI.create(url)).map(Proxy::address).map(a -> (InetSocketAddress) a)
                .map(a -> a.getHostString() + ":" + a.getPort()).orElse("direct");
    }

    @Test
    void eachSchemeHasItsProxyAndNoProxyListsHostsAndDomains() {
        IndexProxies p = IndexProxies.from(Map.of("https_proxy", "http://secure.proxy:3128",
                "HTTP_PROXY", "plain.proxy", "NO_PROXY", "localhost, .internal.example,files.example.org:443 10.0.0.1"));
        assertThat(proxy(p, "https://pypi.org/simple/flask/")).isEqualTo("secure.proxy:3128");
        assertThat(proxy(p, "http://pypi.example/simple/")).as("no scheme: http, port 80").isEqualTo("plain.proxy:80");
        assertThat(proxy(p, "https://packages.internal.example/simple/")).isEqualTo("direct");
        assertThat(proxy(p, "https://internal.example/simple/")).isEqualTo("direct");
        assertThat(proxy(p, "https://files.example.org/x.whl")).as("a port in no_proxy is ignored").isEqualTo("direct");
        assertThat(proxy(p, "http://LOCALHOST:8080/simple/")).isEqualTo("direct");
        assertThat(proxy(p, "http://10.0.0.1/simple/")).isEqualTo("direct");
        assertThat(proxy(p, "https://notinternal.example/simple/")).as("a domain, not a suffix of a name")
                .isEqualTo("secure.proxy:3128");
    }

    @Test
    void theLowercaseNameWinsAStarBypassesAllAndNothingSetIsDirect() {
        IndexProxies both = IndexProxies.from(Map.of("https_proxy", "http://lower:1", "HTTPS_PROXY", "http://upper:2"));
        assertThat(proxy(both, "https://pypi.org/")).isEqualTo("lower:1");
        assertThat(proxy(both, "http://pypi.org/")).as("no http proxy").isEqualTo("direct");
        assertThat(proxy(IndexProxies.from(Map.of("HTTPS_PROXY", "http://p:1", "no_proxy", "*")), "https://pypi.org/"))
                .isEqualTo("direct");
        assertThat(proxy(IndexProxies.from(Map.of()), "https://pypi.org/")).isEqualTo("direct");
        assertThat(proxy(IndexProxies.from(Map.of("https_proxy", "  ")), "https://pypi.org/")).isEqualTo("direct");
    }
}
