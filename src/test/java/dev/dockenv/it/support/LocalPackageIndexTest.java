package dev.dockenv.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index over HTTP from the host, no engine needed (LocalPackageIndexIT installs from it with pip). */
class LocalPackageIndexTest {

    @TempDir
    Path tmp;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void servesDebiansSetuptoolsAndWheelAsTheBuildBackend() throws Exception {
        try (LocalPackageIndex index = LocalPackageIndex.serve(tmp, LocalPackageIndex.BUILD_BACKEND)) {
            Path setuptools = LocalPackageIndex.debianWheel("setuptools");
            HttpResponse<String> page = get(index, "/simple/setuptools/");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains(setuptools.getFileName() + "#sha256=" + WheelBuilder.sha256Hex(setuptools)
                    + "\" data-requires-python=\"&gt;=");
            assertThat(get(index, "/simple/wheel/").body()).contains("wheel-");
            assertThat(index.wheels()).extracting(LocalPackageIndex.Wheel::project).containsExactly("setuptools", "wheel");
        }
    }

    @Test
    void servesTheAppWheelsFromTheirCacheFolderAsTheyAre() throws Exception {
        try (LocalPackageIndex index = LocalPackageIndex.serve(tmp, LocalPackageIndex.APP_WHEELS)) {
            assertThat(index.wheels()).extracting(LocalPackageIndex.Wheel::project)
                    .contains("django", "asgiref", "sqlparse", "psycopg2", "flask", "werkzeug", "redis", "jupyter-server");
            assertThat(index.wheels()).allSatisfy(w -> assertThat(w.path().getParent()).isEqualTo(LocalPackageIndex.APP_WHEELS_DIR));
            assertThat(tmp.resolve("files")).doesNotExist(); // nothing copied

            LocalPackageIndex.Wheel psycopg2 = index.wheels().stream().filter(w -> w.project().equals("psycopg2"))
                    .findFirst().orElseThrow();
            assertThat(psycopg2.fileName()).endsWith("-cp311-cp311-linux_x86_64.whl");
            HttpResponse<String> page = get(index, "/simple/psycopg2/");
            assertThat(page.body()).contains(psycopg2.fileName() + "#sha256=" + WheelBuilder.sha256Hex(psycopg2.path())
                    + "\" data-requires-python=\"&gt;=3.6\"");
            HttpResponse<byte[]> file = http.send(
                    HttpRequest.newBuilder(URI.create(index.baseUrl() + "/files/" + psycopg2.fileName())).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(file.body()).isEqualTo(Files.readAllBytes(psycopg2.path()));
        }
    }

    @Test
    void servesPep503PagesAndWheels() throws Exception {
        try (LocalPackageIndex index = LocalPackageIndex.serve(tmp, "greeting-1.0.0", "greeting-1.1.0", "colorsay-2.0.0")) {
            assertThat(index.url()).matches("http://127\\.0\\.0\\.1:\\d+/simple");

            for (String root : new String[] {"/simple/", "/simple"}) {
                HttpResponse<String> r = get(index, root);
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
                assertThat(r.body()).contains("<a href=\"/simple/colorsay/\">colorsay</a>",
                        "<a href=\"/simple/greeting/\">greeting</a>");
            }

            Path w10 = index.wheel("greeting-1.0.0");
            Path w11 = index.wheel("greeting-1.1.0");
            String sha10 = WheelBuilder.sha256Hex(Files.readAllBytes(w10));
            for (String page : new String[] {"/simple/greeting/", "/simple/greeting", "/simple/Greeting/"}) {
                HttpResponse<String> r = get(index, page);
                assertThat(r.statusCode()).as(page).isEqualTo(200);
                assertThat(r.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
                assertThat(r.body())
                        .contains("<a href=\"../../files/greeting-1.0.0-py3-none-any.whl#sha256=" + sha10 + "\">")
                        .contains("greeting-1.1.0-py3-none-any.whl#sha256=" + WheelBuilder.sha256Hex(w11)
                                + "\" data-requires-python=\"&gt;=3.8\">")
                        .doesNotContain("colorsay");
            }

            // the relative link resolves to the same file from both page URLs
            URI withSlash = URI.create(index.url() + "/greeting/").resolve("../../files/x.whl");
            assertThat(withSlash.getPath()).isEqualTo("/files/x.whl");

            HttpResponse<byte[]> file = http.send(
                    HttpRequest.newBuilder(URI.create(index.baseUrl() + "/files/" + w10.getFileName())).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(file.statusCode()).isEqualTo(200);
            assertThat(file.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
            assertThat(file.body()).isEqualTo(Files.readAllBytes(w10));

            HttpResponse<String> head = http.send(HttpRequest.newBuilder(URI.create(index.url() + "/colorsay/"))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(head.statusCode()).isEqualTo(200);
            assertThat(head.body()).isEmpty();

            for (String missing : new String[] {"/simple/nope/", "/simple/greeting/x", "/files/nope.whl", "/", "/other"}) {
                assertThat(get(index, missing).statusCode()).as(missing).isEqualTo(404);
            }
            HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(index.url() + "/"))
                    .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(post.statusCode()).isEqualTo(405);

            assertThat(index.requestedPaths()).startsWith("/simple/", "/simple", "/simple/greeting/", "/simple/greeting")
                    .contains("/files/greeting-1.0.0-py3-none-any.whl", "/simple/nope/");
            assertThat(index.downloadedFiles()).containsExactly("greeting-1.0.0-py3-none-any.whl");
            assertThat(index.requests()).contains(new LocalPackageIndex.Request("GET", "/files/nope.whl", 404));
            index.clearRequests();
            assertThat(index.requestedPaths()).isEmpty();
        }
    }

    @Test
    void servesAdHocWheelsBesideFixturesAndStopsOnClose() throws Exception {
        LocalPackageIndex index = LocalPackageIndex.builder(tmp)
                .fixture("devtool-0.3.0")
                .wheel(WheelBuilder.wheel("Extra_Thing", "0.1").file("extra_thing/__init__.py", ""))
                .start();
        String url = index.url();
        try (index) {
            assertThat(get(index, "/simple/extra-thing/").body()).contains("Extra_Thing-0.1-py3-none-any.whl#sha256=");
            assertThat(index.wheels()).extracting(LocalPackageIndex.Wheel::project).containsExactly("devtool", "extra-thing");
        }
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as("served after close").isNotEqualTo(200);
        } catch (IOException expected) {
            // connection refused: closed
        }
    }

    private HttpResponse<String> get(LocalPackageIndex index, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(index.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
