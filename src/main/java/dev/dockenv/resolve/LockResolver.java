package dev.dockenv.resolve;

import dev.dockenv.errors.IoFailures;
import dev.dockenv.engine.Engine;
import dev.dockenv.engine.ProcessRunner;
import dev.dockenv.errors.DockenvException;
import dev.dockenv.errors.ExitCode;
import dev.dockenv.errors.SourceLocation;
import dev.dockenv.lock.DependencyGroups;
import dev.dockenv.lock.LockFile;
import dev.dockenv.lock.LockedArtifact;
import dev.dockenv.lock.LockedPackage;
import dev.dockenv.lock.PackageSource;
import dev.dockenv.pep.Pep503;
import dev.dockenv.plan.EnvironmentPlan;
import dev.dockenv.plan.PipCommand;
import dev.dockenv.plan.StageInstall;
import dev.dockenv.project.Project;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves a project's declared dependencies with pip inside the environment's base image (a
 * throwaway container, {@code pip install --dry-run --report}), main first and then main+dev, and
 * turns the result into a lock: each package pinned with the hashes of every file of its version
 * that the index lists.
 */
public final class LockResolver {
    private static final String SEPARATOR = "@@dockenv-report@@";
    private static final String PROJECT = "/project";

    private final Engine engine;
    private final IndexAccess access;
    private final PrintWriter progress;
    private final Optional<Path> cacheDir;
    private final IndexHttp http;
    private final Map<String, List<SimplePage.IndexFile>> pages = new HashMap<>();

    /** A resolver that runs pip for every resolution. */
    public LockResolver(Engine engine, IndexAccess access, PrintWriter progress) {
        this(engine, access, progress, Optional.empty());
    }

    /**
     * @param cacheDir where the index's metadata and the base image's platform are kept: with it,
     *     resolutions are made from the indexes' metadata ({@link DependencyResolver}), pip only for
     *     what it alone can resolve
     */
    public LockResolver(Engine engine, IndexAccess access, PrintWriter progress, Optional<Path> cacheDir) {
        this.engine = engine;
        this.access = access;
        this.progress = progress;
        this.cacheDir = cacheDir;
        this.http = new IndexHttp(Duration.ofSeconds(20), Duration.ofSeconds(60), access.proxies());
    }

    /** The lock of the plan's declared installs (a plan made without a lock), to be written at {@code target}. */
    public LockFile resolve(Project project, EnvironmentPlan plan, String inputsDigest, Path target) {
        List<String> main = pipArguments(plan.baseInstalls());
        List<String> all = new ArrayList<>(main);
        all.addAll(pipArguments(plan.devInstalls()));
        if (all.isEmpty()) { // a step has requirements to install: constraints alone make none
            throw new DockenvException(ExitCode.BAD_INPUT, "nothing to lock: the project declares no dependencies",
                    "list them in requirements.txt or pyproject.toml [project] dependencies");
        }
        String pip = "resolving with pip in " + plan.baseImage();
        Optional<List<List<PipReport.Resolved>>> fromIndex = cacheDir.flatMap(dir -> fromIndex(project, plan, main,
                ResolverInput.of(project.root(), all), target, dir, pip));
        List<PipReport.Resolved> mainResolved;
        List<PipReport.Resolved> allResolved;
        if (fromIndex.isPresent()) {
            mainResolved = fromIndex.get().get(0);
            allResolved = fromIndex.get().get(1);
        } else {
            String[] reports = run(project, plan.baseImage(), main, all);
            mainResolved = PipReport.parse(reports[0]);
            allResolved = PipReport.parse(reports[1]);
        }
        return lock(project, plan, mainResolved, allResolved, target, Optional.of(inputsDigest), this::locked);
    }

