package dev.dockenv.cli;

import dev.dockenv.build.BuildOptions;
import dev.dockenv.errors.IoFailures;
import dev.dockenv.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code dockenv save}: the release, made when needed, written to a gzip archive docker load restores. */
@Command(name = "save", mixinStandardHelpOptions = true,
        description = {"Save the release with every tag to a gzip archive docker load restores.",
            "Makes the release as dockenv release does and writes it (default NAME-TAG.tar.gz here) and its SBOM "
                    + "(CycloneDX) beside it as NAME-TAG.cdx.json.",
            "The archive is written whole or not at all."})
final class SaveCommand implements Callable<Integer> {
    @ParentCommand
    private DockenvCommand root;

    @Option(names = "--app", paramLabel = "NAME", description = "The app to save (default: the app whose folder you "
            + "are in, else the project).")
    private String app;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "The archive to write (.tar.gz).")
    private Path output;

    @Override
    public Integer call() {
        Release.Made made = Release.make(root, app, Optional.empty(), new BuildOptions(false, false, false));
        Path archive = new ReleaseArchive(root.session()).save(made.references(Optional.empty()),
                Optional.ofNullable(output));
        Path sbom = sbomBeside(archive);
        try {
            AtomicFiles.write(sbom, made.sbom());
        } catch (IOException e) {
            throw IoFailures.writing(sbom, e);
        }
        root.session().err().println("dockenv: its SBOM (CycloneDX) is " + sbom);
        root.session().err().flush();
        return 0;
    }

    /** {@code shop-1.4.0.cdx.json} beside {@code shop-1.4.0.tar.gz}. */
    static Path sbomBeside(Path archive) {
        String name = archive.getFileName().toString().replaceFirst("(\\.tar\\.gz|\\.tgz|\\.tar)$", "");
        return archive.resolveSibling(name + ".cdx.json");
    }
}
