package dev.dockenv.decision;

import dev.dockenv.lock.format.Freshness;
import dev.dockenv.lock.format.LockReading;
import dev.dockenv.project.CondaEnvironmentFile;

/**
 * What installs a project's environment, decided once by {@link InstallDecider} and asked by every
 * command: a conda environment file (it is the environment), else a lock (of a known format), else
 * a manifest without a lock (a Pipfile, [tool.poetry]) beside the requirements files, else the
 * requirements files and the project's declared dependencies. Each carries the package index the
 * build uses.
 */
public sealed interface InstallDecision {

    /** Where pip finds packages during the build. */
    PackageIndex index();

    /** A decision pip resolves at build time: what each stage declares. */
    sealed interface Unlocked extends InstallDecision {
        DeclaredStages stages();
    }

    /** Requirements files and the project's declared dependencies. */
    record Requirements(DeclaredStages stages, PackageIndex index) implements Unlocked {
    }

    /** A Pipfile or [tool.poetry] without a lock, installed as declared in the same pip runs as the rest. */
    record Manifest(ManifestInstall manifest, DeclaredStages stages, PackageIndex index) implements Unlocked {
    }

    /** A lock: its packages installed hash-pinned, nothing resolved in the image. */
    record Locked(LockReading reading, PackageIndex index) implements InstallDecision {
        /** The lock, or the stale-lock error with the way out when it no longer matches the project. */
        public Locked requireFresh() {
            if (reading.freshness() instanceof Freshness.Stale stale) {
                throw stale.error();
            }
            return this;
        }
    }

    /** A conda environment file: micromamba builds it; locks and other manifests are not installed. */
    record Conda(CondaEnvironmentFile environment, PackageIndex index) implements InstallDecision {
    }
}
