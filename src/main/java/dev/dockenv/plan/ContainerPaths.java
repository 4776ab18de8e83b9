package dev.dockenv.plan;

/** Where things live inside dockenv's images and containers. */
public final class ContainerPaths {
    /** The project: copied here in prod, bind-mounted here in dev. */
    public static final String PROJECT = "/app";
    /** The environment's virtualenv. */
    public static final String VENV = "/opt/venv";
    /** pip's download cache (a BuildKit cache mount, never in a layer). */
    public static final String PIP_CACHE = "/root/.cache/pip";
    /** dockenv's wheel installer's cache of checked wheels, by sha256 (a BuildKit cache mount, never in a layer). */
    public static final String WHEEL_CACHE = "/root/.cache/dockenv-wheels";

    private ContainerPaths() {
    }
}
