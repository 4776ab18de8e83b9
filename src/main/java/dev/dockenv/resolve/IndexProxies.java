package dev.dockenv.resolve;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The proxies the host's environment names for requests to the package indexes, read as pip, uv
 * and curl read them: {@code https_proxy} for https URLs and {@code http_proxy} for http ones (the
 * lowercase name first, then the uppercase one), except for the hosts {@code no_proxy} lists (a
 * host, a domain and its subdomains with or without a leading dot, {@code *} for all; ports
 * ignored). A proxy URL without a scheme is an http one; its port defaults to 80.
 */
public record IndexProxies(Optional<URI> https, Optional<URI> http, List<String> noProxy) {
    /** No proxy named: every request goes as the JVM's own settings send it. */
    public static final IndexProxies NONE = new IndexProxies(Optional.empty(), Optional.empty(), List.of());

    public IndexProxies {
        noProxy = List.copyOf(noProxy);
    }

    /** The proxies of an environment (the host's variables). */
    public static IndexProxies from(Map<String, String> env) {
        return new IndexProxies(url(variable(env, "https_proxy")), url(variable(env, "http_proxy")),
                variable(env, "no_proxy").map(v -> Arrays.stream(v.split("[,\\s]+")).map(IndexProxies::hostOf)
                        .filter(h -> !h.isEmpty()).toList()).orElse(List.of()));
    }

    private static Optional<String> variable(Map<String, String> env, String lower) {
        return Optional.ofNullable(env.get(lower)).or(() -> Optional.ofNullable(env.get(lower.toUpperCase(Locale.ROOT))))
                .map(String::strip).filter(v -> !v.isEmpty());
    }

    private static Optional<URI> url(Optional<String> value) {
        return value.flatMap(v -> {
            try {
                URI uri = URI.create(v.contains("://") ? v : "http://" + v);
                return uri.getHost() == null ? Optional.empty() : Optional.of(uri);
            } catch (IllegalArgumentException e) {
                return Optional.empty(); // not a URL: as if unset, as pip does with a proxy it cannot read
            }
        });
    }

    /** A no_proxy entry as a host: lowercase, without a leading dot or a port. */
    private static String hostOf(String entry) {
        String host = entry.toLowerCase(Locale.ROOT).replaceFirst("^\\.", "");
        return host.startsWith("[") ? host.replaceFirst("\\]:\\d+$", "]") : host.replaceFirst(":\\d+$", "");
    }

    /** The proxy for a URL: its scheme's, unless no_proxy lists its host; empty for a direct request. */
    public Optional<Proxy> forUri(URI target) {
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
        Optional<URI> proxy = scheme.equals("https") ? https : scheme.equals("http") ? http : Optional.empty();
        String host = target.getHost() == null ? "" : target.getHost().toLowerCase(Locale.ROOT);
        if (proxy.isEmpty() || bypassed(host)) {
            return Optional.empty();
        }
        URI p = proxy.get();
        int port = p.getPort() > 0 ? p.getPort() : 80;
        return Optional.of(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(p.getHost(), port)));
    }

    /** Whether no_proxy lists the host (or a domain of it). */
    private boolean bypassed(String host) {
        return noProxy.stream().anyMatch(n -> n.equals("*") || host.equals(n) || host.endsWith("." + n));
    }
}
