package dev.dockenv.cli;

import dev.dockenv.build.BuildOptions;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code dockenv save}: the release, made when needed, written to a gzip archive docker load restores. */
@Command(name = "save", mixinStandardHelpOptions = true,
        description = {"Make the release (as dockenv release does) and save it with every tag to a gzip archive "
                + "(default NAME-TAG.tar.gz here) that `docker load -i FILE` restores on any engine.",
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
        new ReleaseArchive(root.session()).save(made.references(Optional.empty()), Optional.ofNullable(output));
        return 0;
    }
}
