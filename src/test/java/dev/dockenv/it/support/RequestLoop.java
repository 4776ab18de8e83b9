package dev.dockenv.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;

/**
 * HTTP requests back to back against a Swarm service on "the server", from a container on the
 * stack's attachable network, while a test rolls out a new version: what they saw (answered,
 * failed, the versions that answered) tells whether the service kept answering. The service is
 * {@link #APP}, or any that answers {@code VERSION ...}.
 *
 * <pre>{@code
 * RequestLoop loop = RequestLoop.start(stack + "_default", stack + "_app");
 * ... roll out ...
 * JsonNode seen = loop.stop();      // {"ok": 412, "failed": 0, "errors": [], "versions": {"1": 200, "2": 212}}
 * }</pre>
 */
public final class RequestLoop {
    /**
     * The app the tests deploy: answers {@code VERSION GREETING HOSTNAME} on port 8000 ($PORT),
     * VERSION from the file beside it; on SIGTERM it keeps answering for 3 s (Swarm has taken the
     * task out of DNS by then), then stops, as a server that drains its connections does.
     */
    public static final String APP = """
            import os, signal, socket, threading
            from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
            HERE = os.path.dirname(os.path.abspath(__file__))
            VERSION = open(os.path.join(HERE, "VERSION")).read().strip()
            class Handler(BaseHTTPRequestHandler):
                def do_GET(self):
                    body = ("%s %s %s\\n" % (VERSION, os.environ.get("GREETING", "-"), socket.gethostname())).encode()
                    self.send_response(200)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                def log_message(self, *args):
                    pass
            server = ThreadingHTTPServer(("0.0.0.0", int(os.environ.get("PORT", "8000"))), Handler)
            signal.signal(signal.SIGTERM, lambda *_: threading.Timer(3, server.shutdown).start())
            server.serve_forever()
            """;

    /** The loop: requests until /tmp/stop exists (at most 240 s), then one JSON line of what it saw. */
    private static final String LOOP = """
            import json, os, time, urllib.request
            ok, failed, versions, start, ready = 0, [], {}, time.time(), False
            while time.time() - start < 240 and not os.path.exists("/tmp/stop"):
                try:
                    version = urllib.request.urlopen("http://%s:8000/", timeout=3).read().decode().split()[0]
                    ok += 1
                    versions[version] = versions.get(version, 0) + 1
                    if not ready:
                        print("ready", flush=True)
                        ready = True
                except Exception as e:
                    failed.append("%%.1fs %%r" %% (time.time() - start, e))
                time.sleep(0.05)
            print(json.dumps({"ok": ok, "failed": len(failed), "errors": failed[:10], "versions": versions}), flush=True)
            """;

    private final String container;

    private RequestLoop(String container) {
        this.container = container;
    }

    /** Starts the loop against {@code host} on {@code network} and waits until it got its first answer. */
    public static RequestLoop start(String network, String host) {
        String name = Docker.uniqueName("requestloop");
        ServerEngine.docker("run", "-d", "--name", name, "--network", network, Docker.BASE_IMAGE, "python3", "-c",
                LOOP.formatted(host)).assertOk();
        RequestLoop loop = new RequestLoop(name);
        assertThat(Poll.until(Duration.ofMinutes(1), () -> ServerEngine.docker("logs", name).stdout().contains("ready")))
                .as("the loop gets answers from " + host + ": " + ServerEngine.docker("logs", name).output()).isTrue();
        return loop;
    }

    /** Stops the loop and returns what it saw. */
    public JsonNode stop() {
        ServerEngine.docker("exec", container, "touch", "/tmp/stop").assertOk();
        ServerEngine.docker("wait", container).assertOk();
        String[] lines = ServerEngine.docker("logs", container).assertOk().stdout().strip().split("\n");
        try {
            return new ObjectMapper().readTree(lines[lines.length - 1]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            remove();
        }
    }

    /** Removes the loop's container (for a finally block: a stopped loop is gone already). */
    public void remove() {
        ServerEngine.docker("rm", "-f", container);
    }

    /** The first word (the version) of {@code count} answers from {@code host}, from a container on {@code network}. */
    public static List<String> versions(String network, String host, int count) {
        return answers(network, host, count).stream().map(l -> l.split(" ")[0]).toList();
    }

    /** The whole answers ({@code VERSION GREETING HOSTNAME}) of {@code count} requests. */
    public static List<String> answers(String network, String host, int count) {
        String probe = "import urllib.request\nfor _ in range(%d):\n    print(urllib.request.urlopen('http://%s:8000/', "
                + "timeout=5).read().decode().strip())\n";
        ProcessResult r = ServerEngine.docker("run", "--rm", "--network", network, Docker.BASE_IMAGE, "python3", "-c",
                probe.formatted(count, host)).assertOk();
        return r.stdout().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
}
