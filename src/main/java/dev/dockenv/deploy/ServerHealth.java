package dev.dockenv.deploy;

import dev.dockenv.config.HealthPath;
import java.util.Objects;

/** How the engine on the server tells that the app is up. */
public sealed interface ServerHealth {

    /**
     * An HTTP GET of {@code path} on 127.0.0.1:{@code port} inside the container, by the image's own
     * Python (a release image has Python, not curl): any answer below 500 is healthy (a 404 or a 400
     * for the Host header still says the server answers), a refused connection, a timeout or a 5xx
     * is not.
     */
    record HttpGet(int port, String path) implements ServerHealth {
        public HttpGet {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("not a port: " + port);
            }
            Objects.requireNonNull(path, "path");
            HealthPath.problem(path).ifPresent(problem -> {
                throw new IllegalArgumentException(problem);
            });
        }

        /** The check as a program and its arguments (run without a shell). */
        public java.util.List<String> command() {
            return java.util.List.of("python", "-c", "import http.client as h,sys; c=h.HTTPConnection('127.0.0.1',"
                    + port + ",timeout=4); c.request('GET','" + path + "'); sys.exit(c.getresponse().status>=500)");
        }
    }

    /** No check of dockenv's (the image's own HEALTHCHECK, if any, still applies). */
    record None() implements ServerHealth {
    }
}
