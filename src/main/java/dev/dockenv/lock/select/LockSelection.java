package dev.dockenv.lock.select;

import dev.dockenv.errors.InputException;
import dev.dockenv.errors.SourceLocation;
import dev.dockenv.lock.LockFile;
import dev.dockenv.lock.pdm.PdmLockReader;
import dev.dockenv.lock.pipenv.PipfileDigest;
import dev.dockenv.lock.pipenv.PipfileLockReader;
import dev.dockenv.lock.pylock.PylockReader;
import dev.dockenv.lock.uv.UvLockReader;
import dev.dockenv.project.Project;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finds the lock a project installs from, in order of precedence: the standard pylock.toml, then
 * uv.lock, pdm.lock, Pipfile.lock (the first present wins). A lock whose own record of its inputs
 * no longer matches its manifest is a "stale lock" error with the way out.
 */
public final class LockSelection {
    private record Candidate(String file, Function<Path, LockFile> reader) {
    }

    private static final List<Candidate> CANDIDATES = List.of(
            new Candidate("pylock.toml", PylockReader::read),
            new Candidate("uv.lock", UvLockReader::read),
            new Candidate("pdm.lock", PdmLockReader::read),
            new Candidate("Pipfile.lock", PipfileLockReader::read));

    private LockSelection() {
    }

    public static Optional<LockFile> find(Project project) {
        for (Candidate c : CANDIDATES) {
            Path file = project.root().resolve(c.file());
            if (Files.isRegularFile(file)) {
                LockFile lock = c.reader().apply(file);
                checkFresh(project, lock);
                return Optional.of(lock);
            }
        }
        return Optional.empty();
    }

    private static void checkFresh(Project project, LockFile lock) {
        if (lock.format().equals("Pipfile.lock") && lock.inputsDigest().isPresent()) {
            Path pipfile = project.root().resolve("Pipfile");
            if (Files.isRegularFile(pipfile) && !PipfileDigest.isUpToDate(pipfile, lock)) {
                throw new InputException(SourceLocation.of(lock.file()), "stale lock: Pipfile changed since "
                        + "Pipfile.lock was written (its _meta.hash no longer matches)",
                        "run `pipenv lock` to update it, or remove Pipfile.lock to install from the Pipfile");
            }
        }
    }
}
