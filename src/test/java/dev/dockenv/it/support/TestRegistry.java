package dev.dockenv.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

/**
 * The real registry scripts/ensure-registry.sh starts for the tests (Debian's docker-registry on
 * 127.0.0.1, htpasswd auth), and a small client of its v2 API (JDK HttpClient, basic auth) to see
 * what a push left there: tags, manifests and their digests, an image's labels.
 *
 * <p>Its address, user and password come from DOCKENV_TEST_REGISTRY, DOCKENV_TEST_REGISTRY_USER and
 * DOCKENV_TEST_REGISTRY_PASSWORD (scripts/test.sh exports them), else from the test.env file the
 * script writes in ${DOCKENV_TEST_CACHE:-~/.cache/dockenv-test}/registry.
 *
 * <pre>{@code
 * TestRegistry registry = TestRegistry.require();
 * Path config = registry.login(tmp.resolve("docker-config"));   // a DOCKER_CONFIG of the test's own
 * String repo = registry.newRepository("push");                   // 127.0.0.1:5000/dockenv-it/push-1a2b3c
 * assertThat(registry.tags(repo)).contains("1.0");
 * }</pre>
 */
public final class TestRegistry {
    /** Manifest kinds a registry may answer with, as docker 20.10 pushes them (schema 2) and OCI ones. */
    public static final String MANIFEST_TYPES = "application/vnd.docker.distribution.manifest.v2+json, "
            + "application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.list.v2+json, "
            + "application/vnd.oci.image.index.v1+json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String address;
    private final String user;
    private final String password;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestRegistry(String address, String user, String password) {
        this.address = address;
        this.user = user;
        this.password = password;
    }

    /**
     * The registry, checked to answer: /v2/ refuses a request without credentials (401) and accepts
     * the test user's. Fails (not skips) the calling test otherwise: the test command starts it.
     */
    public static TestRegistry require() {
        Map<String, String> settings = settings();
        String address = settings.get("DOCKENV_TEST_REGISTRY");
        if (address == null || address.isBlank()) {
            throw new AssertionError("no test registry: DOCKENV_TEST_REGISTRY is not set and " + envFile()
                    + " does not exist; run scripts/ensure-registry.sh (scripts/test.sh does)");
        }
        TestRegistry registry = new TestRegistry(address.strip(), settings.getOrDefault("DOCKENV_TEST_REGISTRY_USER", ""),
                settings.getOrDefault("DOCKENV_TEST_REGISTRY_PASSWORD", ""));
        int anonymous = registry.status("/v2/", false);
        int authenticated = registry.status("/v2/", true);
        if (anonymous != 401 || authenticated != 200) {
            throw new AssertionError("the test registry at " + address + " answers /v2/ with " + anonymous
                    + " without credentials and " + authenticated + " with the test user's (want 401 and 200); "
                    + "run scripts/ensure-registry.sh (scripts/test.sh does)");
        }
        return registry;
    }

    private static Path envFile() {
        String cache = System.getenv("DOCKENV_TEST_CACHE");
        Path dir = cache == null || cache.isBlank() ? Path.of(System.getProperty("user.home"), ".cache", "dockenv-test")
                : Path.of(cache);
        return dir.resolve("registry").resolve("test.env");
    }

    private static Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        Path file = envFile();
        if (Files.isRegularFile(file)) {
            Properties p = new Properties();
            try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            p.forEach((k, v) -> settings.put(k.toString(), v.toString()));
        }
        for (String name : List.of("DOCKENV_TEST_REGISTRY", "DOCKENV_TEST_REGISTRY_USER", "DOCKENV_TEST_REGISTRY_PASSWORD")) {
            String value = System.getenv(name);
            if (value != null && !value.isBlank()) {
                settings.put(name, value);
            }
        }
        return settings;
    }

    /** host:port, as image references name it. */
    public String address() {
        return address;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** A repository no other test (or earlier run) used: {@code ADDRESS/dockenv-it/NAME-RANDOM}. */
    public String newRepository(String name) {
        return address + "/dockenv-it/" + name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The repository's path in the registry (without the address). */
    public String path(String repository) {
        String prefix = address + "/";
        return repository.startsWith(prefix) ? repository.substring(prefix.length()) : repository;
    }

    /**
     * Logs docker in with the test user into {@code configDir}, a DOCKER_CONFIG of the test's own
     * (root's ~/.docker is never touched); the password goes through stdin. Returns the folder.
     */
    public Path login(Path configDir) {
        try {
            Files.createDirectories(configDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Docker.exec("login", "--username", user, "--password-stdin", address)
                .env("DOCKER_CONFIG", configDir.toString()).stdin(password + "\n").timeout(Duration.ofSeconds(60))
                .run().assertOk();
        return configDir;
    }

    /**
     * Where the registry keeps the unfinished uploads of a repository: its storage root (the
     * script's data folder beside test.env), docker/registry/v2/repositories/PATH/_uploads.
     */
    public Path uploadsFolder(String repository) {
        return envFile().getParent().resolve("data/docker/registry/v2/repositories").resolve(path(repository))
                .resolve("_uploads");
    }

    /** The repository's tags ({@code /v2/REPO/tags/list}), sorted; empty when the registry has no such repository. */
    public List<String> tags(String repository) {
        HttpResponse<String> r = get("/v2/" + path(repository) + "/tags/list", Map.of());
        if (r.statusCode() == 404) {
            return List.of();
        }
        expect(r, 200);
        List<String> tags = new ArrayList<>();
        json(r.body()).path("tags").forEach(t -> tags.add(t.asText()));
        tags.sort(null);
        return tags;
    }

    /** The digest of the manifest the registry holds under {@code tag} (Docker-Content-Digest), empty without one. */
    public Optional<String> manifestDigest(String repository, String tag) {
        HttpResponse<String> r = manifestResponse(repository, tag);
        if (r.statusCode() == 404) {
            return Optional.empty();
        }
        expect(r, 200);
        return r.headers().firstValue("Docker-Content-Digest");
    }

    /** The manifest under {@code reference} (a tag or a digest), as JSON. */
    public JsonNode manifest(String repository, String reference) {
        HttpResponse<String> r = manifestResponse(repository, reference);
        expect(r, 200);
        return json(r.body());
    }

    /** The image's labels, from the config blob its manifest names. */
    public Map<String, String> labels(String repository, String reference) {
        String config = manifest(repository, reference).path("config").path("digest").asText();
        HttpResponse<String> r = get("/v2/" + path(repository) + "/blobs/" + config, Map.of());
        expect(r, 200);
        Map<String, String> labels = new LinkedHashMap<>();
        json(r.body()).path("config").path("Labels").fields().forEachRemaining(e -> labels.put(e.getKey(),
                e.getValue().asText()));
        return labels;
    }

    private HttpResponse<String> manifestResponse(String repository, String reference) {
        return get("/v2/" + path(repository) + "/manifests/" + reference, Map.of("Accept", MANIFEST_TYPES));
    }

    private int status(String path, boolean authenticated) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://" + address + path))
                    .timeout(Duration.ofSeconds(10));
            if (authenticated) {
                b.header("Authorization", basic());
            }
            return http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private HttpResponse<String> get(String path, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://" + address + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", basic());
        headers.forEach(b::header);
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("GET http://" + address + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String basic() {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static void expect(HttpResponse<String> r, int status) {
        if (r.statusCode() != status) {
            throw new AssertionError(r.request().uri() + " answered " + r.statusCode() + " (want " + status + "): "
                    + r.body());
        }
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
