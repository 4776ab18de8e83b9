package dev.dockenv.plan;

import dev.dockenv.lock.DependencyGroups;
import dev.dockenv.lock.LockFile;
import dev.dockenv.lock.LockedPackage;
import dev.dockenv.lock.LockedRequirements;
import dev.dockenv.lock.PackageSource;
import dev.dockenv.lock.PipInstallList;
import dev.dockenv.pep.MarkerEnvironment;
import dev.dockenv.project.Project;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Plans a lock's groups as {@link StageInstall.Locked} installs: the packages whose markers hold
 * for linux and the image's Python, as derived lists under .dockenv/, in layers.
 */
final class LockedInstallPlanner {
    /**
     * The group the base stage installs, and with it every image built on the base: prod has the
     * base's packages and no other (dev adds {@link DependencyGroups#DEV}).
     */
    static final String BASE_GROUP = DependencyGroups.MAIN;

    private LockedInstallPlanner() {
    }

    /** The main group (base stage) and the dev group less what main installs (dev stage). */
    static List<List<StageInstall>> plan(Project project, LockFile lock) {
        return List.of(group(project, lock, BASE_GROUP, Set.of(), ""),
                group(project, lock, DependencyGroups.DEV, lines(project, lock, Set.of(BASE_GROUP)), ""));
    }

    /**
     * The packages of the base group that the base stage installs from this lock (markers
     * evaluated for linux and the project's Python, the project itself left out), as the lock
     * describes them: what a prod image holds from the lock.
     */
    static List<LockedPackage> basePackages(Project project, LockFile lock) {
        return LockedRequirements.installed(lock, Set.of(BASE_GROUP), target(project));
    }

    /**
     * An app's lock over the shared environment: its main group (the app's env stage) and its dev
     * group (the app's dev stage), less the lines the shared environment ({@code shared}: its
     * main, then its main and dev) installs already; stages and lists named after the app.
     */
    static List<List<StageInstall>> planApp(Project project, String app, LockFile lock, Set<String> sharedMain,
            Set<String> sharedAll) {
        Set<String> main = new LinkedHashSet<>(sharedMain);
        List<StageInstall> env = group(project, lock, BASE_GROUP, main, app + "-");
        Set<String> dev = new LinkedHashSet<>(sharedAll);
        dev.addAll(lines(project, lock, Set.of(BASE_GROUP)));
        return List.of(env, group(project, lock, DependencyGroups.DEV, dev, app + "-"));
    }

    /** The install lines of these groups of a lock, for this project's target (linux, its Python). */
    static Set<String> lines(Project project, LockFile lock, Set<String> groups) {
        PipInstallList list = LockedRequirements.forGroups(lock, groups, target(project));
        Set<String> lines = new LinkedHashSet<>(list.hashed());
        lines.addAll(list.unhashed());
        return lines;
    }

    /**
     * A group of the lock as derived lists (hashed and unhashed), minus lines an earlier stage
     * already installs, plus copies of the local paths the unhashed list installs.
     */
    private static List<StageInstall> group(Project project, LockFile lock, String group, Set<String> earlier,
            String prefix) {
        PipInstallList list = LockedRequirements.forGroups(lock, Set.of(group), target(project));
        List<String> hashed = list.hashed().stream().filter(l -> !earlier.contains(l)).toList();
        List<String> unhashed = list.unhashed().stream().filter(l -> !earlier.contains(l)).toList();
        if (hashed.isEmpty() && unhashed.isEmpty()) {
            return List.of();
        }
        String header = "# Derived by dockenv from " + lock.file().getFileName() + " (" + group + ", linux, Python "
                + project.python().version().minorOnly() + "). Do not edit: dockenv rewrites it.\n";
        List<String> seeded = hashed.stream().filter(LockLayering::isSeeded).toList();
        List<String> layered = hashed.stream().filter(l -> !LockLayering.isSeeded(l)).toList();
        boolean recorded = !lock.layers().isEmpty();
        List<List<String>> split = recorded ? LockLayering.byRecord(layered, lock.layers())
                : LockLayering.split(layered);
        Map<String, LockedPackage> packages = LockedRequirements.hashedPackages(lock, Set.of(group), target(project));
        List<LockLayer> layers = new ArrayList<>();
        for (int i = 0; i < split.size(); i++) {
            if (!split.get(i).isEmpty()) {
                String name = prefix + group + ".layer-" + (i + 1) + (recorded ? "" : "-of-" + split.size());
                String stage = "deps-" + prefix + group + "-" + (i + 1);
                List<LockedPackage> share = split.get(i).stream().map(packages::get).toList();
                Optional<String> wheels = share.contains(null) ? Optional.empty() : WheelList.text(header, share,
                        lock::isRequested);
                if (wheels.isPresent()) {
                    layers.add(new LockLayer.Wheels(stage, new GeneratedFile(GeneratedFile.FOLDER + name
                            + ".wheels.txt", wheels.get())));
                } else {
                    layers.add(new LockLayer.Pip(stage, derived(name + ".lock.txt", header, split.get(i))));
                }
            }
        }
        List<String> copies = new ArrayList<>();
        if (!unhashed.isEmpty()) {
            for (LockedPackage p : lock.packagesOf(group)) {
                if (p.source() instanceof PackageSource.LocalPath local && !LockedRequirements.isProjectItself(local.path())
                        && !local.path().startsWith("/")) {
                    copies.add(project.relative(project.root().resolve(local.path()).normalize()));
                }
            }
        }
        return List.of(new StageInstall.Locked(lock.file().getFileName() + " [" + group + "]", copies, layers,
                seeded.isEmpty() ? Optional.empty() : Optional.of(derived(prefix + group + ".lock.txt", header, seeded)),
                unhashed.isEmpty() ? Optional.empty() : Optional.of(derived(prefix + group + ".unhashed.txt", header,
                        unhashed))));
    }

    /** A derived requirements list under .dockenv/: the header, one entry a line. */
    private static GeneratedFile derived(String name, String header, List<String> lines) {
        return new GeneratedFile(GeneratedFile.FOLDER + name, header + String.join("\n", lines) + "\n");
    }

    private static MarkerEnvironment target(Project project) {
        return MarkerEnvironment.forLinux(project.python().version().fullForMarkers());
    }
}
