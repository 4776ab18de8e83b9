package dev.dockenv.cli;

import dev.dockenv.build.BuildOptions;
import dev.dockenv.build.EnvironmentImage;
import dev.dockenv.engine.ImageReference;
import dev.dockenv.errors.IoFailures;
import dev.dockenv.ide.PyCharmCompose;
import dev.dockenv.io.StampedText;
import dev.dockenv.project.Project;
import dev.dockenv.project.ProjectApp;
import dev.dockenv.run.HostUser;
import dev.dockenv.services.ComposeEnvFile;
import dev.dockenv.services.SecretStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code dockenv ide pycharm}: compose.pycharm.yaml for PyCharm's Docker Compose interpreter, the
 * dev images it names (built when missing, their stable tags moved to them), the user's ids and
 * the services' passwords in .env, and the steps to pick it in PyCharm.
 */
@Command(name = "pycharm", mixinStandardHelpOptions = true,
        description = {"Write " + PyCharmCompose.FILE + " for PyCharm's Docker Compose interpreter (the dev environment "
                + "as a compose service, the project mounted, its services beside it), build the dev image, and print "
                + "the steps to pick it in PyCharm.",
            "Your user's ids (DOCKENV_UID, DOCKENV_GID) and the services' passwords go into .env, which compose reads."})
final class IdePyCharmCommand implements Callable<Integer> {
    static final String COMMAND = "dockenv ide pycharm";

    @ParentCommand
    private IdeCommand ide;

    @Option(names = "--force", description = "Overwrite " + PyCharmCompose.FILE + " even when it is not as dockenv wrote it.")
    private boolean force;

    /** The file as dockenv writes it now. */
    static KeptFiles.Kept file(Workspace workspace, ProjectStack stack) {
        return new KeptFiles.Kept(PyCharmCompose.FILE, StampedText.stamp("#", COMMAND, PyCharmCompose.render(
                workspace.plan(), stack.plan(), stack.appPlans(), workspace.project().root())), COMMAND);
    }

    @Override
    public Integer call() {
        Workspace workspace = Workspace.open(ide.root());
        Project project = workspace.project();
        Path dir = project.root();
        ProjectStack stack = ProjectStack.of(workspace.session(), project);
        KeptFiles.write(workspace.session(), dir, List.of(file(workspace, stack)), force);
        List<Optional<ProjectApp>> targets = new ArrayList<>(List.of(Optional.empty()));
        project.apps().forEach(a -> targets.add(Optional.of(a)));
        for (Optional<ProjectApp> app : targets) {
            EnvironmentImage image = workspace.image(app, Optional.empty());
            var built = workspace.ensure(image, new BuildOptions(false, false, false));
            // PyCharm runs the stable tag: it names this build even when an older one moved it
            if (!workspace.session().engine().imageId(image.alias()).equals(Optional.of(built.imageId()))) {
                workspace.session().engine().tag(built.imageId(), ImageReference.of(image.alias()));
            }
            workspace.session().out().println(image.alias() + " is the dev environment of "
                    + app.map(a -> "app " + a.name()).orElse(project.name()));
        }
        HostUser user = HostUser.current();
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("DOCKENV_UID", Long.toString(user.uid()));
        variables.put("DOCKENV_GID", Long.toString(user.gid()));
        List<String> secrets = stack.secretNames();
        if (!secrets.isEmpty()) {
            variables.putAll(SecretStore.of(dir).ensure(secrets));
        }
        try {
            if (ComposeEnvFile.addMissing(dir.resolve(".env"), variables)) {
                workspace.session().out().println("wrote .env (your user's ids" + (secrets.isEmpty() ? "" : " and the "
                        + "services' passwords") + ", read by compose; keep it out of git)");
            }
        } catch (IOException e) {
            throw IoFailures.writing(dir.resolve(".env"), e);
        }
        List<String> services = new ArrayList<>(List.of(PyCharmCompose.SERVICE));
        project.apps().forEach(a -> services.add(a.name()));
        var out = workspace.session().out();
        out.println();
        out.println("In PyCharm: Settings > Project > Python Interpreter > Add Interpreter > On Docker Compose");
        out.println("  Configuration file(s): ./" + PyCharmCompose.FILE);
        out.println("  Service: " + String.join(" (or ", services) + (services.size() > 1 ? ")".repeat(services.size() - 1) : ""));
        out.println("  Python interpreter path: " + workspace.plan().base().environment().interpreter());
        out.println("After a dependency changes, run `dockenv build` (PyCharm reads the packages again).");
        return 0;
    }
}
