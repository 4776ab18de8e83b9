package dev.dockenv.engine;

/**
 * A reference the registry now holds, and the digest of the manifest it holds under it
 * ({@code sha256:...}): {@code REPOSITORY@DIGEST} names exactly what was pushed.
 */
public record PushedImage(ImageReference reference, String digest) {

    /** {@code REPOSITORY@DIGEST}, the reference that cannot move. */
    public String byDigest() {
        return reference.repository() + "@" + digest;
    }
}
