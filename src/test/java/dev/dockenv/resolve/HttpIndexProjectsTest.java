package dev.dockenv.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pages are fetched once, and those of what a file's metadata requires before the resolver asks. */
class HttpIndexProjectsTest {
    private static final String SHA = "a".repeat(64);
    private HttpServer server;
    private String base;
    private final List<String> seen = new CopyOnWriteArrayList<>();

    @TempDir
    Path tmp;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        seen.add(path);
        String body;
        int status = 200;
        if (path.equals("/simple/app/")) {
            body = "<a href=\"/files/app-1.0-py3-none-any.whl#sha256=" + SHA + "\" data-dist-info-metadata=\"sha256="
                    + SHA + "\">app-1.0-py3-none-any.whl</a>";
        } else if (path.equals("/files/app-1.0-py3-none-any.whl.metadata")) {
            body = "Metadata-Version: 2.1\nName: app\nVersion: 1.0\nRequires-Dist: lib (>=1)\n"
                    + "Requires-Dist: tool ; python_version >= \"3.8\"\nRequires-Dist: extra-only ; extra == \"docs\"\n"
                    + "Requires-Dist: down ; sys_platform == \"win32\"\n\n";
        } else if (path.equals("/files/slow-1.0-py3-none-any.whl.metadata")) {
            body = "Metadata-Version: 2.1\nName: slow\nVersion: 1.0\nRequires-Dist: sleepy\n\n";
        } else if (path.equals("/simple/sleepy/")) {
            try {
                Thread.sleep(400);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            body = "";
        } else if (path.equals("/simple/slow/")) {
            body = "<a href=\"/files/slow-1.0-py3-none-any.whl#sha256=" + SHA + "\" data-dist-info-metadata=\"sha256="
                    + SHA + "\">slow-1.0-py3-none-any.whl</a>";
        } else if (path.equals("/simple/down/")) {
            status = 500;
            body = "down";
        } else if (path.startsWith("/simple/")) {
            String name = path.substring("/simple/".length(), path.length() - 1);
            body = "<a href=\"/files/" + name + "-1.0-py3-none-any.whl#sha256=" + SHA + "\">" + name
                    + "-1.0-py3-none-any.whl</a>";
        } else {
            status = 404;
            body = "";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/html");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Test
    void theRequirementsPagesAreFetchedAsTheMetadataIsReadOnceEach() {
        try (HttpIndexProjects index = new HttpIndexProjects(List.of(base + "/simple"), url -> Optional.empty(),
                tmp.resolve("metadata"))) {
            List<ProjectPage.ProjectFile> app = index.files("app");
            assertThat(app).singleElement().satisfies(f -> assertThat(f.coreMetadata()).isTrue());
            assertThat(index.metadata(app.get(0))).hasValueSatisfying(m -> assertThat(m.requiresDist()).hasSize(4));

            // before the resolver asks: the pages of lib, tool and down, not of what only an extra needs
            waitFor(() -> seen.contains("/simple/lib/") && seen.contains("/simple/tool/") && seen.contains("/simple/down/"));
            assertThat(index.files("lib")).singleElement().satisfies(f -> assertThat(f.fileName())
                    .isEqualTo("lib-1.0-py3-none-any.whl"));
            assertThat(index.files("tool")).hasSize(1);
            assertThat(index.files("app")).isEqualTo(app);
            assertThat(seen).containsExactlyInAnyOrder("/simple/app/", "/files/app-1.0-py3-none-any.whl.metadata",
                    "/simple/lib/", "/simple/tool/", "/simple/down/");
            // a page fetched ahead that the index failed to serve is the error it would have been, when asked for
            assertThatThrownBy(() -> index.files("down")).isInstanceOf(HttpIndexProjects.IndexUnreadableException.class)
                    .hasMessageContaining("/simple/down/ answered 500");

            // the metadata from the cache the second time: the pages are not fetched again
            index.metadata(app.get(0));
            assertThat(index.files("lib")).hasSize(1);
            assertThat(seen).hasSize(5);
        }
    }

    @Test
    void closingWaitsForAFetchUnderWaySoThatNoThreadIsLeftReading() {
        HttpIndexProjects index = new HttpIndexProjects(List.of(base + "/simple"), url -> Optional.empty(),
                tmp.resolve("metadata"));
        index.metadata(index.files("slow").get(0)); // starts fetching sleepy's page, which takes 400 ms
        waitFor(() -> seen.contains("/simple/sleepy/"));
        index.close();
        assertThat(Thread.getAllStackTraces().keySet()).as("the prefetching threads are gone")
                .noneMatch(t -> t.getName().equals("dockenv-index-prefetch") && t.isAlive());
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 10 s").isLessThan(end);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
