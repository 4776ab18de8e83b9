package dev.dockenv.engine;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognizes a build that failed because its base image could not be had (the registry is not
 * reachable, has no such image, or refuses access) and says so in one line naming the image, in
 * place of the builder's own wording: BuildKit fails at "[internal] load metadata for IMAGE", the
 * legacy builder at "FROM IMAGE" with a bare error line, which is not a failure of the engine.
 */
final class BaseImageFailure {
    private static final Pattern BUILDKIT_METADATA = Pattern.compile("^\\[internal\\] load metadata for (\\S+)$");
    private static final Pattern FROM = Pattern.compile("^(?:\\[[^\\]]*\\] )?FROM (?:--\\S+ )*(\\S+)(?: AS \\S+)?$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern REGISTRY_URL = Pattern.compile("https?://([^/\"\\s]+)");
    private static final List<String> NETWORK = List.of("no such host", "dial tcp", "i/o timeout",
            "connection refused", "network is unreachable", "tls handshake timeout", "temporary failure in name resolution",
            "no route to host", "server misbehaving");
    private static final List<String> MISSING = List.of("not found", "manifest unknown", "does not exist",
            "pull access denied");
    private static final List<String> REFUSED = List.of("unauthorized", "authentication required", "denied",
            "forbidden");

    private BaseImageFailure() {
    }

    /** A one-line explanation when {@code failure} is about getting the base image. */
    static Optional<BaseImageUnavailableException> explain(BuildFailedException failure) {
        Optional<String> image = image(failure.step());
        if (image.isEmpty()) {
            return Optional.empty();
        }
        String text = failure.reason() + "\n" + String.join("\n", failure.stepOutput());
        String lower = text.toLowerCase(Locale.ROOT);
        Matcher url = REGISTRY_URL.matcher(text);
        String registry = url.find() ? url.group(1) : "its registry";
        String why;
        String hint;
        if (NETWORK.stream().anyMatch(lower::contains)) {
            why = registry + " cannot be reached from the engine (" + lastClause(text) + ")";
            hint = "connect the engine to " + registry + ", or bring the image in another way (docker load, a "
                    + "mirror), or set base-image in [tool.dockenv] to an image the engine has";
        } else if (MISSING.stream().anyMatch(lower::contains)) {
            why = registry + " has no such image (" + lastClause(text) + ")";
            hint = "check the image's name and tag (set base-image in [tool.dockenv] to change it), or docker login "
                    + "if it is private";
        } else if (REFUSED.stream().anyMatch(lower::contains)) {
            why = registry + " refused access (" + lastClause(text) + ")";
            hint = "docker login " + (registry.equals("its registry") ? "" : registry + " ") + "with an account that "
                    + "may pull it";
        } else {
            return Optional.empty();
        }
        return Optional.of(new BaseImageUnavailableException(image.get(), "cannot pull the base image " + image.get()
                + ": " + why, hint, failure.step(), failure.reason()));
    }

    /**
     * Podman without the base image and without a registry to look a short name up in (Debian's
     * registries.conf defines no unqualified-search registries): "short-name "python:3.11-slim" did
     * not resolve to an alias and no unqualified-search registries are defined".
     */
    static Optional<BuildFailedException> podmanShortName(BuildFailedException failure, String output) {
        Optional<String> image = image(failure.step());
        String lower = output.toLowerCase(Locale.ROOT);
        if (image.isEmpty() || !lower.contains("short-name") || !(lower.contains("did not resolve")
                || lower.contains("cannot prompt") || lower.contains("ambiguous"))) {
            return Optional.empty();
        }
        String name = image.get();
        String full = (name.contains("/") ? "docker.io/" : "docker.io/library/") + name;
        return Optional.of(new BuildFailedException("cannot find the base image " + name + ": podman's store has no "
                + name + " and podman cannot tell which registry the short name means (" + lastClause(output) + ")",
                "bring the image into podman's store (podman pull " + full + ", or `docker save "
                        + name + " | podman load`), write its full name in base-image (" + full + "), or add unqualified-search-registries = [\"docker.io\"] to "
                        + "/etc/containers/registries.conf",
                failure.step(), List.of(), failure.reason()));
    }

    /** The image a step names, as written in a Dockerfile (docker.io/library/ and docker.io/ left out). */
    static Optional<String> image(String step) {
        Matcher m = BUILDKIT_METADATA.matcher(step.strip());
        if (!m.matches()) {
            m = FROM.matcher(step.strip());
            if (!m.matches()) {
                return Optional.empty();
            }
        }
        return Optional.of(m.group(1).replaceFirst("^docker\\.io/library/", "").replaceFirst("^docker\\.io/", ""));
    }

    /** The error's own words: the last non-blank line's last ": "-separated clause. */
    private static String lastClause(String text) {
        String line = text.strip().lines().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse("").strip();
        int colon = line.lastIndexOf(": ");
        return colon < 0 ? line : line.substring(colon + 2);
    }
}
