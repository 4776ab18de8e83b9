package dev.dockenv.k8s;

/** Whether the container may write to its image's files. */
public enum RootFilesystem {
    /**
     * {@code readOnlyRootFilesystem: true}, with an empty folder (an {@code emptyDir} volume) at
     * {@code /tmp}: Python's tempfile, gunicorn's worker heartbeats and uploads spooled to disk write
     * there. dockenv's prod image needs nothing else (it sets {@code PYTHONDONTWRITEBYTECODE}, and
     * {@code __pycache__} writes that fail are ignored by Python). An app that writes elsewhere (a
     * SQLite file beside its code, media uploads under /app) needs {@link #WRITABLE} or a volume.
     */
    READ_ONLY_WITH_TMP,
    /** The image's files writable (lost when the container restarts). */
    WRITABLE
}
