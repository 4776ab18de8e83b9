package dev.dockenv.release;

/** The pre-defined annotation keys of the OCI image spec that a release sets as labels. */
public final class OciLabels {
    private static final String PREFIX = "org.opencontainers.image.";
    public static final String TITLE = PREFIX + "title";
    public static final String DESCRIPTION = PREFIX + "description";
    public static final String VERSION = PREFIX + "version";
    public static final String REVISION = PREFIX + "revision";
    public static final String SOURCE = PREFIX + "source";
    public static final String CREATED = PREFIX + "created";
    public static final String LICENSES = PREFIX + "licenses";
    public static final String BASE_NAME = PREFIX + "base.name";
    public static final String BASE_DIGEST = PREFIX + "base.digest";

    private OciLabels() {
    }
}
