package dev.dockenv.resolve;

import dev.dockenv.build.IndexCredentials;
import dev.dockenv.plan.EnvironmentPlan;
import dev.dockenv.decision.PackageIndex;
import dev.dockenv.project.Project;
import dev.dockenv.project.RequirementsSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The package indexes a resolution uses, credential-free, and their credentials in netrc form
 * (as the build gets them): from index URLs that carry a user and password and from the user's netrc.
 */
public record IndexAccess(List<String> indexUrls, Optional<IndexCredentials> credentials, boolean hostNetwork,
        Map<String, String> pipEnvironment, IndexProxies proxies) {

    public static final String PYPI = "https://pypi.org/simple";

    public IndexAccess {
        indexUrls = List.copyOf(indexUrls);
        pipEnvironment = Map.copyOf(pipEnvironment);
    }

    /** For a plan made without a lock, with the host's environment (PIP_*, NETRC, HOME). */
    public static IndexAccess of(Project project, EnvironmentPlan plan, Map<String, String> env) {
        PackageIndex index = plan.index();
        List<String> urls = new ArrayList<>();
        index.indexUrl().ifPresent(urls::add);
        urls.addAll(index.extraIndexUrls());
        List<RequirementsSet> sets = new ArrayList<>(project.requirements());
        sets.addAll(project.devRequirements());
        List<String> raw = new ArrayList<>();
        for (RequirementsSet set : sets) {
            raw.addAll(set.indexUrls());
            set.indexUrls().stream().map(PackageIndex::withoutCredentials).filter(u -> !urls.contains(u))
                    .forEach(urls::add);
        }
        if (index.indexUrl().isEmpty() && !urls.contains(PYPI)) {
            urls.add(PYPI);
        }
        project.config().indexUrl().ifPresent(raw::add);
        raw.addAll(project.config().extraIndexUrls());
        Optional.ofNullable(env.get("PIP_INDEX_URL")).filter(v -> !v.isBlank()).ifPresent(raw::add);
        Optional.ofNullable(env.get("PIP_EXTRA_INDEX_URL")).filter(v -> !v.isBlank())
                .ifPresent(v -> raw.addAll(List.of(v.trim().split("\\s+"))));
        Set<String> hosts = new HashSet<>();
        for (String url : urls) {
            host(url).ifPresent(hosts::add);
        }
        Path netrc = Optional.ofNullable(env.get("NETRC")).filter(v -> !v.isBlank()).map(Path::of)
                .orElseGet(() -> Path.of(Optional.ofNullable(env.get("HOME")).filter(v -> !v.isBlank())
                        .orElse(System.getProperty("user.home")), ".netrc"));
        Optional<String> netrcText = Optional.empty();
        if (Files.isRegularFile(netrc)) {
            try {
                netrcText = Optional.of(Files.readString(netrc));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + netrc, e);
            }
        }
        boolean hostNetwork = index.hostNetwork() || urls.stream().anyMatch(PackageIndex::isLoopback);
        return new IndexAccess(urls, IndexCredentials.collect(raw, netrcText, hosts), hostNetwork,
                index.buildArgs(), IndexProxies.from(env));
    }

    /** An Authorization header value for a URL's host, when the credentials name it. */
    public Optional<String> authorization(String url) {
        Optional<String> host = host(url);
        if (credentials.isEmpty() || host.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String[]> logins = new LinkedHashMap<>();
        for (String line : credentials.get().netrc().split("\n")) {
            String[] t = line.trim().split("\\s+");
            if (t.length == 6 && t[0].equals("machine") && t[2].equals("login") && t[4].equals("password")) {
                logins.put(t[1], new String[] {t[3], t[5]});
            }
        }
        String[] login = logins.get(host.get());
        return login == null ? Optional.empty() : Optional.of("Basic " + Base64.getEncoder()
                .encodeToString((login[0] + ":" + login[1]).getBytes(StandardCharsets.UTF_8)));
    }

    private static Optional<String> host(String url) {
        try {
            return Optional.ofNullable(URI.create(url.trim()).getHost()).map(h -> h.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
