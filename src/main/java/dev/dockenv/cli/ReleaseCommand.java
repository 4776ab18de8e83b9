package dev.dockenv.cli;

import dev.dockenv.build.BuildOptions;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code dockenv release}: the prod image, tagged and labelled as a release. */
@Command(name = "release", mixinStandardHelpOptions = true,
        description = {"Tag the prod image as a release: VERSION, sha-REV and latest, with OCI labels and an SBOM.",
            "The tags go to [tool.dockenv.release] repository (else the project's name); sha-REV is the git commit "
                    + "(-dirty with uncommitted changes). The labels are title, description, version, revision, "
                    + "source, created, licenses, base.name and base.digest; created is SOURCE_DATE_EPOCH when set, "
                    + "else the commit's time. No label holds a path of this machine."})
final class ReleaseCommand implements Callable<Integer> {
    @ParentCommand
    private DockenvCommand root;

    @Option(names = "--app", paramLabel = "NAME", description = "The app to release (default: the app whose folder "
            + "you are in, else the project).")
    private String app;

    @Option(names = "--target", paramLabel = "STAGE", description = "The stage to release (default prod; a stage of "
            + "your own Dockerfile).")
    private String target;

    @Option(names = "--no-cache", description = "Build the prod image's every step again.")
    private boolean noCache;

    @Option(names = "--check", description = "Build the release twice (the second time the prod image without "
            + "cache) and compare them layer by layer: exit 0 when they are the same image, 14 with what differs "
            + "(config values, layers, and in each differing layer the paths whose content, mode or mtime differ).")
    private boolean check;

    @Override
    public Integer call() {
        if (check) {
            if (noCache) {
                throw new dev.dockenv.errors.DockenvException(dev.dockenv.errors.ExitCode.USAGE,
                        "--check builds without cache already the second time", "leave --no-cache out");
            }
            return ReleaseCheck.run(root, app, Optional.ofNullable(target));
        }
        Release.Made made = Release.make(root, app, Optional.ofNullable(target), new BuildOptions(noCache, noCache, false));
        var out = root.session().out();
        made.plan().references().forEach(out::println);
        out.flush();
        return 0;
    }
}
