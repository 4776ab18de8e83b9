package dev.dockenv.lock;

import dev.dockenv.pep.MarkerEnvironment;
import dev.dockenv.pep.Pep503;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns any lock into pip's own terms for one target environment: the packages of the chosen
 * groups whose markers hold there (linux, the image's Python), pinned to the locked version with
 * every locked hash. The project itself (a path package at ".") is left out: it comes from the
 * bind mount (dev) or the copied source (prod). Output is sorted by normalized name, so equal
 * locks give equal text (and equal image tags).
 */
public final class LockedRequirements {
    private LockedRequirements() {
    }

    public static PipInstallList forGroups(LockFile lock, Set<String> groups, MarkerEnvironment target) {
        List<String> hashed = new ArrayList<>();
        List<String> unhashed = new ArrayList<>();
        for (LockedPackage p : installed(lock, groups, target)) {
            (isHashed(p) ? hashed : unhashed).add(line(p));
        }
        return new PipInstallList(hashed, unhashed);
    }

    /**
     * The hashed lines of {@link #forGroups} with the package each installs, in the same order: what
     * a planner needs to tell which packages a share of the lines holds.
     */
    public static Map<String, LockedPackage> hashedPackages(LockFile lock, Set<String> groups,
            MarkerEnvironment target) {
        Map<String, LockedPackage> lines = new LinkedHashMap<>();
        for (LockedPackage p : installed(lock, groups, target)) {
            if (isHashed(p)) {
                lines.put(line(p), p);
            }
        }
        return lines;
    }

    /** Whether pip installs the package with --require-hashes (an index or URL package with hashes). */
    private static boolean isHashed(LockedPackage p) {
        return !(p.source() instanceof PackageSource.LocalPath) && !(p.source() instanceof PackageSource.Vcs)
                && !p.hashes().isEmpty();
    }

    /** The package's line for pip: a pin or URL with every hash, a local path, a VCS URL. */
    private static String line(LockedPackage p) {
        String name = Pep503.normalize(p.name());
        if (p.source() instanceof PackageSource.LocalPath local) {
            String path = local.path().startsWith("/") || local.path().startsWith(".") ? local.path()
                    : "./" + local.path();
            return (local.editable() ? "-e " : "") + path;
        } else if (p.source() instanceof PackageSource.Vcs vcs) {
            return name + " @ " + vcsUrl(vcs);
        } else if (p.source() instanceof PackageSource.DirectUrl url) {
            return withHashes(name + " @ " + url.url(), p.hashes());
        }
        return withHashes(name + p.version().map(v -> "==" + v).orElse(""), p.hashes());
    }

    /**
     * The packages {@link #forGroups} installs, as the lock describes them: those of the chosen
     * groups whose markers hold for the target, without the project itself, sorted by normalized
     * name then version.
     */
    public static List<LockedPackage> installed(LockFile lock, Set<String> groups, MarkerEnvironment target) {
        return lock.packages().stream()
                .filter(p -> p.groups().stream().anyMatch(groups::contains))
                .filter(p -> p.marker().map(m -> m.evaluate(target)).orElse(true))
                .filter(p -> !(p.source() instanceof PackageSource.LocalPath local && isProjectItself(local.path())))
                .sorted(Comparator.comparing((LockedPackage p) -> Pep503.normalize(p.name()))
                        .thenComparing(p -> p.version().orElse("")))
                .toList();
    }

    /** Whether a lock's local path names the project itself ("." and its spellings). */
    public static boolean isProjectItself(String path) {
        String p = path.replace('\\', '/');
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        return p.isEmpty() || p.equals(".") || p.equals("./");
    }

    private static String vcsUrl(PackageSource.Vcs vcs) {
        String url = vcs.url().startsWith("git+") || vcs.url().matches("^(hg|svn|bzr)\\+.*") ? vcs.url()
                : "git+" + vcs.url();
        if (vcs.revision().isEmpty() || url.contains("@" + vcs.revision().get())) {
            return url;
        }
        int fragment = url.indexOf('#'); // e.g. #subdirectory=...: the revision goes before it
        return fragment < 0 ? url + "@" + vcs.revision().get()
                : url.substring(0, fragment) + "@" + vcs.revision().get() + url.substring(fragment);
    }

    private static String withHashes(String requirement, List<String> hashes) {
        StringBuilder s = new StringBuilder(requirement);
        for (String h : hashes) {
            s.append(" \\\n    --hash=").append(h);
        }
        return s.toString();
    }
}
