package dev.dockenv.engine;

/**
 * The image a container was created from: the reference it was given ({@code registry/shop:1.4.0})
 * and the image's ID then ({@code sha256:...}), which tells a container recreated for a new image
 * from one left as it was even when the reference is the same.
 */
public record ContainerImage(String reference, String imageId) {
}
