package dev.dockenv.plan;

import dev.dockenv.lock.LockFile;
import dev.dockenv.lock.LockedPackage;
import dev.dockenv.pep.Pep503;
import dev.dockenv.project.Project;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The locked packages a prod image holds, chosen as the planner chooses what the base stage
 * installs (prod is built on the base and installs nothing more from a lock): the main group, no
 * dev-only group, markers evaluated for linux and the project's Python, the project itself left
 * out. For an SBOM of the image: the packages as the lock describes them (versions, hashes).
 */
public final class ProdLockPackages {
    private ProdLockPackages() {
    }

    /** The project's prod image, installed from {@code lock}; sorted by normalized name, then version. */
    public static List<LockedPackage> of(Project project, LockFile lock) {
        return LockedInstallPlanner.basePackages(project, lock);
    }

    /**
     * An app's prod image: what the shared lock installs in the shared base (when the shared
     * environment is locked), then what the app's own lock adds over it; a package both locks
     * pin to the same version is listed once, as the shared lock describes it.
     */
    public static List<LockedPackage> ofApp(Project project, Optional<LockFile> shared, LockFile appLock) {
        List<LockedPackage> all = new ArrayList<>(shared.map(l -> of(project, l)).orElse(List.of()));
        Set<String> pinned = new LinkedHashSet<>();
        all.forEach(p -> pinned.add(key(p)));
        for (LockedPackage p : of(project, appLock)) {
            if (pinned.add(key(p))) {
                all.add(p);
            }
        }
        all.sort(Comparator.comparing((LockedPackage p) -> Pep503.normalize(p.name()))
                .thenComparing(p -> p.version().orElse("")));
        return List.copyOf(all);
    }

    private static String key(LockedPackage p) {
        return Pep503.normalize(p.name()) + "==" + p.version().orElse("");
    }
}