    /**
     * The plan's declared installs (a plan made without a lock) resolved from the indexes' metadata
     * alone, for a build that installs them instead of running pip's resolver in the image: each
     * package pinned to the one file chosen for the image's platform, with its URL and sha256 (no
     * page is read for the version's other files, no inputs digest recorded, nothing written).
     * Empty, with why on the progress stream, when only pip can resolve them (a source distribution
     * without metadata, an option the resolver does not read, an index it cannot read) or there is
     * nothing to resolve: the build then runs pip as the plan says.
     *
     * @param origin the file the declarations come from, named by the lock (and by the files derived from it)
     */
    public Optional<LockFile> resolveForBuild(Project project, EnvironmentPlan plan, Path origin) {
        List<String> main = pipArguments(plan.baseInstalls());
        List<String> all = new ArrayList<>(main);
        all.addAll(pipArguments(plan.devInstalls()));
        if (all.isEmpty() || cacheDir.isEmpty()) {
            return Optional.empty();
        }
        String pip = "pip resolves them in the build";
        ResolverInput input = ResolverInput.of(project.root(), all);
        if (input instanceof ResolverInput.Supported in && in.hashChecking()) {
            // the resolver would pin the index's hashes, where pip checks the files against the requirements' own
            fallBack(pip, "the requirements pin hashes, which pip checks");
            return Optional.empty();
        }
        // what pip would mark REQUESTED: the packages named by the requirements, not their dependencies
        Set<String> requested = new LinkedHashSet<>();
        if (input instanceof ResolverInput.Supported in) {
            in.requirements().forEach(r -> requested.add(Pep503.normalize(r.name())));
        }
        Optional<List<List<PipReport.Resolved>>> resolved;
        try {
            resolved = fromIndex(project, plan, main, input, origin, cacheDir.get(), pip);
        } catch (DockenvException | java.io.UncheckedIOException e) {
            // the base image's platform unknown (no image yet), an unreadable cache ...: the build says what it must
            resolved = fallBack(pip, e.getMessage());
        }
        return resolved.map(r -> lock(project, plan, r.get(0), r.get(1), origin, Optional.empty(), LockResolver::chosenFile)
                .withRequested(requested));
    }

    /**
     * A package as the resolver pinned it: the one file it chose (its URL and sha256); no index is
     * recorded, the build's own index settings name them for pip when a package needs it.
     */
    private static Optional<LockedPackage> chosenFile(PipReport.Resolved r, String group, SourceLocation location) {
        String url = r.url().orElseThrow();
        return Optional.of(new LockedPackage(r.name(), Optional.of(r.version()), Optional.empty(),
                List.of(new LockedArtifact(dev.dockenv.lock.pylock.FileNames.of(url), Optional.of(url),
                        r.hash().stream().toList())),
                new PackageSource.Registry(Optional.empty()), Set.of(group), location));
    }

    /** How a resolved package becomes a locked one. */
    private interface Locking {
        Optional<LockedPackage> locked(PipReport.Resolved r, String group, SourceLocation location);
    }

    /** The lock of a main and a main+dev resolution: main's packages, then dev's that main has not. */
    private static LockFile lock(Project project, EnvironmentPlan plan, List<PipReport.Resolved> mainResolved,
            List<PipReport.Resolved> allResolved, Path target, Optional<String> inputsDigest, Locking locking) {
        Set<String> mainKeys = new LinkedHashSet<>();
        mainResolved.forEach(r -> mainKeys.add(key(r)));
        List<LockedPackage> packages = new ArrayList<>();
        SourceLocation location = SourceLocation.of(target);
        for (PipReport.Resolved r : mainResolved) {
            locking.locked(r, DependencyGroups.MAIN, location).ifPresent(packages::add);
        }
        for (PipReport.Resolved r : allResolved) {
            if (!mainKeys.contains(key(r))) {
                locking.locked(r, DependencyGroups.DEV, location).ifPresent(packages::add);
            }
        }
        packages.sort(java.util.Comparator.comparing((LockedPackage p) -> Pep503.normalize(p.name()))
                .thenComparing(p -> p.version().orElse("")));
        List<String> origins = new ArrayList<>();
        for (StageInstall s : plan.baseInstalls()) {
            origins.add(s.origin());
        }
        for (StageInstall s : plan.devInstalls()) {
            origins.add(s.origin());
        }
        List<String> indexes = new ArrayList<>();
        for (LockedPackage p : packages) {
            if (p.source() instanceof PackageSource.Registry reg) {
                reg.indexUrl().filter(u -> !indexes.contains(u)).ifPresent(indexes::add);
            }
        }
        // resolved by the image's Python, for linux: the lock says which Python it holds for
        return new LockFile(target, String.join(", ", origins), packages, inputsDigest, indexes,
                Optional.of("==" + project.python().version().minorOnly() + ".*"));
    }

