package dev.dockenv.plan;

/**
 * Some of a lock's hash-pinned packages, installed in a build stage of their own ({@code stage},
 * from the derived requirements list {@code list}) into a prefix laid out like the virtualenv,
 * then merged into it with {@code COPY --from}. A stage's cache key is its list alone, so changing
 * one package rebuilds one layer: the others come from the build cache, as Jib's layers do.
 */
public record LockLayer(String stage, GeneratedFile list) {
    /** Where a layer stage installs its packages: laid out as the venv (lib/pythonX.Y/site-packages, bin). */
    public static final String PREFIX = "/opt/dockenv-layer";

    /**
     * The layer's install: the venv's pip into the prefix ({@code --ignore-installed}: the empty
     * venv's seed packages are not the layer's business).
     */
    public PipCommand pip() {
        return PipCommand.install("--require-hashes", "--no-deps", "--ignore-installed", "--no-warn-script-location",
                "--prefix", PREFIX, "-r", list.path());
    }
}
