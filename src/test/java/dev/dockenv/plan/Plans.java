package dev.dockenv.plan;

import dev.dockenv.decision.InstallDecider;
import dev.dockenv.decision.InstallDecision;
import dev.dockenv.decision.PackageIndex;
import dev.dockenv.lock.LockFile;
import dev.dockenv.lock.format.Freshness;
import dev.dockenv.lock.format.LockFormat;
import dev.dockenv.lock.format.LockReading;
import dev.dockenv.project.Project;
import java.util.Map;

/** Plans for tests: the project's own decision, or a given lock, with an empty host environment. */
public final class Plans {
    private Plans() {
    }

    /** What the commands plan: the project's decision (its lock, if it has one), without host PIP_* settings. */
    public static EnvironmentPlan of(Project project) {
        return EnvironmentPlanner.plan(project, InstallDecider.decide(project, Map.of()));
    }

    /** A plan installing {@code lock}, as if read from a file of that format and fresh. */
    public static EnvironmentPlan locked(Project project, LockFormat format, LockFile lock) {
        return EnvironmentPlanner.plan(project, new InstallDecision.Locked(new LockReading(format, lock,
                Freshness.FRESH), PackageIndex.choose(project, Map.of(), lock.indexUrls())));
    }
}