    /**
     * The main and the main+dev resolutions made from the indexes' metadata, as pip's reports would
     * give them; empty (said on the progress stream, with why) when only pip can resolve them.
     *
     * @param allInput the main and the dev installs' arguments, read ({@link ResolverInput#of})
     */
    private Optional<List<List<PipReport.Resolved>>> fromIndex(Project project, EnvironmentPlan plan, List<String> main,
            ResolverInput allInput, Path target, Path dir, String pip) {
        ResolverInput mainInput = ResolverInput.of(project.root(), main);
        if (allInput instanceof ResolverInput.Unsupported u) {
            return fallBack(pip, u.reason());
        }
        if (mainInput instanceof ResolverInput.Unsupported u) {
            return fallBack(pip, u.reason());
        }
        ResolverInput.Supported mainIn = (ResolverInput.Supported) mainInput;
        ResolverInput.Supported allIn = (ResolverInput.Supported) allInput;
        List<String> indexes = new ArrayList<>();
        indexes.add(allIn.indexUrl().or(() -> plan.index().indexUrl()).map(dev.dockenv.decision.PackageIndex::withoutCredentials)
                .orElse(IndexAccess.PYPI));
        plan.index().extraIndexUrls().forEach(u -> indexes.add(dev.dockenv.decision.PackageIndex.withoutCredentials(u)));
        allIn.extraIndexUrls().forEach(u -> indexes.add(dev.dockenv.decision.PackageIndex.withoutCredentials(u)));
        TargetPlatform platform;
        try {
            platform = TargetPlatforms.of(engine, plan.baseImage(), dir);
        } catch (IllegalArgumentException e) {
            return fallBack(pip, "its python did not say which it is (" + e.getMessage() + ")");
        }
        progress.println("dockenv: resolving from the index's metadata for Python "
                + platform.markers().pythonFullVersion() + " on linux " + platform.markers().platformMachine());
        progress.flush();
        Map<String, dev.dockenv.pep.Version> preferred = new HashMap<>(earlierLock(target));
        try (HttpIndexProjects source = new HttpIndexProjects(indexes.stream().distinct().toList(), access::authorization,
                dir.resolve("metadata"), access.proxies())) {
            DependencyResolver.Outcome mainOutcome = new DependencyResolver(source, platform, mainIn.prereleases(),
                    preferred).resolve(mainIn.requirements(), mainIn.constraints());
            if (!(mainOutcome instanceof DependencyResolver.Outcome.Resolved mainPins)) {
                return fallBack(pip, describe(mainOutcome));
            }
            mainPins.pins().forEach(p -> preferred.put(Pep503.normalize(p.name()), p.version()));
            DependencyResolver.Outcome allOutcome = new DependencyResolver(source, platform, allIn.prereleases(),
                    preferred).resolve(allIn.requirements(), allIn.constraints());
            if (!(allOutcome instanceof DependencyResolver.Outcome.Resolved allPins)) {
                return fallBack(pip, describe(allOutcome));
            }
            progress.println("dockenv: resolved " + allPins.pins().size() + " packages (" + source.metadataReads()
                    + " metadata files read from the index, the others from the cache)");
            return Optional.of(List.of(reported(mainPins), reported(allPins)));
        } catch (HttpIndexProjects.IndexUnreadableException e) {
            return fallBack(pip, e.getMessage());
        }
    }

