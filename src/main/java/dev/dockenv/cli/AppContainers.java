package dev.dockenv.cli;

import dev.dockenv.build.EnvironmentBuilder;
import dev.dockenv.config.PortMapping;
import dev.dockenv.plan.ContainerPaths;
import dev.dockenv.plan.PlannedApp;
import dev.dockenv.project.Project;
import dev.dockenv.project.ProjectApp;
import dev.dockenv.run.AccountFiles;
import dev.dockenv.run.HostUser;
import dev.dockenv.run.RunSpec;
import dev.dockenv.stack.AppContainer;
import dev.dockenv.stack.PlannedService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The app's container in the stack, as {@code run} starts one: as the host user, the project mounted. */
final class AppContainers {
    private AppContainers() {
    }

    /** The project's own container (a project without apps): its configured ports and command. */
    static AppContainer of(Session session, Project project, String imageReference, String imageId) {
        return of(session, project, ProjectStack.APP, imageReference, imageId,
                project.config().ports().stream().map(p -> PortMapping.parse(p).orElseThrow()).toList(),
                project.config().command());
    }

    /**
     * The container of a service of the project's own: an app's ({@code service} its name) or the
     * project's. {@code imageId} is an image with the accounts of the environment's system stage
     * (every app's image has the same ones).
     */
    static AppContainer of(Session session, Project project, String service, String imageReference, String imageId,
            List<PortMapping> ports, List<String> command) {
        HostUser user = HostUser.current();
        List<PlannedService.Mount.Bind> binds = new ArrayList<>();
        String home = AccountFiles.homeOf(user);
        if (!user.isRoot()) {
            RunSpec.UserMounts m = HostAccounts.prepare(session, project.root(), project.name(), imageId, user);
            binds.add(new PlannedService.Mount.Bind(m.passwd(), "/etc/passwd", true));
            binds.add(new PlannedService.Mount.Bind(m.group(), "/etc/group", true));
            binds.add(new PlannedService.Mount.Bind(m.home(), home, false));
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HOME", home);
        env.put("USER", user.accountName());
        return new AppContainer(service, imageReference, user.ids(), project.root(),
                ContainerPaths.PROJECT, binds, env, ports, command,
                Map.of(EnvironmentBuilder.LABEL_PROJECT, project.name()));
    }

    /**
     * The containers of the project's own services in its stack: the project's (when it sets a
     * command), and each app's that has a command, on its dev image. {@code imageId} is any of
     * the environment's images (for the accounts, which every app's image shares); without one,
     * the first of these images the engine has, and none of them built: no container.
     */
    static List<AppContainer> all(Workspace workspace, Optional<String> imageId) {
        Project project = workspace.project();
        Map<String, String> images = new LinkedHashMap<>();
        if (!project.config().command().isEmpty()) {
            images.put(ProjectStack.APP, workspace.image(Optional.empty(), Optional.empty()).reference());
        }
        for (ProjectApp app : project.apps()) {
            if (!app.setting().command().isEmpty()) {
                images.put(app.name(), workspace.image(Optional.of(app), Optional.empty()).reference());
            }
        }
        Optional<String> accounts = imageId.or(() -> images.values().stream()
                .flatMap(ref -> workspace.session().engine().inspectImage(ref).stream()).map(i -> i.id()).findFirst());
        if (accounts.isEmpty()) {
            return List.of();
        }
        List<AppContainer> out = new ArrayList<>();
        images.forEach((service, reference) -> {
            if (service.equals(ProjectStack.APP)) {
                out.add(of(workspace.session(), project, reference, accounts.get()));
            } else {
                PlannedApp planned = workspace.plan().plannedApp(service).orElseThrow();
                out.add(of(workspace.session(), project, service, reference, accounts.get(), planned.app().ports(),
                        planned.app().command()));
            }
        });
        return out;
    }
}
