package dev.dockenv.engine;

import java.util.List;

/** A build that failed because its base image could not be had: one line naming the image and why. */
public final class BaseImageUnavailableException extends BuildFailedException {
    private static final long serialVersionUID = 1L;

    private final String image;

    BaseImageUnavailableException(String image, String message, String hint, String step, String reason) {
        super(message, hint, step, List.of(), reason);
        this.image = image;
    }

    /** The image as the Dockerfile names it ({@code python:3.13-slim}). */
    public String image() {
        return image;
    }

    /** The same failure with a hint that knows more than the engine did (what the project may choose instead). */
    @Override
    public BaseImageUnavailableException withHint(String hint) {
        return new BaseImageUnavailableException(image, getMessage(), hint, step(), reason());
    }
}
