package dev.dockenv.resolve;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GET requests to a package index over {@link HttpURLConnection}: redirects followed as a browser
 * does (never from https to http), each URL of the chain with its own Authorization (credentials
 * go to the host they are for), connections kept alive between requests. Not
 * {@code java.net.http.HttpClient}, whose first request costs about 200 ms of start-up and whose
 * selector thread, waiting in the kernel, holds the JVM's exit for 300 ms more: a lock or an add
 * would pay half a second for a handful of small pages. The proxies of the host's environment
 * ({@link IndexProxies}) are used as pip and uv use them.
 */
final class IndexHttp {
    private static final int MAX_REDIRECTS = 5;
    private static final Pattern CHARSET = Pattern.compile("(?i)charset=\"?([A-Za-z0-9._-]+)");

    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final IndexProxies proxies;

    IndexHttp(Duration connectTimeout, Duration readTimeout) {
        this(connectTimeout, readTimeout, IndexProxies.NONE);
    }

    IndexHttp(Duration connectTimeout, Duration readTimeout, IndexProxies proxies) {
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.proxies = proxies;
    }

    /** A response: its status, its Content-Type, the URI it came from (after redirects), its body (closed by the caller). */
    record Response(int status, Optional<String> contentType, URI uri, InputStream body) implements AutoCloseable {
        /** The body as text, in the charset the Content-Type names (UTF-8 without one). */
        String text() throws IOException {
            Charset charset = StandardCharsets.UTF_8;
            Matcher m = CHARSET.matcher(contentType.orElse(""));
            if (m.find()) {
                try {
                    charset = Charset.forName(m.group(1));
                } catch (IllegalArgumentException e) {
                    // an unknown charset: UTF-8
                }
            }
            return new String(body.readAllBytes(), charset);
        }

        @Override
        public void close() throws IOException {
            body.close();
        }
    }

    /**
     * GETs {@code url} ({@code accept} as its Accept header when given); {@code authorization}
     * gives the Authorization header of each URL of the redirect chain. A response of any status
     * is returned (with its error body, or an empty one).
     */
    Response get(String url, Optional<String> accept, Function<String, Optional<String>> authorization)
            throws IOException {
        URI uri = URI.create(url);
        for (int hop = 0; ; hop++) {
            java.util.Optional<java.net.Proxy> proxy = proxies.forUri(uri);
            HttpURLConnection connection = (HttpURLConnection) (proxy.isPresent() ? uri.toURL().openConnection(proxy.get())
                    : uri.toURL().openConnection());
            connection.setInstanceFollowRedirects(false);
            connection.setConnectTimeout((int) connectTimeout.toMillis());
            connection.setReadTimeout((int) readTimeout.toMillis());
            accept.ifPresent(a -> connection.setRequestProperty("Accept", a));
            authorization.apply(uri.toString()).ifPresent(a -> connection.setRequestProperty("Authorization", a));
            int status = connection.getResponseCode();
            Optional<String> type = Optional.ofNullable(connection.getContentType());
            String location = connection.getHeaderField("Location");
            boolean redirect = status >= 300 && status < 400 && status != 304 && location != null;
            if (redirect && hop < MAX_REDIRECTS) {
                URI next = uri.resolve(location);
                drain(connection, status);
                if ("https".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(next.getScheme())) {
                    return new Response(status, type, uri, InputStream.nullInputStream()); // no downgrade
                }
                uri = next;
                continue;
            }
            InputStream body = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            return new Response(status, type, uri, body == null ? InputStream.nullInputStream() : body);
        }
    }

    /** Reads and closes a response that is not used, so that its connection is kept alive. */
    private static void drain(HttpURLConnection connection, int status) {
        try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
            if (in != null) {
                in.transferTo(OutputStream.nullOutputStream());
            }
        } catch (IOException e) {
            connection.disconnect();
        }
    }
}