    private Optional<List<List<PipReport.Resolved>>> fallBack(String pip, String reason) {
        progress.println("dockenv: " + pip + ": " + reason);
        progress.flush();
        return Optional.empty();
    }

    private static String describe(DependencyResolver.Outcome outcome) {
        if (outcome instanceof DependencyResolver.Outcome.NeedsBuild b) {
            return b.project() + " " + b.version() + " has only a source distribution, whose metadata needs a build";
        }
        return "no resolution from the metadata (" + ((DependencyResolver.Outcome.Unresolvable) outcome).reason()
                + "); pip says why";
    }

    private static List<PipReport.Resolved> reported(DependencyResolver.Outcome.Resolved resolved) {
        return resolved.pins().stream().map(p -> new PipReport.Resolved(p.name(), p.versionText(), PipReport.Kind.INDEX,
                Optional.of(p.file().url()), p.file().hashes().stream().filter(h -> h.startsWith("sha256:")).findFirst(),
                Optional.empty(), false)).toList();
    }

    /** The versions of the lock being replaced, tried first: a relock moves only what it must. */
    private static Map<String, dev.dockenv.pep.Version> earlierLock(Path target) {
        Map<String, dev.dockenv.pep.Version> versions = new HashMap<>();
        if (!Files.isRegularFile(target) || !target.getFileName().toString().equals(
                dev.dockenv.lock.pylock.PylockReader.FORMAT)) {
            return versions;
        }
        try {
            for (LockedPackage p : dev.dockenv.lock.pylock.PylockReader.read(target).packages()) {
                p.version().flatMap(dev.dockenv.pep.Version::tryParse).ifPresent(v -> versions.put(Pep503.normalize(p.name()), v));
            }
        } catch (RuntimeException e) {
            // an unreadable lock prefers nothing
        }
        return versions;
    }

    private static String key(PipReport.Resolved r) {
        return Pep503.normalize(r.name()) + "==" + r.version();
    }

    /** The pip arguments of a stage's declared installs ({@code -c}, {@code -r}, packages), in order. */
    private static List<String> pipArguments(List<StageInstall> installs) {
        List<String> args = new ArrayList<>();
        for (StageInstall install : installs) {
            install.pipCommands().forEach(pip -> args.addAll(pip.arguments()));
        }
        return args;
    }

    private Optional<LockedPackage> locked(PipReport.Resolved r, String group, SourceLocation location) {
        switch (r.kind()) {
            case INDEX -> {
                IndexChoice choice = indexFiles(r);
                return Optional.of(new LockedPackage(r.name(), Optional.of(r.version()), Optional.empty(),
                        choice.artifacts(), new PackageSource.Registry(choice.index()), Set.of(group), location));
            }
            case DIRECT_ARCHIVE -> {
                if (r.url().isEmpty() || r.hash().isEmpty()) {
                    progress.println("dockenv: warning: " + r.name() + " " + r.version()
                            + " comes from a URL without a hash; it is left out of the lock");
                    return Optional.empty();
                }
                String url = r.url().get();
                return Optional.of(new LockedPackage(r.name(), Optional.of(r.version()), Optional.empty(),
                        List.of(new LockedArtifact(Optional.of(url.substring(url.lastIndexOf('/') + 1)),
                                Optional.of(url), List.of(r.hash().get()))),
                        new PackageSource.DirectUrl(url), Set.of(group), location));
            }
            case VCS -> {
                if (r.url().isEmpty() || r.commit().isEmpty()) {
                    progress.println("dockenv: warning: " + r.name() + " is not pinned to a commit; left out of the lock");
                    return Optional.empty();
                }
                return Optional.of(new LockedPackage(r.name(), Optional.of(r.version()), Optional.empty(), List.of(),
                        new PackageSource.Vcs(r.url().get(), r.commit()), Set.of(group), location));
            }
            default -> {
                Optional<String> path = r.url().flatMap(LockResolver::projectPath);
                if (path.isEmpty()) {
                    progress.println("dockenv: warning: " + r.name() + " is a directory outside the project ("
                            + r.url().orElse("?") + "); it is left out of the lock");
                    return Optional.empty();
                }
                if (path.get().equals(".")) {
                    return Optional.empty(); // the project itself: the mount (dev) or the copied source (prod)
                }
                // a directory of the project, as PEP 751 [packages.directory]: installed from its copy, unhashed
                return Optional.of(new LockedPackage(r.name(), Optional.of(r.version()), Optional.empty(), List.of(),
                        new PackageSource.LocalPath(path.get(), r.editable()), Set.of(group), location));
            }
        }
    }

