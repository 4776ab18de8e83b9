package dev.dockenv.cli;

import dev.dockenv.build.BuildOptions;
import dev.dockenv.engine.Engine;
import dev.dockenv.engine.ImageReference;
import dev.dockenv.errors.ExitCode;
import dev.dockenv.errors.IoFailures;
import dev.dockenv.io.FolderTree;
import dev.dockenv.release.ImageArchive;
import dev.dockenv.release.LayerEntry;
import dev.dockenv.release.ReleaseComparison;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code dockenv release --check}: the release made twice from the same tree, the second time with
 * the prod image built again from scratch (no cache), both saved with the engine and compared layer
 * by layer ({@link ReleaseComparison}); the report on stdout, exit 0 when they are the same image,
 * {@link ExitCode#NOT_REPRODUCIBLE} when not. The release's tags end on the second build.
 */
final class ReleaseCheck {
    /** How many differing paths the report lists per layer. */
    static final int PATHS_SHOWN = 20;

    private ReleaseCheck() {
    }

    static int run(DockenvCommand root, String app, Optional<String> target) {
        Session session = root.session();
        PrintWriter err = session.err();
        Engine engine = session.engine();
        Path folder;
        try {
            folder = Files.createTempDirectory(Files.createDirectories(session.cacheDirectory()), "release-check-");
        } catch (IOException e) {
            throw IoFailures.writing(session.cacheDirectory(), e);
        }
        try {
            err.println("dockenv: release --check: the first build");
            err.flush();
            Release.Made first = Release.make(root, app, target, new BuildOptions(false, false, false));
            Path firstArchive = save(engine, first, folder.resolve("first.tar.gz"));
            err.println("dockenv: release --check: the second build, the prod image without cache");
            err.flush();
            Release.Made second = Release.make(root, app, target, new BuildOptions(true, true, false));
            Path secondArchive = save(engine, second, folder.resolve("second.tar.gz"));
            ReleaseComparison comparison = compare(firstArchive, secondArchive);
            session.out().print(comparison.render(PATHS_SHOWN));
            session.out().flush();
            return comparison.identical() ? 0 : ExitCode.NOT_REPRODUCIBLE.code();
        } finally {
            FolderTree.deleteQuietly(folder); // a temporary folder of the cache: never an error of the check
        }
    }

    /** The two saved images compared, with the listings of the layers that differ. */
    static ReleaseComparison compare(Path firstArchive, Path secondArchive) {
        try {
            ImageArchive a = ImageArchive.read(firstArchive);
            ImageArchive b = ImageArchive.read(secondArchive);
            ReleaseComparison comparison = ReleaseComparison.of(a.description(), b.description());
            Set<Integer> differing = new HashSet<>(comparison.differingLayers());
            Map<Integer, List<LayerEntry>> la = a.listings(differing);
            Map<Integer, List<LayerEntry>> lb = b.listings(differing);
            for (int i : comparison.differingLayers()) {
                if (la.containsKey(i) && lb.containsKey(i)) {
                    comparison = comparison.withFiles(i, la.get(i), lb.get(i));
                }
            }
            return comparison;
        } catch (IOException e) {
            throw IoFailures.reading(firstArchive.getParent(), e);
        }
    }

    private static Path save(Engine engine, Release.Made made, Path archive) {
        ImageReference reference = made.references(Optional.empty()).references().get(0);
        engine.save(List.of(reference), archive);
        return archive;
    }
}
