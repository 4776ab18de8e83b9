package dev.dockenv.k8s;

import dev.dockenv.config.ImageReference;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An image named by its content, {@code repository[:tag]@sha256:<64 hex>}: what a cluster pulls is
 * then the image that was released, on every node and after every restart, whatever a tag points
 * to since. A tag-only reference is refused. A tag written beside the digest is kept for the reader
 * (the engine and the kubelet pull by the digest and ignore it).
 *
 * @param repository {@code [registry[:port]/]path}, lower case, as the engine reads it
 * @param tag the tag shown beside the digest, or empty
 * @param digest {@code sha256:} and 64 lower-case hex digits (or {@code sha512:} and 128)
 */
public record ImageByDigest(String repository, Optional<String> tag, String digest) {
    private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}|sha512:[0-9a-f]{128}");
    /** The tag after the last ':' that follows the last '/' (a registry's port is before a '/'). */
    private static final Pattern TAGGED = Pattern.compile("(.*/)?([^/:]*):([^/:]+)");

    public ImageByDigest {
        Objects.requireNonNull(repository, "an image's repository");
        Objects.requireNonNull(tag, "an image's tag");
        Objects.requireNonNull(digest, "an image's digest");
        if (!DIGEST.matcher(digest).matches()) {
            throw new IllegalArgumentException("'" + KubernetesNames.printable(digest) + "' is not an image digest: "
                    + "sha256: and 64 lower-case hex digits");
        }
        if (repository.contains("@") || TAGGED.matcher(repository).matches()) {
            throw new IllegalArgumentException("an image's repository has no tag or digest: '"
                    + KubernetesNames.printable(repository) + "'");
        }
        ImageReference.require(reference(repository, tag, digest));
    }

    /**
     * The reference {@code repository[:tag]@sha256:...}.
     *
     * @throws IllegalArgumentException when it is not an image reference, or names no digest (a
     *         tag alone, {@code shop:1.4.0}, is refused: {@link #problem} says why beforehand)
     */
    public static ImageByDigest parse(String reference) {
        problem(reference).ifPresent(p -> {
            throw new IllegalArgumentException("'" + KubernetesNames.printable(reference) + "' cannot be deployed: " + p);
        });
        int at = reference.indexOf('@');
        String name = reference.substring(0, at);
        Matcher tagged = TAGGED.matcher(name);
        if (tagged.matches()) {
            String repository = (tagged.group(1) == null ? "" : tagged.group(1)) + tagged.group(2);
            return new ImageByDigest(repository, Optional.of(tagged.group(3)), reference.substring(at + 1));
        }
        return new ImageByDigest(name, Optional.empty(), reference.substring(at + 1));
    }

    /** Why {@code reference} is not an image by digest; empty when it is one. */
    public static Optional<String> problem(String reference) {
        Optional<String> syntax = ImageReference.problem(reference);
        if (syntax.isPresent()) {
            return Optional.of("it is not an image reference: " + syntax.get());
        }
        int at = reference.indexOf('@');
        if (at < 0) {
            return Optional.of("it names no digest (repository@sha256:...): a tag can be moved to another image, "
                    + "so a cluster could run an image that was never released; deploy the digest the registry "
                    + "gave the pushed image");
        }
        if (!DIGEST.matcher(reference.substring(at + 1)).matches()) {
            return Optional.of("its digest is not sha256: and 64 lower-case hex digits");
        }
        return Optional.empty();
    }

    /** As the manifest writes it. */
    public String reference() {
        return reference(repository, tag, digest);
    }

    private static String reference(String repository, Optional<String> tag, String digest) {
        return repository + tag.map(t -> ":" + t).orElse("") + "@" + digest;
    }

    @Override
    public String toString() {
        return reference();
    }
}
