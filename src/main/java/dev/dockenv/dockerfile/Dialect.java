package dev.dockenv.dockerfile;

/** Which builder a rendered Dockerfile is for. */
public enum Dialect {
    /** BuildKit: RUN mounts (cache, secret) are available. */
    BUILDKIT,
    /** The legacy builder: no RUN mounts. */
    LEGACY
}
