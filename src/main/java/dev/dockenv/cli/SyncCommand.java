package dev.dockenv.cli;

import dev.dockenv.build.BuildOptions;
import dev.dockenv.build.EnvironmentImage;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code dockenv sync}: the dev environment, built from a fresh pylock.toml. */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = {"Build the dev environment from a fresh pylock.toml; print its image.",
            "Fails (exit 4) when pylock.toml is missing or stale: run `dockenv lock` first."})
final class SyncCommand implements Callable<Integer> {
    @ParentCommand
    private DockenvCommand root;

    @picocli.CommandLine.Option(names = "--app", paramLabel = "NAME", description = "The app whose dev environment "
            + "to build (from its pylock.NAME.toml; default: the app whose folder you are in).")
    private String app;

    @Override
    public Integer call() {
        LockCommand.requireFreshDockenvLock(root);
        Workspace workspace = Workspace.open(root);
        EnvironmentImage image = workspace.build(AppSelection.choose(workspace.project(), app, root.startDirectory()),
                Optional.empty(), new BuildOptions(false, false, false));
        workspace.session().out().println(image.reference());
        return 0;
    }
}
