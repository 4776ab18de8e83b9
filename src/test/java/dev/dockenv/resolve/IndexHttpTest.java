package dev.dockenv.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The index's HTTP: redirects, each hop's own credentials, statuses with their bodies, charsets. */
class IndexHttpTest {
    private HttpServer server;
    private String base;
    private final List<String> seen = new CopyOnWriteArrayList<>();
    /** The host of each request's URL: a proxy's requests name the index's (absolute form), others none. */
    private final List<String> hosts = new CopyOnWriteArrayList<>();
    private final IndexHttp http = new IndexHttp(Duration.ofSeconds(5), Duration.ofSeconds(5));

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        hosts.add(String.valueOf(exchange.getRequestURI().getHost()));
        seen.add(path + " accept=" + exchange.getRequestHeaders().getFirst("Accept") + " auth="
                + exchange.getRequestHeaders().getFirst("Authorization"));
        switch (path) {
            case "/moved/" -> reply(exchange, 301, Map.of("Location", "/simple/flask/"), "");
            case "/again/" -> reply(exchange, 302, Map.of("Location", base + "/moved/"), "");
            case "/secure/" -> reply(exchange, 302, Map.of("Location", "https://127.0.0.1:1/simple/"), "");
            case "/loop/" -> reply(exchange, 302, Map.of("Location", "/loop/"), "");
            case "/simple/flask/" -> reply(exchange, 200, Map.of("Content-Type", "text/html; charset=ISO-8859-1"),
                    "caf\u00e9");
            default -> reply(exchange, 404, Map.of(), "no such page");
        }
    }

    private static void reply(HttpExchange exchange, int status, Map<String, String> headers, String body)
            throws IOException {
        headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        byte[] bytes = body.getBytes(headers.getOrDefault("Content-Type", "").contains("ISO-8859-1")
                ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Test
    void redirectsAreFollowedEachHopWithItsOwnAuthorizationAndTheCharsetIsTheResponses() throws IOException {
        try (IndexHttp.Response r = http.get(base + "/again/", Optional.of("text/html"),
                url -> url.endsWith("/again/") ? Optional.of("Basic b25lOnR3bw==") : Optional.empty())) {
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.uri().toString()).isEqualTo(base + "/simple/flask/");
            assertThat(r.contentType()).contains("text/html; charset=ISO-8859-1");
            assertThat(r.text()).isEqualTo("caf\u00e9");
        }
        assertThat(seen).containsExactly("/again/ accept=text/html auth=Basic b25lOnR3bw==",
                "/moved/ accept=text/html auth=null", "/simple/flask/ accept=text/html auth=null");
    }

    @Test
    void aMissingPageIsItsStatusWithItsBody() throws IOException {
        try (IndexHttp.Response r = http.get(base + "/simple/none/", Optional.empty(), url -> Optional.empty())) {
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.text()).isEqualTo("no such page");
        }
    }

    @Test
    void aRedirectToHttpsIsFollowedAndAnEndlessOneStopsAfterFive() throws IOException {
        // to https (nothing listens on port 1 there): followed, so the connection is refused
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> http.get(base + "/secure/", Optional.empty(),
                url -> Optional.empty())).isInstanceOf(IOException.class);
        try (IndexHttp.Response r = http.get(base + "/loop/", Optional.empty(), url -> Optional.empty())) {
            assertThat(r.status()).isEqualTo(302);
        }
        assertThat(seen).filteredOn(s -> s.startsWith("/loop/")).hasSize(6);
    }

    @Test
    void theEnvironmentsProxyCarriesTheRequestUnlessNoProxyListsTheHost() throws IOException {
        // this server is the proxy: it sees the index's absolute URL (a host no resolver knows)
        IndexHttp proxied = new IndexHttp(Duration.ofSeconds(5), Duration.ofSeconds(5),
                IndexProxies.from(Map.of("http_proxy", base)));
        try (IndexHttp.Response r = proxied.get("http://index.invalid/simple/none/", Optional.empty(),
                url -> Optional.empty())) {
            assertThat(r.status()).isEqualTo(404);
        }
        assertThat(seen).singleElement().asString().startsWith("/simple/none/ ");
        assertThat(hosts).containsExactly("index.invalid");
        IndexHttp bypassed = new IndexHttp(Duration.ofSeconds(5), Duration.ofSeconds(5),
                IndexProxies.from(Map.of("http_proxy", base, "no_proxy", "index.invalid")));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> bypassed.get("http://index.invalid/simple/none/",
                Optional.empty(), url -> Optional.empty())).isInstanceOf(IOException.class);
        assertThat(seen).hasSize(1);
    }
}
