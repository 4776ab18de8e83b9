package dev.dockenv.lock.format;

import dev.dockenv.errors.InputException;
import dev.dockenv.io.ProjectFileCheck;
import dev.dockenv.lock.LockFile;
import dev.dockenv.lock.LockedPackage;
import dev.dockenv.lock.LockedRequirements;
import dev.dockenv.lock.PackageSource;
import java.nio.file.Path;

/**
 * The local paths a lock installs from must be inside the project: a container build sees nothing
 * else, so {@code directory = {path = "/etc"}}, {@code ../outside} or a link leading out of the
 * project is an error at the package, whatever the lock's format.
 */
final class LockLocalPaths {
    private LockLocalPaths() {
    }

    static void requireInside(Path root, LockFile lock) {
        Path base = root.toAbsolutePath().normalize();
        for (LockedPackage p : lock.packages()) {
            if (!(p.source() instanceof PackageSource.LocalPath local) || LockedRequirements.isProjectItself(local.path())) {
                continue;
            }
            Path resolved = base.resolve(local.path()).normalize();
            String what = "package '" + p.name() + "' is installed from '" + local.path() + "'";
            if (!resolved.startsWith(base)) {
                throw new InputException(p.location(), what + ", outside the project directory " + base,
                        ProjectFileCheck.OUTSIDE_HINT);
            }
            try {
                ProjectFileCheck.requireInside(base, resolved);
            } catch (InputException e) {
                throw new InputException(p.location(), what + ", which " + e.problem(), e.hint().orElse(null));
            }
        }
    }
}
