package dev.dockenv.plan;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where pip finds packages during the build. Passed as pip's own environment variables through
 * build arguments, always without credentials (they would stay in the image history): those reach
 * pip as a netrc file through a BuildKit secret. An index on the host's loopback makes the build use
 * the host's network so it is reached as on the host.
 */
public record PackageIndex(Optional<String> indexUrl, List<String> extraIndexUrls, List<String> trustedHosts,
        boolean hostNetwork) {

    public PackageIndex {
        extraIndexUrls = List.copyOf(extraIndexUrls);
        trustedHosts = List.copyOf(trustedHosts);
    }

    public static PackageIndex none() {
        return new PackageIndex(Optional.empty(), List.of(), List.of(), false);
    }

    /** Build arguments named as pip's environment variables, only those set. */
    public Map<String, String> buildArgs() {
        Map<String, String> args = new LinkedHashMap<>();
        indexUrl.ifPresent(u -> args.put("PIP_INDEX_URL", u));
        if (!extraIndexUrls.isEmpty()) {
            args.put("PIP_EXTRA_INDEX_URL", String.join(" ", extraIndexUrls));
        }
        if (!trustedHosts.isEmpty()) {
            args.put("PIP_TRUSTED_HOST", String.join(" ", trustedHosts));
        }
        return args;
    }

    /** Whether the build uses an index of its own (which may need credentials), not pip's default. */
    public boolean isCustom() {
        return indexUrl.isPresent() || !extraIndexUrls.isEmpty();
    }

    /** The URL without its user and password (those go to pip through a build secret, never an argument). */
    public static String withoutCredentials(String url) {
        return url.replaceFirst("^([A-Za-z][A-Za-z0-9+.-]*://)[^/@]*@", "$1");
    }

    /** True for http(s) URLs whose host is this machine's loopback. */
    public static boolean isLoopback(String url) {
        try {
            String host = URI.create(url.trim()).getHost();
            if (host == null) {
                return false;
            }
            host = host.toLowerCase(Locale.ROOT);
            return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
