package dev.dockenv.cli;

import dev.dockenv.io.StampedText;
import dev.dockenv.pipeline.GithubPipeline;
import dev.dockenv.pipeline.PipelineInputs;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code dockenv ci github}: .github/workflows/dockenv.yml. */
@Command(name = "github", mixinStandardHelpOptions = true,
        description = {"Write " + GithubPipeline.FILE + ": dockenv installed from the repository variable "
                + "DOCKENV_DIST_URL, the dev environment built (restored from the Actions cache when unchanged; a stale "
                + "lock fails), the tests run with pytest when the project has any, and the release pushed on the default "
                + "branch and on v* tags.",
            "The registry login comes from the secrets DOCKENV_REGISTRY_USER and DOCKENV_REGISTRY_PASSWORD (default: "
                    + "GitHub's token for ghcr.io/OWNER/REPO); the variable DOCKENV_REPOSITORY overrides where it goes."})
final class CiGithubCommand implements Callable<Integer> {
    static final String COMMAND = "dockenv ci github";

    @ParentCommand
    private CiCommand ci;

    @Option(names = "--force", description = "Overwrite the workflow even when it is not as dockenv wrote it.")
    private boolean force;

    /** The workflow as dockenv writes it now. */
    static KeptFiles.Kept file(Workspace workspace) {
        return new KeptFiles.Kept(GithubPipeline.FILE, StampedText.stamp("#", COMMAND,
                GithubPipeline.render(inputs(workspace))), COMMAND);
    }

    /** What a pipeline of the project depends on: its name, whether it has tests, its release repository. */
    static PipelineInputs inputs(Workspace workspace) {
        return new PipelineInputs(workspace.project().name(), ProjectTests.present(workspace.project().root()),
                workspace.project().config().release().repository());
    }

    @Override
    public Integer call() {
        Workspace workspace = Workspace.open(ci.root());
        KeptFiles.write(workspace.session(), workspace.project().root(), List.of(file(workspace)), force);
        var out = workspace.session().out();
        out.println();
        out.println("In the repository's settings (Secrets and variables > Actions):");
        out.println("  variable DOCKENV_DIST_URL: where the runner downloads dockenv-" + DockenvVersion.get()
                + ".tar.gz (and DOCKENV_DIST_SHA256, its checksum)");
        out.println("  to push elsewhere than ghcr.io: variable DOCKENV_REPOSITORY, secrets DOCKENV_REGISTRY_USER and "
                + "DOCKENV_REGISTRY_PASSWORD");
        return 0;
    }
}
