package dev.dockenv.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one question a warm {@code run} asks (does this image exist, and what is its ID?) asked
 * directly over the engine's unix socket: a few milliseconds instead of starting the docker
 * client. Used only when the client would talk to that same socket: the engine chosen as the
 * client chooses it ({@link EngineEndpoints}: -H, DOCKER_HOST, DOCKER_CONTEXT, the current context)
 * is a unix socket of this machine. Anything unexpected falls back to the client, which stays the
 * reference for everything else.
 */
public final class LocalEngineSocket {
    private static final Pattern STATUS = Pattern.compile("^HTTP/1\\.[01] (\\d{3})");
    private static final Pattern ID = Pattern.compile("\"Id\"\\s*:\\s*\"(sha256:[0-9a-f]{64})\"");
    /**
     * How long the answer may take: an engine answers this in milliseconds, so one that accepts the
     * connection and stays silent is given up on (the caller then asks the client, whose wait is
     * bounded too) instead of hanging the command.
     */
    static final Duration ANSWER_LIMIT = Duration.ofSeconds(5);

    private final Path socket;

    LocalEngineSocket(Path socket) {
        this.socket = socket;
    }

    /** The socket the docker client would use, when it is a local unix socket (the environment alone chooses the engine). */
    public static Optional<LocalEngineSocket> forEnvironment(Map<String, String> env) {
        String client = env.getOrDefault("DOCKENV_DOCKER", "");
        if (client.toLowerCase(Locale.ROOT).contains("podman")) {
            return Optional.empty();
        }
        try {
            return forEndpoint(EngineEndpoints.resolve(Optional.empty(), env));
        } catch (RuntimeException e) {
            return Optional.empty(); // a DOCKER_HOST docker cannot read either: the client says why
        }
    }

    /**
     * The endpoint's socket when it is a unix socket of this machine that exists: the engine the
     * client would talk to, and no other (never the default socket when another engine is chosen).
     */
    public static Optional<LocalEngineSocket> forEndpoint(EngineEndpoint endpoint) {
        return endpoint.localSocket().filter(Files::exists).map(LocalEngineSocket::new);
    }

    /**
     * The image's ID, empty when the engine has no such image; throws IOException when the answer
     * is anything else (the caller then asks the client).
     */
    public Optional<String> imageId(String reference) throws IOException {
        if (!reference.matches("[A-Za-z0-9._/:@-]+")) {
            throw new IOException("reference needs escaping: " + reference);
        }
        String response = get("/images/" + reference + "/json");
        Matcher status = STATUS.matcher(response);
        if (!status.find()) {
            throw new IOException("not an HTTP answer");
        }
        int code = Integer.parseInt(status.group(1));
        if (code == 404) {
            return Optional.empty();
        }
        Matcher id = ID.matcher(response);
        if (code != 200 || !id.find()) {
            throw new IOException("engine answered " + code);
        }
        return Optional.of(id.group(1));
    }

    /**
     * The containers (running or not) labelled as a compose project's; throws IOException on an
     * unexpected answer (the caller then asks the client).
     */
    public java.util.List<ContainerStatus> composeContainers(String project) throws IOException {
        if (!project.matches("[a-z0-9][a-z0-9_-]*")) {
            throw new IOException("project name needs escaping: " + project);
        }
        String filters = java.net.URLEncoder.encode("{\"label\":[\"com.docker.compose.project=" + project + "\"]}",
                StandardCharsets.UTF_8);
        String response = get("/containers/json?all=1&filters=" + filters);
        Matcher status = STATUS.matcher(response);
        if (!status.find() || !status.group(1).equals("200")) {
            throw new IOException("engine answered " + (status.find(0) ? status.group(1) : "no HTTP"));
        }
        int body = response.indexOf("\r\n\r\n");
        try {
            return ContainerListing.fromApi(body < 0 ? "" : response.substring(body + 4));
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private String get(String path) throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            String request = "GET " + path + " HTTP/1.0\r\nHost: docker\r\nUser-Agent: dockenv\r\n\r\n";
            channel.write(ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
            // read without blocking, until the deadline: a silent engine must not hang the command
            channel.configureBlocking(false);
            long deadline = System.nanoTime() + ANSWER_LIMIT.toNanos();
            ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
            ByteBuffer buffer = ByteBuffer.allocate(16384);
            int read;
            while ((read = channel.read(buffer)) >= 0) {
                if (read == 0) {
                    if (System.nanoTime() > deadline) {
                        throw new IOException("the engine did not answer within " + ANSWER_LIMIT.toSeconds() + " s");
                    }
                    pause();
                    continue;
                }
                buffer.flip();
                out.write(buffer.array(), 0, buffer.limit());
                buffer.clear();
                if (out.size() > 4_000_000) {
                    break;
                }
            }
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    private static void pause() throws IOException {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the engine", e);
        }
    }
}
