package dev.dockenv.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What an integration test class sets up once and tears down in its {@code @AfterAll}: a temporary
 * work directory, a {@link LocalPackageIndex} serving some fixtures from {@code <work>/index} (none
 * when no fixture is named), the {@link DockenvCli} with its own cache {@code <work>/cache}, and
 * the {@link TestProject}s made in it.
 *
 * <p>{@link #close()} closes every index, removes every tracked project's containers and images
 * and deletes the directories, each step even when an earlier one fails (the first failure is
 * thrown at the end, later ones suppressed in it).
 *
 * <pre>{@code
 * ws = ItWorkspace.open("dockenv-runit", "greeting-1.0.0", "colorsay-2.0.0"); // in @BeforeAll
 * TestProject p = ws.project("run").file("requirements.txt", "--index-url " + ws.index().url() + "\ngreeting\n");
 * ProcessResult r = ws.dockenv().run(p.dir(), "run", "--", "python", "-V");
 * ws.close(); // in @AfterAll
 * }</pre>
 */
public final class ItWorkspace implements AutoCloseable {
    private final Path dir;
    private final List<Path> otherDirs = new ArrayList<>();
    private final List<LocalPackageIndex> indexes = new ArrayList<>();
    private final List<TestProject> projects = new ArrayList<>();
    private LocalPackageIndex index;
    private DockenvCli dockenv;

    private ItWorkspace(Path dir) {
        this.dir = dir;
    }

    /**
     * A new work directory {@code <tmp>/<prefix>-<random>} with dockenv from the checkout; with
     * fixture ids ({@code greeting-1.0.0}, ...) also an index serving them from {@code <work>/index}.
     */
    public static ItWorkspace open(String prefix, String... fixtureIds) {
        ItWorkspace ws = new ItWorkspace(tempDirectory(prefix + "-"));
        return ws.setUp(() -> {
            if (fixtureIds.length > 0) {
                ws.index = ws.serve("index", fixtureIds);
            }
            ws.dockenv = DockenvCli.checkout(ws.dir.resolve("cache"));
        });
    }

    /**
     * As {@link #open}, for the non-root test user: the work directory is the user's
     * ({@link TestUser#newWorkDir}), dockenv is a copy staged for it ({@link TestUser#stageDockenv})
     * run as the user, and the index serves from a directory of its own outside the work directory.
     */
    public static ItWorkspace openAsTestUser(String prefix, String... fixtureIds) {
        ItWorkspace ws = new ItWorkspace(TestUser.newWorkDir(prefix));
        return ws.setUp(() -> {
            Path staged = TestUser.stageDockenv();
            ws.otherDirs.add(staged);
            if (fixtureIds.length > 0) {
                Path indexDir = tempDirectory(prefix + "-index-");
                ws.otherDirs.add(indexDir);
                ws.index = ws.track(LocalPackageIndex.serve(indexDir, fixtureIds));
            }
            ws.dockenv = DockenvCli.asTestUser(staged, ws.dir.resolve("cache"));
        });
    }

    private static Path tempDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory " + prefix, e);
        }
    }

    /** Runs the rest of the set-up; when it fails, cleans up what it made before the failure is thrown. */
    private ItWorkspace setUp(Runnable step) {
        try {
            step.run();
            return this;
        } catch (RuntimeException | Error e) {
            try {
                close();
            } catch (RuntimeException | Error cleanUp) {
                e.addSuppressed(cleanUp);
            }
            throw e;
        }
    }

    /** The work directory. */
    public Path dir() {
        return dir;
    }

    /** {@code <work>/relative}. */
    public Path path(String relative) {
        return dir.resolve(relative);
    }

    /** Copies the folder {@code source} (say the checkout's example/) to {@code <work>/<name>}; returns the copy. */
    public Path copy(Path source, String name) {
        Path copy = dir.resolve(name);
        try {
            TestUser.copyTree(source, copy);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + source + " to " + copy, e);
        }
        return copy;
    }

    /** The index {@link #open} started; fails when it was given no fixtures. */
    public LocalPackageIndex index() {
        if (index == null) {
            throw new IllegalStateException("this workspace serves no index: open it with fixture ids");
        }
        return index;
    }

    /** dockenv with this workspace's cache directory {@code <work>/cache}. */
    public DockenvCli dockenv() {
        return dockenv;
    }

    /** Another index, serving {@code fixtureIds} from {@code <work>/<folder>}; closed with the workspace. */
    public LocalPackageIndex serve(String folder, String... fixtureIds) {
        return track(LocalPackageIndex.serve(dir.resolve(folder), fixtureIds));
    }

    /** A new {@link TestProject} in the work directory; its images are removed on {@link #close()}. */
    public TestProject project(String prefix) {
        return track(TestProject.create(dir, prefix));
    }

    /** A new {@link TestProject} under {@code <work>/<parent>}, tracked as {@link #project(String)}. */
    public TestProject project(String parent, String prefix) {
        return track(TestProject.create(dir.resolve(parent), prefix));
    }

    /** Removes {@code project}'s images on {@link #close()} too (say an {@link TestProject#existing} one). */
    public TestProject track(TestProject project) {
        projects.add(project);
        return project;
    }

    /** Closes this index with the workspace. */
    public LocalPackageIndex track(LocalPackageIndex served) {
        indexes.add(served);
        return served;
    }

    /**
     * Closes the indexes, removes the projects' containers and images, deletes the work directory
     * (and the test user's staged launcher and index directory); every step runs even when one
     * before it failed, and the first failure is thrown at the end.
     */
    @Override
    public void close() {
        List<Runnable> steps = new ArrayList<>();
        indexes.forEach(i -> steps.add(i::close));
        projects.forEach(p -> steps.add(p::removeImages));
        steps.add(() -> TestUser.deleteRecursively(dir));
        otherDirs.forEach(d -> steps.add(() -> TestUser.deleteRecursively(d)));

        Throwable first = null;
        for (Runnable step : steps) {
            try {
                step.run();
            } catch (RuntimeException | Error e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first instanceof Error e) {
            throw e;
        }
        if (first instanceof RuntimeException e) {
            throw e;
        }
    }

    /**
     * Closes {@code ws} unless it is null: for an {@code @AfterAll}, which JUnit runs even when the
     * set-up failed before the workspace was opened.
     */
    public static void closeIfOpened(ItWorkspace ws) {
        if (ws != null) {
            ws.close();
        }
    }

    @Override
    public String toString() {
        return "ItWorkspace " + dir + " " + projects;
    }
}
