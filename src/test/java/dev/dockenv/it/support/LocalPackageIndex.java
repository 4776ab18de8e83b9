package dev.dockenv.it.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A PEP 503 "simple" package index for tests, served over HTTP on 127.0.0.1 (an ephemeral port)
 * with the JDK's built-in HTTP server.
 *
 * <pre>{@code
 * try (LocalPackageIndex index = LocalPackageIndex.serve(tmp, "greeting-1.0.0", "colorsay-2.0.0")) {
 *     // pip install --index-url index.url() colorsay   (a container needs --network host)
 *     assertThat(index.downloadedFiles()).contains("greeting-1.0.0-py3-none-any.whl");
 * }
 * }</pre>
 *
 * <p>Layout: {@code /simple/} lists the projects; {@code /simple/<normalized-name>/} (with or
 * without the trailing slash) links each wheel as {@code ../../files/<wheel>#sha256=<hex>}, with
 * {@code data-requires-python} when the wheel declares Requires-Python; {@code /files/<wheel>}
 * serves the wheel. Anything else is 404. Every request's path is recorded in order.
 *
 * <p>Only the host and containers started with {@code --network host} (or builds with
 * {@code --network host}) can reach it: it listens on the loopback address only.
 *
 * <p>The pseudo fixture {@link #BUILD_BACKEND} serves a real build backend, for projects that pip
 * builds (a [build-system], a setup.py): Debian's setuptools and wheel wheels from
 * {@link #DEBIAN_WHEELS} (packages python3-setuptools-whl and python3-wheel-whl, which
 * scripts/test.sh installs).
 *
 * <p>The pseudo fixture {@link #APP_WHEELS} serves real applications' packages: every wheel of
 * {@link #APP_WHEELS_DIR}, which scripts/ensure-app-wheels.sh makes from Debian bookworm's python3-*
 * packages (Django, asgiref, sqlparse, pytz, psycopg2; Flask, werkzeug, jinja2, markupsafe,
 * itsdangerous, click, blinker; gunicorn; uvicorn, h11, wsproto; redis, async-timeout, deprecated, wrapt,
 * packaging; jupyter-server and its dependencies). Their requirements name each other, so {@code pip install django} brings
 * asgiref and sqlparse. Compiled ones are for Python 3.11 and need Debian's libraries in the image
 * (a project's {@code apt = [...]}): libpq5 for psycopg2; libzmq5, libargon2-1 and libxslt1.1 for
 * jupyter-server. They are served from that folder as they are, not copied.
 */
public final class LocalPackageIndex implements AutoCloseable {

    /** A fixture id that serves setuptools and wheel (see the class comment). */
    public static final String BUILD_BACKEND = "build-backend";
    /** Where Debian keeps the wheels of python3-*-whl packages. */
    public static final Path DEBIAN_WHEELS = Path.of("/usr/share/python-wheels");
    /** A fixture id that serves every wheel of {@link #APP_WHEELS_DIR} (see the class comment). */
    public static final String APP_WHEELS = "app-wheels";
    /**
     * Where scripts/ensure-app-wheels.sh keeps the app wheels:
     * {@code ${DOCKENV_TEST_CACHE:-~/.cache/dockenv-test}/app-wheels}.
     */
    public static final Path APP_WHEELS_DIR = testCache().resolve("app-wheels");

    private static final String HTML = "text/html; charset=utf-8";
    private static final String WHEEL_TYPE = "application/octet-stream";

    /** One served wheel. */
    public record Wheel(String project, String fileName, Path path, String sha256, Optional<String> requiresPython) {}

    /** One logged request. */
    public record Request(String method, String path, int status) {}

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, Wheel> wheelsByFixture;
    private final Map<String, List<Wheel>> projects; // normalized name -> wheels
    private final Map<String, Wheel> files; // file name -> wheel
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

    private LocalPackageIndex(Map<String, Wheel> wheelsByFixture, List<Wheel> wheels, String[] basicAuth)
            throws IOException {
        this.wheelsByFixture = Map.copyOf(wheelsByFixture);
        Map<String, List<Wheel>> byProject = new TreeMap<>();
        Map<String, Wheel> byFile = new LinkedHashMap<>();
        for (Wheel w : wheels) {
            byProject.computeIfAbsent(w.project(), k -> new ArrayList<>()).add(w);
            byFile.put(w.fileName(), w);
        }
        this.projects = byProject;
        this.files = byFile;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "local-package-index-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        var context = server.createContext("/", this::handle);
        if (basicAuth != null) {
            context.setAuthenticator(new com.sun.net.httpserver.BasicAuthenticator("dockenv-test") {
                @Override
                public boolean checkCredentials(String user, String password) {
                    return basicAuth[0].equals(user) && basicAuth[1].equals(password);
                }
            });
        }
        server.start();
    }

    /**
     * Builds the wheels of the given fixtures (ids such as {@code greeting-1.0.0}, see
     * {@link WheelBuilder}) into {@code workDir/files} and serves them.
     */
    public static LocalPackageIndex serve(Path workDir, String... fixtureIds) {
        Builder b = builder(workDir);
        for (String id : fixtureIds) {
            b.fixture(id);
        }
        return b.start();
    }

    /** For indexes that mix fixtures with ad hoc wheels ({@link WheelBuilder#wheel}). */
    public static Builder builder(Path workDir) {
        return new Builder(workDir);
    }

    /** Collects wheels, then {@link #start()}s the server. */
    public static final class Builder {
        private final Path filesDir;
        private final Map<String, WheelBuilder> fixtures = new LinkedHashMap<>();
        private final List<WheelBuilder> adHoc = new ArrayList<>();
        private final List<Path> wheelFiles = new ArrayList<>();
        private final List<Path> servedInPlace = new ArrayList<>();
        private String[] basicAuth;

        private Builder(Path workDir) {
            this.filesDir = workDir.resolve("files");
        }

        public Builder fixture(String fixtureId) {
            if (fixtureId.equals(BUILD_BACKEND)) {
                return buildBackend();
            }
            if (fixtureId.equals(APP_WHEELS)) {
                return appWheels();
            }
            fixtures.put(fixtureId, WheelBuilder.fixture(fixtureId));
            return this;
        }

        /** Serves an existing wheel file as it is. */
        public Builder wheelFile(Path wheel) {
            wheelFiles.add(wheel);
            return this;
        }

        /** Serves Debian's setuptools and wheel wheels (see {@link #BUILD_BACKEND}). */
        public Builder buildBackend() {
            for (String project : List.of("setuptools", "wheel")) {
                wheelFile(debianWheel(project));
            }
            return this;
        }

        /** Serves every wheel of {@link #APP_WHEELS_DIR} (see {@link #APP_WHEELS}). */
        public Builder appWheels() {
            servedInPlace.addAll(appWheelFiles());
            return this;
        }

        public Builder fixtures(Collection<String> fixtureIds) {
            fixtureIds.forEach(this::fixture);
            return this;
        }

        public Builder wheel(WheelBuilder wheel) {
            adHoc.add(wheel);
            return this;
        }

        /** Requires HTTP basic authentication, as a company's private index does. */
        public Builder basicAuth(String user, String password) {
            basicAuth = new String[] {user, password};
            return this;
        }

        public LocalPackageIndex start() {
            Map<String, Wheel> byFixture = new LinkedHashMap<>();
            List<Wheel> all = new ArrayList<>();
            for (Map.Entry<String, WheelBuilder> e : fixtures.entrySet()) {
                Wheel w = write(e.getValue());
                byFixture.put(e.getKey(), w);
                all.add(w);
            }
            for (WheelBuilder b : adHoc) {
                all.add(write(b));
            }
            for (Path file : wheelFiles) {
                all.add(copy(file));
            }
            for (Path file : servedInPlace) {
                all.add(existing(file));
            }
            try {
                return new LocalPackageIndex(byFixture, all, basicAuth);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the local package index", e);
            }
        }

        private Wheel copy(Path wheel) {
            try {
                Files.createDirectories(filesDir);
                Path target = filesDir.resolve(wheel.getFileName().toString());
                Files.copy(wheel, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                return existing(target);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot serve " + wheel, e);
            }
        }

        private static Wheel existing(Path wheel) {
            try {
                String name = wheel.getFileName().toString();
                return new Wheel(WheelBuilder.normalize(name.substring(0, name.indexOf('-'))), name, wheel,
                        WheelBuilder.sha256Hex(wheel), requiresPython(wheel));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot serve " + wheel, e);
            }
        }

        private Wheel write(WheelBuilder b) {
            Path p = b.writeTo(filesDir);
            return new Wheel(b.normalizedName(), b.fileName(), p, WheelBuilder.sha256Hex(p), b.requiresPythonSpec());
        }
    }

    /** The newest wheel of {@code project} in {@link #DEBIAN_WHEELS}; fails with the package to install. */
    static Path debianWheel(String project) {
        try (var files = Files.list(DEBIAN_WHEELS)) {
            return files.filter(f -> f.getFileName().toString().startsWith(project + "-")
                            && f.getFileName().toString().endsWith(".whl"))
                    .max(java.util.Comparator.naturalOrder())
                    .orElseThrow(() -> new IllegalStateException("no " + project + " wheel in " + DEBIAN_WHEELS));
        } catch (IOException | IllegalStateException e) {
            throw new IllegalStateException("the test index serves the build backend from Debian's wheels: install "
                    + "python3-setuptools-whl and python3-wheel-whl (scripts/test.sh does): " + e.getMessage(), e);
        }
    }

    /** {@code ${DOCKENV_TEST_CACHE:-~/.cache/dockenv-test}}, as the scripts resolve it. */
    static Path testCache() {
        String configured = System.getenv("DOCKENV_TEST_CACHE");
        return configured != null && !configured.isEmpty()
                ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "dockenv-test");
    }

    /** The wheels of {@link #APP_WHEELS_DIR}; fails with the script to run when there are none. */
    static List<Path> appWheelFiles() {
        List<Path> wheels;
        try (var files = Files.list(APP_WHEELS_DIR)) {
            wheels = files.filter(f -> f.getFileName().toString().endsWith(".whl")).sorted().toList();
        } catch (IOException e) {
            wheels = List.of();
        }
        if (wheels.isEmpty()) {
            throw new IllegalStateException("the test index serves the app wheels from " + APP_WHEELS_DIR
                    + ", which has none: run scripts/ensure-app-wheels.sh (scripts/test.sh does)");
        }
        return wheels;
    }

    /** The Requires-Python of a wheel's METADATA, if it has one. */
    private static Optional<String> requiresPython(Path wheel) throws IOException {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(wheel.toFile())) {
            var entry = zip.stream().filter(e -> e.getName().matches("[^/]+\\.dist-info/METADATA")).findFirst();
            if (entry.isEmpty()) {
                return Optional.empty();
            }
            String metadata = new String(zip.getInputStream(entry.get()).readAllBytes(), StandardCharsets.UTF_8);
            return metadata.lines().takeWhile(l -> !l.isEmpty()).filter(l -> l.startsWith("Requires-Python:"))
                    .map(l -> l.substring("Requires-Python:".length()).strip()).findFirst();
        }
    }

    // ---- API ------------------------------------------------------------------------------------

    /** The index URL for pip's {@code --index-url}, e.g. {@code http://127.0.0.1:41234/simple}. */
    public String url() {
        return baseUrl() + "/simple";
    }

    /** {@code http://127.0.0.1:PORT}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The host to give pip's {@code --trusted-host} (pip already trusts loopback over http). */
    public String host() {
        return "127.0.0.1";
    }

    /** The built wheel of a fixture passed to {@link #serve} or {@link Builder#fixture}. */
    public Path wheel(String fixtureId) {
        Wheel w = wheelsByFixture.get(fixtureId);
        if (w == null) {
            throw new IllegalArgumentException("fixture " + fixtureId + " is not served here; served: " + wheelsByFixture.keySet());
        }
        return w.path();
    }

    /** The sha256 (hex) of a fixture's wheel, as a lock file records it. */
    public String sha256(String fixtureId) {
        wheel(fixtureId); // fails clearly for a fixture not served here
        return wheelsByFixture.get(fixtureId).sha256();
    }

    /** Every served wheel. */
    public List<Wheel> wheels() {
        return List.copyOf(files.values());
    }

    /** The paths of all requests so far, in order (e.g. {@code /simple/colorsay/}). */
    public List<String> requestedPaths() {
        synchronized (requests) {
            return requests.stream().map(Request::path).toList();
        }
    }

    /** All requests so far with method and status. */
    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** File names of the wheels fetched successfully with GET, in order. */
    public List<String> downloadedFiles() {
        synchronized (requests) {
            return requests.stream()
                    .filter(r -> r.method().equals("GET") && r.status() == 200 && r.path().startsWith("/files/"))
                    .map(r -> r.path().substring("/files/".length()))
                    .toList();
        }
    }

    /** Forgets the logged requests. */
    public void clearRequests() {
        requests.clear();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- HTTP -----------------------------------------------------------------------------------

    private void handle(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getRawPath();
        try {
            if (!method.equals("GET") && !method.equals("HEAD")) {
                ex.getResponseHeaders().set("Allow", "GET, HEAD");
                reply(ex, false, 405, HTML, page("405 Method Not Allowed", ""));
            } else {
                route(ex, path, method.equals("HEAD"));
            }
        } catch (IOException | RuntimeException e) {
            if (ex.getResponseCode() != -1) {
                return; // the answer had started: the client went away
            }
            try {
                reply(ex, false, 500, "text/plain; charset=utf-8", ("error: " + e).getBytes(StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException ignored) {
                // the client went away
            }
        } finally {
            ex.close();
        }
    }

    private int route(HttpExchange ex, String path, boolean head) throws IOException {
        if (path.equals("/simple") || path.equals("/simple/")) {
            return reply(ex, head, 200, HTML, rootPage());
        }
        if (path.startsWith("/simple/")) {
            String rest = path.substring("/simple/".length());
            if (rest.endsWith("/")) {
                rest = rest.substring(0, rest.length() - 1);
            }
            if (!rest.isEmpty() && !rest.contains("/")) {
                List<Wheel> wheels = projects.get(WheelBuilder.normalize(rest));
                if (wheels != null) {
                    return reply(ex, head, 200, HTML, projectPage(WheelBuilder.normalize(rest), wheels));
                }
            }
        } else if (path.startsWith("/files/")) {
            Wheel w = files.get(path.substring("/files/".length()));
            if (w != null) {
                return reply(ex, head, 200, WHEEL_TYPE, Files.readAllBytes(w.path()));
            }
        }
        return reply(ex, head, 404, HTML, page("404 Not Found", "<p>Not found: " + escape(path) + "</p>"));
    }

    /** Logs the request (before the client can see the answer), then sends the answer. */
    private int reply(HttpExchange ex, boolean head, int status, String type, byte[] body) throws IOException {
        requests.add(new Request(ex.getRequestMethod(), ex.getRequestURI().getRawPath(), status));
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        if (head) {
            ex.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
            ex.sendResponseHeaders(status, -1);
            return status;
        }
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
        return status;
    }

    private byte[] rootPage() {
        StringBuilder links = new StringBuilder();
        for (String project : projects.keySet()) {
            // absolute links: the root page is served at /simple and /simple/ alike
            links.append("    <a href=\"/simple/").append(escape(project)).append("/\">")
                    .append(escape(project)).append("</a><br/>\n");
        }
        return page("Simple index", links.toString());
    }

    private static byte[] projectPage(String project, List<Wheel> wheels) {
        StringBuilder links = new StringBuilder();
        for (Wheel w : wheels) {
            links.append("    <a href=\"../../files/").append(escape(w.fileName())).append("#sha256=").append(w.sha256())
                    .append('"');
            w.requiresPython().ifPresent(rp -> links.append(" data-requires-python=\"").append(escape(rp)).append('"'));
            links.append('>').append(escape(w.fileName())).append("</a><br/>\n");
        }
        return page("Links for " + project, links.toString());
    }

    private static byte[] page(String title, String body) {
        String html = "<!DOCTYPE html>\n<html>\n  <head>\n    <meta name=\"pypi:repository-version\" content=\"1.0\">\n"
                + "    <title>" + escape(title) + "</title>\n  </head>\n  <body>\n    <h1>" + escape(title) + "</h1>\n"
                + body + "  </body>\n</html>\n";
        return html.getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
