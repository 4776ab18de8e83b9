package dev.dockenv.it.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * dockenv's distribution as the CI pipelines download it (DOCKENV_DIST_URL): the build's
 * target/dockenv-VERSION.tar.gz served over HTTP on 127.0.0.1, with its SHA-256 (DOCKENV_DIST_SHA256).
 */
public final class DistributionServer implements AutoCloseable {
    private final HttpServer server;
    private final String url;
    private final String sha256;

    private DistributionServer(HttpServer server, String url, String sha256) {
        this.server = server;
        this.url = url;
        this.sha256 = sha256;
    }

    public static DistributionServer start() {
        try {
            Path tarball;
            try (var files = Files.list(DockenvCli.checkoutHome().resolve("target"))) {
                tarball = files.filter(f -> f.getFileName().toString().matches("dockenv-.*\\.tar\\.gz")).findFirst()
                        .orElseThrow(() -> new IllegalStateException("no target/dockenv-VERSION.tar.gz: run mvn verify"));
            }
            byte[] bytes = Files.readAllBytes(tarball);
            String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/" + tarball.getFileName(), exchange -> {
                exchange.sendResponseHeaders(200, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            });
            server.start();
            return new DistributionServer(server, "http://127.0.0.1:" + server.getAddress().getPort() + "/"
                    + tarball.getFileName(), sha256);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String url() {
        return url;
    }

    public String sha256() {
        return sha256;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
