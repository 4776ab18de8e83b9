package dev.dockenv.cli;

import dev.dockenv.build.BuildOptions;
import dev.dockenv.build.EnvironmentImage;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code dockenv build}: builds (or confirms) the environment image of a stage. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = {"Build the environment image of a stage (base, dev or prod; default dev), of an app with --app.",
            "An image whose inputs did not change is not rebuilt unless --no-cache or --pull is given."})
final class BuildCommand implements Callable<Integer> {
    @ParentCommand
    private DockenvCommand root;

    @Option(names = "--target", paramLabel = "STAGE", description = "base, dev or prod (or a stage of your Dockerfile).")
    private String target;

    @Option(names = "--app", paramLabel = "NAME", description = "The app whose image to build (its dev or prod; "
            + "default: the app whose folder you are in, else the shared environment).")
    private String app;

    @Option(names = "--no-cache", description = "Build every step again.")
    private boolean noCache;

    @Option(names = "--pull", description = "Pull a newer base image first.")
    private boolean pull;

    @Parameters(arity = "0..1", paramLabel = "SCRIPT",
            description = "A script with inline metadata (# /// script): its environment instead of the project's.")
    private java.nio.file.Path script;

    @Override
    public Integer call() {
        try {
            // a build is the likely outcome: its first question to the engine is asked while the project is read
            root.session().engine().prefetchInfo();
        } catch (RuntimeException e) {
            // an engine address the build itself will report, after the project's own errors
        }
        Workspace workspace = Workspace.open(root, Optional.ofNullable(script));
        PhaseTimer.mark(root.session(), "build: project read");
        boolean rebuild = noCache || pull;
        var chosen = script == null ? AppSelection.choose(workspace.project(), app, root.startDirectory())
                : Optional.<dev.dockenv.project.ProjectApp>empty();
        EnvironmentImage image = workspace.build(chosen, Optional.ofNullable(target),
                new BuildOptions(rebuild, noCache, pull));
        workspace.session().out().println(image.reference());
        return 0;
    }
}
