package dev.dockenv.build;

import dev.dockenv.decision.InstallDecision;
import dev.dockenv.engine.Engine;
import dev.dockenv.lock.LockFile;
import dev.dockenv.plan.ProdLockPackages;
import dev.dockenv.project.Project;
import dev.dockenv.sbom.Bom;
import dev.dockenv.sbom.BomContext;
import dev.dockenv.sbom.InspectedBom;
import dev.dockenv.sbom.LockedBom;
import java.util.Optional;

/**
 * The SBOM of a built prod image, from what dockenv installed in it: the lock's packages when
 * every package of the image comes from a lock (versions and hashes as the lock records them),
 * else what {@code pip inspect} finds in the image (a project without a lock, a conda
 * environment, an app whose own requirements are not locked): versions and licenses, no hashes.
 */
public final class ImageSbom {
    private ImageSbom() {
    }

    /** The project's prod image {@code image}, built for {@code decision}. */
    public static Bom of(Project project, InstallDecision decision, Engine engine, String image, BomContext context) {
        if (decision instanceof InstallDecision.Locked locked) {
            LockFile lock = locked.reading().lock();
            return LockedBom.of(ProdLockPackages.of(project, lock), lock.file().getFileName().toString(), context);
        }
        return InspectedBom.of(PipInspection.inspect(engine, image), context);
    }

    /**
     * An app's prod image: from the locks when the shared environment is locked and the app has
     * its own lock ({@code decision.AppLocks}' pylock.NAME.toml), else from the image.
     */
    public static Bom ofApp(Project project, InstallDecision decision, Optional<LockFile> appLock, Engine engine,
            String image, BomContext context) {
        if (decision instanceof InstallDecision.Locked locked && appLock.isPresent()) {
            return LockedBom.of(ProdLockPackages.ofApp(project, Optional.of(locked.reading().lock()), appLock.get()),
                    locked.reading().lock().file().getFileName() + ", " + appLock.get().file().getFileName(), context);
        }
        return InspectedBom.of(PipInspection.inspect(engine, image), context);
    }
}
