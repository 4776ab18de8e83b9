package dev.dockenv.engine;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An image reference as the docker client reads it ({@code [REGISTRY/]PATH[:TAG][@DIGEST]}, the
 * grammar of distribution's reference package): what a push, a pull, a tag or a save is given. The
 * registry is the first component when it has a dot or a colon or is {@code localhost} (else Docker
 * Hub, {@code docker.io}), as docker decides it; that is the registry whose credentials docker uses.
 *
 * @param text     the reference as written
 * @param registry the registry's host[:port] as written in the reference, empty for Docker Hub
 * @param path     the repository's path in the registry ({@code team/shop})
 * @param tag      the tag, empty when none is written
 * @param digest   the digest ({@code sha256:...}), empty when none is written
 */
public record ImageReference(String text, Optional<String> registry, String path, Optional<String> tag,
        Optional<String> digest) {

    /** Docker Hub's name, for messages and for {@code docker login} with no server. */
    public static final String DOCKER_HUB = "docker.io";

    private static final String COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    private static final String DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private static final Pattern DOMAIN = Pattern.compile(DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*"
            + "(?::[0-9]{1,5})?");
    private static final Pattern PATH = Pattern.compile(COMPONENT + "(?:/" + COMPONENT + ")*");
    private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
    private static final Pattern DIGEST = Pattern.compile(
            "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}");
    private static final Pattern SPLIT = Pattern.compile("([^@]+?)(?::([^:/@]+))?(?:@(.+))?");
    /** distribution's limit on a name's length (registry and path). */
    private static final int MAX_NAME = 255;

    /** The reference, when {@code text} is one docker accepts; empty otherwise (never an option such as {@code --all-tags}). */
    public static Optional<ImageReference> parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 4096) {
            return Optional.empty();
        }
        Matcher m = SPLIT.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        String name = m.group(1);
        String tag = m.group(2);
        String digest = m.group(3);
        if (name.length() > MAX_NAME || (tag != null && !TAG.matcher(tag).matches())
                || (digest != null && !DIGEST.matcher(digest).matches())) {
            return Optional.empty();
        }
        String registry = null;
        String path = name;
        int slash = name.indexOf('/');
        if (slash > 0) {
            String first = name.substring(0, slash);
            boolean domain = first.contains(".") || first.contains(":") || first.equals("localhost")
                    || !first.toLowerCase(Locale.ROOT).equals(first);
            if (domain) {
                if (!DOMAIN.matcher(first).matches()) {
                    return Optional.empty();
                }
                registry = first;
                path = name.substring(slash + 1);
            }
        }
        if (!PATH.matcher(path).matches()) {
            return Optional.empty();
        }
        return Optional.of(new ImageReference(text, Optional.ofNullable(registry), path, Optional.ofNullable(tag),
                Optional.ofNullable(digest)));
    }

    /** The reference, or an {@link IllegalArgumentException} for a caller that should have checked it. */
    public static ImageReference of(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException("not an image reference: " + text));
    }

    /** The registry docker sends this reference to: as written, else {@code docker.io}. */
    public String registryHost() {
        return registry.orElse(DOCKER_HUB);
    }

    /** The repository with its registry as written, without tag or digest ({@code 127.0.0.1:5000/team/shop}). */
    public String repository() {
        return registry.map(r -> r + "/" + path).orElse(path);
    }

    /** The command that logs docker in to this reference's registry ({@code docker login HOST}, bare for Docker Hub). */
    public String loginCommand() {
        return registry.map(r -> "docker login " + r).orElse("docker login");
    }

    @Override
    public String toString() {
        return text;
    }
}
