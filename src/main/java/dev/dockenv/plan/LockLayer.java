package dev.dockenv.plan;

/**
 * Some of a lock's hash-pinned packages, installed in a build stage of their own ({@code stage},
 * from the derived list {@code list}) into a prefix laid out like the virtualenv, then merged into
 * it with {@code COPY --from}. A stage's cache key is its list alone, so changing one package
 * rebuilds one layer: the others come from the build cache, as Jib's layers do. Its packages are
 * installed by dockenv's {@link WheelInstaller} when the lock names a wheel of each with its URL
 * ({@link Wheels}), else by pip ({@link Pip}).
 */
public sealed interface LockLayer {
    /** Where a layer stage installs its packages: laid out as the venv (lib/pythonX.Y/site-packages, bin). */
    String PREFIX = "/opt/dockenv-layer";

    String stage();

    GeneratedFile list();

    /** The layer's install, as the stage's RUN runs it. */
    String command();

    /**
     * Installed by pip from a hash-pinned requirements list ({@code --ignore-installed}: the empty
     * venv's seed packages are not the layer's business).
     */
    record Pip(String stage, GeneratedFile list) implements LockLayer {
        public PipCommand pip() {
            return PipCommand.install("--require-hashes", "--no-deps", "--ignore-installed",
                    "--no-warn-script-location", "--prefix", PREFIX, "-r", list.path());
        }

        @Override
        public String command() {
            return pip().shellText();
        }
    }

    /** Installed by dockenv's wheel installer from a list of the lock's wheels ({@link WheelList}). */
    record Wheels(String stage, GeneratedFile list) implements LockLayer {
        @Override
        public String command() {
            return WheelInstaller.command(list);
        }
    }
}
