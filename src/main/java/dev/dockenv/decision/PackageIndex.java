package dev.dockenv.decision;

import dev.dockenv.project.Project;
import java.net.URI;
import java.util.ArrayList;
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

    /**
     * The index a build uses: the project's configuration, else the host's PIP_INDEX_URL,
     * PIP_EXTRA_INDEX_URL and PIP_TRUSTED_HOST (as pip on the host reads them), else the indexes
     * the lock or manifest names; always without credentials. The build uses the host's network when
     * any index the build may reach (requirements files' own --index-url included) is on its loopback.
     *
     * @param sourceIndexes the indexes the lock or the manifest names, in order
     */
    public static PackageIndex choose(Project project, Map<String, String> host, List<String> sourceIndexes) {
        var config = project.config();
        Optional<String> indexUrl = config.indexUrl().or(() -> Optional.ofNullable(host.get("PIP_INDEX_URL"))
                .filter(s -> !s.isBlank()).filter(s -> config.extraIndexUrls().isEmpty()));
        List<String> extra = new ArrayList<>(config.extraIndexUrls());
        if (config.indexUrl().isEmpty() && config.extraIndexUrls().isEmpty()) {
            splitInto(host.get("PIP_EXTRA_INDEX_URL"), extra);
        }
        if (indexUrl.isEmpty() && extra.isEmpty() && !sourceIndexes.isEmpty()) {
            // the lock's own indexes, when nothing else names one
            indexUrl = Optional.of(sourceIndexes.get(0));
            extra.addAll(sourceIndexes.subList(1, sourceIndexes.size()));
        }
        List<String> trusted = new ArrayList<>(config.trustedHosts());
        if (config.trustedHosts().isEmpty()) {
            splitInto(host.get("PIP_TRUSTED_HOST"), trusted);
        }
        // credentials never go into build arguments: the build gets them as a secret (see build.IndexCredentials)
        indexUrl = indexUrl.map(PackageIndex::withoutCredentials);
        extra.replaceAll(PackageIndex::withoutCredentials);
        List<String> all = new ArrayList<>(extra);
        indexUrl.ifPresent(all::add);
        List<String> urlsSeen = new ArrayList<>(all);
        project.requirements().forEach(r -> urlsSeen.addAll(r.indexUrls()));
        project.devRequirements().forEach(r -> urlsSeen.addAll(r.indexUrls()));
        project.conda().ifPresent(c -> {
            urlsSeen.addAll(c.environment().toDeclaredDependencies().indexUrls());
            c.pipIncludes().forEach(r -> urlsSeen.addAll(r.indexUrls()));
        });
        boolean hostNetwork = urlsSeen.stream().anyMatch(PackageIndex::isLoopback);
        return new PackageIndex(indexUrl, extra, trusted, hostNetwork);
    }

    private static void splitInto(String value, List<String> into) {
        if (value != null) {
            for (String s : value.trim().split("\\s+")) {
                if (!s.isEmpty()) {
                    into.add(s);
                }
            }
        }
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

    /** The same settings for a pip.conf build secret. */
    public PipSettings pipSettings() {
        return new PipSettings(buildArgs());
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
