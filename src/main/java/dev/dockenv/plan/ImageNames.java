package dev.dockenv.plan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** Image repository names derived from project names. */
public final class ImageNames {
    private static final String PREFIX = "dockenv-";
    /** The longest repository dockenv derives (docker allows 255 for the whole name; tags add to it). */
    static final int MAX_REPOSITORY = 128;

    private ImageNames() {
    }

    /**
     * dockenv-NAME, NAME reduced to what a repository path component allows (lower-case letters and
     * digits, single separators inside): never a '/', a '..', a space or an upper-case letter, never
     * empty, at most {@value #MAX_REPOSITORY} characters (a long name is cut and keeps a digest of
     * the whole, so two long names stay apart).
     */
    public static String repositoryFor(String projectName) {
        return PREFIX + component(projectName, MAX_REPOSITORY - PREFIX.length(), "project");
    }

    /**
     * A name as one repository path component, reduced as {@link #repositoryFor} reduces it (at most
     * {@value #MAX_REPOSITORY} characters), {@code fallback} when nothing of it is left: the local
     * repository of a release that configures none.
     */
    public static String component(String name, String fallback) {
        return component(name, MAX_REPOSITORY, fallback);
    }

    private static String component(String name, int room, String fallback) {
        String n = reduce(name);
        if (n.length() > room) {
            String digest = HexFormat.of().formatHex(sha256(name)).substring(0, 12);
            n = reduce(n.substring(0, room - digest.length() - 1)) + "-" + digest;
        }
        return n.isEmpty() ? fallback : n;
    }

    private static String reduce(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-")
                .replaceAll("^[._-]+", "").replaceAll("[._-]+$", "").replaceAll("[._-]{2,}", "-");
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
