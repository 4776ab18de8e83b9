package dev.dockenv.decision;

import dev.dockenv.lock.LockFile;
import dev.dockenv.lock.format.Freshness;
import dev.dockenv.lock.format.LockFormat;
import dev.dockenv.lock.format.LockReading;
import dev.dockenv.lock.pylock.PylockReader;
import dev.dockenv.project.Project;
import dev.dockenv.project.ProjectApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The locks of a repository's apps: {@code pylock.NAME.toml} beside the shared environment's
 * pylock.toml (PEP 751's name for a second lock of a project), written by {@code dockenv lock},
 * each judged fresh against what the app would be locked from now ({@link LockInputs#appDigest}).
 */
public final class AppLocks {
    private AppLocks() {
    }

    /** The lock file of an app. */
    public static String fileName(String app) {
        return "pylock." + app + ".toml";
    }

    public static Path file(Project project, String app) {
        return project.root().resolve(fileName(app));
    }

    /** The apps' locks that exist, by app name (none for a conda project or a script). */
    public static Map<String, LockReading> read(Project project, Map<String, String> hostEnvironment) {
        Map<String, LockReading> out = new LinkedHashMap<>();
        if (project.conda().isPresent() || project.script().isPresent()) {
            return out;
        }
        InstallDecision.Unlocked unlocked = null;
        for (ProjectApp app : project.apps()) {
            Path file = file(project, app.name());
            if (!Files.isRegularFile(file)) {
                continue;
            }
            LockFile lock = PylockReader.read(file);
            Freshness freshness;
            if (lock.inputsDigest().isEmpty()) {
                freshness = Freshness.UNRECORDED;
            } else {
                if (unlocked == null) {
                    unlocked = InstallDecider.unlocked(project, hostEnvironment);
                }
                freshness = lock.inputsDigest().get().equals(LockInputs.appDigest(project, unlocked, app))
                        ? Freshness.FRESH
                        : new Freshness.Stale(Optional.empty(), "stale lock: the dependencies of app '" + app.name()
                                + "' or of the shared environment (requirements files, indexes or Python version) "
                                + "changed since " + fileName(app.name()) + " was written", "run `dockenv lock` to update it");
            }
            out.put(app.name(), new LockReading(LockFormat.PYLOCK, lock, freshness));
        }
        return out;
    }
}
