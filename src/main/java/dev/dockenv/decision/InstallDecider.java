package dev.dockenv.decision;

import dev.dockenv.errors.InputException;
import dev.dockenv.errors.SourceLocation;
import dev.dockenv.lock.format.Freshness;
import dev.dockenv.lock.format.LockContext;
import dev.dockenv.lock.format.LockFormat;
import dev.dockenv.lock.format.LockReading;
import dev.dockenv.pep.PepSyntaxException;
import dev.dockenv.pep.SpecifierSet;
import dev.dockenv.project.Project;
import dev.dockenv.project.PythonVersionResolver;
import dev.dockenv.python.PythonVersion;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Decides what installs a project's environment ({@link InstallDecision}): the one place that
 * weighs conda, locks, manifests and requirements against each other.
 */
public final class InstallDecider {
    private InstallDecider() {
    }

    /**
     * The decision for building the environment. A lock that no longer matches its manifest is
     * still returned (add and remove relock it); {@link InstallDecision.Locked#requireFresh} refuses it.
     *
     * @param hostEnvironment the host's environment: PIP_INDEX_URL, PIP_EXTRA_INDEX_URL and
     *        PIP_TRUSTED_HOST apply to builds as they do to pip on the host, unless the project's
     *        configuration names an index
     */
    public static InstallDecision decide(Project project, Map<String, String> hostEnvironment) {
        if (project.conda().isPresent()) {
            return conda(project, hostEnvironment);
        }
        if (project.script().isPresent()) {
            return unlocked(project, hostEnvironment); // a script's metadata is its environment: no lock is read
        }
        Supplier<String> inputsDigest = () -> LockInputs.digest(project, unlocked(project, hostEnvironment));
        Optional<LockReading> lock = LockFormat.find(new LockContext(project.root(), project.pyproject(), inputsDigest));
        if (lock.isPresent()) {
            // the extras asked for (configured, -e .[extra]) must exist, whatever installs them
            DeclaredStages.of(project, Optional.empty());
            requirePythonAdmitted(project, lock.get());
            return new InstallDecision.Locked(lock.get(),
                    PackageIndex.choose(project, hostEnvironment, lock.get().lock().indexUrls()));
        }
        return unlocked(project, hostEnvironment);
    }

    /**
     * The format of the lock the environment installs from, without reading it (empty without a
     * lock, for a conda project, whose environment file is the environment, and for a script, whose
     * inline metadata is).
     */
    public static Optional<LockFormat> lockFormat(Project project) {
        return project.conda().isPresent() || project.script().isPresent() ? Optional.empty()
                : LockFormat.present(project.root());
    }

    /**
     * The decision as if the project had no lock: what {@code dockenv lock} resolves, and what the
     * inputs digest of dockenv's own lock covers. Not for a conda project, whose environment file
     * is the environment with or without a lock.
     */
    public static InstallDecision.Unlocked unlocked(Project project, Map<String, String> hostEnvironment) {
        if (project.conda().isPresent()) {
            throw new IllegalArgumentException("a conda project is installed from its environment file: "
                    + project.conda().get().path());
        }
        // a script's metadata is all it declares: a Pipfile beside it is another environment's
        Optional<ManifestInstall> manifest = project.script().isPresent() ? Optional.empty()
                : ManifestSelection.find(project);
        DeclaredStages stages = DeclaredStages.of(project, manifest);
        PackageIndex index = PackageIndex.choose(project, hostEnvironment,
                manifest.map(ManifestInstall::indexUrls).orElse(List.of()));
        return manifest.<InstallDecision.Unlocked>map(m -> new InstallDecision.Manifest(m, stages, index))
                .orElseGet(() -> new InstallDecision.Requirements(stages, index));
    }

    /**
     * A lock made for other Pythons (its PEP 440 {@code requires-python}: pylock.toml, uv.lock)
     * cannot install the environment's: its pins and markers were resolved for those.
     */
    private static void requirePythonAdmitted(Project project, LockReading reading) {
        if (reading.format() != LockFormat.PYLOCK && reading.format() != LockFormat.UV) {
            return; // other tools write their own range syntax (poetry's ^3.8)
        }
        if (reading.freshness() instanceof Freshness.Stale) {
            return; // a stale lock is refused as such (a changed Python makes dockenv's own lock stale)
        }
        Optional<String> range = reading.lock().requiresPython();
        PythonVersion python = project.python().version();
        if (range.isPresent() && !PythonVersionResolver.admits(specifiers(range.get()), python)) {
            throw new InputException(SourceLocation.of(reading.lock().file()), "requires-python '" + range.get()
                    + "' of " + reading.format().fileName() + " excludes Python " + python + ", the environment's (from "
                    + project.python().describeSource() + ")", "lock again for Python " + python.minorOnly() + " ("
                    + reading.format().lockCommand() + "), or choose a Python the lock admits");
        }
    }

    private static SpecifierSet specifiers(String range) {
        try {
            return SpecifierSet.parse(range);
        } catch (PepSyntaxException e) {
            throw new IllegalStateException("the lock reader checked requires-python: " + range, e);
        }
    }

    private static InstallDecision conda(Project project, Map<String, String> hostEnvironment) {
        // the extras configured must exist, whatever installs them
        ProjectExtras.requirements(project, new LinkedHashSet<>(project.config().extras()));
        return new InstallDecision.Conda(project.conda().get(), PackageIndex.choose(project, hostEnvironment, List.of()));
    }
}