    /** A file: URL under the project's mount as a project-relative path ("." for the project itself). */
    static Optional<String> projectPath(String url) {
        String path;
        try {
            path = java.net.URI.create(url).getPath();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (path == null || !url.startsWith("file:")) {
            return Optional.empty();
        }
        if (path.equals(PROJECT) || path.equals(PROJECT + "/")) {
            return Optional.of(".");
        }
        return path.startsWith(PROJECT + "/") ? Optional.of(path.substring(PROJECT.length() + 1).replaceAll("/+$", ""))
                : Optional.empty();
    }

    private record IndexChoice(Optional<String> index, List<LockedArtifact> artifacts) {
    }

    /**
     * Every file of the version on the first index whose simple page lists the file pip chose
     * (else the first that lists the version at all), with its hashes; pip's own file and hash
     * when no index page can be read.
     */
    private IndexChoice indexFiles(PipReport.Resolved r) {
        Optional<String> chosenFile = r.url().map(u -> u.substring(u.lastIndexOf('/') + 1).replaceAll("#.*$", ""));
        IndexChoice fallback = null;
        for (String index : access.indexUrls()) {
            List<SimplePage.IndexFile> files = SimplePage.filesOf(page(index, r.name()), r.name(), r.version());
            if (files.isEmpty()) {
                continue;
            }
            List<LockedArtifact> artifacts = new ArrayList<>();
            boolean sdist = false;
            for (SimplePage.IndexFile f : files) {
                List<String> hashes = f.hashes();
                if (hashes.isEmpty() && chosenFile.filter(f.fileName()::equals).isPresent() && r.hash().isPresent()) {
                    hashes = List.of(r.hash().get());
                }
                if (hashes.isEmpty() || (!f.isWheel() && sdist)) {
                    continue;
                }
                sdist |= !f.isWheel();
                artifacts.add(new LockedArtifact(Optional.of(f.fileName()), Optional.of(f.url()), hashes));
            }
            if (artifacts.isEmpty()) {
                continue;
            }
            IndexChoice choice = new IndexChoice(Optional.of(index), artifacts);
            if (chosenFile.isEmpty() || files.stream().anyMatch(f -> f.fileName().equals(chosenFile.get()))) {
                return choice;
            }
            if (fallback == null) {
                fallback = choice;
            }
        }
        if (fallback != null) {
            return fallback;
        }
        if (r.url().isEmpty() || r.hash().isEmpty()) {
            throw new DockenvException(ExitCode.BAD_INPUT, "no index lists the files of " + r.name() + " "
                    + r.version() + " with hashes", "check the index URLs (" + String.join(", ", access.indexUrls()) + ")");
        }
        return new IndexChoice(Optional.empty(), List.of(new LockedArtifact(chosenFile, r.url(), List.of(r.hash().get()))));
    }

    /** The files a PEP 503 project page lists; none when the index has no such project or cannot be read. */
    private List<SimplePage.IndexFile> page(String index, String name) {
        String url = index.replaceAll("/+$", "") + "/" + Pep503.normalize(name) + "/";
        return pages.computeIfAbsent(url, u -> {
            try (IndexHttp.Response response = http.get(u, Optional.of("text/html"), access::authorization)) {
                if (response.status() != 200) {
                    if (response.status() != 404) {
                        progress.println("dockenv: warning: " + u + " answered " + response.status());
                    }
                    return List.of();
                }
                return SimplePage.parse(response.text(), response.uri());
            } catch (IOException | IllegalArgumentException e) {
                progress.println("dockenv: warning: cannot read " + u + ": " + e.getMessage());
                return List.of();
            }
        });
    }

    /** Runs pip twice in one throwaway container; the main report and the main+dev report. */
    private String[] run(Project project, String image, List<String> main, List<String> all) {
        // an empty venv for the interpreter's markers, nothing installed counted (--ignore-installed); the
        // image's own pip runs in it (making a venv with pip costs seconds, one without it milliseconds)
        StringBuilder script = new StringBuilder("set -e; python3 -m venv --without-pip --system-site-packages /tmp/v; ");
        if (main.isEmpty()) {
            script.append("echo '{\"version\": \"1\", \"install\": []}' > /tmp/main.json; ");
        } else {
            script.append(report("/tmp/main.json", main)).append("; ");
        }
        script.append(report("/tmp/all.json", all)).append("; ");
        script.append("cat /tmp/main.json; echo; echo ").append(SEPARATOR).append("; cat /tmp/all.json");

        List<String> args = new ArrayList<>(List.of("--rm"));
        if (access.hostNetwork()) {
            args.addAll(List.of("--network", "host"));
        }
        args.addAll(List.of("-v", project.root() + ":" + PROJECT + ":ro", "-w", PROJECT));
        Map<String, String> env = new java.util.TreeMap<>(access.pipEnvironment());
        env.put("PIP_DISABLE_PIP_VERSION_CHECK", "1");
        env.put("PIP_NO_INPUT", "1");
        env.put("PIP_ROOT_USER_ACTION", "ignore");
        env.forEach((k, v) -> args.addAll(List.of("-e", k + "=" + v)));
        Path netrc = null;
        try {
            if (access.credentials().isPresent()) {
                netrc = Files.createTempFile("dockenv-netrc", "",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(netrc, access.credentials().get().netrc());
                args.addAll(List.of("-v", netrc + ":/root/.netrc:ro"));
            }
            args.addAll(List.of("--entrypoint", "sh", image, "-c", script.toString()));
            progress.println("dockenv: resolving in " + image + " with pip");
            progress.flush();
            ProcessRunner.Result result = engine.runCapturing(args);
            if (!result.ok()) {
                throw new DockenvException(ExitCode.BAD_INPUT, "pip could not resolve the dependencies in " + image
                        + ": " + lastLines(result.stderr()),
                        "check the requirements and the index; pip's output is above the error");
            }
            int at = result.stdout().indexOf(SEPARATOR);
            if (at < 0) {
                throw new DockenvException(ExitCode.INTERNAL, "pip gave no installation report", null);
            }
            return new String[] {result.stdout().substring(0, at),
                    result.stdout().substring(at + SEPARATOR.length())};
        } catch (IOException e) {
            throw IoFailures.writing(netrc != null ? netrc : Path.of(System.getProperty("java.io.tmpdir")), e);
        } finally {
            if (netrc != null) {
                try {
                    Files.deleteIfExists(netrc);
                } catch (IOException e) {
                    progress.println("dockenv: warning: cannot delete " + netrc);
                }
            }
        }
    }

    private static String lastLines(String stderr) {
        List<String> lines = stderr.lines().filter(l -> !l.isBlank()).toList();
        return String.join("\n  ", lines.subList(Math.max(0, lines.size() - 8), lines.size()));
    }

    /** pip's dry run of an install, its report written to {@code report}: the image's pip, in the throwaway venv. */
    static String report(String report, List<String> arguments) {
        return PipCommand.install(List.of("--dry-run", "--ignore-installed", "--quiet", "--report", report))
                .plus(arguments).shellText("/tmp/v/bin/python -m pip");
    }
}
