package dev.dockenv.render;

import dev.dockenv.compose.Build;
import dev.dockenv.compose.ComposeModel;
import dev.dockenv.compose.ComposeString;
import dev.dockenv.compose.ComposeYaml;
import dev.dockenv.compose.Service;
import dev.dockenv.compose.VolumeMount;
import dev.dockenv.config.PortMapping;
import dev.dockenv.plan.ContainerPaths;
import dev.dockenv.plan.EnvironmentDockerfile;
import dev.dockenv.plan.EnvironmentPlan;
import dev.dockenv.plan.ImageNames;
import dev.dockenv.plan.PlannedApp;
import dev.dockenv.stack.StackCompose;
import dev.dockenv.stack.StackPlan;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The compose.yaml dockenv init writes: the dev environment as a compose service, built from the
 * Dockerfile beside it, the project mounted, ports on 127.0.0.1. A {@link ComposeModel} rendered by
 * {@link ComposeYaml}: the plan's values are literal (a {@code $} in them is written {@code $$}); only
 * the user is interpolated, from the caller's DOCKENV_UID and DOCKENV_GID.
 */
public final class ComposeFile {
    /** The service's name in the file. */
    public static final String SERVICE = "app";

    private ComposeFile() {
    }

    public static String render(EnvironmentPlan plan) {
        return ComposeYaml.render(model(plan));
    }

    /** With the project's services: the app waits for those it depends on and gets their variables. */
    public static String render(EnvironmentPlan plan, StackPlan stack, Path root) {
        return ComposeYaml.render(model(plan, stack, Map.of(), root));
    }

    /** With the project's services and its apps, each app with its view of the stack ({@code appStacks}, by name). */
    public static String render(EnvironmentPlan plan, StackPlan stack, Map<String, StackPlan> appStacks, Path root) {
        return ComposeYaml.render(model(plan, stack, appStacks, root));
    }

    public static ComposeModel model(EnvironmentPlan plan) {
        return model(plan, null, Map.of(), null);
    }

    /**
     * The file, with the services of {@code stack} (none when null): their host paths relative to
     * {@code root}, their passwords interpolated from the variables dockenv init writes into .env;
     * and a service per app with a command, on its dev stage, with its view of the stack.
     */
    public static ComposeModel model(EnvironmentPlan plan, StackPlan stack, Map<String, StackPlan> appStacks, Path root) {
        boolean services = stack != null && !stack.isEmpty();
        ComposeModel.Builder model = ComposeModel.builder()
                .header("Written by dockenv init: the environment of `dockenv run` for docker compose.",
                        "Run as yourself: export DOCKENV_UID=$(id -u) DOCKENV_GID=$(id -g)",
                        "  then: docker compose run --rm app python --version");
        if (services) {
            model.header("The services' passwords (DOCKENV_SECRET_*) are in .env, which compose reads: keep it out of git.");
        }
        model.service(SERVICE, service(plan, EnvironmentDockerfile.DEV, plan.command(), plan.ports(), services ? stack : null,
                true));
        for (PlannedApp app : plan.apps()) {
            if (!app.app().command().isEmpty()) {
                StackPlan view = appStacks.get(app.name());
                model.service(app.name(), service(plan, app.devStage(), app.app().command(), app.app().ports(),
                        services && view != null ? view : null, true));
            }
        }
        if (services) {
            StackCompose.addServices(model, stack, StackCompose.BindPaths.relativeTo(root), StackCompose.Style.EJECTED);
        }
        return model.build();
    }

    /**
     * A service of the environment's stage {@code stage}, as the caller's user (DOCKENV_UID and
     * DOCKENV_GID), the project mounted, with the services of {@code stack} (none when null):
     * built from the Dockerfile beside the file when {@code build}, else the image dockenv tags
     * {@code dockenv-NAME:STAGE} at each build.
     */
    public static Service service(EnvironmentPlan plan, String stage, List<String> command, List<PortMapping> ports,
            StackPlan stack, boolean build) {
        Service.Builder app = Service.builder()
                .image(ImageNames.repositoryFor(plan.projectName()) + ":" + stage);
        if (build) {
            Build.Builder from = Build.builder(".").target(stage);
            if (plan.index().hostNetwork()) {
                from.network("host");
            }
            plan.index().buildArgs().forEach(from::arg);
            app.builtFrom(from.build());
        }
        app.command(ComposeString.literals(command))
                .user(ComposeString.interpolated("${DOCKENV_UID:-1000}:${DOCKENV_GID:-1000}"))
                .workingDir(ContainerPaths.PROJECT)
                .init(true)
                .environment("HOME", "/tmp")
                .volume(VolumeMount.bind(".", ContainerPaths.PROJECT));
        new TreeMap<>(plan.environment()).forEach(app::environment);
        for (PortMapping port : ports) {
            app.port(port.publishArgument());
        }
        if (stack != null) {
            StackCompose.appEnvironment(stack, StackCompose.Style.EJECTED).forEach(app::environment);
            StackCompose.appDependsOn(stack).forEach(app::dependsOn);
        }
        return app.build();
    }
}
