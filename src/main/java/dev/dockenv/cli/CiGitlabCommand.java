package dev.dockenv.cli;

import dev.dockenv.errors.IoFailures;
import dev.dockenv.io.StampedText;
import dev.dockenv.pipeline.GitlabPipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code dockenv ci gitlab}: .gitlab-ci.yml, or .gitlab/dockenv.gitlab-ci.yml to include from a pipeline of the user's. */
@Command(name = "gitlab", mixinStandardHelpOptions = true,
        description = {"Write " + GitlabPipeline.FILE + " (or, when the repository has a pipeline of its own, "
                + GitlabPipeline.INCLUDED_FILE + " to include from it): dockenv installed from the CI/CD variable "
                + "DOCKENV_DIST_URL, the dev environment built (a stale lock fails), the tests run with pytest when the "
                + "project has any, and the release pushed on the default branch and on v* tags.",
            "For runners whose Docker engine sees the job's folder (the shell executor). The release goes to the "
                    + "project's registry with the job's token, or to DOCKENV_REPOSITORY with DOCKENV_REGISTRY_USER and "
                    + "DOCKENV_REGISTRY_PASSWORD."})
final class CiGitlabCommand implements Callable<Integer> {
    static final String COMMAND = "dockenv ci gitlab";

    @ParentCommand
    private CiCommand ci;

    @Option(names = "--force", description = "Overwrite the file even when it is not as dockenv wrote it.")
    private boolean force;

    /**
     * The pipeline as dockenv writes it now: .gitlab-ci.yml, unless the repository has a pipeline of
     * its own there, then the file it includes (.gitlab/dockenv.gitlab-ci.yml).
     */
    static KeptFiles.Kept file(Workspace workspace) {
        return new KeptFiles.Kept(path(workspace.project().root()), StampedText.stamp("#", COMMAND,
                GitlabPipeline.render(CiGithubCommand.inputs(workspace))), COMMAND);
    }

    private static String path(Path root) {
        Path file = root.resolve(GitlabPipeline.FILE);
        if (!Files.isRegularFile(file)) {
            return GitlabPipeline.FILE;
        }
        try {
            return StampedText.state(Optional.of(Files.readString(file))) == StampedText.State.FOREIGN
                    ? GitlabPipeline.INCLUDED_FILE : GitlabPipeline.FILE;
        } catch (IOException e) {
            throw IoFailures.reading(file, e);
        }
    }

    @Override
    public Integer call() {
        Workspace workspace = Workspace.open(ci.root());
        KeptFiles.Kept file = file(workspace);
        KeptFiles.write(workspace.session(), workspace.project().root(), List.of(file), force);
        var out = workspace.session().out();
        out.println();
        if (file.path().equals(GitlabPipeline.INCLUDED_FILE)) {
            out.println(GitlabPipeline.FILE + " is your own: include the jobs from it with");
            out.println("  include:");
            out.println("    - local: " + GitlabPipeline.INCLUDED_FILE);
        }
        out.println("In the project's settings (CI/CD > Variables): DOCKENV_DIST_URL, where the runner downloads dockenv-"
                + DockenvVersion.get() + ".tar.gz (and DOCKENV_DIST_SHA256, its checksum);");
        out.println("  to push elsewhere than the project's registry: DOCKENV_REPOSITORY, DOCKENV_REGISTRY_USER and "
                + "DOCKENV_REGISTRY_PASSWORD (masked).");
        out.println("The jobs need a runner whose Docker engine sees the job's folder (the shell executor).");
        return 0;
    }
}
