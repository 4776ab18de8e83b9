package dev.dockenv.cli;

import dev.dockenv.build.BuildOptions;
import dev.dockenv.config.ImageReference;
import dev.dockenv.errors.DockenvException;
import dev.dockenv.errors.ExitCode;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code dockenv push}: the release, made when needed, pushed with the user's own docker login. */
@Command(name = "push", mixinStandardHelpOptions = true,
        description = {"Push the release's tags with your own docker login.",
            "Makes the release as dockenv release does and pushes its tags to its repository, or to REPOSITORY "
                    + "(dockenv never reads or stores a password).",
            "Prints REPOSITORY:TAG@DIGEST for each tag. A tree with uncommitted changes is refused without "
                    + "--allow-dirty; a push stopped half way is finished by pushing again."})
final class PushCommand implements Callable<Integer> {
    @ParentCommand
    private DockenvCommand root;

    @Option(names = "--app", paramLabel = "NAME", description = "The app to push (default: the app whose folder you "
            + "are in, else the project).")
    private String app;

    @Option(names = "--allow-dirty", description = "Push a release of a tree with uncommitted changes.")
    private boolean allowDirty;

    @Option(names = {"-q", "--quiet"}, description = "Print only the pushed references, not the client's progress.")
    private boolean quiet;

    @Parameters(arity = "0..1", paramLabel = "REPOSITORY",
            description = "Where to push instead of [tool.dockenv.release] repository, e.g. registry.example.com/team/shop.")
    private String repository;

    @Override
    public Integer call() {
        if (repository != null) {
            ImageReference.repositoryProblem(repository).ifPresent(problem -> {
                throw new DockenvException(ExitCode.USAGE, "'" + ImageReference.printable(repository)
                        + "' is not an image repository: " + problem, "name the repository without a tag, such as "
                        + "registry.example.com/team/shop");
            });
        }
        Release.Made made = Release.make(root, app, Optional.empty(), new BuildOptions(false, false, false), plan -> Release.refuseUncommitted(plan, allowDirty, "push"));
        if (repository == null && made.plan().repository().indexOf('/') < 0) {
            root.session().err().println("dockenv: " + made.plan().repository() + " names no registry: docker pushes "
                    + "it to Docker Hub (set [tool.dockenv.release] repository, or name one: dockenv push REPOSITORY)");
        }
        new ReleasePush(root.session(), quiet).push(made.references(Optional.ofNullable(repository)));
        return 0;
    }
}
