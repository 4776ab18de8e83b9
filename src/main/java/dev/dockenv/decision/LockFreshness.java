package dev.dockenv.decision;

import dev.dockenv.errors.DockenvException;
import dev.dockenv.errors.ExitCode;
import dev.dockenv.lock.LockFile;
import dev.dockenv.lock.pylock.PylockReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Whether pylock.toml was made by {@code dockenv lock} from the project's current inputs. */
public final class LockFreshness {
    private LockFreshness() {
    }

    /** Returns the lock when it is fresh; a missing or stale lock is a BAD_INPUT error with the way out. */
    public static LockFile check(Path pylock, String currentDigest) {
        String name = pylock.getFileName().toString();
        if (!Files.isRegularFile(pylock)) {
            throw new DockenvException(ExitCode.BAD_INPUT, "no lock: " + name + " does not exist",
                    "run `dockenv lock` to resolve the project's dependencies into " + name);
        }
        return check(PylockReader.read(pylock), currentDigest);
    }

    /** The same check on a lock already read. */
    public static LockFile check(LockFile lock, String currentDigest) {
        String name = lock.file().getFileName().toString();
        Optional<String> recorded = lock.inputsDigest();
        if (recorded.isEmpty()) {
            throw new DockenvException(ExitCode.BAD_INPUT, "stale lock: " + name + " records no inputs digest "
                    + "([tool.dockenv] inputs-digest), so it was not made by `dockenv lock`",
                    "run `dockenv lock` to re-resolve it from the project's requirements");
        }
        if (!recorded.get().equals(currentDigest)) {
            throw new DockenvException(ExitCode.BAD_INPUT, "stale lock: the project's dependencies (requirements "
                    + "files, declared packages, indexes or Python version) changed since " + name + " was written",
                    "run `dockenv lock` to update it");
        }
        return lock;
    }
}
