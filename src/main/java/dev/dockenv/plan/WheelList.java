package dev.dockenv.plan;

import dev.dockenv.lock.LockedArtifact;
import dev.dockenv.lock.LockedPackage;
import dev.dockenv.lock.PackageSource;
import dev.dockenv.lock.pylock.FileNames;
import dev.dockenv.pep.Pep503;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A lock layer as {@link WheelInstaller}'s list: per package a {@code package NAME VERSION HASH...}
 * line (the normalized name, every hash the lock records, for pip when the platform has no wheel;
 * {@code dependency} instead of {@code package} for one the lock says was not asked for by name,
 * which gets no REQUESTED marker, as pip gives none to what it installs as a dependency) and a
 * {@code wheel FILENAME SHA256 URL} line per wheel the lock names. Only packages from an index
 * with a version and at least one wheel whose URL and sha256 the lock records can be listed (locks
 * that name files without URLs, such as poetry.lock and Pipfile.lock, stay with pip).
 */
final class WheelList {
    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9._+!-]+");
    private static final Pattern HASH = Pattern.compile("[a-z0-9]+:[0-9a-fA-F]+");
    private static final Pattern SHA256 = Pattern.compile("sha256:([0-9a-fA-F]{64})");
    private static final Pattern WHEEL = Pattern.compile("[A-Za-z0-9._+!-]+\\.whl");

    private WheelList() {
    }

    /**
     * The package's lines ({@code requested}: asked for by name), or empty when it cannot be listed
     * (pip installs it).
     */
    static Optional<List<String>> lines(LockedPackage p, boolean requested) {
        if (!(p.source() instanceof PackageSource.Registry) || p.version().isEmpty()
                || !WORD.matcher(p.name()).matches() || !WORD.matcher(p.version().get()).matches()
                || p.hashes().stream().anyMatch(h -> !HASH.matcher(h).matches())) {
            return Optional.empty();
        }
        List<String> wheels = new ArrayList<>();
        for (LockedArtifact a : p.artifacts()) {
            wheel(a).ifPresent(wheels::add);
        }
        if (wheels.isEmpty()) {
            return Optional.empty();
        }
        List<String> lines = new ArrayList<>();
        // the name as pip's lists have it (normalized): pip names the headers' folder after it
        lines.add((requested ? "package " : "dependency ") + Pep503.normalize(p.name()) + " " + p.version().get() + " "
                + String.join(" ", p.hashes()));
        lines.addAll(wheels);
        return Optional.of(lines);
    }

    /**
     * The list's text (the header, then each package's lines), empty when a package cannot be listed.
     *
     * @param requested whether a package (its normalized name) was asked for by name
     */
    static Optional<String> text(String header, List<LockedPackage> packages, Predicate<String> requested) {
        StringBuilder body = new StringBuilder();
        boolean dependencies = false;
        for (LockedPackage p : packages) {
            boolean asked = requested.test(Pep503.normalize(p.name()));
            dependencies |= !asked;
            Optional<List<String>> lines = lines(p, asked);
            if (lines.isEmpty()) {
                return Optional.empty();
            }
            lines.get().forEach(l -> body.append(l).append('\n'));
        }
        StringBuilder text = new StringBuilder(header);
        text.append("# Installed by ").append(WheelInstaller.PATH).append(": a package, then its wheels (file, sha256, URL).\n");
        if (dependencies) {
            text.append("# A dependency is a package installed for another one, not asked for by name.\n");
        }
        return Optional.of(text.append(body).toString());
    }

    private static Optional<String> wheel(LockedArtifact a) {
        if (a.url().isEmpty()) {
            return Optional.empty();
        }
        String url = a.url().get();
        Optional<String> sha = a.hashes().stream().map(SHA256::matcher).filter(java.util.regex.Matcher::matches)
                .map(m -> m.group(1).toLowerCase(Locale.ROOT)).findFirst();
        Optional<String> file = a.fileName().or(() -> FileNames.of(url));
        if (sha.isEmpty() || file.isEmpty() || !WHEEL.matcher(file.get()).matches() || !isHttp(url)) {
            return Optional.empty();
        }
        return Optional.of("wheel " + file.get() + " " + sha.get() + " " + url);
    }

    private static boolean isHttp(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && uri.getRawUserInfo() == null // credentials go to the build as a secret, never in a file
                    && url.chars().noneMatch(c -> c <= ' ' || c == 0x7f);
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
