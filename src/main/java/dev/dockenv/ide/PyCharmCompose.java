package dev.dockenv.ide;

import dev.dockenv.compose.ComposeModel;
import dev.dockenv.compose.ComposeYaml;
import dev.dockenv.plan.EnvironmentDockerfile;
import dev.dockenv.plan.EnvironmentPlan;
import dev.dockenv.plan.ImageNames;
import dev.dockenv.plan.PlannedApp;
import dev.dockenv.render.ComposeFile;
import dev.dockenv.stack.StackCompose;
import dev.dockenv.stack.StackPlan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The compose file of PyCharm's "Docker Compose" interpreter: one service on the dev image that
 * dockenv builds and tags ({@code dockenv-NAME:dev}, or an app's {@code dockenv-NAME:APP-dev}),
 * the project mounted at its usual place, as the user that {@code .env} names (DOCKENV_UID,
 * DOCKENV_GID), with the services it depends on. PyCharm starts a container of it for each run and
 * console ({@code docker compose run --rm SERVICE python ...}); nothing of it is built by compose.
 */
public final class PyCharmCompose {
    /** The file, in the project's root, where PyCharm's settings name it. */
    public static final String FILE = "compose.pycharm.yaml";
    /** The service PyCharm's interpreter is set to. */
    public static final String SERVICE = "app";

    private PyCharmCompose() {
    }

    /**
     * The file's text (unstamped): the service {@value #SERVICE} on the project's dev stage, and one
     * per app (named for it) on the app's, each with its view of the stack ({@code appStacks}).
     */
    public static String render(EnvironmentPlan plan, StackPlan stack, Map<String, StackPlan> appStacks, Path root) {
        return ComposeYaml.render(model(plan, stack, appStacks, root));
    }

    public static ComposeModel model(EnvironmentPlan plan, StackPlan stack, Map<String, StackPlan> appStacks, Path root) {
        String repository = ImageNames.repositoryFor(plan.projectName());
        boolean services = !stack.isEmpty();
        List<String> names = new ArrayList<>(List.of(SERVICE));
        plan.apps().forEach(a -> names.add(a.name()));
        ComposeModel.Builder model = ComposeModel.builder().header(
                "PyCharm: Settings > Project > Python Interpreter > Add Interpreter > On Docker Compose;",
                "  Configuration file: ./" + FILE + ", Service: " + String.join(" or ", names) + ", Python interpreter path: "
                        + plan.base().environment().interpreter() + ".",
                "The images (" + repository + ":dev" + (plan.apps().isEmpty() ? "" : ", :APP-dev") + ") are dockenv's dev "
                        + "environments: `dockenv build` makes them",
                "  (again after a dependency changes); the user is yours, from .env (DOCKENV_UID, DOCKENV_GID).");
        if (services) {
            model.header("The services' passwords (DOCKENV_SECRET_*) are in .env too: keep it out of git.");
        }
        // PyCharm gives its own command to every container; the image's default is python
        model.service(SERVICE, ComposeFile.service(plan, EnvironmentDockerfile.DEV, List.of(), plan.ports(),
                services ? stack : null, false));
        for (PlannedApp app : plan.apps()) {
            StackPlan view = appStacks.get(app.name());
            model.service(app.name(), ComposeFile.service(plan, app.devStage(), List.of(), app.app().ports(),
                    services && view != null ? view : null, false));
        }
        if (services) {
            StackCompose.addServices(model, stack, StackCompose.BindPaths.relativeTo(root), StackCompose.Style.EJECTED);
        }
        return model.build();
    }
}
